import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

import handler  # noqa: E402


class DescribeTest(unittest.TestCase):
    def test_totals_price_times_quantity(self):
        order = {"id": "o-1", "items": [{"price": 2.5, "quantity": 2}, {"price": 1.0}]}
        self.assertEqual(handler.describe(order), {"order": "o-1", "items": 2, "total": 6.0})

    def test_empty_order(self):
        self.assertEqual(handler.describe({"id": "o-2"}), {"order": "o-2", "items": 0, "total": 0})


if __name__ == "__main__":
    unittest.main()
