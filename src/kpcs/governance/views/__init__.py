"""Governance pages: thin views over the governance services and selectors."""
