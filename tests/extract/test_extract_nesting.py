"""A task's role lines close that task only: the items after it stay where the source numbers
them ("1.2." under "1.", after "1.1." and its role lines)."""

from __future__ import annotations

from pathlib import Path

import yaml
from support.docx_helpers import open_docx

from plangen.check.api import check_docx
from plangen.extract import extract_bytes, extract_text
from plangen.render.docx import Renderer
from plangen.spec.api import load_plan

SOURCE = """UBND TỈNH GIA LAI
SỞ Y TẾ
Số: 215/KH-SYT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Gia Lai, ngày 14 tháng 4 năm 2026
KẾ HOẠCH
Triển khai tiêm chủng mở rộng năm 2026
I. ĐÁNH GIÁ TÌNH HÌNH
Tỷ lệ tiêm chủng đầy đủ đạt 93,4%.
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Công tác chỉ đạo, điều hành
1.1. Tham mưu ban hành văn bản chỉ đạo.
- Đơn vị chủ trì: Văn phòng Sở.
- Đơn vị phối hợp: Phòng Nghiệp vụ Y.
- Thời hạn hoàn thành: Trước ngày 30/4/2026.
1.2. Kiểm tra, giám sát việc triển khai.
- Đơn vị chủ trì: Trung tâm Kiểm soát bệnh tật tỉnh.
- Thời gian thực hiện: Hằng quý.
2. Truyền thông
a) Xây dựng tài liệu truyền thông.
- Đơn vị chủ trì: Trung tâm Kiểm soát bệnh tật tỉnh.
- Thời gian thực hiện: Quý II/2026.
b) Đưa tin trên báo chí.
III. TỔ CHỨC THỰC HIỆN
Các đơn vị triển khai thực hiện.
Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT, NVY.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Nguyễn Thị Hoa
"""


def _tasks(yaml_text: str) -> list[dict]:  # type: ignore[type-arg]
    data = yaml.safe_load(yaml_text)
    return next(s for s in data["sections"] if s.get("role") == "tasks")["content"]  # type: ignore[no-any-return]


def test_items_after_a_task_with_role_lines_stay_under_their_parent() -> None:
    extraction = extract_text(SOURCE, "plan.txt")
    assert not extraction.errors, [i.format() for i in extraction.errors]
    tasks = _tasks(extraction.yaml_text)
    assert [task["item"] for task in tasks] == ["Công tác chỉ đạo, điều hành", "Truyền thông"]
    first, second = tasks[0]["content"]
    assert first["item"] == "Tham mưu ban hành văn bản chỉ đạo."
    assert (first["lead"], first["partners"], first["deadline"]) == (
        "Văn phòng Sở", "Phòng Nghiệp vụ Y", "Trước ngày 30/4/2026")
    assert second["item"] == "Kiểm tra, giám sát việc triển khai."
    assert (second["lead"], second["timeline"]) == ("Trung tâm Kiểm soát bệnh tật tỉnh",
                                                    "Hằng quý")
    points = tasks[1]["content"]
    assert [point["point"] for point in points] == ["Xây dựng tài liệu truyền thông.",
                                                    "Đưa tin trên báo chí."]


def test_the_render_numbers_them_as_the_source_did(tmp_path: Path) -> None:
    spec = tmp_path / "plan.yaml"
    spec.write_text(extract_text(SOURCE, "plan.txt").yaml_text, encoding="utf-8")
    data = Renderer().render(load_plan(spec))
    texts = [p.text for p in open_docx(data).paragraphs if p.text]
    for line in ("1.1. Tham mưu ban hành văn bản chỉ đạo.",
                 "1.2. Kiểm tra, giám sát việc triển khai.", "2. Truyền thông",
                 "b) Đưa tin trên báo chí."):
        assert line in texts, texts
    assert not check_docx(data, "plan.docx").failed
    # and reading the rendered file back gives the same structure
    again = extract_bytes(data, "plan.docx")
    assert _tasks(again.yaml_text) == _tasks(spec.read_text(encoding="utf-8"))
