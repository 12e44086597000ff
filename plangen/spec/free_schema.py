"""The declaration of the free plan structure: sections, content blocks, tables, appendices.

`schema.py` stays the one place the spec's keys are declared: it imports these builders and
puts their result under `sections`, `appendices` and `missing`. They use the same small
helpers, so cerberus and the JSON Schema come from one declaration here too.

A content block is a string (a paragraph) or a mapping with exactly one *line key* (`item`,
`point`, `bullet`, `plus`, `named`, `text`, `table`) and optional keys for what hangs under
it: `content` (the blocks below it), role lines (`lead`, `partners`, …) and a deadline.
Blocks nest as deep as plans do (I. → 1. → 1.1. → a) → - → +), up to `MAX_DEPTH` levels.
"""

from __future__ import annotations

from typing import Any

from plangen.freeform import ITEM_MARKERS, LISTED_ROLES, ROLE_STYLES, TASK_VALUE_COLUMNS

Rules = dict[str, Any]

LINE_KEYS = ("item", "point", "bullet", "plus", "named", "text")
BLOCK_ROLE_KEYS = ("lead", "implementer", "partners", "supervisor", "timeline", "product")
SECTION_ROLES = ("purpose", "tasks", "funding", "organization")
SECTION_NUMBERING = ("roman", "letter")
# what each `role_style` prints, for the descriptions and the message on a bad value
ROLE_STYLE_HELP = ('dash ("- Cơ quan chủ trì: …"), letter ("a) Cơ quan chủ trì: …"), '
                   'letter_dot ("a. Cơ quan chủ trì: …"), dash_letter ("- a) Cơ quan chủ trì: …"), '
                   'plain (không dấu đầu dòng)')
ALIGNMENTS = ("left", "center", "right", "justify")
ORIENTATIONS = ("portrait", "landscape")
ITEM_STYLES = ("title", "text")
MAX_DEPTH = 7


def _meta(description: str, example: Any = None) -> dict[str, Any]:
    meta: dict[str, Any] = {"description": description}
    if example is not None:
        meta["example"] = example
    return meta


def _text(description: str, *, required: bool = False, **rules: Any) -> Rules:
    return {"type": "string", "empty": False, "required": required,
            "meta": _meta(description), **rules}


# what may stand before a deadline printed at the end of its line (`deadline_inline`)
DEADLINE_MARKS = (",", ";", ".")


def _choice(description: str, allowed: tuple[str, ...]) -> Rules:
    return {"type": "string", "allowed": list(allowed), "meta": _meta(description)}


def _flag(description: str) -> Rules:
    return {"type": "boolean", "meta": _meta(description)}


def _count(description: str, low: int = 1, high: int = 60) -> Rules:
    return {"type": "integer", "min": low, "max": high, "meta": _meta(description)}


def _agencies(description: str) -> Rules:
    return {"type": ["string", "list"], "empty": False, "meta": _meta(description),
            "schema": {"type": "string", "empty": False}}


def _labels() -> Rules:
    names = ("named_items", "lead", "implementer", "partners", "supervisor", "timeline",
             "product", "content", "deadline")
    return {"type": "dict", "meta": _meta("Đổi nhãn các dòng vai trò (\"Đơn vị chủ trì\" …)."),
            "schema": {key: _text(f"Nhãn dòng {key}.") for key in names}}


# ---- tables --------------------------------------------------------------------------------


def _cell() -> Rules:
    fields: dict[str, Rules] = {
        "text": {"type": ["string", "integer", "float"], "meta": _meta(
            "Nội dung ô (chữ hoặc số; số in kiểu Việt Nam 1.234,5).")},
        "cols": _count("Số cột ô này chiếm (gộp ngang)."),
        "rows": _count("Số dòng ô này chiếm (gộp dọc); bỏ ô ấy ở các dòng dưới.", 1, 500),
        "align": _choice("Căn lề ô: left, center, right.", ALIGNMENTS),
        "bold": _flag("In đậm cả ô."),
        "group": _text("Dòng nhóm (\"I. …\"), ô duy nhất của dòng, trải hết bề ngang."),
        "total": {"type": "string", "meta": _meta(
            "Dòng tổng (ô duy nhất của dòng), ở bất cứ chỗ nào: chữ in ở dòng (\"\" = "
            "\"Tổng cộng\"); plangen cộng mọi dòng số liệu của bảng.")},
        "subtotal": {"type": "string", "meta": _meta(
            "Dòng cộng của nhóm (ô duy nhất của dòng): chữ in ở dòng (\"\" = \"Cộng\"); "
            "plangen cộng các dòng từ sau dòng nhóm hay dòng cộng trước nó.")},
        "sum": {"type": "list", "empty": False, "meta": _meta(
            "Dòng tổng: các cột (đếm từ 1) được cộng; mặc định như total.sum của bảng."),
            "schema": {"type": "integer", "min": 1, "max": 60}},
        "values": {"type": "list", "meta": _meta(
            "Dòng tổng: các số như văn bản gốc ghi (để đối chiếu); phải bằng tổng tính được."),
            "schema": {"type": ["integer", "float", "string"]}},
        "label_column": _count("Dòng tổng: cột (đếm từ 1) in chữ của dòng."),
    }
    return {"type": ["string", "integer", "float", "dict"], "meta": _meta(
        "Một ô: chữ, số, hoặc {text, cols, rows, align, bold}."), "schema": fields}


def _row() -> Rules:
    return {"type": "list", "empty": False, "meta": _meta(
        "Một dòng: danh sách ô; một ô {group: …} là dòng nhóm trải hết bề ngang."),
        "schema": _cell()}


def _column() -> Rules:
    return {"type": ["integer", "float", "dict"], "meta": _meta(
        "Một cột: độ rộng tương đối (số), hoặc {width, align}."), "schema": {
        "width": {"type": ["integer", "float"], "min": 0.1, "max": 100,
                  "meta": _meta("Độ rộng tương đối của cột.")},
        "align": _choice("Căn lề các ô của cột.", ALIGNMENTS),
    }}


def table() -> Rules:
    """A data table: columns, header rows with spans, body rows, a total, notes."""
    return {"type": "dict", "meta": _meta(
        "Bảng số liệu: columns, header, rows, total, notes."), "schema": {
        "columns": {"type": "list", "empty": False, "meta": _meta(
            "Các cột (độ rộng tương đối, căn lề); mặc định chia đều."), "schema": _column()},
        "header": {"type": "list", "meta": _meta(
            "Các dòng tiêu đề (lặp lại đầu mỗi trang); ô có thể gộp cols/rows."),
            "schema": _row()},
        "rows": {"type": "list", "required": True, "empty": False, "meta": _meta(
            "Các dòng của bảng; dòng nhóm là [{group: \"I. …\"}]."), "schema": _row()},
        "total": {"type": "dict", "meta": _meta(
            "Dòng \"Tổng cộng\": plangen tự cộng các cột số."), "schema": {
            "label": _text("Chữ của dòng tổng (mặc định \"Tổng cộng\")."),
            "label_column": _count("Cột (đếm từ 1) in chữ \"Tổng cộng\" (mặc định 2)."),
            "sum": {"type": "list", "required": True, "empty": False, "meta": _meta(
                "Các cột (đếm từ 1) được cộng."), "schema": {"type": "integer", "min": 1,
                                                              "max": 60}},
            "values": {"type": "list", "meta": _meta(
                "Các số tổng như văn bản gốc ghi (để đối chiếu); phải bằng tổng tính được."),
                "schema": {"type": ["integer", "float", "string"]}},
        }},
        "notes": {"type": ["string", "list"], "empty": False, "meta": _meta(
            "Ghi chú dưới bảng."), "schema": {"type": "string", "empty": False}},
    }}


# ---- content blocks ------------------------------------------------------------------------


def block_fields(depth: int) -> dict[str, Rules]:
    """The keys of a content block mapping, `depth` levels of content still allowed below."""
    fields: dict[str, Rules] = {
        "item": _text("Khoản đánh số tự động 1., 2. (trong khoản: 1.1., 1.2.)."),
        "point": _text("Điểm a), b), c) … (tự đánh chữ cái)."),
        "bullet": _text("Ý gạch đầu dòng \"- …\"."),
        "plus": _text("Ý \"+ …\"."),
        "named": _text("Ý đánh số trong ngoặc (1), (2) …"),
        "text": _text("Đoạn văn (như một chuỗi), để kèm các khóa khác."),
        "table": table(),
        "label": _text("Nhãn trường in trước nội dung: \"Điểm quan trắc: …\"."),
        "style": _choice("Khoản in đậm như tiêu đề (title) hay thường (text); mặc định: đậm "
                         "khi có nội dung con.", ITEM_STYLES),
        "id": _text("Mã nhiệm vụ (chữ thường, số, - hoặc _).", regex=r"[a-z0-9][a-z0-9_-]*"),
        "named_items": {"type": "list", "meta": _meta("\"Tên nhiệm vụ: (1) …; (2) …\"."),
                        "schema": {"type": "string", "empty": False}},
        "lead": _agencies("Cơ quan chủ trì (dòng vai trò sau nội dung)."),
        "implementer": _agencies("Đơn vị thực hiện."),
        "partners": _agencies("Cơ quan phối hợp."),
        "supervisor": _agencies("Cơ quan đôn đốc, hướng dẫn."),
        "timeline": _text("Thời gian thực hiện."),
        "product": _text("Sản phẩm."),
        "deadline": _text("Thời hạn (\"Trước ngày 31/5/2026\"), in ở dòng riêng hoặc cuối ý."),
        "deadline_inline": {  # the marks are checked by free_meaning, with a clear message
            "type": ["boolean", "string"],
            "meta": {"enum": list(DEADLINE_MARKS), **_meta(
                "In thời hạn ở cuối dòng thay vì dòng riêng: true (sau dấu \",\"), hoặc dấu "
                "đứng trước nó như bản gốc: \",\", \";\" hay \".\" (\"…; thời hạn hoàn "
                "thành: …\", \"…. Thời hạn hoàn thành: …\").")},
        },
        "labels": _labels(),
        "role_items": {"type": "dict", "meta": _meta(
            "Vai trò in thành dòng mở rồi từng cơ quan một dòng: {partners: plus} in "
            "\"- Cơ quan phối hợp:\" rồi \"+ Sở …;\" (bullet: \"- Sở …;\")."),
            "keysrules": {"type": "string", "allowed": list(LISTED_ROLES)},
            "valuesrules": {"type": "string", "allowed": list(ITEM_MARKERS)}},
        "role_style": _choice(f"Dòng vai trò: {ROLE_STYLE_HELP}.", ROLE_STYLES),
        "cells": {"type": "dict", "meta": _meta(
            "Giá trị riêng của nhiệm vụ cho các cột thêm của phụ lục (khóa cột: giá trị)."),
            "keysrules": {"type": "string", "regex": r"[a-z0-9][a-z0-9_-]*"},
            "valuesrules": {"type": ["string", "integer", "float"]}},
    }
    if depth > 1:
        fields["content"] = content(depth - 1)
    return fields


def block(depth: int) -> Rules:
    """One content block: a paragraph (string) or a mapping (see the module docstring)."""
    meta = _meta("Một đoạn văn (chuỗi) hoặc một khối {item|point|bullet|plus|named|text|"
                 "table: …, content: […]}.")
    meta["json_ref"] = "block"  # the JSON Schema names it once and refers to it (recursion)
    return {"type": ["string", "dict"], "empty": False, "meta": meta,
            "schema": block_fields(depth)}


def content(depth: int = MAX_DEPTH) -> Rules:
    """A list of content blocks."""
    return {"type": "list", "meta": _meta(
        "Nội dung: đoạn văn, khoản, điểm, gạch đầu dòng, bảng … theo thứ tự."),
        "schema": block(depth)}


# ---- sections, appendices -----------------------------------------------------------------


def sections() -> Rules:
    """The ordered list of the plan's sections (I., II., … or A., B., …)."""
    return {"type": "list", "empty": False, "meta": _meta(
        "Các mục lớn theo thứ tự, đánh số I, II, … (hoặc A, B, …). Bốn mục bắt buộc có vai "
        "trò (role): purpose, tasks, funding, organization."), "schema": {
        "type": "dict", "schema": {
            "heading": _text("Tên mục, in hoa (\"ĐÁNH GIÁ TÌNH HÌNH\"); mục mở đầu một phần (part) "
                             "có thể không có tên mục: nội dung nằm ngay dưới tên phần."),
            "part": _text("Tên phần mở đầu bằng mục này (NĐ 30 PL1 II.6.đ): in \"Phần I\", "
                          "\"Phần II\" … ở giữa trang, tên phần in hoa dưới đó; các mục đánh số "
                          "lại từ I trong mỗi phần (\"KẾT QUẢ THỰC HIỆN NĂM 2025\")."),
            "role": _choice("Vai trò của mục: purpose (mục đích), tasks (nhiệm vụ), funding "
                            "(kinh phí), organization (tổ chức thực hiện).", SECTION_ROLES),
            "content": content(),
            "labels": _labels(),
            "role_style": _choice(f"Kiểu dòng vai trò mặc định trong mục: {ROLE_STYLE_HELP}.",
                                  ROLE_STYLES),
        }}}


def missing() -> Rules:
    """Required sections a plan really does not have, each with the reason."""
    return {"type": "dict", "meta": _meta(
        "Mục bắt buộc mà kế hoạch không có, kèm lý do (\"funding: Kinh phí ghi tại khoản 2 "
        "mục IV\")."), "schema": {role: _text(f"Lý do không có mục {role}.")
                                  for role in SECTION_ROLES}}


def appendices() -> Rules:
    """Any number of appendices, each on its own page."""
    column = {"type": "dict", "schema": {
        "key": _text(f"Khóa cột: một cột lấy từ nhiệm vụ ({', '.join(TASK_VALUE_COLUMNS)}), "
                     "hoặc khóa riêng lấy giá trị từ \"cells\" của nhiệm vụ; khóa định dạng "
                     "(role_style, labels …) không làm cột được.", required=True,
                     regex=r"[a-z0-9][a-z0-9_-]*"),
        "title": _text("Tiêu đề cột.", required=True),
        "width": {"type": ["integer", "float"], "min": 0.1, "max": 100,
                  "meta": _meta("Độ rộng tương đối.")},
    }}
    return {"type": "list", "empty": False, "meta": _meta(
        "Các phụ lục sau chữ ký, mỗi phụ lục một trang riêng (Phụ lục I, II, …)."), "schema": {
        "type": "dict", "schema": {
            "label": _text("Nhãn (mặc định \"Phụ lục\", hoặc \"Phụ lục I\", \"Phụ lục II\" … "
                           "khi có nhiều phụ lục)."),
            "title": _text("Tên phụ lục, in hoa đậm.", required=True),
            "reference": _text("Dòng \"(Kèm theo Kế hoạch số …)\"; bỏ trống để tự tạo."),
            "orientation": _choice("Khổ trang: portrait (dọc) hoặc landscape (ngang, mặc "
                                   "định).", ORIENTATIONS),
            "content": content(3),
            "from_tasks": _flag("Bảng phân công lấy từ các nhiệm vụ (nhiệm vụ con xếp dưới "
                                "nhiệm vụ cha, đánh số 2.1, 2.2)."),
            "columns": {"type": "list", "empty": False, "meta": _meta(
                "Các cột của bảng phân công (sau cột STT)."), "schema": column},
        }}}
