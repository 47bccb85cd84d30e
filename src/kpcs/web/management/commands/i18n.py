"""Gettext catalogues: ``kpcs i18n extract`` refreshes the .po files from the sources (needs GNU gettext's
xgettext), ``kpcs i18n compile`` compiles them to .mo with polib (pure Python, no msgfmt needed),
``kpcs i18n check`` lists untranslated, fuzzy or placeholder-breaking entries."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

LANGS = [code for code, _name in settings.LANGUAGES]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdf]|\{(\w+)\}")


def locale_dir() -> Path:
    return Path(settings.LOCALE_PATHS[0])


def po_path(lang: str) -> Path:
    return locale_dir() / lang / "LC_MESSAGES" / "django.po"


def placeholders(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text)}


def problems(lang: str) -> list[str]:
    out = []
    for entry in polib.pofile(str(po_path(lang))):
        if entry.obsolete:
            continue
        texts = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        label = entry.msgid[:70].replace("\n", " ")
        if "fuzzy" in entry.flags:
            out.append(f"{lang}: fuzzy: {label}")
        if not all(t.strip() for t in texts):
            out.append(f"{lang}: untranslated: {label}")
            continue
        wanted = placeholders(entry.msgid) | placeholders(entry.msgid_plural or "")
        for t in texts:
            if placeholders(t) - wanted or (not entry.msgid_plural and placeholders(t) != wanted):
                out.append(f"{lang}: placeholders differ: {label}")
    return out


class Command(BaseCommand):
    help = "Extract, compile or check the gettext catalogues of the five official languages."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["extract", "compile", "check"])

    def handle(self, *args, action: str, **options) -> None:
        getattr(self, f"do_{action}")()

    def do_extract(self) -> None:
        if shutil.which("xgettext") is None:
            raise CommandError("xgettext (GNU gettext) is needed to extract messages: apt-get install gettext")
        import os

        cwd = os.getcwd()
        try:
            os.chdir(locale_dir().parent)
            call_command("makemessages", locale=LANGS, domain="django", no_obsolete=True, add_location="file",
                         ignore_patterns=["tests/*", "*/tests/*", "migrations/*"], verbosity=0)
        finally:
            os.chdir(cwd)
        # English is the source language: its catalogue repeats the source text.
        po = polib.pofile(str(po_path("en")))
        for entry in po:
            if entry.msgid_plural:
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
            else:
                entry.msgstr = entry.msgid
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        po.save()
        self.stdout.write("extracted: " + ", ".join(str(po_path(lang)) for lang in LANGS))

    def do_compile(self) -> None:
        for lang in LANGS:
            path = po_path(lang)
            if path.exists():
                polib.pofile(str(path)).save_as_mofile(str(path.with_suffix(".mo")))
        self.stdout.write(f"compiled {len(LANGS)} catalogues")

    def do_check(self) -> None:
        found = [p for lang in LANGS if lang != "en" for p in problems(lang)]
        for p in found:
            self.stdout.write(p)
        if found:
            raise CommandError(f"{len(found)} catalogue problems")
        self.stdout.write("all catalogues complete")
