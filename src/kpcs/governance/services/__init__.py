"""Writes of the governance app. Each runs in a transaction, checks the actor's permission and records its
audit row; bad input raises a DomainError with a stable code and a translated message, and nothing is saved."""
