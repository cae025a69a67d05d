"""The public cross-city search service and its backends (issue: Search)."""
