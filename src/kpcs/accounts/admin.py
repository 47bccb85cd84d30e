from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from kpcs.accounts.models import ApiToken, Membership, User
from kpcs.audit.admin_mixins import AuditedAdmin


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "email", "is_active", "is_staff", "preferred_language"]
    fieldsets = (*BaseUserAdmin.fieldsets, ("kpcs", {"fields": ["preferred_language"]}))


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedAdmin):
    list_display = ["user", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["user", "prefix", "digest", "created_at", "last_used_at"]
    exclude = []

    def has_add_permission(self, request):
        return False  # tokens are created by their owner, so the clear token is shown only to them
