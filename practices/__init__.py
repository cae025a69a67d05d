"""Best-practice pages and the cross-city practice listing (issue: Best practices)."""
