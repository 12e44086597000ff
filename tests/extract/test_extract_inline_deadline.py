"""A deadline at the end of an item's own line ("- Xây dựng …; thời hạn hoàn thành: trước
ngày 30/9/2026.") is the item's deadline, printed back exactly as the source wrote it: the
mark before it, its label, its case."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support.docx_helpers import assert_schema_valid, open_docx

from plangen.check.api import check_docx
from plangen.extract import extract_text
from plangen.messages import format_path
from plangen.render.docx import Renderer
from plangen.spec.api import load_plan
from plangen.spec.loader import load_spec_text
from plangen.spec.validate import validate_spec

LINES = [
    "- Xây dựng mô hình \"Gia đình học tập\"; thời hạn hoàn thành: trước ngày 30/9/2026.",
    "- Mở lớp tin học cơ bản, thời hạn hoàn thành: Quý III/2026",
    "- Tổ chức sinh hoạt chuyên đề. Thời hạn: Trước ngày 30/11/2026.",
    "a) Tham mưu phát động phong trào; hạn hoàn thành: tháng 3/2026.",
]
SOURCE = """ỦY BAN NHÂN DÂN
XÃ EA KAR
Số: 45/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Ea Kar, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Tổ chức phong trào thi đua "Xã hội học tập" năm 2026
A. MỤC ĐÍCH, YÊU CẦU
Động viên Nhân dân học tập suốt đời.
B. NỘI DUNG THI ĐUA
1. Đối với các thôn, buôn
- Tổng hợp kết quả trước ngày 15/11/2026.
{lines}
C. KINH PHÍ
Ngân sách xã.
D. TỔ CHỨC THỰC HIỆN
Các thôn, buôn thực hiện.
Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Y Khoa Niê
""".replace("{lines}", "\n".join(LINES))


def _blocks(yaml_text: str) -> list[dict]:  # type: ignore[type-arg]
    data = yaml.safe_load(yaml_text)
    tasks = next(s for s in data["sections"] if s.get("role") == "tasks")
    return tasks["content"][0]["content"]  # type: ignore[no-any-return]


def test_extract_reads_the_deadline_the_mark_and_the_label() -> None:
    extraction = extract_text(SOURCE, "plan.txt")
    assert not extraction.errors, [i.format() for i in extraction.errors]
    plain, first, second, third, fourth = _blocks(extraction.yaml_text)
    assert first == {"bullet": "Xây dựng mô hình \"Gia đình học tập\"",
                     "deadline": "trước ngày 30/9/2026.", "deadline_inline": ";"}
    assert second == {"bullet": "Mở lớp tin học cơ bản", "deadline": "Quý III/2026",
                      "deadline_inline": True}
    assert third == {"bullet": "Tổ chức sinh hoạt chuyên đề",
                     "deadline": "Trước ngày 30/11/2026.", "deadline_inline": ".",
                     "labels": {"deadline": "Thời hạn"}}
    assert fourth["deadline_inline"] == ";" and fourth["labels"] == {
        "deadline": "Hạn hoàn thành"}
    assert plain == {"bullet": "Tổng hợp kết quả trước ngày 15/11/2026."}  # no label: text


def test_the_render_prints_each_line_as_the_source_did(tmp_path: Path) -> None:
    spec = tmp_path / "plan.yaml"
    spec.write_text(extract_text(SOURCE, "plan.txt").yaml_text, encoding="utf-8")
    plan = load_plan(spec)
    data = Renderer().render(plan)
    assert_schema_valid(data)
    texts = [p.text for p in open_docx(data).paragraphs]
    for line in LINES:
        assert line in texts, (line, [t for t in texts if "hạn" in t])
    assert not check_docx(data, "plan.docx").failed
    # each is a task with its deadline, for the assignment workbook and the calendar
    deadlines = [task.roles.timeline for task in plan.tasks.items]
    assert deadlines == ["trước ngày 30/9/2026.", "Quý III/2026", "Trước ngày 30/11/2026.",
                         "tháng 3/2026."]


@pytest.mark.parametrize(("value", "ok"), [("true", True), ('","', True), ('";"', True),
                                           ('"."', True), ("false", True), ('"x"', False),
                                           ('"và"', False)])
def test_deadline_inline_values(value: str, ok: bool) -> None:
    text = extract_text(SOURCE, "plan.txt").yaml_text.replace(
        'deadline_inline: ";"', f"deadline_inline: {value}", 1)
    assert f"deadline_inline: {value}" in text
    issues = [i for i in validate_spec(load_spec_text(text, "plan.yaml", collect=True))
              if i.severity == "error"]
    if ok:
        assert issues == []
    else:
        assert [(i.code, format_path(i.path).rsplit(".", 1)[-1]) for i in issues] == [
            ("deadline_inline_mark", "deadline_inline")]
        assert value.strip('"') in issues[0].format()
