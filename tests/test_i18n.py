"""Five languages for real: complete catalogues, real translations, catalogues in step with the sources."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client

from kpcs.web.management.commands.i18n import placeholders, po_path, problems

TRANSLATED = ["fr", "pt", "es", "ru"]
# Entries that are the same word in a language (proper names, codes, cognates).
SAME_IN_TRANSLATION_OK = 0.08


def test_the_five_official_languages_are_configured():
    assert [code for code, _ in settings.LANGUAGES] == ["en", "fr", "pt", "es", "ru"]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalogue_is_complete(lang):
    found = problems(lang)
    assert not found, "\n".join(found[:40])


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_are_not_copies_of_english(lang):
    entries = [e for e in polib.pofile(str(po_path(lang))) if not e.obsolete and len(e.msgid) > 12]
    copies = [e.msgid for e in entries if e.msgstr.strip() == e.msgid.strip()]
    assert len(copies) <= SAME_IN_TRANSLATION_OK * len(entries), copies[:20]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_survive_translation(lang):
    for e in polib.pofile(str(po_path(lang))):
        if e.msgstr and not e.msgid_plural:
            assert placeholders(e.msgstr) == placeholders(e.msgid), e.msgid


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext's xgettext is not installed")
def test_catalogues_are_in_step_with_the_sources(tmp_path):
    """Re-extract the messages into a copy and compare: a string added to the code without a translation
    fails here."""
    src = Path(settings.LOCALE_PATHS[0]).parent
    copy = tmp_path / "kpcs"
    shutil.copytree(src, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    code = (
        "import os, django; os.environ['DJANGO_SETTINGS_MODULE']='kpcs.settings'; django.setup();"
        "from django.core.management import call_command;"
        f"os.chdir({str(copy)!r});"
        "call_command('makemessages', locale=['fr'], domain='django', no_obsolete=True, add_location='file',"
        "ignore_patterns=['tests/*', '*/tests/*', 'migrations/*'], verbosity=0)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    fresh = {e.msgid for e in polib.pofile(str(copy / "locale/fr/LC_MESSAGES/django.po")) if not e.obsolete}
    committed = {e.msgid for e in polib.pofile(str(po_path("fr"))) if not e.obsolete}
    assert not fresh - committed, f"messages missing from the catalogues: {sorted(fresh - committed)[:20]}"


@pytest.mark.django_db
@pytest.mark.parametrize("lang, phrase", [
    ("fr", "Processus de Kimberley"), ("pt", "Processo de Kimberley"), ("es", "Proceso de Kimberley"),
    ("ru", "Кимберлийск"),
])
def test_home_page_in_each_language(lang, phrase):
    response = Client().get(f"/{lang}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'lang="{lang}"' in body
    assert phrase in body


@pytest.mark.django_db
def test_home_page_in_english_by_default():
    response = Client().get("/")
    assert response.status_code == 200
    assert "Kimberley Process" in response.content.decode()


@pytest.mark.django_db
def test_language_switcher_moves_to_the_translated_page(registry):
    response = Client().post("/i18n/setlang/", {"language": "fr", "next": "/registry/"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/registry/"
