"""kpcs: a platform for the Kimberley Process Certification Scheme."""

__version__ = "0.1.0"
