"""The Vietnamese names officers type for our English keys ("chủ trì:" for `lead:`).

A key the schema does not know is looked up here, with or without its accents, so the message
can say "Khóa `chủ trì` viết là `lead`" instead of a guess. A name may stand for several keys
(`tiêu đề` is `title` in an item, `heading` in a section): the first one allowed where the key
was written wins.
"""

from __future__ import annotations

import re
import unicodedata

# English key -> the names it is known by in plans, forms and speech (written with accents)
NAMES: dict[str, tuple[str, ...]] = {
    "issuer": ("cơ quan ban hành", "cơ quan", "đơn vị ban hành", "tên cơ quan", "ban hành"),
    "parent": ("cơ quan chủ quản", "cơ quan cấp trên", "chủ quản"),
    "header_lines": ("dòng tên cơ quan", "tên cơ quan ban hành"),
    "number": ("số", "số văn bản", "số kế hoạch", "số hiệu"),
    "symbol": ("ký hiệu", "ký hiệu văn bản", "số ký hiệu"),
    "place": ("địa danh", "nơi ban hành"),
    "date": ("ngày", "ngày tháng", "ngày ban hành", "thời gian ban hành", "ngày tháng năm"),
    "day": ("ngày",),
    "month": ("tháng",),
    "year": ("năm",),
    "summary": ("trích yếu", "trích yếu nội dung", "tên kế hoạch", "tóm tắt"),
    "doc_type": ("tên loại", "loại văn bản"),
    "preamble": ("căn cứ", "mở đầu", "phần mở đầu", "lời mở đầu"),
    "purpose": ("mục đích", "mục đích yêu cầu", "mục đích, yêu cầu"),
    "tasks": ("nhiệm vụ", "nhiệm vụ và giải pháp", "nhiệm vụ giải pháp", "nội dung",
              "nội dung kế hoạch", "nhiệm vụ cụ thể"),
    "funding": ("kinh phí", "kinh phí thực hiện", "nguồn kinh phí"),
    "organization": ("tổ chức thực hiện", "tổ chức", "trách nhiệm"),
    "reporting": ("chế độ báo cáo", "báo cáo"),
    "closing": ("kết thúc", "đoạn kết", "phần kết", "lời kết"),
    "recipients": ("nơi nhận",),
    "drafting_code": ("ký hiệu người soạn thảo", "người soạn thảo", "mã soạn thảo"),
    "urgency": ("độ khẩn", "mức độ khẩn", "khẩn"),
    "circulation": ("phạm vi lưu hành", "lưu hành", "chỉ dẫn lưu hành"),
    "contact": ("địa chỉ", "liên hệ", "thông tin liên hệ", "địa chỉ liên hệ"),
    "signature": ("chữ ký", "người ký", "ký", "ký tên"),
    "lines": ("quyền hạn ký", "chức vụ", "thẩm quyền ký", "dòng"),
    "name": ("họ tên", "họ và tên", "tên", "tên người ký"),
    "appendix": ("phụ lục",),
    "columns": ("cột", "các cột", "tên cột"),
    "rows": ("dòng", "hàng", "các dòng"),
    "from_tasks": ("lấy từ nhiệm vụ", "theo nhiệm vụ"),
    "title": ("tiêu đề", "tên", "tên mục", "tên nhiệm vụ", "tên phụ lục"),
    "heading": ("tiêu đề", "tên mục", "đề mục"),
    "part": ("phần", "tên phần"),
    "items": ("các mục", "mục", "danh sách", "các ý"),
    "bullets": ("gạch đầu dòng", "các ý"),
    "points": ("điểm", "các điểm"),
    "text": ("nội dung", "văn bản", "đoạn văn"),
    "description": ("mô tả", "nội dung"),
    "content": ("nội dung", "nội dung công việc", "nội dung thực hiện"),
    "named_items": ("tên nhiệm vụ", "các nhiệm vụ"),
    "id": ("mã", "mã nhiệm vụ"),
    "lead": ("chủ trì", "cơ quan chủ trì", "đơn vị chủ trì", "chịu trách nhiệm"),
    "implementer": ("thực hiện", "đơn vị thực hiện", "cơ quan thực hiện"),
    "partners": ("phối hợp", "cơ quan phối hợp", "đơn vị phối hợp"),
    "supervisor": ("đôn đốc", "cơ quan đôn đốc", "hướng dẫn", "theo dõi"),
    "timeline": ("thời gian", "thời gian thực hiện", "thời hạn", "tiến độ", "thời gian hoàn thành"),
    "product": ("sản phẩm", "kết quả", "sản phẩm đầu ra"),
    "subtasks": ("nhiệm vụ con", "việc cụ thể", "các việc"),
    "labels": ("nhãn", "tên vai trò"),
    "role_style": ("kiểu vai trò",),
    "label": ("nhãn", "số phụ lục"),
    "reference": ("kèm theo", "dòng kèm theo"),
    "task": ("nhiệm vụ", "mã nhiệm vụ"),
    "numbered": ("đánh số",),
    "number_heading": ("số mục", "đánh số mục"),
    "agencies": ("cơ quan viết tắt", "tên viết tắt", "danh sách cơ quan"),
    "aliases": ("tên khác", "viết tắt", "cách viết khác"),
    "decision": ("quyết định", "quyết định ban hành"),
    "authority": ("thẩm quyền", "thẩm quyền ban hành"),
    "bases": ("căn cứ", "các căn cứ"),
    "proposer": ("đề nghị", "theo đề nghị", "người đề nghị", "cơ quan đề nghị"),
    "wording": ("kiểu trích yếu", "cách viết trích yếu"),
    "articles": ("các điều", "điều"),
    "issue": ("điều 1", "điều ban hành", "ban hành"),
    "extra": ("các điều thêm", "điều khác", "điều thêm"),
    "effect": ("hiệu lực", "điều hiệu lực"),
    "execution": ("thi hành", "điều thi hành", "tổ chức thi hành"),
    "executors": ("người thi hành", "chịu trách nhiệm thi hành", "cơ quan thi hành"),
    # the free structure (spec/free_schema.py)
    "sections": ("các mục", "mục lớn", "các phần"),
    "numbering": ("kiểu đánh số", "đánh số mục"),
    "point_style": ("kiểu điểm", "kiểu đánh điểm"),
    "missing": ("mục không có", "không có mục", "thiếu mục"),
    "appendices": ("các phụ lục", "danh sách phụ lục"),
    "role": ("vai trò", "vai trò mục"),
    "item": ("khoản", "mục con", "ý đánh số"),
    "point": ("điểm a", "ý chữ cái"),
    "bullet": ("gạch đầu dòng", "ý gạch"),
    "plus": ("dấu cộng", "ý cộng"),
    "named": ("ý trong ngoặc", "ý số trong ngoặc"),
    "table": ("bảng", "bảng số liệu"),
    "header": ("tiêu đề bảng", "dòng tiêu đề", "đầu bảng"),
    "total": ("tổng cộng", "dòng tổng"),
    "role_items": ("vai trò từng dòng", "liệt kê vai trò"),
    "subtotal": ("cộng nhóm", "dòng cộng", "tổng nhóm"),
    "sum": ("cộng", "các cột cộng"),
    "values": ("số tổng", "giá trị"),
    "label_column": ("cột nhãn tổng",),
    "notes": ("ghi chú", "chú thích"),
    "cols": ("gộp cột", "số cột"),
    "align": ("căn lề", "canh lề"),
    "bold": ("in đậm", "đậm"),
    "group": ("nhóm", "dòng nhóm"),
    "width": ("độ rộng", "rộng"),
    "key": ("khóa", "khóa cột"),
    "cells": ("ô", "giá trị cột"),
    "orientation": ("khổ giấy", "hướng trang", "khổ trang"),
    "style": ("kiểu", "kiểu in"),
    "deadline": ("thời hạn hoàn thành", "hạn hoàn thành", "hạn chót"),
    "deadline_inline": ("thời hạn cùng dòng",),
    "extends": ("kế thừa", "dựa trên", "kế hoạch gốc"),
    "include": ("ghép", "ghép tệp", "chèn tệp"),
}


def fold(name: str) -> str:
    """Lower case, accents and đ folded, spaces and underscores as one space: "Chủ_trì " ->
    "chu tri"."""
    decomposed = unicodedata.normalize("NFD", name.lower().replace("đ", "d"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\s_\-]+", " ", bare).strip(" :")


_INDEX: dict[str, list[str]] = {}
for _key, _names in NAMES.items():
    for _name in _names:
        _INDEX.setdefault(fold(_name), []).append(_key)


def english_key(name: str, allowed: list[str] | tuple[str, ...]) -> str | None:
    """The key among `allowed` that the Vietnamese `name` stands for, or None."""
    for key in _INDEX.get(fold(name), ()):
        if key in allowed:
            return key
    return None
