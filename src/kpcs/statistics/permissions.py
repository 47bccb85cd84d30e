"""Who may do what with statistics (merged into ``kpcs.accounts.permissions.ACTIONS``).

The public summary, its charts and downloads need no action: they are aggregates. Partner-level national
detail is confidential to the participant (its focal point and its authorities) and the WGS; observers
see aggregates only.
"""

from __future__ import annotations

from kpcs.accounts.roles import Role as R

ACTIONS: dict[str, frozenset[str]] = {
    # Submit a file of figures (focal points for their own participant; the Secretariat for anyone).
    "statistics.submit": frozenset({R.STATISTICS_FOCAL_POINT, R.SECRETARIAT_ADMIN}),
    # Read a participant's national detail: partner-level figures, vintages, reconciliation.
    "statistics.national": frozenset({R.STATISTICS_FOCAL_POINT, R.AUTHORITY_OFFICER, R.AUTHORITY_VALIDATOR,
                                      R.WGS_ANALYST, R.SECRETARIAT_ADMIN}),
    # The WGS's analyses across participants: timeliness, anomalies, mirror, valuation, reconciliation.
    "statistics.analyse": frozenset({R.WGS_ANALYST, R.SECRETARIAT_ADMIN}),
    # Data Anomaly Questionnaires.
    "statistics.questionnaire.view": frozenset({R.STATISTICS_FOCAL_POINT, R.WGS_ANALYST, R.SECRETARIAT_ADMIN}),
    "statistics.questionnaire.manage": frozenset({R.WGS_ANALYST}),
    "statistics.questionnaire.answer": frozenset({R.STATISTICS_FOCAL_POINT}),
    # Turn a late or missing report into a compliance signal for the Participation Committee.
    "statistics.refer": frozenset({R.WGS_ANALYST}),
    # The reporting calendar and check thresholds.
    "statistics.settings": frozenset({R.WGS_ANALYST, R.SECRETARIAT_ADMIN}),
    # Rebuild the certificate-derived statistics from scratch.
    "statistics.rebuild": frozenset({R.SECRETARIAT_ADMIN}),
}
