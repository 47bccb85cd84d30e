"""Peer review pages: thin views over the reviews services and selectors."""
