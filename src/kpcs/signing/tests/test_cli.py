from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kpcs.signing.cli import main
from kpcs.signing.issue import certificate_qr_text
from kpcs.signing.keys import SigningKey
from kpcs.signing.tests.factories import fixed_key, sample_payload, trusted
from kpcs.signing.trustlist import KeyStatus, build_trust_list


@pytest.fixture
def trust_list_file(tmp_path: Path) -> Path:
    path = tmp_path / "trust-list.json"
    path.write_text(json.dumps(build_trust_list([trusted(fixed_key())])))
    return path


@pytest.fixture
def qr_text() -> str:
    return certificate_qr_text(sample_payload(), fixed_key())


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, dict[str, object]]:
    code = main(argv)
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("prefix", [["verify"], []])
def test_valid_certificate_exits_0(capsys, trust_list_file: Path, qr_text: str, prefix: list[str]) -> None:
    code, report = _run(
        capsys, [*prefix, "--trust-list", str(trust_list_file), "--today", "2025-03-02", qr_text]
    )
    assert code == 0
    assert report["valid"] is True
    assert report["reason"] is None
    assert report["certificate"]["no"] == "ZA-2025-000123"  # type: ignore[index]


def test_expired_certificate_exits_1(capsys, trust_list_file: Path, qr_text: str) -> None:
    code, report = _run(
        capsys, ["verify", "--trust-list", str(trust_list_file), "--today", "2026-01-01", qr_text]
    )
    assert code == 1
    assert report["valid"] is False
    assert report["reason"] == "expired"


def test_default_today_is_the_current_date(capsys, trust_list_file: Path, qr_text: str) -> None:
    # The sample certificate expired in 2025, so with the real date it is expired.
    code, report = _run(capsys, ["verify", "--trust-list", str(trust_list_file), qr_text])
    assert (code, report["reason"]) == (1, "expired")


@pytest.mark.parametrize("text", ["KP1:garbage", "hello", ""])
def test_malformed_exits_1(capsys, trust_list_file: Path, text: str) -> None:
    code, report = _run(capsys, ["verify", "--trust-list", str(trust_list_file), "--", text])
    assert code == 1
    assert report["reason"] == "malformed"


def test_revoked_and_unknown_keys_exit_1(capsys, tmp_path: Path, qr_text: str) -> None:
    path = tmp_path / "tl.json"
    path.write_text(json.dumps(build_trust_list([trusted(fixed_key(), status=KeyStatus.REVOKED)])))
    assert (
        _run(capsys, ["--trust-list", str(path), "--today", "2025-03-02", qr_text])[1]["reason"]
        == "revoked_key"
    )
    path.write_text(json.dumps(build_trust_list([trusted(SigningKey.generate())])))
    assert (
        _run(capsys, ["--trust-list", str(path), "--today", "2025-03-02", qr_text])[1]["reason"]
        == "unknown_key"
    )


def test_reads_stdin_and_strips_line_breaks(
    capsys, monkeypatch: pytest.MonkeyPatch, trust_list_file: Path, qr_text: str
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(qr_text + "\r\n"))
    code, report = _run(
        capsys, ["verify", "--trust-list", str(trust_list_file), "--today", "2025-03-02", "-"]
    )
    assert code == 0
    assert report["valid"] is True


@pytest.mark.parametrize(
    "argv",
    [
        ["verify"],
        ["verify", "KP1:X"],  # no --trust-list
        ["verify", "--trust-list", "{tl}"],  # no QRTEXT
        ["verify", "--trust-list", "{tl}", "--today", "2025-13-01", "KP1:X"],
        ["verify", "--trust-list", "{tl}", "--today", "tomorrow", "KP1:X"],
        ["verify", "--trust-list", "{missing}", "KP1:X"],
        ["verify", "--trust-list", "{bad}", "KP1:X"],
        ["verify", "--trust-list", "{tl}", "--bogus", "KP1:X"],
    ],
)
def test_usage_errors_exit_2(capsys, tmp_path: Path, trust_list_file: Path, argv: list[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"keys": [{"kid": "x"}]}')
    names = {"tl": str(trust_list_file), "missing": str(tmp_path / "nope.json"), "bad": str(bad)}
    with pytest.raises(SystemExit) as exit_info:
        main([arg.format(**names) for arg in argv])
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "usage:" in captured.err


def test_runs_without_django_or_a_database(trust_list_file: Path, qr_text: str) -> None:
    argv = ["verify", "--trust-list", str(trust_list_file), "--today", "2025-03-02", qr_text]
    script = (
        "import sys\n"
        "from kpcs.signing.cli import main\n"
        f"code = main({argv!r})\n"
        "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')], 'django imported'\n"
        "sys.exit(code)\n"
    )
    env = {"PYTHONPATH": str(Path(__file__).resolve().parents[3]), "PATH": "/usr/bin:/bin"}
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["valid"] is True
