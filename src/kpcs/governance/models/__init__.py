"""Governance records: the Participation Committee, applications, non-compliance cases, bodies, meetings,
decisions with their texts in the official languages, and deadlines."""

from kpcs.governance.models.bodies import Body, BodyMember, CommitteeSeat
from kpcs.governance.models.cases import Application, ComplianceCase
from kpcs.governance.models.decisions import Deadline, Decision, DecisionText, Meeting

__all__ = ["Application", "Body", "BodyMember", "CommitteeSeat", "ComplianceCase", "Deadline", "Decision",
           "DecisionText", "Meeting"]
