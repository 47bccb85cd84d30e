"""Writes for certificates: drafts, issuing (number + signature), confirmation, voiding, replacement,
expiry, and the signing keys. Each runs in a transaction and audits every state change."""
