"""Django admin edits are writes like any other: they record an audit row in the same transaction."""

from __future__ import annotations

from django.contrib import admin
from django.db import transaction

from kpcs.accounts.actor import actor_for
from kpcs.audit.services import audit_record, diff, snapshot


class AuditedAdmin(admin.ModelAdmin):
    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            before = snapshot(type(obj).objects.get(pk=obj.pk)) if change and obj.pk else {}
            super().save_model(request, obj, form, change)
            audit_record(actor=actor_for(request.user), action="update" if change else "create", instance=obj,
                         changes=diff(before, snapshot(obj)), note="admin")

    def delete_model(self, request, obj):
        with transaction.atomic():
            audit_record(actor=actor_for(request.user), action="delete", instance=obj, changes=snapshot(obj),
                         note="admin")
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                audit_record(actor=actor_for(request.user), action="delete", instance=obj, changes=snapshot(obj),
                             note="admin")
            super().delete_queryset(request, queryset)
