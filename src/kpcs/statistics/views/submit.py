"""The focal point's upload page: check a file, see every bad row and why, store it when it is clean."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kpcs.accounts.roles import Role
from kpcs.errors import DomainError
from kpcs.participants.models import Participant
from kpcs.statistics.forms import UploadForm
from kpcs.statistics.models.choices import Source
from kpcs.statistics.services.importing import SubmissionRejected, submission_import
from kpcs.web.access import request_actor, requires


@requires("statistics.submit")
def submission_upload(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    anyone = actor.is_secretariat
    codes = None if anyone else sorted(actor.participants_for(Role.STATISTICS_FOCAL_POINT))
    qs = Participant.objects.all() if codes is None else Participant.objects.filter(code__in=codes)
    participants = [(p.code, f"{p.name} ({p.code})") for p in qs.order_by("code")]
    form = UploadForm(request.POST or None, request.FILES or None, participants=participants, anyone=anyone)
    context: dict = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = submission_import(actor=actor, data=upload.read(), file_name=upload.name,
                                       participant=form.cleaned_data["participant"] or None, source=Source.UPLOAD,
                                       dry_run=form.cleaned_data["dry_run"])
        except SubmissionRejected as exc:
            context.update(rejected=exc, problems=exc.details["problems"], status=400)
        except DomainError as exc:
            form.add_error(None, str(exc.message))
        else:
            context["result"] = result
    return render(request, "statistics/submit.html", context, status=context.pop("status", 200))
