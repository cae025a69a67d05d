"""Master-plan templates, plans, programmes, roadmap and budget (issue: Master plans)."""
