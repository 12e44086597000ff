"""Role lines marked with letters, as real plans write them under a task ("a) Cơ quan chủ trì:
Sở …", "b) Cơ quan phối hợp: …", "c) Thời gian thực hiện: …"; also "a. …" and "- a) …"):
read into the same role fields as "- Cơ quan chủ trì: …", in the classic structure and in free
`sections:`, printed back as the plan lettered them ("a)", "b)", "c)", or "a.", "b.", "c." with
`role_style: letter_dot`) so extract -> render -> extract keeps the words in their order."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.docx_helpers import assert_schema_valid, open_docx

from plangen.check.api import check_docx
from plangen.extract import extract_bytes, extract_text
from plangen.render.docx import render_plan
from plangen.spec.api import check_loaded
from plangen.spec.loader import load_spec_text

SEED = Path(__file__).resolve().parents[1] / "data" / "seeds" / "000_90d6a1797ac0299c.txt"

# the tasks of seed 000 (UBND tỉnh Đắk Lắk, Luật Trí tuệ nhân tạo), in a plan whose sections
# are not the four fixed ones (it has "II. MỤC TIÊU"), so it is read into `sections:`
FREE = """ỦY BAN NHÂN DÂN
TỈNH ĐẮK LẮK
Số: 12/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đắk Lắk, ngày 05 tháng 02 năm 2026
KẾ HOẠCH
Triển khai thực hiện Luật Trí tuệ nhân tạo trên địa bàn tỉnh Đắk Lắk
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Bảo đảm việc thi hành Luật Trí tuệ nhân tạo thống nhất, hiệu quả.
II. MỤC TIÊU
Nâng cao nhận thức của cán bộ, công chức về trí tuệ nhân tạo.
III. NHIỆM VỤ VÀ GIẢI PHÁP
1. Tuyên truyền, phổ biến pháp luật
Tuyên truyền, tập huấn, phổ biến các quy định của Luật tới các cơ quan, tổ chức, cá nhân.
a) Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.
b) Cơ quan phối hợp: Sở Khoa học và Công nghệ, Báo và Phát thanh, Truyền hình tỉnh; các cơ \
quan báo chí trên địa bàn tỉnh.
c) Thời gian thực hiện: Năm 2026 và các năm tiếp theo.
2. Rà soát văn bản quy phạm pháp luật
Rà soát các văn bản quy định chi tiết, hướng dẫn thi hành Luật Công nghiệp công nghệ số.
a) Cơ quan chủ trì: Sở Khoa học và Công nghệ.
b) Cơ quan phối hợp:
+ Sở Tư pháp;
+ Ủy ban nhân dân các xã, phường.
c) Thời gian thực hiện: Thường xuyên.
d) Thời hạn hoàn thành: Trước ngày 31/5/2026.
3. Xây dựng cơ sở dữ liệu
a) Xây dựng cơ sở dữ liệu về trí tuệ nhân tạo của tỉnh.
b) Kết nối với cơ sở dữ liệu quốc gia.
IV. KINH PHÍ THỰC HIỆN
Kinh phí thực hiện từ ngân sách tỉnh.
V. TỔ CHỨC THỰC HIỆN
Các sở, ngành triển khai thực hiện Kế hoạch này.
Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
"""
TASK_LINES = FREE[FREE.index("1. Tuyên truyền"):FREE.index("IV. KINH PHÍ")].replace(
    "\\\n", "").splitlines()


def _data(text: str) -> dict[str, Any]:
    extraction = extract_text(text, "plan.txt")
    assert not extraction.errors, [i.format() for i in extraction.errors]
    data: dict[str, Any] = yaml.safe_load(extraction.yaml_text)
    return data


def _section(data: dict[str, Any]) -> dict[str, Any]:
    section: dict[str, Any] = next(s for s in data["sections"] if s.get("role") == "tasks")
    return section


def _tasks(data: dict[str, Any]) -> list[dict[str, Any]]:
    return _section(data)["content"]  # type: ignore[no-any-return]


def _render(yaml_text: str) -> bytes:
    checked = check_loaded(load_spec_text(yaml_text, "plan.yaml"))
    assert checked.plan is not None, [i.format() for i in checked.issues]
    data = render_plan(checked.plan)
    assert_schema_valid(data)
    assert not check_docx(data, "plan.docx").failed
    return data


def _paragraphs(data: bytes) -> list[str]:
    return [p.text for p in open_docx(data).paragraphs if p.text]


def test_free_sections_read_lettered_lines_as_the_task_s_roles() -> None:
    data = _data(FREE)
    # every task of the section letters its roles: the section says so once
    assert _section(data)["role_style"] == "letter"
    first, second, third = _tasks(data)
    assert "role_style" not in first
    assert first["lead"] == "Sở Văn hóa, Thể thao và Du lịch"
    assert first["partners"].startswith("Sở Khoa học và Công nghệ") and \
        first["partners"].endswith("các cơ quan báo chí trên địa bàn tỉnh")
    assert first["timeline"] == "Năm 2026 và các năm tiếp theo"
    # the description stays the task's own paragraph, before its role lines
    assert first["content"] == [
        "Tuyên truyền, tập huấn, phổ biến các quy định của Luật tới các cơ quan, tổ chức, cá "
        "nhân."]
    # an open lettered role line keeps its agencies, one a line; the deadline is the task's
    assert second["partners"] == ["Sở Tư pháp", "Ủy ban nhân dân các xã, phường"]
    assert second["role_items"] == {"partners": "plus"}
    assert (second["timeline"], second["deadline"]) == ("Thường xuyên", "Trước ngày 31/5/2026")
    # points that are the task's content, not roles, stay points
    assert "role_style" not in third and [block["point"] for block in third["content"]] == [
        "Xây dựng cơ sở dữ liệu về trí tuệ nhân tạo của tỉnh.",
        "Kết nối với cơ sở dữ liệu quốc gia."]


def _dotted(text: str, letters: str = "a-d") -> str:
    """`text` with its lettered role lines written "a. …" instead of "a) …"."""
    dotted = re.sub(rf"^([{letters}])\) (?=Cơ quan|Thời gian|Thời hạn)", r"\1. ", text,
                    flags=re.MULTILINE)
    assert dotted != text
    return dotted


@pytest.mark.parametrize(("marker", "style"), [("a. ", "letter_dot"), ("- a) ", "dash_letter")],
                         ids=["letter-dot", "dash-letter"])
def test_free_sections_read_the_other_lettered_forms(marker: str, style: str) -> None:
    text = re.sub(r"^([a-d])\) (?=Cơ quan|Thời gian|Thời hạn)",
                  lambda m: marker.replace("a", m.group(1)), FREE, flags=re.MULTILINE)
    assert text != FREE
    data = _data(text)
    assert _tasks(data)[:2] == _tasks(_data(FREE))[:2]
    # the letter's punctuation is the section's role style: "a." is not made "a)"
    assert _section(data)["role_style"] == style


def test_dashed_role_lines_after_a_task_s_description_are_its_roles_too() -> None:
    """ "- Cơ quan chủ trì: …" after the description paragraph (seed 01, Bắc Ninh, writes its
    tasks so) gives the same roles as the lettered lines, in the dash style."""
    text = re.sub(r"^[a-d]\) (?=Cơ quan|Thời gian|Thời hạn)", "- ", FREE, flags=re.MULTILINE)
    assert "role_style" not in _section(_data(text))
    assert _tasks(_data(text))[:2] == _tasks(_data(FREE))[:2]


def test_a_task_in_another_style_keeps_its_own_and_the_section_states_none() -> None:
    text = FREE.replace("a) Cơ quan chủ trì: Sở Khoa học và Công nghệ.",
                        "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.").replace(
        "b) Cơ quan phối hợp:\n", "- Cơ quan phối hợp:\n").replace(
        "c) Thời gian thực hiện: Thường xuyên.\nd)", "- Thời gian thực hiện: Thường xuyên.\n-")
    data = _data(text)
    assert "role_style" not in _section(data)
    first, second = _tasks(data)[:2]
    assert first["role_style"] == "letter" and "role_style" not in second
    assert (second["lead"], second["deadline"]) == ("Sở Khoa học và Công nghệ",
                                                    "Trước ngày 31/5/2026")


def test_a_lettered_line_out_of_sequence_stays_a_point() -> None:
    """ "b) Thời gian thực hiện: …" after a point "a)" is the task's second point: lettered
    role lines open with "a)"; a deadline alone is no role line either."""
    text = FREE.replace("a) Kết nối với cơ sở dữ liệu quốc gia.",
                        "b) Thời gian thực hiện: Năm 2027.").replace(
        "b) Kết nối với cơ sở dữ liệu quốc gia.", "b) Thời gian thực hiện: Năm 2027.")
    third = _tasks(_data(text))[2]
    assert "timeline" not in third and third["content"][1] == {
        "point": "Thời gian thực hiện: Năm 2027."}
    lone = FREE.replace("a) Xây dựng cơ sở dữ liệu về trí tuệ nhân tạo của tỉnh.",
                        "a) Thời hạn hoàn thành: Quý II năm 2026.")
    assert "deadline" not in _tasks(_data(lone))[2]


def test_free_render_prints_the_letters_back_and_the_trip_keeps_the_lines() -> None:
    extraction = extract_text(FREE, "plan.txt")
    assert _section(yaml.safe_load(extraction.yaml_text))["role_style"] == "letter"
    first = _render(extraction.yaml_text)
    texts = _paragraphs(first)
    start = texts.index(TASK_LINES[0])
    # every line of the tasks, in order, as the plan wrote them
    assert texts[start:start + len(TASK_LINES)] == TASK_LINES
    again = extract_bytes(first, "plan.docx")
    assert _section(yaml.safe_load(again.yaml_text)) == _section(yaml.safe_load(
        extraction.yaml_text))
    assert _paragraphs(_render(again.yaml_text)) == texts


def test_the_deadline_after_lettered_roles_takes_the_next_letter() -> None:
    extraction = extract_text(FREE, "plan.txt")
    assert _tasks(yaml.safe_load(extraction.yaml_text))[1]["deadline"] == "Trước ngày 31/5/2026"
    texts = _paragraphs(_render(extraction.yaml_text))
    assert "d) Thời hạn hoàn thành: Trước ngày 31/5/2026." in texts
    assert "a) Thời hạn hoàn thành: Trước ngày 31/5/2026." not in texts


def test_classic_plan_reads_lettered_roles_and_the_trip_keeps_them() -> None:
    """Seed 000 (classic sections I–IV) writes its roles "a) Cơ quan chủ trì: …" and, once,
    "- a) Cơ quan thực hiện: …"."""
    extraction = extract_text(SEED.read_text(encoding="utf-8"), SEED.name)
    data = yaml.safe_load(extraction.yaml_text)
    assert data["tasks"]["role_style"] == "letter"
    first = data["tasks"]["items"][0]
    assert first["lead"] == "Sở Văn hóa, Thể thao và Du lịch"
    assert first["timeline"] == "Năm 2026 và các năm tiếp theo."  # classic keeps the stop
    rendered = _render(extraction.yaml_text)
    texts = _paragraphs(rendered)
    assert "a) Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch." in texts
    assert "c) Thời gian thực hiện: Năm 2026 và các năm tiếp theo." in texts
    # the task that wrote "- a) Cơ quan thực hiện: …" keeps its dash
    assert "- a) Cơ quan thực hiện: Sở Khoa học và Công nghệ." in texts
    assert "- c) Thời gian thực hiện: Năm 2026 và các năm tiếp theo." in texts
    assert "a) Cơ quan thực hiện: Sở Khoa học và Công nghệ." not in texts
    again = yaml.safe_load(extract_bytes(rendered, "plan.docx").yaml_text)
    assert again["tasks"] == data["tasks"]


def test_classic_plan_reads_letter_dot_roles() -> None:
    """The same roles as "a)", in the style "letter_dot": "a." is what the plan says."""
    seed = SEED.read_text(encoding="utf-8")
    dotted = yaml.safe_load(extract_text(_dotted(seed, "abc"), SEED.name).yaml_text)["tasks"]
    lettered = yaml.safe_load(extract_text(seed, SEED.name).yaml_text)["tasks"]
    assert (dotted.pop("role_style"), lettered.pop("role_style")) == ("letter_dot", "letter")
    # the task written "- a) Cơ quan thực hiện: …" keeps its "- a)" under a section of "a."
    # or of "a)"
    last, other = dotted["items"][-1], lettered["items"][-1]
    assert last["id"] == "to-chuc-kiem-tra"
    assert (last.pop("role_style"), other.pop("role_style")) == ("dash_letter", "dash_letter")
    assert dotted == lettered


def _round_trip_lines(source: str) -> list[str]:
    """The paragraphs of `source` extracted and rendered; extracted again from that .docx,
    the tasks section is the same and renders the same paragraphs."""
    extraction = extract_text(source, "plan.txt")
    first = _render(extraction.yaml_text)
    again = extract_bytes(first, "plan.docx")
    assert _section(yaml.safe_load(again.yaml_text)) == _section(yaml.safe_load(
        extraction.yaml_text))
    texts = _paragraphs(first)
    assert _paragraphs(_render(again.yaml_text)) == texts
    return texts


def test_free_round_trip_keeps_letter_dot_role_lines() -> None:
    """ "a. Cơ quan chủ trì: …" comes back "a. …", the deadline after them "d. …": every line
    of the tasks as the plan wrote them, through text, spec, .docx and back."""
    dotted = _dotted(FREE)
    assert _section(_data(dotted))["role_style"] == "letter_dot"
    texts = _round_trip_lines(dotted)
    lines = _dotted("\n".join(TASK_LINES)).splitlines()
    start = texts.index(lines[0])
    assert texts[start:start + len(lines)] == lines
    assert "d. Thời hạn hoàn thành: Trước ngày 31/5/2026." in texts
    assert not any(text.startswith(("a) Cơ quan", "b) Cơ quan", "c) Thời gian"))
                   for text in texts)


def test_free_round_trip_keeps_each_task_s_own_letter_style() -> None:
    """One task lettered "a.", the next "a)": each keeps its own, the section states none."""
    text = FREE.replace("a) Cơ quan chủ trì: Sở Văn hóa", "a. Cơ quan chủ trì: Sở Văn hóa") \
        .replace("b) Cơ quan phối hợp: Sở Khoa học", "b. Cơ quan phối hợp: Sở Khoa học") \
        .replace("c) Thời gian thực hiện: Năm 2026", "c. Thời gian thực hiện: Năm 2026")
    data = _data(text)
    first, second = _tasks(data)[:2]
    assert "role_style" not in _section(data)
    assert (first["role_style"], second["role_style"]) == ("letter_dot", "letter")
    texts = _round_trip_lines(text)
    assert "a. Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch." in texts
    assert "a) Cơ quan chủ trì: Sở Khoa học và Công nghệ." in texts
    assert "d) Thời hạn hoàn thành: Trước ngày 31/5/2026." in texts


def test_classic_round_trip_keeps_letter_dot_role_lines() -> None:
    seed = _dotted(SEED.read_text(encoding="utf-8"), "abc")
    extraction = extract_text(seed, SEED.name)
    data = yaml.safe_load(extraction.yaml_text)
    assert data["tasks"]["role_style"] == "letter_dot"
    rendered = _render(extraction.yaml_text)
    texts = _paragraphs(rendered)
    assert "a. Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch." in texts
    assert "c. Thời gian thực hiện: Năm 2026 và các năm tiếp theo." in texts
    assert "a) Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch." not in texts
    again = yaml.safe_load(extract_bytes(rendered, "plan.docx").yaml_text)
    assert again["tasks"] == data["tasks"]


def _dash_lettered(text: str) -> str:
    """`text` with its lettered role lines "a) Cơ quan …" written "- a) Cơ quan …"."""
    dashed = re.sub(r"^([a-d])\) (?=Cơ quan|Thời gian|Thời hạn)", r"- \1) ", text,
                    flags=re.MULTILINE)
    assert dashed != text
    return dashed


def test_free_round_trip_keeps_the_dash_before_the_letter() -> None:
    """ "- a) Cơ quan chủ trì: …" comes back "- a) …" (not "a) …"), the deadline after them
    "- d) …": through text, spec, .docx and back."""
    dashed = _dash_lettered(FREE)
    assert _section(_data(dashed))["role_style"] == "dash_letter"
    texts = _round_trip_lines(dashed)
    lines = _dash_lettered("\n".join(TASK_LINES)).splitlines()
    start = texts.index(lines[0])
    assert texts[start:start + len(lines)] == lines
    assert "- d) Thời hạn hoàn thành: Trước ngày 31/5/2026." in texts
    assert not any(text.startswith(("a) Cơ quan", "b) Cơ quan", "c) Thời gian"))
                   for text in texts)


def test_classic_round_trip_keeps_the_dash_before_the_letter() -> None:
    seed = _dash_lettered(SEED.read_text(encoding="utf-8"))
    extraction = extract_text(seed, SEED.name)
    data = yaml.safe_load(extraction.yaml_text)
    assert data["tasks"]["role_style"] == "dash_letter"
    # the section says it once; only the task of dashed sub-task roles keeps its own
    assert [item.get("role_style") for item in data["tasks"]["items"]] == [
        None, None, None, "dash", None]
    rendered = _render(extraction.yaml_text)
    texts = _paragraphs(rendered)
    assert "- a) Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch." in texts
    assert "- c) Thời gian thực hiện: Năm 2026 và các năm tiếp theo." in texts
    assert "a) Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch." not in texts
    again = yaml.safe_load(extract_bytes(rendered, "plan.docx").yaml_text)
    assert again["tasks"] == data["tasks"]
