"""The spec's schema: one declaration that drives both cerberus and the JSON Schema.

Each field is declared with a small helper that records its cerberus rules and a Vietnamese
description (`meta`). `json_schema()` translates the same declaration for editors, so there is
never a second hand-kept copy.
"""

from __future__ import annotations

from typing import Any

from plangen.freeform import POINT_STYLES, ROLE_STYLES
from plangen.marks import CIRCULATION_EXAMPLES, URGENCY_LEVELS
from plangen.spec import free_schema

Rules = dict[str, Any]

# what each `point_style` prints, for the description and the message on a bad value
POINT_STYLE_HELP = 'letter ("a) …", "b) …", theo NĐ 30, mặc định) hoặc letter_dot ("a. …", "b. …")'
ROLE_KEYS = ("named_items", "lead", "implementer", "partners", "supervisor", "timeline", "product")
APPENDIX_COLUMN_KEYS = ("content", "lead", "partners", "timeline", "product")
ID_PATTERN = r"[a-z0-9][a-z0-9_-]*"
NUMBER_PATTERN = r"[0-9]{1,6}"


def _meta(description: str, example: Any = None) -> dict[str, Any]:
    meta: dict[str, Any] = {"description": description}
    if example is not None:
        meta["example"] = example
    return meta


def text(description: str, *, required: bool = False, example: Any = None, **rules: Any) -> Rules:
    """A non-empty string field."""
    return {"type": "string", "empty": False, "required": required,
            "meta": _meta(description, example), **rules}


def text_list(description: str, *, required: bool = False, minlength: int = 0) -> Rules:
    """A list of non-empty strings."""
    rules: Rules = {"type": "list", "required": required, "meta": _meta(description),
                    "schema": {"type": "string", "empty": False}}
    if minlength:
        rules["minlength"] = minlength
    return rules


def paragraphs(description: str) -> Rules:
    """One paragraph as a string, or several as a list of strings."""
    return {"type": ["string", "list"], "empty": False, "meta": _meta(description),
            "schema": {"type": "string", "empty": False}}


def mapping(description: str, fields: dict[str, Rules], *, required: bool = False) -> Rules:
    """A nested mapping with a fixed set of keys."""
    return {"type": "dict", "required": required, "meta": _meta(description), "schema": fields}


def mapping_list(description: str, fields: dict[str, Rules], *, required: bool = False,
                 minlength: int = 0) -> Rules:
    """A list of mappings with the same keys."""
    rules: Rules = {"type": "list", "required": required, "meta": _meta(description),
                    "schema": {"type": "dict", "schema": fields}}
    if minlength:
        rules["minlength"] = minlength
    return rules


def choice(description: str, allowed: tuple[str, ...]) -> Rules:
    return {"type": "string", "allowed": list(allowed), "meta": _meta(description)}


def integer(description: str, low: int, high: int, *, required: bool = False,
            nullable: bool = False) -> Rules:
    return {"type": "integer", "min": low, "max": high, "required": required,
            "nullable": nullable, "meta": _meta(description)}


def _entry_fields() -> dict[str, Rules]:
    return {
        "title": text("Tiêu đề mục con, in đậm sau số thứ tự (\"1. Mục đích\")."),
        "text": paragraphs("Đoạn văn của mục con (một chuỗi hoặc danh sách đoạn)."),
        "points": text_list("Các điểm a), b), c) … (tự đánh chữ cái)."),
        "bullets": text_list("Các ý gạch đầu dòng \"- …\"."),
    }


def entry(description: str) -> Rules:
    """A numbered item of sections I, III, IV: a plain paragraph or a titled block."""
    return {"type": ["string", "dict"], "empty": False, "meta": _meta(description),
            "schema": _entry_fields()}


def section(description: str, default_heading: str, *, required: bool = True,
            extra: dict[str, Rules] | None = None) -> Rules:
    """Sections I, III and IV: an optional heading, paragraphs, then numbered items."""
    fields: dict[str, Rules] = {
        "heading": text(f"Tên mục, in hoa (mặc định \"{default_heading}\").",
                        example=default_heading),
        "text": paragraphs("Đoạn văn không đánh số, in trước các mục con."),
        "items": {"type": "list", "meta": _meta("Các mục con đánh số 1., 2., 3. …"),
                  "schema": entry("Một mục con: một đoạn văn, hoặc {title, text, points, "
                                  "bullets}.")},
        "numbered": {"type": "boolean", "meta": _meta(
            "Đánh số các mục con (mặc định: có). Đặt false để in thành đoạn văn thường.")},
    }
    fields.update(extra or {})
    return mapping(description, fields, required=required)


def _labels() -> Rules:
    names = {
        "named_items": "Nhãn dòng liệt kê nhiệm vụ (mặc định \"Tên nhiệm vụ\").",
        "lead": "Nhãn cơ quan chủ trì (mặc định \"Cơ quan chủ trì\").",
        "implementer": "Nhãn đơn vị thực hiện (mặc định \"Đơn vị thực hiện\").",
        "partners": "Nhãn cơ quan phối hợp (mặc định \"Cơ quan phối hợp\").",
        "supervisor": "Nhãn cơ quan đôn đốc (mặc định \"Cơ quan đôn đốc, hướng dẫn\").",
        "timeline": "Nhãn thời gian (mặc định \"Thời gian thực hiện\").",
        "product": "Nhãn sản phẩm (mặc định \"Sản phẩm\").",
        "content": "Nhãn dòng nội dung (mặc định \"Nội dung\").",
    }
    return mapping("Đổi nhãn các dòng vai trò.", {k: text(v) for k, v in names.items()})


def agencies(description: str) -> Rules:
    """One agency as a string, or several as a list (printed joined by "; ")."""
    return {"type": ["string", "list"], "empty": False, "meta": _meta(description),
            "schema": {"type": "string", "empty": False}}


def _task_fields(with_subtasks: bool) -> dict[str, Rules]:
    fields: dict[str, Rules] = {
        "id": text("Mã nhiệm vụ (chữ thường, số, - hoặc _) để phụ lục tham chiếu.",
                   regex=ID_PATTERN, example="tuyen-truyen"),
        "title": text("Tên nhiệm vụ (in đậm sau số thứ tự).", required=True),
        "description": paragraphs("Đoạn mô tả dưới tên nhiệm vụ."),
        "content": text_list("Các ý \"+ …\" sau dòng \"Nội dung:\"."),
        "named_items": text_list("\"Tên nhiệm vụ: (1) …; (2) …\"."),
        "lead": agencies("Cơ quan chủ trì."),
        "implementer": agencies("Đơn vị thực hiện."),
        "partners": agencies("Cơ quan phối hợp."),
        "supervisor": agencies("Cơ quan đôn đốc, hướng dẫn."),
        "timeline": text("Thời gian thực hiện (\"Năm 2026 và các năm tiếp theo\")."),
        "product": text("Sản phẩm."),
        "labels": _labels(),
        "role_style": choice(f"Dòng vai trò của nhiệm vụ: {free_schema.ROLE_STYLE_HELP}.",
                             ROLE_STYLES),
    }
    if with_subtasks:
        fields["subtasks"] = mapping_list("Nhiệm vụ con a), b) … mỗi nhiệm vụ có dòng vai trò "
                                          "riêng.", _task_fields(False))
    return fields


def _appendix_row_fields() -> dict[str, Rules]:
    return {
        "task": text("Mã (id) nhiệm vụ trong mục II để lấy nội dung; các trường khác ghi đè.",
                     regex=ID_PATTERN),
        "content": text("Nội dung công việc."),
        "lead": agencies("Cơ quan chủ trì."),
        "partners": agencies("Cơ quan phối hợp."),
        "timeline": text("Thời gian thực hiện."),
        "product": text("Sản phẩm."),
    }


def _appendix() -> Rules:
    columns = {key: text(f"Tiêu đề cột {key}.") for key in APPENDIX_COLUMN_KEYS}
    return mapping("Phụ lục (trang khổ ngang, bảng phân công nhiệm vụ).", {
        "label": text("Nhãn phụ lục (mặc định \"Phụ lục\").", example="Phụ lục"),
        "title": text("Tên phụ lục, in hoa đậm.", required=True),
        "reference": text("Dòng \"(Kèm theo Kế hoạch số …)\"; bỏ trống để tự tạo từ phần đầu."),
        "number_heading": text("Tiêu đề cột số thứ tự (mặc định \"STT\")."),
        "columns": mapping("Tiêu đề các cột; chỉ các cột được liệt kê mới được in.", columns),
        "from_tasks": {"type": "boolean", "meta": _meta(
            "Lấy các dòng từ nhiệm vụ mục II (nhiệm vụ con thay cho nhiệm vụ cha).")},
        "rows": mapping_list("Các dòng của bảng, khi phụ lục không chép lại mục II.",
                             _appendix_row_fields()),
    })


DECISION_WORDINGS = ("ban-hanh", "ve-viec")
# What a plan issued by a decision leaves to the decision: its number line, its place and date
# line, its recipients and its signature (NĐ 30 PL1 III.1: an attachment carries none).
DECISION_OWNED = ("number", "symbol", "place", "date", "recipients", "drafting_code",
                  "signature")


def _article(description: str) -> Rules:
    """An added article: its text, or {title, text} when it has a heading of its own."""
    return {"type": ["string", "dict"], "empty": False, "meta": _meta(description), "schema": {
        "title": text("Tên điều, in đậm sau \"Điều N.\"."),
        "text": paragraphs("Nội dung của điều (một chuỗi hoặc danh sách đoạn)."),
    }}


def _decision() -> Rules:
    """The QUYẾT ĐỊNH that issues the plan (the plan follows it as an attachment)."""
    return mapping("Quyết định ban hành kế hoạch: khi có khối này, văn bản gồm Quyết định và "
                   "Kế hoạch kèm theo; số, ngày, nơi nhận và chữ ký thuộc về Quyết định.", {
        "number": text("Số quyết định, trong ngoặc kép (\"4385\"); bỏ trống khi là dự thảo.",
                       regex=NUMBER_PATTERN, nullable=True, example="05"),
        "symbol": text("Ký hiệu (mặc định \"QĐ-\" và phần sau \"KH-\" của kế hoạch, "
                       "thường \"QĐ-UBND\").", regex=r"[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*",
                       example="QĐ-UBND"),
        "place": text("Địa danh ở dòng ngày tháng (\"Đắk Lắk\").", required=True),
        "date": mapping("Ngày ký quyết định; bỏ day hoặc month để để trống khi là dự thảo.", {
            "day": integer("Ngày (1–31).", 1, 31, nullable=True),
            "month": integer("Tháng (1–12).", 1, 12, nullable=True),
            "year": integer("Năm.", 1945, 2200, required=True),
        }, required=True),
        "wording": choice("Trích yếu tự tạo: \"ban-hanh\" (\"Ban hành Kế hoạch …\", mặc "
                          "định, như Mẫu 1.2 NĐ 30) hoặc \"ve-viec\" (\"Về việc ban hành Kế "
                          "hoạch …\").", DECISION_WORDINGS),
        "summary": text("Trích yếu của quyết định, nếu không dùng câu tự tạo từ trích yếu kế "
                        "hoạch."),
        "authority": text("Thẩm quyền ban hành, viết như trong câu (\"Chủ tịch Ủy ban nhân dân "
                          "tỉnh Đắk Lắk\", \"Bộ trưởng Bộ …\"); mặc định là cơ quan ban "
                          "hành. In hoa ở dòng trên các căn cứ; dùng cả ở dòng \"(Kèm theo "
                          "Quyết định … của …)\".", example="Ủy ban nhân dân tỉnh Đắk Lắk"),
        "bases": text_list("Các dòng \"Căn cứ …;\" (in nghiêng)."),
        "proposer": text("Người đề nghị: \"Theo đề nghị của …\" (\"Giám đốc Sở Khoa học và "
                         "Công nghệ\")."),
        "articles": mapping("Các điều của quyết định; bỏ trống để plangen tự viết.", {
            "issue": paragraphs("Điều 1 (ban hành kế hoạch); mặc định \"Ban hành kèm theo Quyết "
                              "định này Kế hoạch …\"."),
            "extra": {"type": "list", "meta": _meta(
                "Các điều thêm, in sau Điều 1 (mỗi điều một chuỗi, danh sách đoạn, hoặc "
                "{title, text})."), "schema": _article("Một điều thêm.")},
            "effect": paragraphs("Điều hiệu lực; mặc định \"Quyết định này có hiệu lực thi hành "
                               "kể từ ngày ký.\""),
            "execution": paragraphs("Điều thi hành (điều cuối); mặc định viết từ \"executors\"."),
            "executors": agencies("Những người chịu trách nhiệm thi hành (điều cuối); mặc định "
                                  "là Chánh Văn phòng và thủ trưởng các cơ quan chủ trì của kế "
                                  "hoạch."),
        }),
        "recipients": text_list("Nơi nhận của quyết định, mỗi dòng một nơi: dòng đầu \"Như "
                                "Điều 3\", dòng cuối \"Lưu: VT, …\".", required=True,
                                minlength=1),
        "drafting_code": text("Ký hiệu người soạn thảo, số lượng bản."),
        "signature": mapping("Chữ ký của quyết định, theo thẩm quyền.", {
            "lines": text_list("Các dòng quyền hạn và chức vụ, in hoa (\"TM. ỦY BAN NHÂN DÂN\", "
                               "\"KT. CHỦ TỊCH\", \"PHÓ CHỦ TỊCH\").", required=True,
                               minlength=1),
            "name": text("Họ và tên người ký.", required=True),
        }, required=True),
    })


# NĐ 30's optional first-page marks (plangen/marks.py); a decision's first page carries them
MARK_FIELDS: dict[str, Rules] = {
    "urgency": text("Độ khẩn, in trong khung đỏ dưới số ký hiệu: "
                    + ", ".join(f"\"{level}\"" for level in URGENCY_LEVELS)
                    + " (NĐ 30, Phụ lục I, III.2.b).", example="KHẨN"),
    "circulation": text("Chỉ dẫn phạm vi lưu hành, in hoa đậm trong khung ở đầu trang đầu ("
                        + ", ".join(f"\"{words}\"" for words in CIRCULATION_EXAMPLES[:2])
                        + ").", example=CIRCULATION_EXAMPLES[0]),
    "contact": paragraphs("Địa chỉ, điện thoại, thư điện tử, trang thông tin của cơ quan: in "
                          "cuối trang đầu, dưới một đường kẻ (mỗi dòng một chuỗi)."),
}

SPEC_SCHEMA: dict[str, Rules] = {
    "issuer": mapping("Cơ quan ban hành.", {
        "parent": text("Cơ quan chủ quản (nếu có), in hoa không đậm."),
        "name": text("Tên cơ quan ban hành, viết thường như trong câu.", required=True,
                     example="Ủy ban nhân dân tỉnh Đắk Lắk"),
        "header_lines": text_list("Các dòng tên cơ quan ở góc trái (mặc định tự tách và in hoa "
                                  "từ name)."),
    }, required=True),
    "number": text("Số văn bản, trong ngoặc kép (\"05\"); bỏ trống khi là dự thảo.",
                   regex=NUMBER_PATTERN, nullable=True, example="05"),
    "symbol": text("Ký hiệu (mặc định \"KH-UBND\").", regex=r"[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*",
                   example="KH-UBND"),
    "place": text("Địa danh ở dòng ngày tháng (\"Đắk Lắk\").", required=True),
    "date": mapping("Ngày ban hành; bỏ day hoặc month để để trống khi là dự thảo.", {
        "day": integer("Ngày (1–31).", 1, 31, nullable=True),
        "month": integer("Tháng (1–12).", 1, 12, nullable=True),
        "year": integer("Năm.", 1945, 2200, required=True),
    }, required=True),
    "doc_type": text("Tên loại văn bản: \"KẾ HOẠCH\" (mặc định; kế hoạch hành động: trích yếu "
                     "mở đầu \"Hành động …\").", example="KẾ HOẠCH"),
    "summary": text("Trích yếu, viết thường (\"Triển khai thi hành Luật …\").", required=True),
    "preamble": text_list("Các đoạn mở đầu: dòng \"Căn cứ …;\" (in nghiêng) hoặc đoạn "
                          "\"Thực hiện …\"."),
    "purpose": section("I. Mục đích, yêu cầu.", "MỤC ĐÍCH, YÊU CẦU", required=False),
    "tasks": mapping("II. Nhiệm vụ.", {
        "heading": text("Tên mục II (\"NHIỆM VỤ VÀ GIẢI PHÁP\", \"NỘI DUNG THỰC HIỆN\" …).",
                        example="NHIỆM VỤ VÀ GIẢI PHÁP"),
        "text": paragraphs("Đoạn văn in trước các nhiệm vụ."),
        "labels": _labels(),
        "role_style": choice("Kiểu dòng vai trò mặc định của các nhiệm vụ: "
                             f"{free_schema.ROLE_STYLE_HELP}.", ROLE_STYLES),
        "items": mapping_list("Các nhiệm vụ 1., 2., 3. …", _task_fields(True), required=True,
                              minlength=1),
    }),
    "funding": section("III. Kinh phí.", "KINH PHÍ THỰC HIỆN", required=False),
    "organization": section("IV. Tổ chức thực hiện.", "TỔ CHỨC THỰC HIỆN", required=False,
                            extra={
        "reporting": {"type": "dict", "meta": _meta(
            "Chế độ báo cáo, in thành mục con cuối cùng."), "schema": _entry_fields()},
    }),
    "closing": paragraphs("Đoạn kết (\"Trên đây là Kế hoạch … ./.\")."),
    "recipients": text_list("Nơi nhận, mỗi dòng một nơi; dòng cuối là \"Lưu: VT, …\".",
                            required=True, minlength=1),
    "drafting_code": text("Ký hiệu người soạn thảo, số lượng bản (\"BXC_VP11_KH\")."),
    **MARK_FIELDS,
    "signature": mapping("Chữ ký.", {
        "lines": text_list("Các dòng quyền hạn và chức vụ, in hoa (\"TM. ỦY BAN NHÂN DÂN\", "
                           "\"KT. CHỦ TỊCH\", \"PHÓ CHỦ TỊCH\").", required=True, minlength=1),
        "name": text("Họ và tên người ký.", required=True),
    }, required=True),
    "appendix": _appendix(),
    "agencies": mapping_list(
        "Tên viết tắt của các cơ quan trong kế hoạch này (thêm vào danh sách có sẵn như "
        "\"Sở KH&CN\"), để bảng phân công gộp đúng từng cơ quan.", {
            "name": text("Tên đầy đủ của cơ quan (\"Sở Khoa học và Công nghệ\").",
                         required=True),
            "aliases": text_list("Các cách viết khác (\"Sở KH&CN\", \"SKHCN\").",
                                 required=True, minlength=1),
        }),
    "decision": _decision(),
    # the free structure (free_schema.py): any sections, blocks, tables, several appendices
    "numbering": choice("Đánh số các mục lớn: roman (I, II, …, mặc định) hoặc letter (A, B, …).",
                        free_schema.SECTION_NUMBERING),
    "point_style": choice(f"Kiểu đánh chữ cái các điểm của cả kế hoạch: {POINT_STYLE_HELP}.",
                          tuple(POINT_STYLES)),
    "sections": free_schema.sections(),
    "missing": free_schema.missing(),
    "appendices": free_schema.appendices(),
}
# The four fixed sections are required unless the plan lists its own `sections`.
CLASSIC_SECTIONS = ("purpose", "tasks", "funding", "organization")
# What a four-section plan prints with the inline syntax read (plangen/inline.py), besides the
# appendix table's rows, and the keys under them that are not printed text.
CLASSIC_PRINTED = ("preamble", *CLASSIC_SECTIONS, "closing")
NOT_PRINTED_KEYS = frozenset({"id", "role_style", "task", "numbered"})

TOP_LEVEL_KEYS = tuple(SPEC_SCHEMA)


def json_schema() -> dict[str, Any]:
    """The spec schema as JSON Schema (draft 2020-12) for editors such as VS Code: the plan
    schema, widened for extends, include, presets, list edits and localities tables
    (spec/editor.py)."""
    from plangen.spec.editor import editor_schema  # here: editor builds on this module

    return editor_schema(plan_json_schema())


def plan_json_schema() -> dict[str, Any]:
    """The schema of one whole plan, as the validator sees it once composed."""
    defs: dict[str, Any] = {}
    properties = {key: _to_json(rules, defs) for key, rules in SPEC_SCHEMA.items()}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "plangen — Kế hoạch (NĐ 30/2020/NĐ-CP)",
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
        **_required_json(),
        "anyOf": [{"required": ["sections"]}, {"required": list(CLASSIC_SECTIONS)}],
        "$defs": defs,
    }


def _required_json() -> dict[str, Any]:
    """Required top-level keys; those a decision owns only when there is no decision."""
    required = [key for key, rules in SPEC_SCHEMA.items() if rules.get("required")]
    owned = [key for key in required if key in DECISION_OWNED]
    return {
        "required": [key for key in required if key not in DECISION_OWNED],
        "if": {"required": ["decision"]},
        "then": {"not": {"anyOf": [{"required": [key]} for key in DECISION_OWNED]}},
        "else": {"required": owned},
    }


_JSON_TYPES = {"string": "string", "integer": "integer", "float": "number", "boolean": "boolean",
               "list": "array", "dict": "object"}


def _to_json(rules: Rules, defs: dict[str, Any]) -> dict[str, Any]:
    ref = rules.get("meta", {}).get("json_ref")
    if ref:  # a recursive rule set: declared once under $defs, referred to everywhere
        if ref not in defs:
            defs[ref] = {}
            defs[ref] = _plain_json(rules, defs)
        return {"$ref": f"#/$defs/{ref}"}
    return _plain_json(rules, defs)


def _plain_json(rules: Rules, defs: dict[str, Any]) -> dict[str, Any]:
    types = rules["type"] if isinstance(rules["type"], list) else [rules["type"]]
    variants = [_json_variant(t, rules, defs) for t in types]
    out: dict[str, Any] = variants[0] if len(variants) == 1 else {"anyOf": variants}
    meta = rules.get("meta", {})
    if "description" in meta:
        out["description"] = meta["description"]
    if "example" in meta:
        out["examples"] = [meta["example"]]
    if rules.get("nullable"):
        out = {"anyOf": [out, {"type": "null"}], "description": out.get("description", "")}
    return out


def _json_variant(kind: str, rules: Rules, defs: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"type": _JSON_TYPES[kind]}
    if kind == "string":
        if rules.get("empty") is False:
            out["minLength"] = 1
        if "regex" in rules:
            out["pattern"] = f"^(?:{rules['regex']})$"
        elif rules.get("empty") is False:
            out["pattern"] = r"\S"  # the validator also refuses whitespace-only text
        if "allowed" in rules:
            out["enum"] = rules["allowed"]
        elif "enum" in rules.get("meta", {}):  # a string among others, checked by meaning
            out["enum"] = rules["meta"]["enum"]
    elif kind in ("integer", "float"):
        for rule, key in (("min", "minimum"), ("max", "maximum")):
            if rule in rules:
                out[key] = rules[rule]
    elif kind == "list":
        if "schema" in rules:
            out["items"] = _to_json(rules["schema"], defs)
        if "minlength" in rules:
            out["minItems"] = rules["minlength"]
        elif rules.get("empty") is False:  # cerberus's "empty" applies to lists too
            out["minItems"] = 1
    elif kind == "dict" and "schema" in rules:
        fields = rules["schema"]
        if rules.get("empty") is False:
            out["minProperties"] = 1
        out["additionalProperties"] = False
        out["properties"] = {key: _to_json(sub, defs) for key, sub in fields.items()}
        required = [key for key, sub in fields.items() if sub.get("required")]
        if required:
            out["required"] = required
    return out
