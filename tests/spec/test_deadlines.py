"""The deadline reader on every timeline of the real plans and the repository's specs.

The corpus is collected from the files themselves (specs/, examples/, the seed texts' "Thời
gian thực hiện:" lines, appendix tables and reporting deadlines), so a timeline added there
without an expected period here fails the test: the reader's coverage is asserted, phrase by
phrase, never sampled.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from plangen.messages import message
from plangen.spec.deadlines import Period, parse_timeline, timeline_problems

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "data" / "seeds"
PLAN_DAY = datetime.date(2026, 4, 13)  # the Huế seed's date
D = datetime.date
# phrase -> (kind, start, end, recurrence, open_ended, ongoing, conditional)
Expected = tuple[str, D | None, D | None, str | None, bool, bool, bool]
Y2026 = (D(2026, 1, 1), D(2026, 12, 31))
CORPUS: dict[str, Expected] = {
    "Giai đoạn 2026-2030 và những năm tiếp theo.":
        ("years", D(2026, 1, 1), D(2030, 12, 31), None, True, False, False),
    "Hằng năm.": ("recurring", None, D(2026, 12, 31), "yearly", False, False, False),
    "Định kỳ hằng năm.": ("recurring", None, D(2026, 12, 31), "yearly", False, False, False),
    "Năm 2026 và các năm tiếp theo": ("year", *Y2026, None, True, False, False),
    "Năm 2026 và các năm tiếp theo.": ("year", *Y2026, None, True, False, False),
    "năm 2026 và các năm tiếp theo.": ("year", *Y2026, None, True, False, False),
    "Năm 2026 và thường xuyên": ("year", *Y2026, None, False, True, False),
    "Năm 2026.": ("year", *Y2026, None, False, False, False),
    "Năm 2026; cập nhật theo định kỳ hoặc theo yêu cầu": (
        "year", *Y2026, None, False, False, True),
    "Năm 2026; cập nhật theo định kỳ hoặc theo yêu cầu thực tiễn.": (
        "year", *Y2026, None, False, False, True),
    "Năm 2026; cập nhật định kỳ theo năm bảo đảm phù hợp với thực tiễn.": (
        "year", *Y2026, "yearly", False, False, False),
    "Quý I năm 2026 và hằng năm.": (
        "quarter", D(2026, 1, 1), D(2026, 3, 31), "yearly", False, False, False),
    "Quý III năm 2026.": ("quarter", D(2026, 7, 1), D(2026, 9, 30), None, False, False, False),
    "Theo Kế hoạch bồi dưỡng công chức, viên chức hàng năm.": (
        "recurring", None, D(2026, 12, 31), "yearly", False, False, True),
    "Theo kế hoạch công tác tư pháp hàng năm.": (
        "recurring", None, D(2026, 12, 31), "yearly", False, False, True),
    "Theo đề nghị của cơ quan có thẩm quyền": (
        "conditional", None, None, None, False, False, True),
    "Tháng 12/2025.": ("month", D(2025, 12, 1), D(2025, 12, 31), None, False, False, False),
    "Tháng 6 năm 2026.": ("month", D(2026, 6, 1), D(2026, 6, 30), None, False, False, False),
    "Thường xuyên": ("ongoing", None, None, None, False, True, False),
    "Thường xuyên.": ("ongoing", None, None, None, False, True, False),
    "Thường xuyên, theo yêu cầu nhiệm vụ.": ("ongoing", None, None, None, False, True, True),
    "Từ 01/7/2025.": ("from", D(2025, 7, 1), None, None, False, False, False),
    # reporting deadlines in the seeds' section IV
    "(trước 15/12)": ("date", None, D(2026, 12, 15), None, False, False, False),
    "(trước 15/6)": ("date", None, D(2026, 6, 15), None, False, False, False),
    "(trước 25/12)": ("date", None, D(2026, 12, 25), None, False, False, False),
    "(trước ngày 15 tháng 11)": ("date", None, D(2026, 11, 15), None, False, False, False),
    "trước ngày 15/12/2026": ("date", None, D(2026, 12, 15), None, False, False, False),
}
# the forms the issue lists, beyond the corpus
FORMS: dict[str, Expected] = {
    "Năm 2026": ("year", *Y2026, None, False, False, False),
    "Giai đoạn 2026 - 2030": ("years", D(2026, 1, 1), D(2030, 12, 31), None, False, False,
                              False),
    "Quý IV/2025": ("quarter", D(2025, 10, 1), D(2025, 12, 31), None, False, False, False),
    "Quí IV-2025": ("quarter", D(2025, 10, 1), D(2025, 12, 31), None, False, False, False),
    "Quý 2/2026": ("quarter", D(2026, 4, 1), D(2026, 6, 30), None, False, False, False),
    "Tháng 12/2026": ("month", D(2026, 12, 1), D(2026, 12, 31), None, False, False, False),
    "Trước ngày 31/5/2026": ("date", None, D(2026, 5, 31), None, False, False, False),
    "Trước 15/12 hằng năm": ("recurring", None, D(2026, 12, 15), "yearly", False, False,
                             False),
    "Trước ngày 15/3 hằng năm": ("recurring", None, D(2027, 3, 15), "yearly", False, False,
                                 False),
    "Định kỳ 6 tháng": ("recurring", None, D(2026, 6, 30), "half-yearly", False, False, False),
    "Hằng quý": ("recurring", None, D(2026, 6, 30), "quarterly", False, False, False),
    "Khi có yêu cầu": ("conditional", None, None, None, False, False, True),
    "6 tháng đầu năm 2026": ("half", D(2026, 1, 1), D(2026, 6, 30), None, False, False, False),
    "Từ năm 2026 đến năm 2030": ("years", D(2026, 1, 1), D(2030, 12, 31), None, False, False,
                                 False),
    "Hoàn thành trước tháng 9/2026": ("month", None, D(2026, 9, 30), None, False, False, False),
    "Ngày 20 tháng 5 năm 2026": ("date", D(2026, 5, 20), D(2026, 5, 20), None, False, False,
                                 False),
}


def _walk(value: Any, under: tuple[str, ...] = ()) -> list[str]:
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "timeline" and isinstance(item, str) and not {"labels", "columns"} & set(
                    under):
                found.append(item)
            else:
                found += _walk(item, (*under, str(key)))
    elif isinstance(value, list):
        for item in value:
            found += _walk(item, under)
    return found


_LINE = re.compile(r"Thời gian (?:thực hiện|hoàn thành)\s*:\s*(.+)")
_REPORTING = re.compile(r"\(?(?:trước|chậm nhất)(?: ngày)? \d{1,2}(?:/\d{1,2}(?:/\d{4})?| "
                        r"tháng \d{1,2}(?: năm \d{4})?)\)?")


def _seed_timelines(text: str) -> set[str]:
    found: set[str] = set(_REPORTING.findall(text))
    column = None
    for line in text.splitlines():
        match = _LINE.search(line)
        if match:
            found.add(match[1].strip())
        cells = [cell.strip() for cell in (line.strip().strip("|").split("|")
                                           if line.startswith("|") else line.split("\t"))]
        if "Thời gian thực hiện" in cells:
            column = cells.index("Thời gian thực hiện")
        elif column is not None and len(cells) > column and cells[0].isdigit():
            found.add(cells[column])
    return found


def corpus() -> set[str]:
    """Every timeline written in the repository's specs, examples and seed plans."""
    found: set[str] = set()
    for path in sorted([*ROOT.glob("specs/**/*.yaml"), *ROOT.glob("examples/**/*.yaml")]):
        found.update(_walk(yaml.safe_load(path.read_text(encoding="utf-8"))))
    for path in sorted(SEEDS.glob("**/*.txt")):
        found |= _seed_timelines(path.read_text(encoding="utf-8"))
    return found


def _shape(period: Period) -> Expected:
    return (period.kind, period.start, period.end, period.recurrence, period.open_ended,
            period.ongoing, period.conditional)


def test_the_corpus_is_what_the_table_lists() -> None:
    found = corpus()
    assert len(found) >= 25
    assert found == set(CORPUS), ("timelines without an expected period: "
                                  f"{sorted(found - set(CORPUS))}; stale: "
                                  f"{sorted(set(CORPUS) - found)}")


@pytest.mark.parametrize("phrase", sorted(CORPUS))
def test_every_corpus_timeline_reads_to_its_period(phrase: str) -> None:
    period = parse_timeline(phrase, PLAN_DAY)
    assert _shape(period) == CORPUS[phrase]
    assert period.text == phrase  # the wording is kept as written


@pytest.mark.parametrize("phrase", sorted(FORMS))
def test_the_forms_the_issue_lists(phrase: str) -> None:
    assert _shape(parse_timeline(phrase, PLAN_DAY)) == FORMS[phrase]


def test_a_day_without_a_year_needs_the_plan_date() -> None:
    assert parse_timeline("Trước 15/12 hằng năm").end is None
    assert parse_timeline("Trước 15/12 hằng năm").anchor == (15, 12)


@pytest.mark.parametrize(("phrase", "code"), [
    ("Trước ngày 31/6/2026", "timeline_no_such_date"),
    ("Ngày 29/2/2026", "timeline_no_such_date"),
    ("Tháng 13/2026", "timeline_no_such_date"),
    ("Quý V/2026", "timeline_no_such_date"),
    ("Trước 31/4 hằng năm", "timeline_no_such_date"),
    ("Quý IV/2025", "timeline_before_plan"),
    ("Trước ngày 01/3/2026", "timeline_before_plan"),
    ("Sau khi trời tạnh mưa", "timeline_unread"),
])
def test_problems(phrase: str, code: str) -> None:
    problems = timeline_problems(parse_timeline(phrase, PLAN_DAY), PLAN_DAY)
    assert [found for found, _ in problems] == [code]
    assert problems[0][1]["text"] == phrase


def test_a_date_written_alone_is_named_once() -> None:
    problems = timeline_problems(parse_timeline("31/02/2026", PLAN_DAY), PLAN_DAY)
    assert problems == [("timeline_no_such_date_alone", {"date": "31/02/2026"})]
    shown = message(*problems[0][:1], **problems[0][1])
    assert shown.count("31/02/2026") == 1, shown


@pytest.mark.parametrize("phrase", [*sorted(CORPUS), "Trước 15/12 hằng năm",
                                    "Năm 2025 và các năm tiếp theo"])
def test_no_corpus_timeline_is_a_problem(phrase: str) -> None:
    # the Bắc Ninh plan of 2025 wrote "Tháng 12/2025"; it is before 2026's plans only
    day = D(2025, 7, 1) if "2025" in phrase else PLAN_DAY
    assert timeline_problems(parse_timeline(phrase, day), day) == []


def test_due_by_a_date() -> None:
    yearly = parse_timeline("Trước 15/12 hằng năm", PLAN_DAY)
    assert yearly.due_by(D(2027, 6, 15), since=PLAN_DAY) == D(2026, 12, 15)
    assert yearly.due_by(D(2026, 6, 15), since=PLAN_DAY) is None
    quarter = parse_timeline("Quý III năm 2026.", PLAN_DAY)
    assert quarter.due_by(D(2026, 6, 15)) is None
    assert quarter.due_by(D(2026, 10, 1)) == D(2026, 9, 30)
    assert parse_timeline("Thường xuyên", PLAN_DAY).due_by(D(2030, 1, 1)) is None


def test_validate_warns_at_the_timeline_line(tmp_path: Path) -> None:
    from plangen.spec.api import check_spec

    text = (ROOT / "tests" / "data" / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    data["date"] = {"day": 13, "month": 4, "year": 2026}
    data["tasks"]["items"][0]["timeline"] = "Quý IV/2025"
    data["tasks"]["items"][1]["timeline"] = "Sau khi trời tạnh mưa"
    spec = tmp_path / "plan.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    checked = check_spec(spec)
    assert checked.plan is not None  # warnings, not errors
    found = {issue.code: issue for issue in checked.warnings}
    lines = spec.read_text(encoding="utf-8").splitlines()
    before, unread = found["timeline_before_plan"], found["timeline_unread"]
    assert before.location is not None and unread.location is not None
    assert "Quý IV/2025" in lines[before.location.line - 1]
    assert "Sau khi trời tạnh mưa" in lines[unread.location.line - 1]
    assert before.path == ("tasks", "items", 0, "timeline")
    assert "31/12/2025" in before.format("vi") and "13/4/2026" in before.format("vi")


def test_every_timeline_and_deadline_line_is_read() -> None:
    from plangen.spec.meaning import timelines

    data = {"tasks": {"labels": {"timeline": "Thời gian"}, "items": [
        {"timeline": "Năm 2026", "subtasks": [{"timeline": "Quý I/2026"}]}]},
        "sections": [{"content": [{"text": "Sở Công Thương:", "deadline": "Tháng 12/2026"}]}],
        "appendix": {"columns": {"timeline": "Thời gian thực hiện"},
                     "rows": [{"timeline": "Thường xuyên"}]}}
    assert list(timelines(data)) == [
        (("tasks", "items", 0, "timeline"), "Năm 2026"),
        (("tasks", "items", 0, "subtasks", 0, "timeline"), "Quý I/2026"),
        (("sections", 0, "content", 0, "deadline"), "Tháng 12/2026"),
        (("appendix", "rows", 0, "timeline"), "Thường xuyên")]
