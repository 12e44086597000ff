"""Reading the parts of a plan: role lines under any label, sections in their several forms,
header and signature variants, the appendix table, and the notes on what was unsure."""

from __future__ import annotations

from typing import Any

import pytest

from plangen.extract import Extraction, extract_text
from plangen.extract.patterns import role_key

HEAD = """ỦY BAN NHÂN DÂN
TỈNH ĐẮK LẮK
Số: 05/KH-UBND
Đắk Lắk, ngày 05 tháng 02 năm 2026
KẾ HOẠCH
Thử nghiệm trí tuệ nhân tạo
Căn cứ Luật Trí tuệ nhân tạo số 134/2025/QH15;
"""
PURPOSE = "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Thử nghiệm.\n"
TASKS = "II. NHIỆM VỤ\n1. Tuyên truyền\n- Cơ quan chủ trì: Sở Tư pháp.\n"
REST = "III. KINH PHÍ THỰC HIỆN\nNgân sách nhà nước.\nIV. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp " \
    "theo dõi.\n"
TAIL = """Trên đây là Kế hoạch thử nghiệm./.
Nơi nhận:
- Các sở, ban, ngành;
- Lưu: VT, KGVX.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""


def plan(*, head: str = HEAD, purpose: str = PURPOSE, tasks: str = TASKS, rest: str = REST,
         tail: str = TAIL, after: str = "") -> Extraction:
    extraction = extract_text(head + purpose + tasks + rest + tail + after, "ke-hoach.txt")
    assert not extraction.errors, "\n".join(issue.format() for issue in extraction.errors)
    return extraction


def tasks_of(body: str) -> dict[str, Any]:
    section: dict[str, Any] = plan(tasks="II. NHIỆM VỤ\n" + body).data["tasks"]
    return section


def notes_of(extraction: Extraction) -> set[tuple[str, str, tuple[str | int, ...]]]:
    return {(note.kind, note.code, note.path) for note in extraction.notes}


# ---- role lines --------------------------------------------------------------------------


@pytest.mark.parametrize(("label", "key"), [
    ("Cơ quan chủ trì", "lead"), ("Đơn vị chủ trì tham mưu, thực hiện", "lead"),
    ("Cơ quan chủ trì thực hiện", "lead"), ("Đơn vị phối hợp", "partners"),
    ("Cơ quan phối hợp thực hiện", "partners"), ("Cơ quan đôn đốc, hướng dẫn", "supervisor"),
    ("Đơn vị thực hiện", "implementer"), ("Cơ quan thực hiện", "performer"),
    ("Cơ quan đầu mối", "performer"), ("Bộ phận tham mưu", "performer"),
    ("Thời gian thực hiện", "timeline"), ("Thời hạn hoàn thành", "timeline"),
    ("Tiến độ", "timeline"), ("Sản phẩm", "product"), ("Kết quả đầu ra", "product"),
    ("Tên nhiệm vụ", "named_items"), ("Nội dung", "content"), ("Ghi chú", None),
    ("Lưu ý", None),
])
def test_a_role_is_known_by_what_its_label_says(label: str, key: str | None) -> None:
    assert role_key(label) == key


def test_the_plan_s_usual_wording_becomes_tasks_labels() -> None:
    section = tasks_of("1. Một\n- Đơn vị chủ trì: Sở A.\n- Thời hạn: Quý I.\n"
                       "2. Hai\n- Đơn vị chủ trì: Sở B.\n- Thời hạn: Quý II.\n"
                       "3. Ba\n- Cơ quan chủ trì thực hiện: Sở C.\n- Thời hạn: Quý III.\n")
    assert section["labels"] == {"lead": "Đơn vị chủ trì", "timeline": "Thời hạn"}
    assert "labels" not in section["items"][0]
    assert section["items"][2]["labels"] == {"lead": "Cơ quan chủ trì thực hiện"}


def test_who_carries_a_task_out_is_the_lead_unless_the_task_names_one() -> None:
    section = tasks_of("1. Một\n- Cơ quan thực hiện: Sở A.\n"
                       "2. Hai\n- Cơ quan chủ trì: Sở B.\n- Cơ quan thực hiện: Sở C.\n")
    only, both = section["items"]
    assert only["lead"] == "Sở A" and only["labels"] == {"lead": "Cơ quan thực hiện"}
    assert both["lead"] == "Sở B" and both["implementer"] == "Sở C"
    assert section["labels"] == {"implementer": "Cơ quan thực hiện"}


def test_letter_marked_role_lines_and_dash_letter_lines_keep_their_own_styles() -> None:
    """ "a)" is the letter style, "- a)" the dash_letter style (the dash is kept), "- " dash:
    three tasks, three styles, none the section's."""
    section = tasks_of("1. Một\na) Cơ quan chủ trì: Sở A.\nb) Thời gian thực hiện: 2026.\n"
                       "2. Hai\n- a) Cơ quan chủ trì: Sở B.\n- b) Sản phẩm: Báo cáo.\n"
                       "3. Ba\n- Cơ quan chủ trì: Sở C.\n")
    assert "role_style" not in section
    assert [item.get("role_style") for item in section["items"]] == [
        "letter", "dash_letter", None]
    assert section["items"][1]["product"] == "Báo cáo."
    lettered = tasks_of("1. Một\na) Cơ quan chủ trì: Sở A.\nb) Thời gian thực hiện: 2026.\n"
                        "2. Hai\n- a) Cơ quan chủ trì: Sở B.\n- b) Sản phẩm: Báo cáo.\n"
                        "3. Ba\na) Cơ quan chủ trì: Sở C.\n")
    assert lettered["role_style"] == "letter"
    assert [item.get("role_style") for item in lettered["items"]] == [None, "dash_letter", None]


def test_sub_tasks_have_their_own_roles_and_inherit_the_style() -> None:
    (task,) = tasks_of("1. Rà soát\na) Rà soát văn bản\n- Cơ quan chủ trì: Sở Tư pháp.\n"
                       "b) Rà soát dữ liệu\nMô tả việc rà soát.\n"
                       "- Cơ quan phối hợp: Công an tỉnh; Sở A.\n")["items"]
    first, second = task["subtasks"]
    assert (first["title"], first["lead"]) == ("Rà soát văn bản", "Sở Tư pháp")
    assert second["description"] == "Mô tả việc rà soát."
    assert second["partners"] == "Công an tỉnh; Sở A"


def test_content_items_named_items_and_agency_lists() -> None:
    (task,) = tasks_of("1. Tuyên truyền\nNội dung:\n+ Hội nghị;\n+ Tài liệu.\n"
                       "- Tên nhiệm vụ: (1) Tập huấn; (2) Truyền thông.\n"
                       "- Cơ quan phối hợp:\n+ Sở A;\n+ Sở B.\n+ Không phải nội dung\n")["items"]
    assert task["content"] == ["Hội nghị;", "Tài liệu."]
    assert task["named_items"] == ["Tập huấn", "Truyền thông"]
    assert task["partners"] == ["Sở A", "Sở B", "Không phải nội dung"]


def test_a_sentence_with_a_colon_is_a_description_not_a_role() -> None:
    (task,) = tasks_of("1. Tuyên truyền\nThời gian qua, tỉnh đã triển khai: nhiều hội nghị.\n"
                       "Nội dung báo cáo: kết quả thực hiện.\n- Cơ quan chủ trì: Sở A.\n"
                       )["items"]
    assert task["description"] == ["Thời gian qua, tỉnh đã triển khai: nhiều hội nghị.",
                                   "Nội dung báo cáo: kết quả thực hiện."]
    assert set(task) == {"id", "title", "description", "lead"}


def test_a_role_given_twice_or_empty_is_kept_as_description_and_noted() -> None:
    extraction = plan(tasks="II. NHIỆM VỤ\n1. Một\n- Cơ quan chủ trì: Sở A.\n"
                            "- Cơ quan chủ trì: Sở B.\n- Sản phẩm:\n")
    (task,) = extraction.data["tasks"]["items"]
    assert task["lead"] == "Sở A"
    assert task["description"] == ["- Cơ quan chủ trì: Sở B.", "- Sản phẩm:"]
    assert ("kept", "extract_role_kept", ("tasks", "items", 0, "description")) in \
        notes_of(extraction)


def test_source_order_that_plangen_cannot_keep_is_noted() -> None:
    extraction = plan(tasks="II. NHIỆM VỤ\n1. Một\n- Thời gian thực hiện: 2026.\n"
                            "- Cơ quan chủ trì: Sở A.\nGhi thêm sau các dòng vai trò.\n")
    notes = notes_of(extraction)
    assert ("check", "extract_role_order", ("tasks", "items", 0)) in notes
    assert ("check", "extract_order", ("tasks", "items", 0, "description")) in notes


def test_task_ids_are_unique_slugs() -> None:
    items = tasks_of("1. Tuyên truyền, phổ biến\n- Cơ quan chủ trì: Sở A.\n"
                     "2. Tuyên truyền, phổ biến\n- Cơ quan chủ trì: Sở B.\n")["items"]
    assert [item["id"] for item in items] == ["tuyen-truyen-pho-bien", "tuyen-truyen-pho-bien-2"]


# ---- sections I, III, IV ------------------------------------------------------------------


def test_purpose_split_into_titled_items_with_points_and_bullets() -> None:
    purpose = plan(purpose="I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\na) Một.\nb) Hai.\n"
                           "2. Yêu cầu\n- Ba.\n").data["purpose"]
    assert purpose == {"items": [{"title": "Mục đích", "points": ["Một.", "Hai."]},
                                 {"title": "Yêu cầu", "bullets": ["Ba."]}]}


def test_a_flat_numbered_purpose_and_an_unnumbered_paragraph() -> None:
    purpose = plan(purpose="I. MỤC TIÊU\nĐoạn mở đầu.\n1. Một việc phải làm.\n"
                           "2. Hai việc phải làm.\n").data["purpose"]
    assert purpose == {"heading": "MỤC TIÊU", "text": "Đoạn mở đầu.",
                       "items": ["Một việc phải làm.", "Hai việc phải làm."]}


def test_organization_per_agency_with_a_reporting_regime() -> None:
    organization = plan(rest="III. KINH PHÍ\n1. Ngân sách.\n2. Xã hội hóa.\n"
                             "IV. TỔ CHỨC THỰC HIỆN\n1. Sở A\n- Chủ trì.\n2. Sở B\n- Phối hợp.\n"
                             "3. Quy định chế độ báo cáo\na) Sáu tháng.\nb) Hằng năm.\n").data
    assert organization["funding"] == {"heading": "KINH PHÍ", "items": ["Ngân sách.",
                                                                        "Xã hội hóa."]}
    assert organization["organization"] == {
        "items": [{"title": "Sở A", "bullets": ["Chủ trì."]},
                  {"title": "Sở B", "bullets": ["Phối hợp."]}],
        "reporting": {"title": "Quy định chế độ báo cáo", "points": ["Sáu tháng.", "Hằng năm."]}}


def test_a_fifth_section_is_kept_as_a_section_of_its_own() -> None:
    extraction = plan(after="", rest=REST + "V. CHẾ ĐỘ THÔNG TIN\nBáo cáo định kỳ.\n")
    sections = extraction.data["sections"]
    assert [s.get("role") for s in sections] == [
        "purpose", "tasks", "funding", "organization", None]
    assert sections[-1] == {"heading": "CHẾ ĐỘ THÔNG TIN", "content": ["Báo cáo định kỳ."]}
    assert not extraction.errors


def test_a_missing_section_is_stated_missing_never_invented() -> None:
    extraction = plan(rest="IV. TỔ CHỨC THỰC HIỆN\nSở A theo dõi.\n")
    assert [s.get("role") for s in extraction.data["sections"]] == [
        "purpose", "tasks", "organization"]
    assert extraction.data["missing"] == {"funding": "Văn bản gốc không có mục Kinh phí."}
    assert "Cần điền" not in extraction.yaml_text
    assert [(i.code, i.severity) for i in extraction.issues] == [
        ("section_stated_missing", "note")]


# ---- header and signature ---------------------------------------------------------------


@pytest.mark.parametrize(("head", "issuer"), [
    ("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK\n", {"name": "Ủy ban nhân dân tỉnh Đắk Lắk",
                                        "header_lines": ["ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"]}),
    ("UBND TỈNH ĐẮK LẮK\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\n",
     {"parent": "UBND tỉnh Đắk Lắk", "name": "Sở Khoa học và Công nghệ"}),
    ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSỞ TƯ PHÁP\n",
     {"parent": "Ủy ban nhân dân tỉnh Đắk Lắk", "name": "Sở Tư pháp"}),
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ\nHỒ CHÍ MINH\n",
     {"name": "Ủy ban nhân dân thành phố Hồ Chí Minh",
      "header_lines": ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ", "HỒ CHÍ MINH"]}),
])
def test_issuing_agency_lines(head: str, issuer: dict[str, Any]) -> None:
    text = head + "Số: 05/KH-SKHCN\n" + HEAD.split("Số: 05/KH-UBND\n")[1] + \
        "Sở Tư pháp, Sở Khoa học và Công nghệ, tỉnh Đắk Lắk và Thành phố Hồ Chí Minh.\n"
    extraction = plan(head=text)
    assert extraction.data["issuer"] == issuer
    assert extraction.data["symbol"] == "KH-SKHCN"


@pytest.mark.parametrize(("line", "number", "place", "date"), [
    ("Số: 05/KH-UBND\tĐắk Lắk, ngày 05 tháng 02 năm 2026", "05", "Đắk Lắk",
     {"day": 5, "month": 2, "year": 2026}),
    ("Số:      /KH-UBND      Đắk Lắk, ngày      tháng 6 năm 2026", None, "Đắk Lắk",
     {"month": 6, "year": 2026}),
    ("Số: …/KH-UBND Đắk Lắk, ngày … tháng … năm 2026", None, "Đắk Lắk", {"year": 2026}),
    ("Số: 213 /KH-UBND Huế, ngày 31 tháng 4 năm 2026", "213", "Huế",
     {"month": 4, "year": 2026}),
    ("Số: 7/KH-UBND\tĐắk Lắk, ngày 5/3/2026", "7", "Đắk Lắk",
     {"day": 5, "month": 3, "year": 2026}),
])
def test_number_place_and_date_lines(line: str, number: str | None, place: str,
                                     date: dict[str, int]) -> None:
    head = "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\n" + line + "\nKẾ HOẠCH\nThử nghiệm\n"
    data = plan(head=head).data
    assert (data["number"], data["place"], data["date"]) == (number, place, date)


def test_authority_words_written_without_a_space_and_a_missing_name() -> None:
    extraction = plan(tail="Nơi nhận:\n- Lưu VT.\nTM.ỦY BAN NHÂN DÂN\nKT.CHỦ TỊCH\n"
                           "PHÓ CHỦ TỊCH\n")
    assert extraction.data["signature"] == {
        "lines": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "name": "(Cần điền họ tên người ký)"}
    assert extraction.data["recipients"] == ["Lưu VT"]
    assert ("todo", "extract_todo_signer", ("signature", "name")) in notes_of(extraction)


def test_recipients_without_an_archive_line_get_a_marked_one() -> None:
    extraction = plan(tail="Nơi nhận:\n- Như trên;\n- Sở A.\nCHỦ TỊCH\nNguyễn Văn An\n")
    assert extraction.data["recipients"] == ["Như trên", "Sở A", "Lưu: VT"]
    assert ("todo", "extract_todo_archive", ("recipients", 2)) in notes_of(extraction)


def test_a_plan_ending_without_trên_đây_has_its_last_paragraph_as_closing() -> None:
    extraction = plan(rest=REST + "Yêu cầu các cơ quan nghiêm túc thực hiện./.\n",
                      tail=TAIL.split("\n", 1)[1])
    assert extraction.data["closing"] == "Yêu cầu các cơ quan nghiêm túc thực hiện./."
    assert ("check", "extract_closing_guess", ("closing",)) in notes_of(extraction)


# ---- appendix ----------------------------------------------------------------------------


APPENDIX = "PHỤ LỤC\nPHÂN CÔNG NHIỆM VỤ\n(Kèm theo Kế hoạch số 05/KH-UBND)\n"


def test_appendix_rows_that_repeat_the_tasks_become_from_tasks() -> None:
    extraction = plan(after=APPENDIX + "STT\tNội dung\tCơ quan chủ trì\tThời gian\n"
                      "1\tTuyên truyền\tSở Tư pháp.\t\n")
    appendix = extraction.data["appendix"]
    assert appendix["from_tasks"] is True and "rows" not in appendix
    assert "label" not in appendix  # "PHỤ LỤC" is the default "Phụ lục", printed as NĐ 30 wants
    assert appendix["reference"] == "(Kèm theo Kế hoạch số 05/KH-UBND)"
    assert extraction.data["tasks"]["items"][0]["lead"] == "Sở Tư pháp."


def test_an_appendix_without_a_heading_row_and_with_a_cut_row() -> None:
    extraction = plan(after=APPENDIX + "1\tTập huấn cán bộ\tSở Nội vụ\tSở A\tQuý I năm\t\n"
                      "\t\t\t\t2026\t\n2\tKiểm tra\tSở B\tSở C\tHằng năm\tBáo cáo\n")
    rows = extraction.data["appendix"]["rows"]
    assert rows[0] == {"content": "Tập huấn cán bộ", "lead": "Sở Nội vụ", "partners": "Sở A",
                       "timeline": "Quý I năm 2026"}
    assert rows[1]["product"] == "Báo cáo"
    notes = notes_of(extraction)
    assert ("check", "extract_appendix_no_header", ("appendix", "columns")) in notes
    assert ("check", "extract_appendix_continued", ("appendix", "rows", 0)) in notes


def test_a_bottom_block_laid_out_with_tabs() -> None:
    tail = ("Nơi nhận:\tKT. CHỦ TỊCH\n- Bộ Khoa học và Công nghệ;\tPHÓ CHỦ TỊCH\n"
            "- Các Phòng, TT: TH, HCQT, PV HCC tỉnh, CN và Cổng\nTTĐT tỉnh;\n- Lưu: VT.\n"
            "\tNGUYỄN VĂN AN\n")
    extraction = plan(tail="Trên đây là Kế hoạch./.\n" + tail)
    data = extraction.data
    assert data["recipients"] == ["Bộ Khoa học và Công nghệ",
                                  "Các Phòng, TT: TH, HCQT, PV HCC tỉnh, CN và Cổng TTĐT tỉnh",
                                  "Lưu: VT"]
    # the name typed in capitals is written as NĐ 30 prints it, with a note to check
    assert data["signature"] == {"lines": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                                 "name": "Nguyễn Văn An"}
    assert ("check", "extract_signer_case", ("signature", "name")) in notes_of(extraction)
    assert not extraction.errors


def test_two_appendices_with_spanning_headers_are_kept_whole() -> None:
    extraction = plan(after=(
        "PHỤ LỤC I\nDANH MỤC\nSTT\tNhiệm vụ\tCơ quan thực hiện\t\tThời gian\n"
        "\t\tChủ trì\tPhối hợp\t\nI\tNhiệm vụ chung\t\t\t\n"
        "1\tTập huấn\tSở A\tSở B\tQuý I\nPHỤ LỤC II\nKINH PHÍ\nSTT\tMục\tSố tiền\n"
        "1\tHội nghị\t10\n2\tTập huấn\t5\n\tTổng cộng\t15\n"))
    first, second = extraction.data["appendices"]
    table = first["content"][0]["table"]
    assert table["header"] == [
        [{"text": "STT", "rows": 2}, {"text": "Nhiệm vụ", "rows": 2},
         {"text": "Cơ quan thực hiện", "cols": 2}, {"text": "Thời gian", "rows": 2}],
        ["Chủ trì", "Phối hợp"]]
    assert table["rows"] == [["I", "Nhiệm vụ chung", "", "", ""],
                             ["1", "Tập huấn", "Sở A", "Sở B", "Quý I"]]
    assert second["title"] == "KINH PHÍ"
    assert second["content"][0]["table"]["total"] == {"sum": [3]}
    assert not extraction.errors


def test_an_appendix_table_without_a_heading_row_gets_one_to_fill_in() -> None:
    extraction = plan(after=(
        "PHỤ LỤC I\nKINH PHÍ\nSTT\tMục\tSố tiền\n1\tHội nghị\t10\n2\tTập huấn\t5\n"
        "PHỤ LỤC II\nDANH SÁCH XÃ\n1\tXã Phú Mỡ\tSở A\n2\tXã Ô Loan\tSở B\n"))
    assert "header" in extraction.data["appendices"][0]["content"][0]["table"]
    table = extraction.data["appendices"][1]["content"][0]["table"]
    assert table["header"] == [["(Cần điền tên cột)"] * 3]
    assert table["rows"] == [["1", "Xã Phú Mỡ", "Sở A"], ["2", "Xã Ô Loan", "Sở B"]]
    assert list(table) == ["columns", "header", "rows"]
    assert not extraction.errors
    assert "extract_todo_table_header" in [note.code for note in extraction.notes]


@pytest.mark.parametrize("typed", ["TS. Nguyễn Văn An", "Ông Nguyễn Văn An"])
def test_a_title_before_the_signers_name_is_left_out(typed: str) -> None:
    tail = TAIL.replace("Nguyễn Văn An", typed)
    assert tail != TAIL
    extraction = extract_text(HEAD + PURPOSE + TASKS + REST + tail, "ke-hoach.txt")
    assert extraction.data["signature"]["name"] == "Nguyễn Văn An" and not extraction.errors
    assert ("check", "extract_signer_honorific", ("signature", "name")) in notes_of(extraction)


def test_a_summary_in_capitals_is_written_in_ordinary_case() -> None:
    head = HEAD.replace("Thử nghiệm trí tuệ nhân tạo",
                        "THỬ NGHIỆM TRÍ TUỆ NHÂN TẠO TRÊN ĐỊA BÀN TỈNH ĐẮK LẮK")
    extraction = plan(head=head)
    assert extraction.data["summary"] == "Thử nghiệm trí tuệ nhân tạo trên địa bàn tỉnh Đắk Lắk"
    assert ("check", "extract_summary_case", ("summary",)) in notes_of(extraction)


def test_a_summary_opening_with_vv_loses_it() -> None:
    extraction = plan(head=HEAD.replace("Thử nghiệm trí", "V/v thử nghiệm trí"))
    assert extraction.data["summary"] == "Thử nghiệm trí tuệ nhân tạo"
    assert ("check", "extract_summary_vv", ("summary",)) in notes_of(extraction)


def test_two_signing_authorities_on_one_line_become_two_lines() -> None:
    extraction = plan(tail=TAIL.replace("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n",
                                        "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"))
    assert extraction.data["signature"]["lines"] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
                                                     "PHÓ CHỦ TỊCH"]
    assert ("check", "extract_signature_split", ("signature", "lines")) in notes_of(extraction)


def test_a_lowercase_place_is_written_as_the_date_line_wants() -> None:
    extraction = extract_text(HEAD.replace("Đắk Lắk, ngày", "tỉnh Đắk Lắk, ngày") + PURPOSE
                              + TASKS + REST + TAIL, "ke-hoach.txt")
    assert extraction.data["place"] == "Đắk Lắk" and not extraction.errors
    assert ("check", "extract_place_capitalised", ("place",)) in notes_of(extraction)


def test_a_header_read_right_column_first_and_a_draft_mark() -> None:
    head = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Đắk Lắk, ngày 05 tháng 02 năm 2026\nỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\n"
            "Số: 05/KH-UBND\nDỰ THẢO\n" + HEAD.split("Đắk Lắk, ngày 05 tháng 02 năm 2026\n")[1])
    extraction = plan(head=head)
    assert extraction.data["issuer"] == {"name": "Ủy ban nhân dân tỉnh Đắk Lắk"}
    assert extraction.data["date"] == {"day": 5, "month": 2, "year": 2026}
    assert ("lost", "extract_header_lost", ()) in notes_of(extraction)


def test_a_section_named_for_two_parts_takes_its_usual_place() -> None:
    data = plan(rest="III. KINH PHÍ VÀ TỔ CHỨC THỰC HIỆN\nNgân sách.\n"
                     "IV. TỔ CHỨC THỰC HIỆN\nSở A theo dõi.\n").data
    assert data["funding"] == {"heading": "KINH PHÍ VÀ TỔ CHỨC THỰC HIỆN", "text": "Ngân sách."}
    assert data["organization"] == {"text": "Sở A theo dõi."}


def test_role_lines_marked_with_plus_outside_a_list() -> None:
    (task,) = tasks_of("1. Một\n+ Cơ quan chủ trì: Sở A.\n+ Thời gian thực hiện: 2026.\n"
                       "Nội dung:\n+ Cơ quan chủ trì: họp bàn.\n")["items"]
    assert (task["lead"], task["timeline"]) == ("Sở A", "2026.")
    assert task["content"] == ["Cơ quan chủ trì: họp bàn."]


@pytest.mark.parametrize(("written", "line"), [
    ("TM.ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN"), ("T/M ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN"),
    ("K/T CHỦ TỊCH", "KT. CHỦ TỊCH"), ("KT. Chủ tịch", "KT. CHỦ TỊCH"),
    ("TL. CHỦ TỊCH", "TL. CHỦ TỊCH"), ("TUQ. CHỦ TỊCH", "TUQ. CHỦ TỊCH"),
    ("Q. CHỦ TỊCH", "Q. CHỦ TỊCH")])
def test_authority_words(written: str, line: str) -> None:
    tail = f"Nơi nhận:\n- Lưu: VT.\n{written}\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n"
    assert plan(tail=tail).data["signature"]["lines"][0] == line


def test_numbered_tasks_without_section_headings() -> None:
    extraction = extract_text("KẾ HOẠCH\nThử nghiệm\n1. Tuyên truyền\n- Cơ quan chủ trì: Sở A.\n"
                              "Trên đây là Kế hoạch./.\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\n"
                              "Nguyễn Văn An\n")
    assert not extraction.errors, [issue.format() for issue in extraction.errors]
    assert extraction.data["tasks"]["items"][0]["lead"] == "Sở A"
    assert "heading" not in extraction.data["tasks"]
    assert extraction.data["closing"] == "Trên đây là Kế hoạch./."
    assert extraction.data["signature"]["name"] == "Nguyễn Văn An"


def test_signature_lines_read_out_of_order_are_put_back() -> None:
    extraction = plan(tail="Nơi nhận:\n- Lưu: VT.\nPHÓ CHỦ TỊCH\nKT. CHỦ TỊCH\n"
                           "TM. ỦY BAN NHÂN DÂN\nNguyễn Văn An\n")
    assert extraction.data["signature"]["lines"] == [
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert ("check", "extract_signature_order", ("signature", "lines")) in notes_of(extraction)
