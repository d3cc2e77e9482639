"""One audit line per article: a Ctrl-C during serialisation stops the run as Ctrl-C does."""

from __future__ import annotations

import json

import pytest
from pydantic_core import PydanticSerializationError

import citecheck
from citecheck.cli.audit import audit_line
from citecheck.report import Report


def _report() -> Report:
    return citecheck.verify("Water boils at 100 degrees [1].", {"1": "Water boils at 100 degrees."})


def test_a_line_is_the_report_as_json_after_its_name_and_hash() -> None:
    report = _report()
    line = audit_line("desk/a.md", "abc123", report)
    assert line.endswith(b"\n")
    assert line.count(b"\n") == 1
    record = json.loads(line)
    assert record["article"] == "desk/a.md"
    assert record["hash"] == "abc123"
    assert json.dumps(record["report"], separators=(",", ":")) == report.model_dump_json()


def _fails_with(message: str) -> object:
    def dump(self: Report, **_: object) -> str:
        raise PydanticSerializationError(message)

    return dump


def test_an_interrupt_inside_pydantic_is_given_back_as_keyboard_interrupt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    report = _report()
    # What pydantic-core raises when SIGINT lands while it serialises (seen in a --resume run).
    monkeypatch.setattr(
        Report, "model_dump_json", _fails_with("Error serializing to JSON: KeyboardInterrupt: ")
    )
    with pytest.raises(KeyboardInterrupt):
        audit_line("desk/a.md", "abc123", report)


def test_other_serialisation_errors_are_not_disguised(monkeypatch: pytest.MonkeyPatch) -> None:
    report = _report()
    monkeypatch.setattr(Report, "model_dump_json", _fails_with("Error serializing to JSON: boom"))
    with pytest.raises(PydanticSerializationError, match="boom"):
        audit_line("desk/a.md", "abc123", report)
