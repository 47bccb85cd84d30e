from django.contrib import admin

from kpcs.audit.admin_mixins import AuditedAdmin
from kpcs.participants.models import (
    Authority,
    ChairTerm,
    Company,
    HSCode,
    MemberState,
    Observer,
    Participant,
    StatusEvent,
)


class StatusEventInline(admin.TabularInline):
    model = StatusEvent
    extra = 0
    can_delete = False

    def has_change_permission(self, request, obj=None):
        # History is appended through the registry page or the API, which check the order and the rules.
        return False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Participant)
class ParticipantAdmin(AuditedAdmin):
    list_display = ["code", "name_en", "kind", "region", "producer"]
    list_filter = ["kind", "region", "producer"]
    search_fields = ["code", "name_en"]
    inlines = [StatusEventInline]

    def get_readonly_fields(self, request, obj=None):
        return ["code"] if obj else []


@admin.register(Observer)
class ObserverAdmin(AuditedAdmin):
    list_display = ["code", "name_en", "kind", "active"]


@admin.register(Authority)
class AuthorityAdmin(AuditedAdmin):
    list_display = ["name", "participant", "exporting", "importing"]
    list_filter = ["participant"]


@admin.register(Company)
class CompanyAdmin(AuditedAdmin):
    list_display = ["name", "participant", "licence_number", "exporter", "importer", "licensed_from",
                    "licensed_until"]
    list_filter = ["participant"]
    search_fields = ["name", "licence_number"]


@admin.register(ChairTerm)
class ChairTermAdmin(AuditedAdmin):
    list_display = ["year", "chair", "vice_chair", "chair_person"]


@admin.register(HSCode)
class HSCodeAdmin(AuditedAdmin):
    list_display = ["code", "in_scope", "description"]


@admin.register(MemberState)
class MemberStateAdmin(AuditedAdmin):
    list_display = ["participant", "country_code", "since", "until"]
