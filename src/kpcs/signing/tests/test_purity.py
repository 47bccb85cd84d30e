"""The signing core must stay importable and usable without Django."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


def test_no_module_mentions_a_django_import() -> None:
    pattern = re.compile(r"^\s*(from|import)\s+django\b", re.MULTILINE)
    offenders = [p.name for p in PACKAGE.rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_importing_every_module_does_not_import_django() -> None:
    modules = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")
    script = "import sys\nimport kpcs.signing\n"
    script += "".join(f"import kpcs.signing.{name}\n" for name in modules)
    script += "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))\n"
    env = {"PYTHONPATH": str(PACKAGE.parents[1]), "PATH": "/usr/bin:/bin"}
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "[]"
