"""The Chair's annual report, in several languages and formats, from the demo world's data."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kpcs.errors import DomainError
from kpcs.governance import demo as governance_demo
from kpcs.governance.report import chair_report
from kpcs.reviews import demo as reviews_demo

pytestmark = pytest.mark.django_db
ON = dt.date(2004, 12, 31)


@pytest.fixture
def world(registry):
    reviews_demo.build_demo()
    governance_demo.build_demo()


def test_markdown_report_in_english_has_every_section(world):
    text = chair_report(year=2004, language="en", fmt="md", today=dt.date(2026, 1, 1))
    for phrase in ("chaired by Canada", "Russian Federation becomes Chair on 1 January 2005",
                   "8 participants received a review visit in 2004 and 7 more are planned",
                   "33 of 43 participants", "Congo", "2004-GAT-01", "Formally adopted",
                   "pending translation (missing: Russian)", "Certificates issued on the platform"):
        assert phrase in text, phrase


def test_report_in_the_other_languages_and_a_cyrillic_pdf(world):
    for lang, phrase in [("ru", "Российская Федерация"), ("fr", "Russie, Fédération de"), ("es", "Federación Rusa"),
                         ("pt", "Federação Russa")]:
        html = chair_report(year=2004, language=lang, fmt="html", today=dt.date(2026, 1, 1))
        assert f'lang="{lang}"' in html and phrase in html, lang
    pdf = chair_report(year=2004, language="ru", fmt="pdf", today=dt.date(2026, 1, 1))
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000


@pytest.mark.parametrize("kwargs, code", [({"language": "de"}, "not_official_language"),
                                          ({"fmt": "docx"}, "bad_format"), ({"year": 1999}, "bad_year")])
def test_bad_report_requests_are_refused(registry, kwargs, code):
    with pytest.raises(DomainError) as exc:
        chair_report(**({"year": 2004, "language": "en", "fmt": "md"} | kwargs))
    assert exc.value.code == code


def test_report_command(registry, tmp_path):
    out = tmp_path / "report.pdf"
    call_command("report", "chair", "--year", "2004", "--lang", "ru", "--format", "pdf", "--output", str(out),
                 stderr=StringIO())
    assert out.read_bytes().startswith(b"%PDF")
    with pytest.raises(CommandError, match="bad_year"):
        call_command("report", "chair", "--year", "2002", stderr=StringIO())
