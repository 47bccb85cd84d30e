"""Writes of statistics: imports, derived statistics, questionnaires, referrals, settings."""
