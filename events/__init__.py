"""Seminars, agendas, speakers, registrations and calendars (issue: Events)."""
