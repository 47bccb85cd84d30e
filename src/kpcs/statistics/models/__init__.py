"""Statistics: submitted figures with their vintages, certificate-derived trade, questionnaires, settings."""

from kpcs.statistics.models.derived import DerivedCertificate, DerivedTrade
from kpcs.statistics.models.submissions import Figure, ReportVintage, Submission
from kpcs.statistics.models.workflow import ComplianceReferral, Questionnaire, ReportingSettings

__all__ = [
    "ComplianceReferral",
    "DerivedCertificate",
    "DerivedTrade",
    "Figure",
    "Questionnaire",
    "ReportVintage",
    "ReportingSettings",
    "Submission",
]
