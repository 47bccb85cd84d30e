"""The ``kpcs`` command: Django's management entry point plus kpcs's own commands.

``kpcs verify`` and ``kpcs reviews plan`` need no database and run without Django.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = argv[1:]
    if args[:1] == ["verify"]:
        from kpcs.signing.cli import main as verify_main

        return verify_main(args[1:])
    if args[:2] == ["reviews", "plan"]:
        from kpcs.scheduling.cli import main as plan_main

        return plan_main(args[2:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpcs.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["kpcs", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
