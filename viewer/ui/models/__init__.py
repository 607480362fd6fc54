"""Qt item models over one timeline, their roles, and the proxies over them."""
