"""The Chair's annual report, drafted from the platform's data in any of the five official languages."""

from kpcs.governance.report.render import FORMATS, chair_report

__all__ = ["FORMATS", "chair_report"]
