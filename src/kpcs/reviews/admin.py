"""The Secretariat's admin view of peer review. Workflow records (visits, plans, recommendations) are read-only
here: they move only through the services, which check the rules and the state machine."""

from django.contrib import admin

from kpcs.audit.admin_mixins import AuditedAdmin
from kpcs.reviews.models import Expert, Invitation, Recommendation, ReviewVisit, SchedulePlan


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Expert)
class ExpertAdmin(AuditedAdmin):
    list_display = ("name", "nominator_code", "kind", "max_visits", "active")
    list_filter = ("kind", "active")
    search_fields = ("name",)
    fields = ("name", "email", "notes")


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ("participant", "invited_on")


@admin.register(ReviewVisit)
class ReviewVisitAdmin(ReadOnlyAdmin):
    list_display = ("participant", "kind", "period", "starts_on", "status")
    list_filter = ("status", "kind", "period")


@admin.register(Recommendation)
class RecommendationAdmin(ReadOnlyAdmin):
    list_display = ("owner", "visit", "due_on", "status")
    list_filter = ("status",)


@admin.register(SchedulePlan)
class SchedulePlanAdmin(ReadOnlyAdmin):
    list_display = ("period", "status", "solver_status", "objective", "created_at")
