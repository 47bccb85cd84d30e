"""`kpcs verify`: offline certificate verification, without Django or a database."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from kpcs.signing.errors import TrustListError
from kpcs.signing.fields import parse_date
from kpcs.signing.trustlist import TrustList, load_trust_list
from kpcs.signing.verify import to_report, verify_qr_text

EXIT_VALID = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def _day(text: str) -> date:
    try:
        return parse_date(text, "--today")
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kpcs verify",
        description="Verify a KP certificate QR text offline. Prints a JSON report; exit status 0 if the "
        "certificate is valid, 1 if it is not, 2 on a usage error.",
    )
    parser.add_argument("--trust-list", required=True, type=Path, metavar="FILE", help="trust list JSON file")
    parser.add_argument(
        "--today", type=_day, metavar="YYYY-MM-DD", help="date to check expiry against (default: local date)"
    )
    parser.add_argument(
        "qr_text", metavar="QRTEXT", help='the text scanned from the QR code, or "-" for stdin'
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point; `argv` may start with the sub-command name "verify" or not."""
    args_list = sys.argv[1:] if argv is None else list(argv)
    if args_list[:1] == ["verify"]:
        args_list = args_list[1:]
    parser = build_parser()
    args = parser.parse_args(args_list)  # exits with status 2 on a usage error
    trust_list = _read_trust_list(parser, args.trust_list)
    # Scanners and shells add line breaks. Stripping spaces too is safe: the prefix comes first, and
    # Base45 text never ends in a space (a group's last digit is at most "W").
    text = (sys.stdin.read() if args.qr_text == "-" else args.qr_text).strip()
    result = verify_qr_text(text, trust_list, today=args.today or date.today())
    sys.stdout.write(json.dumps(to_report(result), indent=2, ensure_ascii=False) + "\n")
    return EXIT_VALID if result.valid else EXIT_INVALID


def _read_trust_list(parser: argparse.ArgumentParser, path: Path) -> TrustList:
    try:
        return load_trust_list(path.read_bytes())
    except OSError as exc:
        parser.error(f"cannot read trust list {path}: {exc.strerror}")
    except TrustListError as exc:
        parser.error(f"invalid trust list {path}: {exc}")


if __name__ == "__main__":
    sys.exit(main())
