#!/usr/bin/env bash
# doc_test.py checks itself: a page whose outputs match passes (wildcards, continuation lines,
# any-order groups, state carried between commands), and a page with one wrong line fails and
# names that command's line; the same unordered lines outside an any-order block fail too.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$1
fail() { echo "FAIL: $*" >&2; exit 1; }
out=$(python3 "$here/doc_test.py" "$here/selftest/good.md" --repo "$here/selftest" --bin "$bin" 2>&1) ||
  fail "good.md should pass: $out"
grep -qF "good.md: 8 commands, 0 with different output" <<<"$out" || fail "unexpected summary: $out"
out=$(python3 "$here/doc_test.py" "$here/selftest/bad.md" --repo "$here/selftest" --bin "$bin" 2>&1) &&
  fail "bad.md should fail: $out"
grep -qF "bad.md:6: output of \`echo \"0 errors, 1 warnings\"\` differs" <<<"$out" || fail "no line named: $out"
grep -qF "bad.md:8: output of \`printf 'head\n  x\n  y\n'\` differs" <<<"$out" || fail "order not checked: $out"
grep -qF "bad.md: 3 commands, 2 with different output" <<<"$out" || fail "unexpected summary: $out"
echo "doc_test.py selftest: ok"
