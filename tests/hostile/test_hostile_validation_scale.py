"""Issue 14.8: thousands of mistakes in one spec are found in linear work and listed readably.

Cerberus re-sorted its whole error list at every unknown key (10,000 keys: past 100 s), and
every key got a did-you-mean search. The work is counted here, never timed: comparisons of
cerberus errors, near-miss searches and issue lines formatted.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import pytest
from cerberus.errors import ValidationError
from support.hostile_support import dump, invoke, no_traceback, plan

from plangen.errors import SHOWN_ISSUES, SpecIssue

UNKNOWN = 10_000


def wall_of_unknown_keys(tmp_path: Path, count: int) -> Path:
    data = plan()
    data["tasks"]["items"][0]["leed"] = "Sở Tư pháp"  # one near miss among them
    data.update({f"khoa_la_{number}": number for number in range(count - 1)})
    spec = tmp_path / "nhieu-loi.yaml"
    spec.write_text(dump(data), encoding="utf-8")
    return spec


class Counted:
    """Counts the calls of a function it replaces (`wrapper`, a method when set on a class)."""

    def __init__(self, function: Any) -> None:
        self.calls = 0

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            return function(*args, **kwargs)

        self.wrapper = wrapper


@pytest.fixture
def counters(monkeypatch: pytest.MonkeyPatch) -> dict[str, Counted]:
    found = {"compare": Counted(ValidationError.__lt__),
             "near_miss": Counted(difflib.get_close_matches),
             "format": Counted(SpecIssue.format)}
    monkeypatch.setattr(ValidationError, "__lt__", found["compare"].wrapper)
    monkeypatch.setattr(difflib, "get_close_matches", found["near_miss"].wrapper)
    monkeypatch.setattr(SpecIssue, "format", found["format"].wrapper)
    return found


@pytest.mark.parametrize(("lang", "rest"), [("vi", "… và 9.900 lỗi khác"),
                                            ("en", "… and 9,900 more problem(s)")])
def test_ten_thousand_unknown_keys_in_linear_work(tmp_path: Path, counters: dict[str, Counted],
                                                 lang: str, rest: str) -> None:
    spec = wall_of_unknown_keys(tmp_path, UNKNOWN)
    result = invoke("validate", spec, "--lang", lang)
    assert result.exit_code == 1
    no_traceback(result.output)
    lines = result.output.splitlines()
    listed = [line for line in lines if line.startswith(str(spec))]
    assert len(listed) == SHOWN_ISSUES, len(listed)
    assert any(rest in line for line in lines), lines[-3:]
    assert "khoa_la_0" in listed[1] and "khoa_la_9998" not in result.output
    assert any("tasks.items[1].leed" in line and '"lead"' in line for line in listed)
    # before: ~50 million comparisons (n²/2) and 10,000 near-miss searches
    assert counters["compare"].calls <= UNKNOWN, counters["compare"].calls
    assert counters["near_miss"].calls <= SHOWN_ISSUES + 5, counters["near_miss"].calls
    assert counters["format"].calls <= SHOWN_ISSUES, counters["format"].calls


def test_a_render_refused_for_ten_thousand_mistakes_lists_a_hundred(
        tmp_path: Path, counters: dict[str, Counted]) -> None:
    spec = wall_of_unknown_keys(tmp_path, UNKNOWN)
    result = invoke("render", spec, "-o", tmp_path / "x.docx")
    assert result.exit_code == 1
    assert sum(line.startswith(str(spec)) for line in result.output.splitlines()) \
        == SHOWN_ISSUES
    assert "… và 9.900 lỗi khác" in result.output
    assert "10000 lỗi" in result.output
    assert not (tmp_path / "x.docx").exists()
    assert counters["compare"].calls <= UNKNOWN


def test_few_mistakes_are_all_listed(tmp_path: Path) -> None:
    spec = wall_of_unknown_keys(tmp_path, 50)
    result = invoke("validate", spec)
    assert sum(line.startswith(str(spec)) for line in result.output.splitlines()) == 50
    assert "lỗi khác" not in result.output
