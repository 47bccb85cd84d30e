"""The page helpers governance shares with peer review."""

from kpcs.reviews.views.common import can, forbidden_unless, submit

__all__ = ["can", "forbidden_unless", "submit"]
