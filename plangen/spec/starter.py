"""The commented starter spec that `plangen new` writes for a locality."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from plangen.vntext import clean_line, nfc

LOCALITY_TYPES = ("thành phố", "tỉnh", "đặc khu", "phường", "xã")
COMMUNE_TYPES = ("xã", "phường", "đặc khu")


def _split_kind(text: str) -> tuple[str, str]:
    """ "tỉnh Đắk Lắk" -> ("tỉnh", "Đắk Lắk"); ("", text) without a type word."""
    for kind in LOCALITY_TYPES:
        if text.lower().startswith(kind + " "):
            return kind, text[len(kind) + 1:].strip()
    return "", text


def place_name(locality: str) -> str:
    """ "tỉnh Đắk Lắk" -> "Đắk Lắk"; a name without a type word is kept."""
    return _split_kind(clean_line(nfc(locality)))[1]


@dataclass(frozen=True)
class StarterUnit:
    """The unit a starter is written for, as its plan names it."""

    full_name: str  # "xã Tân Mỹ", "tỉnh Đắk Lắk"
    place: str  # the place of the date line: "Tân Mỹ"
    kind: str = ""  # "tỉnh", "thành phố", "xã", "phường", "đặc khu"; "" when not known
    province: str | None = None  # a commune's province: "tỉnh Quảng Trị"
    lower_units: str | None = None  # a province's: "các xã, phường, đặc khu"

    @classmethod
    def written(cls, locality: str) -> StarterUnit:
        """The unit as the officer wrote it ("xã Ea Kao"), not looked up."""
        text = clean_line(nfc(locality))
        kind, name = _split_kind(text)
        return cls(text, name, kind)

    @property
    def commune(self) -> bool:
        return self.kind in COMMUNE_TYPES


def starter_spec(locality: str | StarterUnit, today: datetime.date | None = None, *,
                 decision: bool = False) -> str:
    """A valid, commented spec for `locality` ("tỉnh Đắk Lắk", or a unit looked up) that the
    officer edits, with the agencies, recipients and signature of its level (a commune's
    offices and its province, a province's departments and communes); with `decision`, a
    plan issued by a QUYẾT ĐỊNH (the number, date, recipients and signature in the
    `decision` block)."""
    unit = StarterUnit.written(locality) if isinstance(locality, str) else locality
    today = today or datetime.date.today()
    text = _STARTER
    if decision:
        head, rest = text.split(_FRAME_START, 1)
        body = _BODY_START + rest.split(_BODY_START, 1)[1].split(_TAIL_START, 1)[0]
        text = head + _DECISION_HEAD + body.rstrip() + "\n" + _DECISION_FREE
    return text.format(**{key: value.replace('"', "'") for key, value in _words(unit).items()},
                       month=today.month, year=today.year)


def _words(unit: StarterUnit) -> dict[str, str]:
    """The level's own words: who leads, who helps, who is told."""
    words = {"locality": unit.full_name, "place": unit.place}
    if unit.commune:
        kind = unit.kind
        villages = "tổ dân phố" if kind == "phường" else "thôn, tổ dân phố"
        office = f"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân {kind}"
        return words | {
            "lead": office, "partners": f"Phòng Văn hóa - Xã hội; các {villages}",
            "org_lead": f"{office} chủ trì, theo dõi, đôn đốc, tổng hợp kết quả thực hiện, "
                        f"báo cáo Ủy ban nhân dân {unit.province or 'tỉnh …'}.",
            "org_all": f"Các cơ quan, đơn vị, {villages} căn cứ Kế hoạch tổ chức thực hiện.",
            "report_to": f"UBND {unit.province or 'tỉnh …'} (b/c)",
            "leaders": f"TT Đảng ủy, TT HĐND {kind}",
            "committee": f"CT, các PCT UBND {kind}",
            "executor": f"Chánh {office}",
        }
    kind = unit.kind or "tỉnh"
    lower = f"Ủy ban nhân dân {unit.lower_units or 'các xã, phường'}"
    party = "Thành ủy" if kind == "thành phố" else "Tỉnh ủy"
    return words | {
        "lead": "Sở Khoa học và Công nghệ", "partners": f"Các sở, ban, ngành; {lower}",
        "org_lead": "Sở Khoa học và Công nghệ chủ trì, theo dõi, đôn đốc, tổng hợp kết quả "
                    "thực hiện.",
        "org_all": f"Các sở, ban, ngành, {lower} tổ chức triển khai thực hiện.",
        "report_to": "Bộ Khoa học và Công nghệ (b/c)",
        "leaders": f"TT {party}, TT HĐND {kind}",
        "committee": f"CT, các PCT UBND {kind}",
        "executor": f"Chánh Văn phòng Ủy ban nhân dân {kind}",
    }


_FRAME_START = "number:                  # số văn bản"
_BODY_START = "purpose:"  # an attached plan opens with its sections
_TAIL_START = "recipients:              # mỗi dòng một nơi nhận"
_DECISION_HEAD = """\
summary: "Triển khai thực hiện … trên địa bàn {locality}"   # trích yếu kế hoạch, viết thường

# Kế hoạch này được ban hành kèm theo một Quyết định: số, ngày, nơi nhận và chữ ký là của
# Quyết định (kế hoạch kèm theo không có số, ngày, chữ ký riêng).
decision:
  number:                # số quyết định trong ngoặc kép ("05"); để trống khi là dự thảo
  symbol: QĐ-UBND
  place: "{place}"
  date:                  # bỏ day (hoặc month) để chừa trống khi dự thảo
    month: {month}
    year: {year}
  wording: ban-hanh      # trích yếu "Ban hành Kế hoạch …"; ve-viec: "Về việc ban hành Kế hoạch …"
  # authority: "Chủ tịch Ủy ban nhân dân {locality}"   # mặc định: Ủy ban nhân dân (tập thể)
  bases:                 # các dòng căn cứ, in nghiêng
    - "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"
  proposer: "Giám đốc Sở … tại Tờ trình số …"   # in "Theo đề nghị của …."
  # articles:            # bỏ trống: plangen tự viết Điều 1 (ban hành), Điều 2 (hiệu lực),
  #   executors:         # Điều 3 (thi hành); có thể ghi đè issue, effect, execution, thêm extra
  #     - "{executor}"
  recipients:            # "Như Điều 3" là những người thi hành ở Điều 3; dòng cuối "Lưu: VT, …"
    - Như Điều 3
    - "{report_to}"
    - "{committee}"
    - "Lưu: VT"
  signature:             # tập thể ký "TM. ỦY BAN NHÂN DÂN"; Chủ tịch ký "CHỦ TỊCH" (không TM.)
    lines: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]
    name: Nguyễn Văn A

"""


# the free forms for a plan a decision issues (as specs/bo-vhttdl-qd4385.yaml): its own
# sections, a required section stated missing with its reason, an appendix naming the decision
_DECISION_FREE = """
# ---- Kế hoạch không theo bốn mục cố định (các mục tự do, bảng số liệu, phụ lục) ----
# Xóa purpose:, tasks:, funding:, organization: ở trên rồi bỏ dấu "# " đầu các dòng dưới đây.
# Số, ngày, nơi nhận, chữ ký vẫn là của Quyết định (khối decision: ở trên). Chữ **đậm**,
# *nghiêng* và chú thích cuối trang ^[…] dùng được trong mọi đoạn.
# Ví dụ đầy đủ: specs/bo-vhttdl-qd4385.yaml.
#
# sections:
#   - heading: MỤC ĐÍCH, YÊU CẦU
#     role: purpose
#     content:
#       - item: Mục đích                        # 1.
#         content:
#           - point: "Triển khai kịp thời, *đồng bộ*, hiệu quả …"   # a)
#       - item: Yêu cầu
#         content:
#           - point: "Xác định rõ nội dung công việc, thời hạn và trách nhiệm …"
#   - heading: NỘI DUNG CHỦ YẾU
#     role: tasks
#     role_style: letter                        # dòng vai trò "a) Cơ quan chủ trì: …"
#     content:
#       - item: "Tuyên truyền, phổ biến …"
#         content:
#           - "Tuyên truyền nội dung Kế hoạch tới các cơ quan, đơn vị^[Kể cả các xã.]."
#         lead: Sở Khoa học và Công nghệ          # a) Cơ quan chủ trì: …
#         partners: ["Sở Văn hóa, Thể thao và Du lịch", "Ủy ban nhân dân các xã, phường"]
#         deadline: "Trong năm {year}"
#       - item: Chỉ tiêu đến năm 2030
#         content:
#           - table:                            # bảng số liệu, tiêu đề lặp lại đầu mỗi trang
#               columns: [1, {{width: 5, align: left}}, 2]
#               header: [[STT, Chỉ tiêu, Số lượng]]
#               rows:
#                 - [1, Xã có nhà văn hóa, 40]
#                 - [2, Thôn có nhà văn hóa, 300]
#               total: {{sum: [3]}}               # dòng "Tổng cộng" tự cộng cột 3
#   - heading: GIẢI PHÁP THỰC HIỆN             # mục không có vai trò: ở vị trí nào cũng được
#     content:
#       - "Huy động các nguồn lực hợp pháp để thực hiện Kế hoạch."
#   - heading: TỔ CHỨC THỰC HIỆN
#     role: organization
#     content:
#       - "Các sở, ban, ngành, Ủy ban nhân dân các xã, phường tổ chức thực hiện."
# missing:                                      # mục bắt buộc không có: ghi lý do
#   funding: "Kinh phí thực hiện ghi tại mục III (Giải pháp thực hiện)."
# appendices:                                   # phụ lục ghi "(Kèm theo Quyết định số …)"
#   - title: Phân công nhiệm vụ
#     from_tasks: true                          # bảng lấy từ các nhiệm vụ
"""


_STARTER = """\
# yaml-language-server: $schema=plangen.schema.json
# Tệp kế hoạch của plangen. Sửa nội dung, rồi chạy:  plangen validate <tệp>
# VS Code (tiện ích YAML) gợi ý khi gõ nhờ tệp plangen.schema.json bên cạnh; nếu thiếu tệp đó,
# chạy trong thư mục này:  plangen schema -o plangen.schema.json
# Mỗi khóa có chú thích; xóa các mục không dùng. Văn bản dài có thể xuống dòng, thụt lề thêm.

issuer:
  name: "Ủy ban nhân dân {locality}"   # tên cơ quan ban hành, viết như trong câu
number:                  # số văn bản trong ngoặc kép ("05"); để trống khi là dự thảo
symbol: KH-UBND
place: "{place}"
date:                    # bỏ day (hoặc month) để chừa trống khi dự thảo
  month: {month}
  year: {year}
summary: "Triển khai thực hiện … trên địa bàn {locality}"   # trích yếu, viết thường

preamble:                # "Căn cứ …;" (in nghiêng) hoặc đoạn "Thực hiện …"
  - "Thực hiện … Ủy ban nhân dân {locality} ban hành Kế hoạch với các nội dung như sau:"

purpose:                 # I. MỤC ĐÍCH, YÊU CẦU
  items:
    - title: Mục đích
      bullets:
        - "Triển khai kịp thời, đồng bộ, thống nhất, hiệu quả …"
    - title: Yêu cầu
      bullets:
        - "Xác định rõ nội dung công việc, thời hạn và trách nhiệm …"

tasks:                   # II. các nhiệm vụ; mỗi nhiệm vụ bắt đầu bằng "- id:" hoặc "- title:"
  heading: NHIỆM VỤ VÀ GIẢI PHÁP
  items:
    - id: tuyen-truyen
      title: "Tuyên truyền, phổ biến …"
      lead: "{lead}"   # cơ quan chủ trì
      partners: "{partners}"
      timeline: "Năm {year} và các năm tiếp theo"

funding:                 # III. KINH PHÍ THỰC HIỆN
  text: "Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách nhà nước theo phân cấp \
hiện hành và các nguồn kinh phí hợp pháp khác."

organization:            # IV. TỔ CHỨC THỰC HIỆN
  items:
    - "{org_lead}"
    - "{org_all}"

closing: "Trên đây là Kế hoạch … trên địa bàn {locality}./."

recipients:              # mỗi dòng một nơi nhận; dòng cuối là "Lưu: VT, …"
  - "{report_to}"
  - "{leaders}"
  - "{committee}"
  - "Lưu: VT"

# Dấu tùy chọn của trang đầu (NĐ 30, Phụ lục I, III.2 và III.4): bỏ "# " để dùng.
# urgency: KHẨN                  # độ khẩn: KHẨN, THƯỢNG KHẨN hoặc HỎA TỐC (khung đỏ)
# circulation: LƯU HÀNH NỘI BỘ   # chỉ dẫn phạm vi lưu hành
# contact:                       # địa chỉ, điện thoại, thư điện tử, cuối trang đầu
#   - "Địa chỉ: …; Điện thoại: …"

signature:
  lines: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]
  name: Nguyễn Văn A
""" + """
# ---- Kế hoạch không theo bốn mục cố định (các mục tự do, bảng số liệu, nhiều phụ lục) ----
# Xóa purpose:, tasks:, funding:, organization: ở trên rồi bỏ dấu "# " đầu các dòng dưới đây.
# Chữ **đậm**, *nghiêng*, __gạch chân__ và chú thích cuối trang ^[…] dùng được trong mọi đoạn.
# Ví dụ đầy đủ: specs/variations-free.yaml, specs/thanh-hoa.yaml.
# Kế hoạch chia phần ("Phần I", "Phần II"; các mục đánh số lại từ I trong mỗi phần): thêm
# part: <tên phần> vào mục mở đầu mỗi phần, từ mục đầu tiên (specs/variations-parts.yaml).
#
# sections:
#   - heading: ĐÁNH GIÁ TÌNH HÌNH              # mục không có vai trò: ở vị trí nào cũng được
#     content:
#       - "Năm {year}, **12 xã** bị ảnh hưởng^[Số liệu của Sở Nông nghiệp và Môi trường.]."
#       - table:                                # bảng số liệu, tiêu đề lặp lại đầu mỗi trang
#           columns: [1, {{width: 5, align: left}}, 2]
#           header: [[STT, Địa bàn, Số hộ]]
#           rows:
#             - [1, Xã A, 120]
#             - [2, Xã B, 80]
#           total: {{sum: [3]}}                 # dòng "Tổng cộng" tự cộng cột 3
#   - heading: MỤC ĐÍCH, YÊU CẦU
#     role: purpose
#     content:
#       - item: Mục đích                        # 1.
#         content:
#           - bullet: "Triển khai kịp thời, *đồng bộ*, hiệu quả …"
#   - heading: NHIỆM VỤ VÀ GIẢI PHÁP
#     role: tasks
#     content:
#       - item: "Tuyên truyền, phổ biến …"
#         lead: Sở Khoa học và Công nghệ
#         deadline: "Trong năm {year}"
#   - heading: KINH PHÍ THỰC HIỆN
#     role: funding
#     content:
#       - "Kinh phí từ nguồn ngân sách nhà nước theo phân cấp hiện hành."
#   - heading: TỔ CHỨC THỰC HIỆN
#     role: organization
#     content:
#       - "Các sở, ban, ngành, Ủy ban nhân dân các xã, phường tổ chức thực hiện."
# appendices:                                   # mỗi phụ lục một trang: Phụ lục I, Phụ lục II
#   - title: Phân công nhiệm vụ
#     from_tasks: true                          # bảng lấy từ các nhiệm vụ
#   - title: Danh sách địa bàn
#     orientation: portrait
#     content:
#       - table:
#           header: [[STT, Địa bàn]]
#           rows: [[1, Xã A], [2, Xã B]]
"""
