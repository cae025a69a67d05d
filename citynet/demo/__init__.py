"""Demo content: real member-city names from the cohort list, sample text marked as such."""
