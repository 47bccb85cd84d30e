"""Read-only admin views of statistics: figures change only through imports (new vintages), never by hand."""

from django.contrib import admin

from kpcs.audit.admin_mixins import AuditedAdmin
from kpcs.statistics.models import (
    ComplianceReferral,
    DerivedTrade,
    Figure,
    Questionnaire,
    ReportingSettings,
    ReportVintage,
    Submission,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = ["id", "source", "file_name", "received_on", "submitted_by", "rows", "created_at"]
    list_filter = ["source"]


@admin.register(ReportVintage)
class ReportVintageAdmin(ReadOnlyAdmin):
    list_display = ["participant", "period", "flow", "number", "current", "received_on"]
    list_filter = ["flow", "current", "year"]
    search_fields = ["participant__code", "period"]


@admin.register(Figure)
class FigureAdmin(ReadOnlyAdmin):
    list_display = ["vintage", "partner", "hs_code", "origin", "carats", "usd", "certificates"]
    list_select_related = ["vintage", "partner"]


@admin.register(DerivedTrade)
class DerivedTradeAdmin(ReadOnlyAdmin):
    list_display = ["participant", "flow", "partner", "year", "quarter", "hs_code", "carats", "usd", "certificates"]
    list_filter = ["flow", "year"]


@admin.register(Questionnaire)
class QuestionnaireAdmin(ReadOnlyAdmin):
    list_display = ["participant", "period", "flow", "status", "sent_on", "due_on", "answered_on"]
    list_filter = ["status"]


@admin.register(ComplianceReferral)
class ComplianceReferralAdmin(ReadOnlyAdmin):
    list_display = ["participant", "period", "flow_group", "kind", "days_late", "referred_at", "case_reference"]


@admin.register(ReportingSettings)
class ReportingSettingsAdmin(AuditedAdmin):
    list_display = ["trade_due_days", "production_due_days", "swing_threshold_pct", "questionnaire_answer_days"]

    def has_add_permission(self, request):
        return not ReportingSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
