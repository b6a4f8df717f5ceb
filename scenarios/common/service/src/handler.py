"""service-x: turns an order event into the message published on the region's topic."""


def describe(order):
    items = order.get("items", [])
    total = sum(i["price"] * i.get("quantity", 1) for i in items)
    return {"order": order["id"], "items": len(items), "total": round(total, 2)}


def handle(event, context=None):
    return describe(event)
