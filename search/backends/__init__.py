"""Search backends: `database` (Wagtail's search, the default) and `elastic`."""
