"""Every message a user can see, in Vietnamese and English, keyed by a stable code.

Messages say what is wrong and how to fix it. The language comes from `--lang` or the
`PLANGEN_LANG` environment variable; Vietnamese is the default.
"""

from __future__ import annotations

import os
from typing import Any

Lang = str
_KIND_NAMES = {
    "text": ("văn bản (chuỗi)", "text"),
    "integer": ("số nguyên", "an integer"),
    "number": ("số", "a number"),
    "list": ("danh sách (các dòng bắt đầu bằng \"- \")", "a list (lines starting with \"- \")"),
    "mapping": ("nhóm \"khóa: giá trị\"", "a mapping (\"key: value\" lines)"),
    "boolean": ("giá trị đúng/sai (true hoặc false)", "a boolean (true or false)"),
    "date": ("ngày tháng", "a date"),
    "empty": ("giá trị trống", "an empty value"),
}

CATALOG: dict[str, tuple[str, str]] = {
    "whole_file": ("(cả tệp)", "(whole file)"),
    "warning_prefix": ("cảnh báo: ", "warning: "),
    "note_prefix": ("ghi chú: ", "note: "),
    "spec_invalid": ("Tệp kế hoạch có {count} lỗi.", "The plan spec has {count} problem(s)."),
    "more_issues": ("… và {count} lỗi khác (chỉ liệt kê {shown} lỗi đầu; sửa các lỗi trên rồi "
                    "chạy lại).",
                    "… and {count} more problem(s) (only the first {shown} are listed; fix "
                    "those and run again)."),
    "valid": ("Hợp lệ: {file} ({tasks} nhiệm vụ).", "Valid: {file} ({tasks} tasks)."),
    "summary_errors": ("{errors} lỗi, {warnings} cảnh báo trong {files} tệp.",
                       "{errors} error(s), {warnings} warning(s) in {files} file(s)."),
    # files and YAML syntax
    "input_missing": ("Không tìm thấy tệp \"{path}\". Kiểm tra lại đường dẫn.",
                      "No such file: \"{path}\". Check the path."),
    "input_is_directory": ("\"{path}\" là thư mục, không phải tệp YAML.",
                           "\"{path}\" is a folder, not a YAML file."),
    "input_not_regular": ("\"{path}\" không phải một tệp thường (là thiết bị, ống dẫn FIFO hoặc "
                          "socket); plangen chỉ đọc tệp. Ghi tên một tệp trên đĩa.",
                          "\"{path}\" is not a regular file (a device, a FIFO or a socket); "
                          "plangen reads files only. Give the name of a file on disk."),
    "input_unreadable": ("Không có quyền đọc tệp \"{path}\".",
                         "Permission denied reading \"{path}\"."),
    "output_is_folder": ("\"{path}\" là thư mục; ghi rõ tên tệp, ví dụ -o {example}.",
                         "\"{path}\" is a folder; give a file name, e.g. -o {example}."),
    "not_utf8": ("Tệp không lưu bằng mã UTF-8 (có thể là Windows-1258 hoặc TCVN3); dòng này đọc "
                 "ra thành \"{sample}\". Mở tệp, chọn Lưu thành (Save As), chọn mã hóa "
                 "(Encoding) UTF-8 rồi lưu lại.",
                 "The file is not saved as UTF-8 (perhaps Windows-1258 or TCVN3); this line "
                 "reads \"{sample}\". Open it, choose Save As, pick the UTF-8 encoding and save."),
    "bad_utf16": ("Tệp UTF-16 bị hỏng. Mở tệp, chọn Lưu thành (Save As), chọn mã hóa UTF-8 rồi "
                  "lưu lại.",
                  "The UTF-16 file is damaged. Open it, choose Save As, pick UTF-8 and save."),
    "file_too_large": ("Tệp quá lớn ({size} byte; tối đa {limit}). Một kế hoạch chỉ vài chục "
                       "kilobyte: kiểm tra xem có chọn nhầm tệp không.",
                       "The file is too large ({size} bytes; at most {limit}). A plan is a few "
                       "dozen kilobytes: check that this is the right file."),
    "empty_file": ("Tệp trống: chưa có nội dung kế hoạch. Chạy \"plangen new\" để có tệp mẫu.",
                   "The file is empty. Run \"plangen new\" for a starter spec."),
    "yaml_syntax": ("Lỗi cú pháp YAML ({problem}). Kiểm tra thụt lề, dấu \":\" và dấu ngoặc kép "
                    "ở dòng này hoặc dòng ngay trên.",
                    "YAML syntax error ({problem}). Check indentation, \":\" and quotes on this "
                    "line or the one above."),
    "yaml_tab": ("Dòng này thụt lề bằng ký tự Tab. YAML chỉ cho phép thụt lề bằng dấu cách: xóa "
                 "Tab và gõ dấu cách (thường 2 dấu cách mỗi cấp).",
                 "This line is indented with a Tab. YAML indents with spaces only: replace the "
                 "Tab with spaces (usually 2 per level)."),
    "yaml_unclosed_quote": ("Dấu ngoặc kép mở ở đây chưa được đóng, nên YAML đọc gộp các dòng "
                            "sau (đến dòng {end_line}) vào giá trị này. Thêm dấu ngoặc kép đóng "
                            "ở cuối giá trị, trên cùng dòng.",
                            "The quote opened here is never closed, so YAML reads the lines "
                            "after it (up to line {end_line}) into this value. Add the closing "
                            "quote at the end of the value, on the same line."),
    "yaml_after_quote": ("Giá trị bắt đầu bằng dấu ngoặc kép thì phải kết thúc ở dấu ngoặc kép "
                         "đóng, nhưng sau đó vẫn còn chữ. Nếu chỉ một phần là trích dẫn, đặt cả "
                         "giá trị trong ngoặc đơn: title: '\"Luật …\" năm 2026', hoặc bỏ các "
                         "dấu ngoặc kép.",
                         "A value that starts with a double quote must end at the closing "
                         "quote, but text follows it. If only part of it is a quotation, wrap "
                         "the whole value in single quotes: title: '\"Law …\" in 2026', or drop "
                         "the double quotes."),
    "yaml_indent": ("Thụt lề không khớp: dòng này không thẳng hàng với các dòng cùng cấp ở trên "
                    "(hoặc thiếu \"- \" ở đầu mục danh sách). Dùng đúng số dấu cách như các khóa "
                    "cùng cấp.",
                    "The indentation does not match: this line is not aligned with its siblings "
                    "above (or a list item lacks its \"- \"). Use the same number of spaces as "
                    "the keys at its level."),
    "yaml_colon": ("Có dấu \": \" ở chỗ YAML không cho phép. Nếu văn bản có dấu hai chấm (\"Lưu: "
                   "VT\"), đặt cả giá trị trong ngoặc kép: - \"Lưu: VT\"; nếu không, kiểm tra "
                   "thụt lề của dòng này.",
                   "A \": \" where YAML allows none. If the text holds a colon (\"Lưu: VT\"), put "
                   "the whole value in quotes: - \"Lưu: VT\"; otherwise check this line's "
                   "indentation."),
    "yaml_missing_colon": ("Dòng này thiếu dấu \":\" sau tên khóa (viết \"khóa: giá trị\"). Nếu "
                           "đây là phần tiếp của văn bản dòng trên, thụt lề thêm cho sâu hơn "
                           "khóa của dòng trên.",
                           "This line lacks the \":\" after its key (write \"key: value\"). If "
                           "it continues the text above, indent it deeper than that key."),
    "yaml_flow": ("Danh sách [ ] hoặc nhóm {{ }} mở ở dòng {open_line} chưa đóng đúng. Kiểm tra "
                  "dấu \"]\" hoặc \"}}\"; văn bản có dấu phẩy, dấu hai chấm hay ngoặc thì đặt "
                  "trong ngoặc kép.",
                  "The [ ] list or {{ }} mapping opened on line {open_line} is not closed "
                  "properly. Check the \"]\" or \"}}\"; quote text that holds commas, colons or "
                  "brackets."),
    "yaml_alias": ("\"*{name}\" gọi đến một mục chưa được đặt tên (cần \"&{name}\" ở phía trên). "
                   "Nếu đây là văn bản bắt đầu bằng dấu *, đặt cả giá trị trong ngoặc kép.",
                   "\"*{name}\" refers to nothing named \"&{name}\" above. If this is text "
                   "starting with *, put the whole value in quotes."),
    "yaml_multi_doc": ("Tệp chứa nhiều tài liệu YAML (ngăn bởi dòng \"---\"). Mỗi tệp chỉ chứa "
                       "một kế hoạch: xóa dòng \"---\" này và phần sau, hoặc tách ra tệp khác.",
                       "The file holds several YAML documents (split by \"---\"). One plan per "
                       "file: delete this \"---\" and what follows, or move it to another file."),
    "yaml_escape": ("Trong ngoặc kép, dấu \\ bắt đầu một ký tự đặc biệt. Viết \\\\ cho một dấu "
                    "\\, hoặc dùng ngoặc đơn '…' thay cho ngoặc kép.",
                    "Inside double quotes a \\ starts an escape. Write \\\\ for one backslash, "
                    "or use single quotes '…'."),
    "yaml_reserved": ("Giá trị không được bắt đầu bằng ký tự {char} khi không có ngoặc kép. Đặt "
                      "cả giá trị trong ngoặc kép: \"{char}…\".",
                      "A value cannot start with {char} unless quoted. Put the whole value in "
                      "quotes: \"{char}…\"."),
    "control_char_in_file": ("Tệp có ký tự điều khiển {char} không in được (thường do sao chép "
                             "từ Word hoặc PDF). Xóa ký tự này.",
                             "The file holds the unprintable control character {char} (often "
                             "pasted from Word or PDF). Delete it."),
    "too_deep": ("Cấu trúc lồng nhau quá sâu (tối đa {limit} cấp). Kế hoạch chỉ cần vài cấp; "
                 "kiểm tra các dấu [ và {{ chưa đóng.",
                 "Nesting is too deep (at most {limit} levels). A plan needs only a few; check "
                 "for unclosed [ and {{."),
    "too_many_nodes": ("Tệp tạo ra quá nhiều giá trị (hơn {limit}), thường do bí danh (&, *) "
                       "lồng nhau. Bỏ các bí danh và chép thẳng nội dung.",
                       "The file expands to more than {limit} values, usually through nested "
                       "aliases (&, *). Remove the aliases and write the content out."),
    "alias_cycle": ("Bí danh (*) gọi đến chính mục chứa nó, tạo vòng lặp vô tận. Bỏ bí danh này.",
                    "This alias (*) refers to the item that holds it, an endless loop. Remove "
                    "it."),
    "unsupported_tag": ("Thẻ YAML {tag} không được phép: plangen chỉ đọc dữ liệu thường, không "
                        "tạo đối tượng hay chạy mã. Xóa \"{tag}\" và chỉ ghi giá trị.",
                        "The YAML tag {tag} is refused: plangen reads plain data only, it never "
                        "builds objects or runs code. Delete \"{tag}\" and keep the value."),
    "merge_key": ("Khóa gộp \"<<\" không được hỗ trợ. Chép các dòng cần dùng vào đây.",
                  "The merge key \"<<\" is not supported. Copy the lines you need here."),
    "key_not_text": ("Khóa phải là chữ (ví dụ \"title:\"), không phải danh sách hay nhóm.",
                     "Keys must be plain words (e.g. \"title:\"), not lists or mappings."),
    "duplicate_key": ("Khóa \"{key}\" bị lặp (đã có ở dòng {first_line}). Xóa hoặc gộp một "
                      "trong hai.",
                      "Key \"{key}\" appears twice (first on line {first_line}). Remove or "
                      "merge one."),
    "top_not_mapping": ("Tệp phải là các dòng \"khóa: giá trị\" (issuer:, summary:, tasks: …). "
                        "Chạy \"plangen new\" để xem tệp mẫu.",
                        "The file must be \"key: value\" lines (issuer:, summary:, tasks: …). "
                        "Run \"plangen new\" for an example."),
    # schema
    "required": ("Thiếu mục bắt buộc \"{key}\". Thêm dòng \"{key}: …\".",
                 "Required field \"{key}\" is missing. Add a \"{key}: …\" line."),
    "unknown_key": ("Không có khóa \"{key}\" ở đây.{hint}",
                    "There is no key \"{key}\" here.{hint}"),
    "quote_it": ("YAML đọc {raw} thành {read_as}. Số hiệu và mã là văn bản: viết trong ngoặc "
                 "kép, \"{raw}\".",
                 "YAML reads {raw} as {read_as}. Numbers and codes are text: quote it, "
                 "\"{raw}\"."),
    "quote_text": ("YAML đọc {raw} thành {read_as}, nhưng ở đây cần văn bản. Viết trong ngoặc "
                   "kép: \"{raw}\".",
                   "YAML reads {raw} as {read_as}, but text is needed here. Quote it: "
                   "\"{raw}\"."),
    "date_not_mapping": ("Ngày ban hành không viết liền trên một dòng. Viết thành các dòng con "
                         "thụt lề dưới \"date:\": \"day: {day}\", \"month: {month}\", "
                         "\"year: {year}\" (bỏ day khi chưa có ngày).",
                         "The date is not written on one line. Write indented lines under "
                         "\"date:\": \"day: {day}\", \"month: {month}\", \"year: {year}\" "
                         "(leave out day while it is unknown)."),
    "bad_type": ("Cần {expected}, nhưng đang là {got}.{fix}",
                 "Expected {expected}, found {got}.{fix}"),
    "fix_mapping": ("Viết các dòng con \"khóa: giá trị\" thụt lề dưới dòng này; khóa dùng được: "
                    "{keys}.",
                    "Write indented \"key: value\" lines under this one; keys: {keys}."),
    "fix_text_from_list": ("Viết nội dung liền trên một dòng sau dấu \":\", không dùng \"- \".",
                           "Write the text on one line after the \":\", without \"- \"."),
    "fix_text_from_flow": ("Dấu [ ] tạo danh sách; nếu đây là văn bản, đặt cả giá trị trong "
                           "ngoặc kép.",
                           "[ ] makes a list; if this is text, put the whole value in quotes."),
    "fix_text_from_mapping": ("Có thể văn bản chứa \": \" hoặc dòng dưới thụt lề quá sâu; đặt "
                              "cả văn bản trong ngoặc kép hoặc sửa thụt lề.",
                              "The text may hold \": \" or the line below is indented too "
                              "deep; quote the text or fix the indentation."),
    "fix_list": ("Viết mỗi mục một dòng bắt đầu bằng \"- \", thụt lề dưới dòng này.",
                 "Write one item per line starting with \"- \", indented under this one."),
    "fix_integer": ("Viết một số nguyên, không có ngoặc kép.",
                    "Write a whole number, without quotes."),
    "fix_unquote": ("Bỏ dấu ngoặc kép: viết {value}.", "Drop the quotes: write {value}."),
    "fix_boolean": ("Viết true hoặc false.", "Write true or false."),
    "fix_text": ("Viết văn bản sau dấu \":\".", "Write text after the \":\"."),
    "empty": ("Giá trị trống. Điền nội dung hoặc xóa cả dòng.",
              "Empty value. Fill it in or delete the line."),
    "no_value": ("Chưa có giá trị sau dấu \":\". Điền nội dung hoặc xóa cả dòng.",
                 "Nothing after the \":\". Fill it in or delete the line."),
    "empty_item": ("Dòng \"- \" này chưa có nội dung. Điền nội dung hoặc xóa dòng.",
                   "This \"- \" line is empty. Fill it in or delete it."),
    "too_few": ("Cần ít nhất {min} mục; thêm mục, mỗi mục một dòng bắt đầu bằng \"- \".",
                "At least {min} item(s) needed; add them, one per line starting with \"- \"."),
    "out_of_range": ("Giá trị {value} ngoài khoảng cho phép ({min}–{max}).",
                     "{value} is outside the allowed range ({min}–{max})."),
    "not_allowed": ("Giá trị \"{value}\" không hợp lệ; chọn một trong: {allowed}.",
                    "\"{value}\" is not allowed; choose one of: {allowed}."),
    "bad_role_style": ("Kiểu dòng vai trò \"{value}\" không có; chọn một trong: dash (\"- Cơ "
                       "quan chủ trì: …\"), letter (\"a) Cơ quan chủ trì: …\"), letter_dot "
                       "(\"a. Cơ quan chủ trì: …\"), dash_letter (\"- a) Cơ quan chủ trì: …\"), "
                       "plain (không dấu đầu dòng).",
                       "No role line style \"{value}\"; choose one of: dash (\"- Cơ quan chủ "
                       "trì: …\"), letter (\"a) Cơ quan chủ trì: …\"), letter_dot (\"a. Cơ quan "
                       "chủ trì: …\"), dash_letter (\"- a) Cơ quan chủ trì: …\"), plain (no "
                       "marker)."),
    "bad_point_style": ("Kiểu đánh chữ cái các điểm \"{value}\" không có; chọn một trong: "
                        "letter (\"a) …\", \"b) …\", theo NĐ 30, mặc định), letter_dot "
                        "(\"a. …\", \"b. …\").",
                        "No point style \"{value}\"; choose one of: letter (\"a) …\", "
                        "\"b) …\", NĐ 30, the default), letter_dot (\"a. …\", \"b. …\")."),
    "bad_number": ("Số văn bản \"{value}\" phải là chữ số, từ 1 trở lên, trong ngoặc kép "
                   "(\"05\"). Bỏ trống khi là dự thảo.",
                   "Document number \"{value}\" must be digits, 1 or more, quoted (\"05\"). "
                   "Leave it out for a draft."),
    "doc_type_not_plan": ("Tên loại \"{value}\": plangen soạn kế hoạch, tên loại là \"KẾ HOẠCH\" "
                          "(NĐ 30 Điều 7); bỏ dòng doc_type hoặc ghi \"KẾ HOẠCH\".{hint}",
                          "Document type \"{value}\": plangen drafts plans, whose type is "
                          "\"KẾ HOẠCH\" (NĐ 30 art. 7); drop doc_type or write "
                          "\"KẾ HOẠCH\".{hint}"),
    "urgency_unknown": ("Độ khẩn \"{value}\" không có trong NĐ 30: chỉ dùng {levels}.{hint}",
                        "Urgency \"{value}\" is not one of NĐ 30's: use {levels}.{hint}"),
    "bad_symbol": ("Ký hiệu \"{value}\" phải viết hoa, các nhóm nối bằng \"-\" không có dấu cách "
                   "(\"KH-UBND\").",
                   "Symbol \"{value}\" must be capitals joined by \"-\" without spaces "
                   "(\"KH-UBND\")."),
    "bad_id": ("Mã \"{value}\" chỉ gồm chữ thường không dấu, số, \"-\" hoặc \"_\" "
               "(\"tuyen-truyen\").",
               "Id \"{value}\" may hold only lowercase ASCII letters, digits, \"-\" and \"_\"."),
    "bad_format": ("Giá trị \"{value}\" sai định dạng.", "\"{value}\" has the wrong format."),
    "invalid": ("Giá trị không hợp lệ ({detail}).", "Invalid value ({detail})."),
    # text hygiene
    "control_char": ("Có ký tự điều khiển {char} (thường do sao chép từ Word hoặc PDF). Xóa "
                     "đoạn này và gõ lại.",
                     "Contains the control character {char} (often pasted from Word or PDF). "
                     "Delete this text and retype it."),
    "legacy_encoding": ("Văn bản có vẻ được gõ bằng bảng mã cũ TCVN3 hoặc VNI (\"{sample}\"). "
                        "Chuyển sang Unicode (ví dụ bằng Unikey, chức năng chuyển mã) rồi dán lại.",
                        "The text looks typed in a legacy TCVN3 or VNI encoding (\"{sample}\"). "
                        "Convert it to Unicode (e.g. Unikey's converter) and paste it again."),
    "mojibake": ("Văn bản bị lỗi phông (\"{sample}\"): chữ UTF-8 đã bị đọc nhầm bảng mã. Chép "
                 "lại đoạn này từ văn bản gốc.",
                 "The text is garbled (\"{sample}\"): UTF-8 read in the wrong encoding. Copy it "
                 "again from the original."),
    "agency_split": ("Dấu phẩy trong [ ] đã cắt tên cơ quan thành nhiều mục (\"{fragment}\" "
                     "thành một mục riêng). Viết thành một chuỗi trong ngoặc kép: {key}: "
                     "\"{joined}\".",
                     "The commas in [ ] cut an agency name into items (\"{fragment}\" became an "
                     "item). Write one quoted string: {key}: \"{joined}\"."),
    # meaning
    "day_without_month": ("Có ngày nhưng chưa có tháng. Thêm \"month:\" hoặc bỏ \"day:\".",
                          "A day without a month. Add \"month:\" or remove \"day:\"."),
    "no_such_date": ("Không có ngày {day}/{month}/{year}: tháng {month} năm {year} chỉ có {last} "
                     "ngày. Sửa \"day:\" thành một số từ 1 đến {last}.",
                     "There is no {day}/{month}/{year}: that month has only {last} days. Make "
                     "\"day:\" a number from 1 to {last}."),
    "signature_not_upper": ("Dòng chức vụ phải in hoa: \"{fixed}\".",
                            "Signature lines are in capitals: \"{fixed}\"."),
    "authority_one_line": (
        "Dòng \"{found}\" có hai quyền hạn ký, hoặc \"{word}\" không ở đầu dòng: mỗi "
        "quyền hạn ký (TM., KT., Q., TL., TUQ.) mở một dòng riêng. Tách thành hai dòng trong "
        "lines, vd. [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH].",
        "The line \"{found}\" holds two signing authorities, or \"{word}\" does not open it: "
        "each authority (TM., KT., Q., TL., TUQ.) starts a line of its own. Split it into two "
        "lines, e.g. [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]."),
    "signer_upper": (
        "Họ tên người ký in chữ thường, đậm (NĐ 30), plangen in đúng như đã gõ: viết "
        "\"{want}\" thay cho \"{found}\".",
        "The signer's name is printed in ordinary case, bold (NĐ 30), as typed: write "
        "\"{want}\" instead of \"{found}\"."),
    "signer_honorific": (
        "Trước họ tên người ký không ghi học hàm, học vị hay danh xưng (\"{found}\"): chỉ "
        "ghi họ tên, vd. \"{want}\".",
        "No title, degree or honorific (\"{found}\") before the signer's name: the name "
        "alone, e.g. \"{want}\"."),
    "name_is_mark": (
        "\"{found}\" là một dấu (độ khẩn, độ mật, lưu hành), không phải tên cơ quan: ghi tên "
        "cơ quan ban hành ở đây; độ khẩn ghi ở urgency.",
        "\"{found}\" is a mark (urgency, secrecy, circulation), not an agency's name: write "
        "the issuing agency's name here; the urgency goes in urgency."),
    "bad_authority": ("\"{word}\" không phải cách ghi quyền hạn ký; dùng một trong: {allowed} "
                      "(có dấu cách sau dấu chấm).",
                      "\"{word}\" is not a signing authority; use one of: {allowed} "
                      "(followed by a space)."),
    "tm_not_first": ("Dòng \"TM.\" phải là dòng đầu của khối chữ ký.",
                     "The \"TM.\" line must come first in the signature block."),
    "tm_needs_body": ("Sau \"TM.\" (thay mặt) phải là tên tập thể, ví dụ \"TM. ỦY BAN NHÂN "
                      "DÂN\", không phải chức vụ. Nếu người đứng đầu ký, bỏ \"TM.\" và chỉ ghi "
                      "chức vụ (\"CHỦ TỊCH\").",
                      "\"TM.\" must be followed by a collective body such as \"TM. ỦY BAN NHÂN "
                      "DÂN\", not a title. If the head signs, drop \"TM.\" and write the title "
                      "alone (\"CHỦ TỊCH\")."),
    "kt_needs_deputy": ("Ký thay (\"KT. {head}\") thì dòng tiếp theo phải là chức vụ cấp phó "
                        "(\"PHÓ {head}\").",
                        "A \"KT. {head}\" line must be followed by the deputy's title "
                        "(\"PHÓ {head}\")."),
    # a plan issued by a decision (spec/decision.py)
    "decision_owns": ("Kế hoạch ban hành kèm theo quyết định không có \"{key}\" riêng: số, "
                      "ngày, nơi nhận và chữ ký thuộc về quyết định. Chuyển khóa này vào trong "
                      "\"decision:\" (thụt lề dưới nó) hoặc xóa.",
                      "A plan issued by a decision has no \"{key}\" of its own: the number, "
                      "date, recipients and signature belong to the decision. Move this key "
                      "into \"decision:\" (indented under it) or delete it."),
    "decision_symbol_default": ("Quyết định của {issuer} sẽ mang ký hiệu mặc định \"QĐ-UBND\" "
                                "(của Ủy ban nhân dân); ghi ký hiệu của cơ quan, ví dụ "
                                "\"symbol: QĐ-BVHTTDL\".",
                                "The decision of {issuer} gets the default symbol \"QĐ-UBND\" "
                                "(a People's Committee's); write the agency's own, e.g. "
                                "\"symbol: QĐ-BVHTTDL\"."),
    "decision_authority_upper": ("Viết thẩm quyền ban hành như trong câu (\"Chủ tịch Ủy ban "
                                 "nhân dân tỉnh Đắk Lắk\"), không in hoa: plangen tự in hoa "
                                 "dòng thẩm quyền và dùng cách viết thường ở dòng \"(Kèm theo "
                                 "Quyết định … của …)\".",
                                 "Write the authority as a sentence does (\"Chủ tịch Ủy ban "
                                 "nhân dân tỉnh Đắk Lắk\"), not in capitals: plangen prints "
                                 "the authority line in capitals and uses the sentence form in "
                                 "\"(Kèm theo Quyết định … của …)\"."),
    "decision_authority_unknown": ("Không rõ ai ban hành quyết định (\"{authority}\"): ghi "
                                   "tập thể (\"Ủy ban nhân dân tỉnh …\") hoặc người đứng đầu "
                                   "kèm chức vụ (\"Chủ tịch Ủy ban nhân dân tỉnh …\", \"Bộ "
                                   "trưởng Bộ …\", \"Giám đốc Sở …\") vào \"authority:\".",
                                   "It is not clear who issues the decision (\"{authority}\"): "
                                   "write a collective (\"Ủy ban nhân dân tỉnh …\") or a head "
                                   "with their title (\"Chủ tịch Ủy ban nhân dân tỉnh …\", "
                                   "\"Bộ trưởng Bộ …\", \"Giám đốc Sở …\") in "
                                   "\"authority:\"."),
    "decision_signature_head": ("Quyết định của {authority} do chính người đó ký (\"{title}\"), "
                                "hoặc cấp phó ký thay (\"KT. {title}\"), không ký \"TM.\" "
                                "(thay mặt tập thể). Bỏ dòng \"TM. …\", hoặc đổi thẩm quyền "
                                "thành tập thể (\"authority: Ủy ban nhân dân …\").",
                                "A decision of {authority} is signed by them (\"{title}\") or "
                                "by a deputy for them (\"KT. {title}\"), not \"TM.\" (on "
                                "behalf of a collective). Remove the \"TM. …\" line, or make "
                                "the authority the collective (\"authority: Ủy ban nhân dân "
                                "…\")."),
    "decision_signature_title": ("Chữ ký không khớp thẩm quyền ban hành ({authority}): dòng đầu "
                                 "phải là \"{title}\" hoặc \"KT. {title}\", không phải "
                                 "\"{found}\".",
                                 "The signature does not match the authority ({authority}): "
                                 "its first line must be \"{title}\" or \"KT. {title}\", not "
                                 "\"{found}\"."),
    "decision_signature_collective": ("Quyết định của tập thể ({authority}) được ký thay mặt "
                                      "tập thể: dòng đầu của chữ ký phải là \"TM. {body}\". "
                                      "Nếu Chủ tịch ban hành, ghi \"authority: Chủ tịch "
                                      "{authority}\".",
                                      "A collective's decision ({authority}) is signed on its "
                                      "behalf: the signature's first line must be \"TM. "
                                      "{body}\". If the Chairman issues it, write "
                                      "\"authority: Chủ tịch {authority}\"."),
    "decision_kt_deputy": ("Ký thay (\"KT. {head}\") thì dòng tiếp theo là chức vụ của cấp "
                           "phó (\"{deputy}\").",
                           "A \"KT. {head}\" line is followed by the deputy's title "
                           "(\"{deputy}\")."),
    "decision_article_empty": ("Điều này chưa có nội dung: thêm \"text:\" hoặc xóa mục.",
                               "This article has no text: add \"text:\" or delete the item."),
    "decision_no_as_article": ("Nơi nhận của quyết định thường mở đầu bằng \"Như Điều "
                               "{number};\" (những người thi hành ở Điều {number}).",
                               "A decision's recipients usually start with \"Như Điều "
                               "{number};\" (those who execute it in Article {number})."),
    "decision_as_article_number": ("\"Như Điều {found}\" nhưng điều thi hành là Điều {number}: "
                                   "sửa thành \"Như Điều {number}\".",
                                   "\"Như Điều {found}\" but the executing article is Article "
                                   "{number}: write \"Như Điều {number}\"."),
    "decision_appendix_reference": ("Phụ lục của kế hoạch ban hành kèm theo quyết định ghi "
                                    "\"(Kèm theo Quyết định số …)\", nhưng dòng này đang là "
                                    "\"{reference}\". Xóa \"reference:\" để plangen tự viết "
                                    "từ quyết định, hoặc ghi số, ngày của quyết định.",
                                    "An appendix of a plan issued by a decision reads \"(Kèm "
                                    "theo Quyết định số …)\", but this one reads "
                                    "\"{reference}\". Delete \"reference:\" so plangen "
                                    "writes it from the decision, or write the decision's "
                                    "number and date."),
    "archive_missing": ("Thiếu dòng lưu ở cuối nơi nhận: thêm dòng cuối \"Lưu: VT, <đơn vị soạn "
                        "thảo>\" (trong ngoặc kép).",
                        "The recipients lack the archive line: add a last line \"Lưu: VT, "
                        "<drafting unit>\" (quoted)."),
    "archive_not_last": ("Dòng \"Lưu: …\" phải là dòng cuối của nơi nhận; chuyển nó xuống cuối "
                         "danh sách.",
                         "The \"Lưu: …\" line must be the last recipient; move it to the end."),
    "no_kinh_gui": ("Kế hoạch không dùng \"Kính gửi\" trong nơi nhận; xóa chữ \"Kính gửi\".",
                    "A plan has no \"Kính gửi\" in its recipients; delete it."),
    "duplicate_id": ("Mã nhiệm vụ \"{id}\" bị trùng với nhiệm vụ ở dòng {first_line}. Mỗi nhiệm "
                     "vụ cần một mã riêng: đổi một trong hai.",
                     "Task id \"{id}\" is already used on line {first_line}. Give each task its "
                     "own id: rename one."),
    "appendix_rows_or_tasks": ("Phụ lục cần đúng một trong hai: \"from_tasks: true\" hoặc "
                               "danh sách \"rows:\".",
                               "The appendix needs exactly one of \"from_tasks: true\" or a "
                               "\"rows:\" list."),
    "unknown_task": ("Không có nhiệm vụ mã \"{id}\" trong mục II.{hint}",
                     "No task with id \"{id}\" in section II.{hint}"),
    "row_needs_content": ("Dòng phụ lục cần \"task:\" (mã nhiệm vụ) hoặc \"content:\".",
                          "An appendix row needs \"task:\" (a task id) or \"content:\"."),
    "section_empty": ("Mục này chưa có nội dung: thêm \"text:\" hoặc \"items:\".",
                      "This section is empty: add \"text:\" or \"items:\"."),
    "entry_empty": ("Mục con trống: cần ít nhất một trong title, text, points, bullets.",
                    "Empty item: it needs one of title, text, points, bullets."),
    "place_lowercase": ("Địa danh ở dòng ngày tháng phải viết hoa chữ cái đầu (NĐ 30, Phụ lục I "
                        "mục II.4): \"{found}\". Sửa thành \"{want}\".",
                        "The place name of the date line must start with a capital (NĐ 30, "
                        "Appendix I, II.4): \"{found}\". Write \"{want}\"."),
    "place_sign": ("Địa danh ở dòng ngày tháng chỉ là tên địa danh (\"Đắk Lắk\", \"Hà Nội\"), "
                   "không có dấu \"{char}\": \"{found}\". Dòng ngày tháng in \"<địa danh>, "
                   "ngày … tháng … năm …\".",
                   "The place name of the date line is the name alone (\"Đắk Lắk\", \"Hà "
                   "Nội\"), without \"{char}\": \"{found}\". The date line prints "
                   "\"<place>, ngày … tháng … năm …\"."),
    "typed_number": (
        "Dòng này đã có số \"{label}\" ở đầu, mà plangen tự đánh số: bản in sẽ có hai số. Bỏ "
        "\"{label}\" ở đầu dòng.",
        "This line starts with its own number \"{label}\", and plangen numbers it too: the "
        "print would show two. Remove \"{label}\" from the start of the line."),
    "text_frame_words": (
        "Dòng này mở đầu bằng \"{words}\", là chữ của khung văn bản: người đọc (và plangen "
        "check) sẽ hiểu nó là dòng \"Nơi nhận:\", \"Kính gửi:\" (kế hoạch không có), dòng "
        "số, ký hiệu hay nhãn phụ lục. Các dòng ấy plangen tự in từ recipients, number, "
        "appendices; ở đây viết lại câu cho khác.",
        "This line opens with \"{words}\", words of the document's frame: readers (and "
        "plangen check) take it for the \"Nơi nhận:\" or \"Kính gửi:\" line (a plan has "
        "none), the number line or an appendix's label. plangen prints those from recipients, "
        "number and appendices; word this line otherwise."),
    "summary_vv": (
        "Trích yếu \"{found}\" mở đầu bằng \"V/v\", chỉ dùng cho công văn: kế hoạch và "
        "quyết định ghi thẳng nội dung (\"Triển khai …\", \"Về việc ban hành …\").",
        "The summary \"{found}\" opens with \"V/v\", which only a công văn uses: a plan or "
        "decision states its subject directly (\"Triển khai …\", \"Về việc ban hành …\")."),
    "text_typed_label": (
        "Đoạn văn này mở đầu bằng \"{label}\" như một đề mục hoặc mục con đánh số: người đọc "
        "(và plangen check) sẽ hiểu nó là đề mục hoặc mục con. Nếu đúng là mục con, viết nó "
        "trong items (plangen tự đánh số); nếu không, bỏ \"{label}\" ở đầu đoạn.",
        "This paragraph opens with \"{label}\" like a numbered heading or item: readers (and "
        "plangen check) take it for one. If it is an item, write it under items (plangen "
        "numbers it); if not, remove \"{label}\" from its start."),
    "typed_number_only": (
        "Dòng này chỉ có số \"{label}\", mà plangen tự đánh số: viết nội dung của dòng (tên "
        "mục, tên nhiệm vụ …) thay cho \"{label}\".",
        "This line holds only the number \"{label}\", and plangen numbers it itself: write "
        "what the line says (the heading, the task …) instead of \"{label}\"."),
    "no_letters": (
        "\"{found}\" không có chữ nào: viết bằng chữ (tên, trích yếu, tiêu đề), vd. \"Ủy ban "
        "nhân dân tỉnh Đắk Lắk\", \"MỤC ĐÍCH, YÊU CẦU\".",
        "\"{found}\" has no letter: write it in words (a name, summary or heading), e.g. "
        "\"Ủy ban nhân dân tỉnh Đắk Lắk\", \"MỤC ĐÍCH, YÊU CẦU\"."),
    "typed_dash": (
        "Dòng này đã có dấu \"{label}\" ở đầu, mà plangen tự in dấu của ý: bản in sẽ có hai "
        "dấu. Bỏ \"{label}\" ở đầu dòng.",
        "This line starts with its own \"{label}\", and plangen prints the line's mark too: "
        "the print would show two. Remove \"{label}\" from the start of the line."),
    "summary_upper": (
        "Trích yếu đang in hoa toàn bộ (\"{found}\"): NĐ 30 in trích yếu bằng chữ thường, "
        "đứng, đậm, và plangen in đúng như đã gõ. Gõ lại chữ thường, chỉ viết hoa chữ đầu và "
        "tên riêng (\"Triển khai thi hành Luật …\").",
        "The summary is all in capitals (\"{found}\"): NĐ 30 prints it in ordinary case, "
        "upright and bold, and plangen prints it as typed. Type it again in sentence case, "
        "capitals only for the first letter and proper names."),
    "closing_mark": ("Đoạn kết thường kết thúc bằng \"./.\".",
                     "The closing paragraph usually ends with \"./.\"."),
    # deadlines and agency names (spec/deadlines.py, spec/meaning.py)
    "timeline_no_such_date": ("Thời gian \"{text}\" ghi \"{date}\": không có ngày, tháng hay "
                              "quý này trên lịch. Sửa lại cho đúng (ví dụ tháng 6 chỉ có 30 "
                              "ngày, một năm có quý I đến quý IV).",
                              "The timeline \"{text}\" says \"{date}\", which is not on the "
                              "calendar. Correct it (June has 30 days, a year has quarters I "
                              "to IV)."),
    "timeline_no_such_date_alone": ("Ngày \"{date}\" không có trên lịch. Sửa lại cho đúng "
                                    "(ví dụ tháng 6 chỉ có 30 ngày, một năm có quý I đến quý IV).",
                                    "\"{date}\" is not on the calendar. Correct it (June has 30 "
                                    "days, a year has quarters I to IV)."),
    "timeline_before_plan": ("Thời hạn \"{text}\" ({due}) sớm hơn ngày ban hành kế hoạch "
                             "({plan}). Kiểm tra lại năm, hoặc ghi thời hạn mới.",
                             "The deadline \"{text}\" ({due}) is before the plan's own date "
                             "({plan}). Check the year, or give a new deadline."),
    "timeline_unread": ("plangen chưa đọc được thời gian \"{text}\" thành mốc thời gian, nên "
                        "bảng phân công và báo cáo sẽ không có hạn của nhiệm vụ này. Nên viết "
                        "theo một mẫu quen dùng: \"Năm 2026\", \"Quý IV/2026\", \"Tháng "
                        "12/2026\", \"Trước ngày 31/5/2026\", \"Hằng năm\", \"Thường "
                        "xuyên\", \"Khi có yêu cầu\".",
                        "plangen cannot read the timeline \"{text}\" as a date, so the "
                        "assignment workbook and the report will have no deadline for this "
                        "task. Use a common form: \"Năm 2026\", \"Quý IV/2026\", \"Tháng "
                        "12/2026\", \"Trước ngày 31/5/2026\", \"Hằng năm\", \"Thường "
                        "xuyên\", \"Khi có yêu cầu\"."),
    "alias_twice": ("Tên viết tắt \"{alias}\" đã dùng cho \"{first}\", không thể dùng cả cho "
                    "\"{second}\". Xóa một trong hai.",
                    "The alias \"{alias}\" already names \"{first}\"; it cannot also name "
                    "\"{second}\". Remove one."),
    # tracking (plangen/track/): assignments, reports, charts
    "track_written": ("Đã ghi {path}", "Written {path}"),
    "timeline_format": ("Biểu đồ tiến độ ghi ra tệp .png, .svg, hoặc .docx (kế hoạch kèm trang "
                        "phụ lục); \"{path}\" có đuôi khác. Ví dụ: -o tien-do.png.",
                        "The timeline chart is written as .png, .svg, or .docx (the plan with "
                        "an appendix page); \"{path}\" is none of these. For example: -o "
                        "tien-do.png."),
    "report_bad_as_of": ("--as-of \"{value}\" không phải một ngày. Ghi ngày/tháng/năm, ví dụ "
                         "--as-of 15/6/2026.",
                         "--as-of \"{value}\" is not a date. Write day/month/year, e.g. "
                         "--as-of 15/6/2026."),
    "report_workbook_problems": ("Các bảng báo cáo có {count} chỗ cần sửa; chưa ghi báo cáo. "
                                 "Sửa các ô nêu trên rồi chạy lại.",
                                 "The filled workbooks have {count} problem(s); no report was "
                                 "written. Fix the cells above and run again."),
    "report_conflict": ("{agency} báo cáo nhiệm vụ {task} hai lần, khác nhau (lần đầu ở "
                        "{first}). Giữ một câu trả lời, xóa hoặc sửa cho giống câu kia.",
                        "{agency} reported task {task} twice, differently (first at {first}). "
                        "Keep one answer: delete this one or make them the same."),
    "report_too_large": ("Tệp quá lớn để là bảng phân công (tối đa {limit} byte).",
                         "The file is too large to be an assignment workbook (at most {limit} "
                         "bytes)."),
    "report_not_workbook": ("Không mở được tệp này như một bảng Excel (.xlsx) ({detail}). Lưu "
                            "lại bằng Excel hoặc LibreOffice dưới dạng .xlsx.",
                            "This file cannot be opened as an Excel workbook (.xlsx) ({detail}). "
                            "Save it from Excel or LibreOffice as .xlsx."),
    "report_other_plan": ("Bảng này của \"{found}\", không phải của \"{expected}\". Dùng "
                          "đúng bảng phân công của kế hoạch này.",
                          "This sheet belongs to \"{found}\", not to \"{expected}\". Use the "
                          "assignment workbook of this plan."),
    "report_unknown_agency": ("Kế hoạch không giao nhiệm vụ nào cho \"{agency}\". Không sửa "
                              "ô A1 (tên cơ quan) của trang.",
                              "The plan assigns nothing to \"{agency}\". Do not edit the "
                              "sheet's A1 cell (the agency's name)."),
    "report_no_agency_sheet": ("Tệp không có trang nào của một cơ quan (ô A1 \"Cơ quan: …\"). "
                               "Gửi lại chính tệp do plangen assignments tạo ra, đã điền.",
                               "The file has no agency sheet (A1 \"Cơ quan: …\"). Send back the "
                               "very file plangen assignments wrote, filled in."),
    "report_missing_columns": ("Trang thiếu cột {columns}. Không xóa hay đổi tên các cột của "
                               "bảng.",
                               "The sheet lacks the column(s) {columns}. Do not delete or rename "
                               "the table's columns."),
    "report_no_header": ("Không thấy dòng tiêu đề (STT, Tình trạng …) trong 10 dòng đầu. Không "
                         "xóa dòng tiêu đề của bảng.",
                         "No header row (STT, Tình trạng …) in the first 10 rows. Do not "
                         "delete the table's header row."),
    "report_not_assigned": ("Nhiệm vụ {task} không giao cho {agency}. Các nhiệm vụ của cơ quan: "
                            "{known}. Sửa số thứ tự hoặc báo cáo ở trang của cơ quan được giao.",
                            "Task {task} is not assigned to {agency}. Its tasks: {known}. Fix "
                            "the number, or report on the sheet of the agency it is assigned "
                            "to."),
    "report_unknown_task": ("Kế hoạch không có nhiệm vụ số \"{task}\". Các nhiệm vụ của "
                            "{agency}: {known}. Không sửa cột STT.",
                            "The plan has no task \"{task}\". The tasks of {agency}: {known}. "
                            "Do not edit the STT column."),
    "report_no_status": ("Đã ghi kết quả nhưng chưa chọn Tình trạng. Chọn một trong: {allowed}.",
                         "Results are written but no status is chosen. Choose one of: "
                         "{allowed}."),
    "report_bad_status": ("Tình trạng \"{value}\" không có trong danh sách. Chọn một trong: "
                          "{allowed}.",
                          "The status \"{value}\" is not in the list. Choose one of: "
                          "{allowed}."),
    "report_bad_date": ("\"{value}\" không phải một ngày. Ghi ngày/tháng/năm, ví dụ "
                        "15/6/2026.",
                        "\"{value}\" is not a date. Write day/month/year, e.g. 15/6/2026."),
    "report_done_without_date": ("Nhiệm vụ {task} đã hoàn thành nhưng chưa ghi Ngày hoàn "
                                 "thành, nên không biết đúng hạn hay trễ hạn. Ghi ngày vào ô này.",
                                 "Task {task} is done but has no completion date, so it cannot "
                                 "be told on time or late. Write the date in this cell."),
    # rendering and output
    "template_missing": ("Không tìm thấy mẫu Word \"{path}\".", "Template not found: \"{path}\"."),
    "template_bad": ("Mẫu Word \"{path}\" bị hỏng hoặc không phải .docx: {detail}.",
                     "Template \"{path}\" is damaged or not a .docx: {detail}."),
    "template_syntax": ("Mẫu Word \"{path}\" có thẻ sai ở phần {part}: {detail}.",
                        "Template \"{path}\" has a broken tag in {part}: {detail}."),
    "template_field": ("Mẫu Word \"{path}\" dùng trường \"{field}\" không có trong kế hoạch. "
                       "Sửa tên trường trong mẫu.",
                       "Template \"{path}\" uses the field \"{field}\", which plans do not have. "
                       "Fix the field name in the template."),
    "template_unsafe": ("Mẫu Word \"{path}\" có thẻ không an toàn ở phần {part}: {detail}.",
                        "Template \"{path}\" has an unsafe tag in {part}: {detail}."),
    "template_no_tags": (
        "Mẫu Word \"{path}\" không có thẻ nào của plangen ({{{{ … }}}}, {{%p … %}}): đây là một "
        "văn bản đã hoàn chỉnh (có thể là kế hoạch plangen đã tạo), không phải mẫu; dùng nó thì "
        "mọi kế hoạch sẽ mang cùng một nội dung. Dùng mẫu gốc templates/docx/ke-hoach.docx hoặc "
        "bản đã sửa từ mẫu đó.",
        "Template \"{path}\" holds no plangen tag ({{{{ … }}}}, {{%p … %}}): it is a finished "
        "document (perhaps a plan plangen made), not a template; every plan made with it would "
        "carry the same text. Use templates/docx/ke-hoach.docx or a copy edited from it."),
    "template_tags": (
        "Mẫu Word \"{path}\" thiếu thẻ plangen cần, hoặc đặt thẻ sai chỗ:{problems}\nChép lại "
        "các thẻ đó từ mẫu gốc templates/docx/ke-hoach.docx (xem docs/template.md, mục \"Các thẻ "
        "trong mẫu\").",
        "Template \"{path}\" lacks tags plangen fills, or has them out of place:{problems}\n"
        "Copy those tags back from templates/docx/ke-hoach.docx (see docs/template.md, \"Các "
        "thẻ trong mẫu\")."),
    "tag_missing": ("{tag} ({what}): không có trong mẫu; đặt thẻ này {where}.",
                    "{tag} ({what}): not in the template; put it {where}."),
    "tag_misplaced": ("{tag} ({what}): đang nằm {found}; thẻ này phải nằm {where}.",
                      "{tag} ({what}) is {found}; it belongs {where}."),
    "tag_what_parent": ("cơ quan chủ quản", "the parent agency"),
    "tag_what_issuer": ("tên cơ quan ban hành", "the issuing agency"),
    "tag_what_agency_rule": ("đường kẻ dưới tên cơ quan", "the rule under the agency"),
    "tag_what_number": ("số văn bản", "the number"),
    "tag_what_symbol": ("ký hiệu văn bản", "the symbol"),
    "tag_what_place": ("địa danh", "the place"),
    "tag_what_date": ("ngày tháng", "the date"),
    "tag_what_doc_type": ("tên loại văn bản, \"KẾ HOẠCH\"", "the document type, \"KẾ HOẠCH\""),
    "tag_what_summary": ("trích yếu", "the summary"),
    "tag_what_summary_rule": ("đường kẻ dưới trích yếu", "the rule under the summary"),
    "tag_what_body": ("toàn bộ thân văn bản", "the whole body text"),
    "tag_what_recipients": ("nơi nhận", "the recipients"),
    "tag_what_drafting_code": ("ký hiệu người soạn thảo", "the drafter's code"),
    "tag_what_signature_lines": ("quyền hạn, chức vụ người ký", "the signing authority"),
    "tag_what_signature_name": ("họ tên người ký", "the signer's name"),
    "tag_what_appendix_label": ("số phụ lục", "the appendix label"),
    "tag_what_appendix_title": ("tên phụ lục", "the appendix title"),
    "tag_what_appendix_reference": ("dòng \"(Kèm theo …)\" của phụ lục",
                                    "the appendix's \"(Kèm theo …)\" line"),
    "tag_what_appendix_table": ("bảng phụ lục", "the appendix table"),
    "tag_where_header": ("trong bảng phần đầu văn bản, trên tên loại (ô trái: cơ quan, số, ký "
                         "hiệu; ô phải: địa danh, ngày tháng)",
                         "in the header table at the top, above the document type (left cell: "
                         "agency, number, symbol; right cell: place, date)"),
    "tag_where_front": ("trong word/document.xml, trên vòng lặp thân văn bản",
                        "in word/document.xml, above the body loop"),
    "tag_where_loop": ("trong word/document.xml, ngoài mọi bảng, dưới trích yếu: ba đoạn "
                       "{{%p for para in body %}}, {{{{p para }}}}, {{%p endfor %}}",
                       "in word/document.xml, outside any table, below the summary: three "
                       "paragraphs {{%p for para in body %}}, {{{{p para }}}}, {{%p endfor %}}"),
    "tag_where_closing": ("dưới vòng lặp thân văn bản (bảng nơi nhận, chữ ký)",
                          "below the body loop (the recipients and signature table)"),
    "tag_where_appendix": ("dưới họ tên người ký, trong khối {{%p if appendix %}} … "
                           "{{%p endif %}}",
                           "below the signer's name, inside {{%p if appendix %}} … "
                           "{{%p endif %}}"),
    "tag_where_appendix_label": ("trong một đoạn kiểu \"KH Phụ lục số\" (phụ lục sang trang "
                                 "ngang từ đoạn đó)",
                                 "in a \"KH Phụ lục số\" paragraph (the landscape appendix "
                                 "starts there)"),
    "tag_found_part": ("ở phần {part}", "in {part}"),
    "tag_found_outside_header": ("ngoài bảng phần đầu", "outside the header table"),
    "tag_found_after_loop": ("dưới vòng lặp thân văn bản", "below the body loop"),
    "tag_found_before_loop": ("trên vòng lặp thân văn bản", "above the body loop"),
    "tag_found_in_table": ("trong một bảng", "inside a table"),
    "tag_found_not_printed": ("ở đó nhưng đoạn bên trong vòng lặp không in bằng {{{{p para }}}}",
                              "there, but the paragraph inside the loop is not printed with "
                              "{{{{p para }}}}"),
    "tag_found_before_signature": ("trên họ tên người ký", "above the signer's name"),
    "tag_found_other_style": ("trong đoạn không có kiểu \"KH Phụ lục số\"",
                              "in a paragraph not styled \"KH Phụ lục số\""),
    "template_macro": (
        "Mẫu Word \"{path}\" chứa macro ({what}, ở phần {part}){more}. Macro sẽ theo mẫu vào mọi "
        "kế hoạch tạo ra, nên plangen không dùng mẫu này. Mở mẫu trong Word, chọn File > Save As "
        "> \"Word Document (*.docx)\" (không chọn .docm), hoặc trong LibreOffice xóa macro "
        "(Tools > Macros > Organize Macros) rồi lưu thành \"Word 2007-365 (.docx)\"; dùng tệp "
        "mới.",
        "Template \"{path}\" holds macros ({what}, in {part}){more}. They would travel into "
        "every plan made from it, so plangen will not use it. Open it in Word and choose File > "
        "Save As > \"Word Document (*.docx)\" (not .docm), or in LibreOffice delete the macros "
        "(Tools > Macros > Organize Macros) and save as \"Word 2007-365 (.docx)\"; use the new "
        "file."),
    "template_external": (
        "Mẫu Word \"{path}\" có liên kết ra ngoài ({what} → {target}, ở phần {part}){more}. Word "
        "và LibreOffice tải hoặc đọc nội dung đó mỗi khi mở hay chuyển kế hoạch sang PDF, nên "
        "plangen không dùng mẫu này. Chèn thẳng ảnh vào mẫu thay vì liên kết (Word: File > Info > "
        "Edit Links to Files > Break Link; LibreOffice: Edit > Links to External Files > Break "
        "Link), bỏ mẫu đính kèm (Word: Options > Add-ins > Templates), xóa khung hay văn bản con "
        "liên kết. Liên kết web thường (hyperlink) thì được giữ.",
        "Template \"{path}\" links to something outside it ({what} → {target}, in {part}){more}. "
        "Word and LibreOffice fetch or read it whenever a plan is opened or turned into a PDF, "
        "so plangen will not use it. Insert pictures into the template instead of linking them "
        "(Word: File > Info > Edit Links to Files > Break Link; LibreOffice: Edit > Links to "
        "External Files > Break Link), detach an attached template (Word: Options > Add-ins > "
        "Templates), delete linked frames or sub-documents. Plain hyperlinks are fine."),
    "template_embedded": (
        "Mẫu Word \"{path}\" có đối tượng OLE hoặc ActiveX nhúng hay liên kết ({what}, ở phần "
        "{part}){more}. Đối tượng đó có thể chạy hoặc tải nội dung khi mở kế hoạch, nên plangen "
        "không dùng mẫu này. Xóa đối tượng khỏi mẫu; cần hình thì chèn ảnh thường (PNG, JPEG).",
        "Template \"{path}\" holds an embedded or linked OLE or ActiveX object ({what}, in "
        "{part}){more}. It can run or fetch content when a plan is opened, so plangen will not use "
        "the template. Delete the object; for a picture insert a plain image (PNG, JPEG)."),
    "template_fetching_field": (
        "Mẫu Word \"{path}\" có trường {what} lấy nội dung từ ngoài ({target}, ở phần {part})"
        "{more}. Word tải nội dung đó khi cập nhật trường, nên plangen không dùng mẫu này. Xóa "
        "trường (Alt+F9 để thấy mã trường) hoặc chèn thẳng nội dung vào mẫu.",
        "Template \"{path}\" has a {what} field pulling content from outside ({target}, in "
        "{part}){more}. Word fetches it when fields update, so plangen will not use the "
        "template. Delete the field (Alt+F9 shows field codes) or insert the content itself."),
    "template_limit_value": (
        "Mẫu Word \"{path}\", phần {part}: một thẻ tạo ra chuỗi hoặc danh sách quá {limit} ký tự "
        "(phần tử), ví dụ 'a' * 10**10. Mẫu chỉ in các trường của kế hoạch: bỏ phép nhân, nối, "
        "đệm chuỗi lớn như vậy khỏi thẻ.",
        "Template \"{path}\", part {part}: a tag builds a string or list of more than {limit} "
        "characters (items), e.g. 'a' * 10**10. A template prints the plan's fields: remove "
        "such large repetition, joining or padding from the tag."),
    "template_limit_number": (
        "Mẫu Word \"{path}\", phần {part}: một thẻ tính ra số quá lớn (hơn {limit} bit), ví dụ "
        "9**(9**9). Bỏ phép tính này khỏi mẫu.",
        "Template \"{path}\", part {part}: a tag computes a number too large (more than {limit} "
        "bits), e.g. 9**(9**9). Remove this arithmetic from the template."),
    "template_limit_range": (
        "Mẫu Word \"{path}\", phần {part}: range() trong mẫu chỉ được tối đa {limit} số. Lặp "
        "trên các trường của kế hoạch (body, recipients, …) thay vì range() lớn.",
        "Template \"{path}\", part {part}: range() in a template may give at most {limit} "
        "numbers. Loop over the plan's fields (body, recipients, …) instead of a large range()."),
    "template_limit_steps": (
        "Mẫu Word \"{path}\", phần {part}: các vòng lặp và lời gọi trong mẫu đã chạy quá {limit} "
        "bước (vòng lặp lồng nhau hoặc macro tự gọi). Bỏ vòng lặp lồng nhau khỏi mẫu.",
        "Template \"{path}\", part {part}: the template's loops and calls ran past {limit} "
        "steps (nested loops or a macro calling itself). Remove the nested loops."),
    "template_limit_part": (
        "Mẫu Word \"{path}\": phần {part} sinh ra quá {limit} ký tự. Một kế hoạch chỉ vài "
        "trăm nghìn ký tự: kiểm tra các vòng lặp trong phần này của mẫu.",
        "Template \"{path}\": part {part} renders to more than {limit} characters. A plan is a "
        "few hundred thousand characters: check the loops in this part of the template."),
    "template_limit_width": (
        "Mẫu Word \"{path}\", phần {part}: độ rộng hoặc độ chính xác trong chuỗi định dạng quá "
        "{limit}. Dùng số nhỏ hơn (ví dụ \"%02d\").",
        "Template \"{path}\", part {part}: a width or precision in a format string is over "
        "{limit}. Use a smaller one (e.g. \"%02d\")."),
    "template_limit_recursion": (
        "Mẫu Word \"{path}\", phần {part}: một macro hoặc vòng lặp recursive gọi lại chính nó "
        "quá sâu. Bỏ lời gọi đệ quy khỏi mẫu.",
        "Template \"{path}\", part {part}: a macro or recursive loop calls itself too deeply. "
        "Remove the recursion from the template."),
    "template_refused_tag": (
        "Mẫu Word \"{path}\", phần {part}: không dùng được thẻ {{% {tag} %}} (mẫu Word không "
        "đọc tệp mẫu khác). Xóa thẻ và chép thẳng nội dung cần thiết vào mẫu.",
        "Template \"{path}\", part {part}: the tag {{% {tag} %}} cannot be used (a Word "
        "template reads no other template file). Delete the tag and copy what you need into "
        "the template itself."),
    "template_runtime": (
        "Mẫu Word \"{path}\", phần {part}: một thẻ bị lỗi khi chạy ({detail}). Sửa thẻ đó trong "
        "mẫu.",
        "Template \"{path}\", part {part}: a tag fails when it runs ({detail}). Fix that tag "
        "in the template."),
    "template_too_large": ("Mẫu Word \"{path}\" quá lớn (tối đa {limit} MB khi giải nén). Một mẫu "
                           "chỉ vài trăm kilobyte: kiểm tra xem có chọn nhầm tệp không.",
                           "Template \"{path}\" is too large (at most {limit} MB unpacked). A "
                           "template is a few hundred kilobytes: check that this is the right "
                           "file."),
    "template_style": ("Mẫu Word \"{path}\" thiếu kiểu đoạn (style) {style}. Thêm kiểu có đúng tên "
                       "này (Word: Styles > New Style) hoặc dùng lại mẫu gốc của plangen.",
                       "Template \"{path}\" lacks the paragraph style(s) {style}. Add a style with "
                       "exactly this name, or start again from plangen's template."),
    "template_no_appendix": ("Kế hoạch có phụ lục nhưng mẫu Word \"{path}\" không có phần phụ lục "
                             "(đoạn kiểu \"{style}\"). Chép lại phần phụ lục từ mẫu gốc.",
                             "The plan has an appendix but template \"{path}\" has no appendix "
                             "block (a \"{style}\" paragraph). Copy it back from plangen's "
                             "template."),
    "template_no_number_line": ("Kế hoạch có độ khẩn (urgency) nhưng mẫu Word \"{path}\" không có "
                                "dòng \"Số: …\" để in dấu độ khẩn ngay dưới. Thêm lại dòng số, "
                                "ký hiệu từ mẫu gốc.",
                                "The plan has an urgency mark but template \"{path}\" has no "
                                "\"Số: …\" line to print it under. Copy the number line back "
                                "from plangen's template."),
    "render_xml": ("Kết quả sinh ra không hợp lệ ở phần {part}: {detail}. Đây là lỗi của mẫu "
                   "hoặc của plangen; hãy báo lại.",
                   "The rendered {part} is not well-formed: {detail}. This is a template or "
                   "plangen bug; please report it."),
    "output_is_input": ("Tệp đầu ra \"{path}\" trùng với tệp kế hoạch; chọn tên khác với -o.",
                        "The output \"{path}\" is the spec itself; choose another name with -o."),
    "output_is_template": ("Tệp đầu ra \"{path}\" trùng với mẫu Word (--template); ghi đè sẽ "
                           "làm mất mẫu. Chọn tên khác với -o.",
                           "The output \"{path}\" is the Word template (--template); writing it "
                           "would destroy the template. Choose another name with -o."),
    "output_is_included": ("Tệp đầu ra \"{path}\" là một tệp mà kế hoạch dùng (qua extends hoặc "
                           "include); ghi đè sẽ làm mất nó. Chọn tên khác với -o.",
                           "The output \"{path}\" is a file the spec extends or includes; "
                           "writing it would destroy it. Choose another name with -o."),
    "batch_overwrites_spec": ("Thư mục ra sẽ ghi đè \"{path}\", là tệp kế hoạch gốc hoặc một tệp "
                              "nó dùng (extends, include). Chọn thư mục khác với -o.",
                              "The output folder would write over \"{path}\", the base spec or "
                              "a file it extends or includes. Choose another folder with -o."),
    "batch_overwrites_template": ("Mẫu Word \"{path}\" nằm trong thư mục ra, đúng tên tệp plangen "
                                  "sẽ ghi cho một địa phương: nó sẽ bị ghi đè rồi bị dùng làm mẫu "
                                  "cho các địa phương sau. Chuyển mẫu ra ngoài thư mục ra, hoặc "
                                  "chọn thư mục khác với -o.",
                                  "The Word template \"{path}\" is inside the output folder, "
                                  "under the name of a locality's plan: it would be written over, "
                                  "then used as the template of the plans after it. Move the "
                                  "template out of the output folder, or choose another folder "
                                  "with -o."),
    "batch_overwrites_table": ("Thư mục ra sẽ ghi đè \"{path}\", là bảng địa phương đang dùng "
                               "(--localities). Chuyển bảng ra chỗ khác hoặc chọn thư mục khác "
                               "với -o.",
                               "The output folder would write over \"{path}\", the locality "
                               "table in use (--localities). Move the table or choose another "
                               "folder with -o."),
    "outputs_not_plangens": ("Dừng, chưa ghi tệp nào: {count} tệp trong thư mục \"{folder}\" sẽ "
                             "bị ghi đè nhưng không do plangen ghi, hoặc đã bị sửa sau đó.\n  "
                             "Đã bị sửa sau khi plangen ghi: {edited}\n  Không do plangen ghi: "
                             "{foreign}\nChuyển "
                             "các tệp đó ra chỗ khác, hoặc chạy lại với --force nếu muốn ghi đè.",
                             "Nothing done: {count} file(s) in the folder \"{folder}\" would be "
                             "written over that are not as plangen wrote them.\n  Edited since "
                             "plangen wrote them: {edited}\n  Not written by plangen: "
                             "{foreign}\nMove those files away, or run again with --force to "
                             "write over them."),
    "journal_interrupted": ("Lần chạy trước bị dừng ngay khi đang ghi tệp này; lần sau sẽ tạo "
                            "lại.",
                            "The previous run was killed while writing this file; the next run "
                            "renders it again."),
    "output_is_directory": ("\"{path}\" là thư mục; ghi rõ tên tệp .docx.",
                            "\"{path}\" is a folder; give a .docx file name."),
    "output_failed": ("Không ghi được \"{path}\": {detail}. Không có tệp dở dang nào được để lại.",
                      "Could not write \"{path}\": {detail}. No partial file was left."),
    "pdf_no_soffice": ("Không tìm thấy LibreOffice để tạo PDF. Cài bằng: sudo apt-get install "
                       "libreoffice-writer-nogui fonts-liberation. Tệp .docx vẫn đã được tạo.",
                       "LibreOffice was not found, so no PDF. Install it: sudo apt-get install "
                       "libreoffice-writer-nogui fonts-liberation. The .docx was still written."),
    "pdf_timeout": ("LibreOffice không xong sau {seconds} giây; đã dừng. Tệp .docx vẫn đã được "
                    "tạo.",
                    "LibreOffice did not finish within {seconds} s and was stopped. The .docx "
                    "was still written."),
    "pdf_failed": ("LibreOffice không chuyển được sang PDF (mã {status}): {detail}. Tệp .docx vẫn "
                   "đã được tạo.",
                   "LibreOffice failed to make the PDF (exit {status}): {detail}. The .docx was "
                   "still written."),
    "pdf_font_fallback": ("Cảnh báo: PDF có chữ in bằng phông thay thế ({fonts}) vì phông của "
                          "văn bản trên máy này thiếu chữ tiếng Việt, nên một từ có thể lẫn hai "
                          "kiểu chữ. Cài phông đủ tiếng Việt rồi tạo lại PDF: sudo apt-get "
                          "install {package} (kiểm tra bằng: plangen doctor).",
                          "Warning: the PDF sets some letters in a fallback font ({fonts}): the "
                          "document's font on this machine lacks Vietnamese letters, so words "
                          "may mix two typefaces. Install a font that covers Vietnamese and "
                          "make the PDF again: sudo apt-get install {package} (check with: "
                          "plangen doctor)."),
    "pdf_same_name": ("Không thể tạo PDF cho hai tệp cùng tên trong một thư mục.",
                      "Two files with the same name cannot be converted into one folder."),
    "rendered": ("Đã tạo {path}", "Wrote {path}"),
    "new_locality_as_written": (
        "Tệp mẫu dùng đúng tên đã viết, “{name}”: xem lại tên cơ quan, địa danh, các cơ quan "
        "thực hiện và nơi nhận.",
        "The starter uses the name as written, “{name}”: review the agency, the place, the "
        "agencies and the recipients."),
    "track_no_tasks": (
        "{path}: kế hoạch chưa có nhiệm vụ nào để theo dõi: không khối nào có cơ quan chủ trì, "
        "phối hợp hay thời hạn (lead:, partners:, deadline:), cũng không có mục nào do một cơ "
        "quan đứng tên (\"1. Sở Công Thương:\" với các nhiệm vụ bên dưới). Thêm các dòng đó "
        "cho các nhiệm vụ rồi chạy lại.",
        "{path}: the plan has no task to follow: no block names a lead, partners or a "
        "deadline (lead:, partners:, deadline:), and no item is headed by an agency (\"1. Sở "
        "Công Thương:\" with its duties below). Add them to the tasks, then run again."),
    "deadline_inline_mark": (
        "deadline_inline là true (thời hạn sau dấu \",\") hoặc dấu đứng trước thời hạn như "
        "bản gốc: \",\", \";\" hay \".\"; không phải \"{value}\".",
        "deadline_inline is true (the deadline after \",\") or the mark before the deadline as "
        "the source has it: \",\", \";\" or \".\"; not \"{value}\"."),
    "new_written": ("Đã tạo tệp mẫu {path}. Sửa nội dung rồi chạy: plangen validate {path}",
                    "Wrote the starter spec {path}. Edit it, then run: plangen validate {path}"),
    "output_exists": ("Tệp \"{path}\" đã có; thêm --force để ghi đè.",
                      "\"{path}\" exists; add --force to overwrite it."),
    "folder_in_use": ("Thư mục \"{path}\" đang được một lần chạy plangen batch khác dùng. Chờ lần "
                      "đó xong rồi chạy lại, hoặc chọn thư mục khác bằng -o.",
                      "The folder \"{path}\" is in use by another plangen batch run. Wait for "
                      "it to finish and run again, or choose another folder with -o."),
    "disk_full": ("Đĩa đầy: không ghi được kết quả ({detail}). Giải phóng chỗ trống rồi chạy lại.",
                  "The disk is full: the output could not be written ({detail}). Free some "
                  "space and run again."),
    "interrupted": ("Đã dừng theo yêu cầu.", "Interrupted."),
    # composition: extends, include, presets, placeholders, localities
    "include_not_path": ("\"{key}\" cần đường dẫn tệp YAML (ví dụ \"parts/noi-nhan.yaml\").",
                         "\"{key}\" needs the path of a YAML file "
                         "(e.g. \"parts/recipients.yaml\")."),
    "include_cycle": ("Các tệp gọi vòng tròn lẫn nhau: {chain}. Bỏ một lần gọi.",
                      "The files include each other in a cycle: {chain}. Remove one include."),
    "include_outside": ("Tệp \"{path}\" nằm ngoài thư mục của kế hoạch ({root}). Chép tệp vào "
                        "thư mục này, hoặc cho phép bằng --allow-path.",
                        "\"{path}\" lies outside the plan's folder ({root}). Copy it there, or "
                        "allow it with --allow-path."),
    "include_not_regular": ("\"{path}\" không phải một tệp thường (là thiết bị, ống dẫn FIFO "
                            "hoặc socket); chỉ ghép được tệp trên đĩa.",
                            "\"{path}\" is not a regular file (a device, a FIFO or a socket); "
                            "only files on disk can be included."),
    "include_bad_path": ("Đường dẫn \"{path}\" có ký tự không hợp lệ (ký tự NUL). Gõ lại tên "
                         "tệp.",
                         "The path \"{path}\" holds an invalid character (NUL). Type the file "
                         "name again."),
    "include_missing": ("Không tìm thấy tệp \"{path}\" (chuỗi tệp: {chain}).",
                        "File \"{path}\" not found (chain: {chain})."),
    "too_many_files": ("Kế hoạch gọi quá nhiều tệp (hơn {limit}).",
                       "The plan includes too many files (more than {limit})."),
    "merge_needs_list": ("Khóa có \"+\" hoặc \"-\" ở cuối cần một danh sách.",
                         "A key ending in \"+\" or \"-\" needs a list."),
    "merge_base_not_list": ("Kế hoạch gốc không có danh sách nào ở đây để thêm hoặc bớt.",
                            "The base plan has no list here to add to or remove from."),
    "merge_nothing_to_remove": ("Không có \"{item}\" trong kế hoạch gốc để bỏ. Kiểm tra mã "
                                "hoặc nội dung dòng.",
                                "\"{item}\" is not in the base plan, so it cannot be removed. "
                                "Check the id or the line."),
    "preset_unknown": ("Không có mẫu dùng chung \"{name}\".{hint} Các mẫu có: {known}.",
                       "No preset named \"{name}\".{hint} Known presets: {known}."),
    "preset_library_bad": ("Mục presets phải gồm recipients, signatures, tasks, mỗi mục là các "
                           "\"tên: nội dung\".",
                           "presets holds recipients, signatures and tasks, each a mapping of "
                           "\"name: content\"."),
    "placeholder_unknown": ("Chỗ điền \"{detail}\" không có. Các chỗ điền dùng được: {known}.",
                            "Unknown placeholder \"{detail}\". Available: {known}."),
    "placeholder_syntax": ("Chỗ điền viết sai ({detail}). Viết dạng {{{{ locality.name }}}}.",
                           "Broken placeholder ({detail}). Write it as {{{{ locality.name }}}}."),
    "placeholder_unsafe": ("Chỗ điền không được phép ({detail}). Chỉ dùng các trường của địa "
                           "phương, ví dụ {{{{ locality.full_name }}}}.",
                           "Placeholder refused ({detail}). Use only locality fields such as "
                           "{{{{ locality.full_name }}}}."),
    "placeholder_error": ("Chỗ điền lỗi khi tính ({detail}).",
                          "The placeholder failed ({detail})."),
    "placeholder_no_locality": ("Có {count} chỗ điền {{{{ … }}}} (chỗ đầu tiên ở đây) nhưng "
                                "chưa chọn địa phương, nên sẽ in nguyên văn. Dùng plangen batch "
                                "hoặc thêm --locality \"tỉnh …\".",
                                "{count} placeholders {{{{ … }}}} (the first here) but no "
                                "locality, so they print as they are. Use plangen batch or add "
                                "--locality \"tỉnh …\"."),
    "unknown_province": ("Không có tỉnh, thành phố \"{name}\".{hint}",
                         "No province named \"{name}\".{hint}"),
    "unknown_locality": ("Không tìm thấy địa phương \"{name}\" trong danh mục 34 tỉnh, thành "
                         "phố và 3.321 xã, phường, đặc khu. Ghi tên đầy đủ (\"tỉnh Đắk Lắk\", "
                         "\"phường Hoàn Kiếm\") hoặc mã.",
                         "\"{name}\" is not among the 34 provinces and 3,321 communes. Write "
                         "the full name (\"tỉnh Đắk Lắk\") or the code."),
    "locality_empty": ("Chưa ghi địa phương. Ghi tên (\"xã Tân Mỹ, tỉnh Quảng Trị\") hoặc mã "
                       "(tra bằng plangen localities).",
                       "No locality given. Write a name (\"xã Tân Mỹ, tỉnh Quảng Trị\") or a "
                       "code (look it up with plangen localities)."),
    "locality_unknown_province": ("Không có tỉnh, thành phố \"{name}\".{hint} Xem 34 tỉnh, "
                                  "thành phố và mã: plangen localities.",
                                  "No province or city named \"{name}\".{hint} The 34 "
                                  "provinces and their codes: plangen localities."),
    "locality_former_province": ("\"{name}\" là tên trước khi sắp xếp đơn vị hành chính năm "
                                 "2025; nay thuộc {unit}, nên dùng {unit}.",
                                 "\"{name}\" is a name from before the 2025 reorganisation; "
                                 "it is now part of {unit}, which is used."),
    "locality_district_ignored": ("bỏ qua \"{part}\": cấp huyện không còn từ ngày 01/7/2025.",
                                  "\"{part}\" ignored: districts no longer exist since "
                                  "1 July 2025."),
    "locality_province_conflict": ("\"{name}\" ghi hai tỉnh khác nhau: {first} và {second}. "
                                   "Giữ một tỉnh.",
                                   "\"{name}\" names two provinces: {first} and {second}. "
                                   "Keep one."),
    "locality_bad_form": ("\"{name}\": phần \"{part}\" không đọc được. Ghi đơn vị rồi "
                          "tỉnh (\"xã Tân Mỹ, tỉnh Quảng Trị\" hoặc \"Tân Mỹ (Quảng Trị)\"); "
                          "giữa hai phần chỉ được có huyện cũ.",
                          "\"{name}\": cannot read \"{part}\". Write the unit, then the "
                          "province (\"xã Tân Mỹ, tỉnh Quảng Trị\" or \"Tân Mỹ (Quảng "
                          "Trị)\"); only a former district may stand between them."),
    "locality_district_level": ("\"{name}\": quận, huyện, thị xã, thị trấn không còn từ ngày "
                                "01/7/2025 (nay chỉ còn tỉnh, thành phố và xã, phường, đặc "
                                "khu).{close_units} Tra cứu: plangen localities --search.",
                                "\"{name}\": districts and townships no longer exist since "
                                "1 July 2025 (only provinces and communes, wards, special "
                                "zones).{close_units} Look up: plangen localities --search."),
    "locality_unknown_code": ("Không có đơn vị mã {unit_code}. Mã tỉnh có 2 chữ số, mã xã, phường "
                              "5 chữ số; tra bằng plangen localities.",
                              "No unit has the code {unit_code}. Provinces have 2 digits, communes "
                              "5; look codes up with plangen localities."),
    "locality_code_elsewhere": ("Mã {unit_code} là {units}, không thuộc {province}. Kiểm tra lại "
                                "mã hoặc tỉnh.",
                                "Code {unit_code} is {units}, not in {province}. Check the code or "
                                "the province."),
    "locality_ambiguous": ("\"{name}\" ứng với {count} đơn vị: {units}. Ghi rõ một đơn vị: "
                           "thêm tỉnh (\"{comma}\" hoặc \"{paren}\"), điền cột \"Tỉnh\" "
                           "(khóa province), hoặc ghi mã (\"{unit_code}\"). Tra cứu: plangen "
                           "localities --search \"{search}\".",
                           "\"{name}\" names {count} units: {units}. Name one: add the "
                           "province (\"{comma}\" or \"{paren}\"), fill the province "
                           "column or key, or write the code (\"{unit_code}\"). Look up: plangen "
                           "localities --search \"{search}\"."),
    "locality_ambiguous_in_province": ("\"{name}\" ứng với {count} đơn vị cùng tỉnh, tên chỉ "
                                       "khác dấu: {units}. Ghi tên đúng dấu hoặc ghi mã "
                                       "(\"{unit_code}\").",
                                       "\"{name}\" names {count} units of one province "
                                       "whose names differ only in diacritics: {units}. Write "
                                       "the name with its diacritics or the code "
                                       "(\"{unit_code}\")."),
    "locality_not_in_province": ("{province} không có \"{name}\"; tên này có ở: {units}. Sửa "
                                 "tỉnh hoặc tên.",
                                 "{province} has no \"{name}\"; that name is in: {units}. Fix "
                                 "the province or the name."),
    "locality_other_kind": ("Không có \"{name}\"; có: {units}. Sửa xã/phường/đặc khu cho "
                            "đúng.",
                            "No \"{name}\"; there is: {units}. Fix the kind (xã, phường, "
                            "đặc khu)."),
    "locality_unknown": ("Không tìm thấy \"{name}\" trong 34 tỉnh, thành phố và 3.321 xã, "
                         "phường, đặc khu.{close_units} Tra cứu: plangen localities --search "
                         "\"{search}\".",
                         "\"{name}\" is not among the 34 provinces and 3,321 communes."
                         "{close_units} Look up: plangen localities --search \"{search}\"."),
    "bad_selector": ("Không hiểu \"{selector}\". Dùng all-provinces, all-communes, "
                     "TỈNH/communes (ví dụ dak-lak/communes) hoặc tệp bảng .yaml/.csv.",
                     "Cannot read \"{selector}\". Use all-provinces, all-communes, "
                     "PROVINCE/communes (e.g. dak-lak/communes) or a .yaml/.csv table."),
    "table_needs_localities": ("Bảng địa phương cần danh sách \"localities:\" (YAML) hoặc cột "
                               "\"locality\" (CSV).",
                               "A localities table needs a \"localities:\" list (YAML) or a "
                               "\"locality\" column (CSV)."),
    "table_yaml_no_rows": ("Danh sách \"localities:\" trống: thêm mỗi địa phương một dòng "
                           "\"- locality: …\".",
                           "The \"localities:\" list is empty: add one \"- locality: …\" "
                           "line per locality."),
    "table_row_needs_locality": ("Mỗi dòng của bảng cần \"locality:\" (tên hoặc mã).",
                                 "Each table row needs \"locality:\" (a name or a code)."),
    "table_bad_date": ("Ngày \"{value}\" không đọc được; viết ngày/tháng/năm, tháng/năm hoặc "
                       "năm (\"05/02/2026\"), hoặc định dạng ô là ngày trong Excel.",
                       "Cannot read the date \"{value}\"; write d/m/yyyy, m/yyyy or yyyy "
                       "(\"05/02/2026\"), or format the cell as a date in Excel."),
    "table_old_format": ("Bảng dạng {suffix} chưa đọc được. Mở bằng Excel hoặc LibreOffice, "
                         "chọn Lưu thành (Save As) dạng .xlsx hoặc CSV UTF-8.",
                         "A {suffix} table cannot be read. Open it in Excel or LibreOffice and "
                         "Save As .xlsx or CSV UTF-8."),
    "table_bad_xlsx": ("Tệp không phải bảng .xlsx đọc được ({detail}). Mở bằng Excel, Lưu "
                       "thành (Save As) dạng .xlsx hoặc CSV UTF-8.",
                       "Not a readable .xlsx workbook ({detail}). Open it in Excel and Save "
                       "As .xlsx or CSV UTF-8."),
    "table_not_text": ("Tệp CSV không đọc được mã chữ (không phải UTF-8, UTF-16 hay "
                       "Windows-1258). Trong Excel chọn Lưu thành (Save As) > CSV UTF-8.",
                       "The CSV's encoding is not UTF-8, UTF-16 or Windows-1258. In Excel, "
                       "Save As > CSV UTF-8."),
    "table_cp1258": ("tệp CSV lưu bằng mã Windows-1258 (kiểu \"CSV\" của Excel); đã đọc "
                     "được, nhưng nên lưu lại bằng \"CSV UTF-8\" (Save As > CSV UTF-8) để "
                     "không mất dấu.",
                     "the CSV is saved as Windows-1258 (Excel's plain \"CSV\"); it was read, "
                     "but save it as \"CSV UTF-8\" (Save As > CSV UTF-8) to keep every "
                     "mark."),
    "table_cell_too_long": (
        "Một ô của dòng bắt đầu ở đây dài hơn {limit} ký tự, quá dài cho một bảng địa "
        "phương. Thường do một dấu ngoặc kép \" mở mà không đóng, làm phần sau của tệp dính vào "
        "một ô: kiểm tra dấu ngoặc kép, hoặc rút ngắn ô đó.",
        "A cell of the row starting here is longer than {limit} characters, too long "
        "for a locality table. Usually an opening quote \" that is never closed runs the rest "
        "of the file into one cell: check the quotes, or shorten the cell."),
    "table_bad_csv": ("Tệp CSV hỏng ở đây ({detail}); thường do dấu ngoặc kép \" chưa đóng.",
                      "The CSV is broken here ({detail}); usually an unclosed quote \"."),
    "table_empty": ("Bảng trống: cần dòng tiêu đề (\"Địa phương\", \"Số\", …) và mỗi địa "
                    "phương một dòng. Tạo bảng mẫu: plangen localities TỈNH --table xa.xlsx.",
                    "The table is empty: it needs a header row (\"locality\", \"number\", …) "
                    "and a row per locality. A blank one: plangen localities PROVINCE --table "
                    "xa.xlsx."),
    "table_too_many_rows": ("Bảng có hơn {limit} dòng, quá nhiều cho một bảng địa phương "
                            "(cả nước có 3.321 xã). Kiểm tra xem có chọn nhầm tệp hoặc nhầm "
                            "trang tính không.",
                            "The table has more than {limit} rows, too many for a locality "
                            "table (the country has 3,321 communes). Check the file and the "
                            "sheet."),
    "table_no_sheet": ("Không có trang tính \"{sheet}\". Các trang có: {sheets}. Chọn bằng "
                       "--sheet TÊN (ghi trong ngoặc kép nếu có dấu cách) hoặc số thứ tự "
                       "của trang (--sheet 2).",
                       "No sheet named \"{sheet}\". Sheets: {sheets}. Choose one with --sheet "
                       "NAME (quoted if it has spaces) or by its position (--sheet 2)."),
    "table_unknown_column": ("Không hiểu cột \"{column}\".{hint} Các cột dùng được: "
                             "{accepted}. Sửa tiêu đề hoặc xóa cột.",
                             "Unknown column \"{column}\".{hint} Columns read: {accepted}. "
                             "Fix the header or delete the column."),
    "table_duplicate_column": ("Cột \"{column}\" trùng với cột thứ {first}; giữ một cột.",
                               "Column \"{column}\" repeats column {first}; keep one."),
    "table_needs_locality_column": ("Bảng cần cột \"Địa phương\" (hoặc \"locality\", hay "
                                    "\"Mã\"). Dòng tiêu đề đọc được: \"{header}\", các cột "
                                    "tách bằng {separator}. Nếu tiêu đề đúng mà vẫn báo lỗi, "
                                    "kiểm tra dấu phân cách (dấu phẩy, chấm phẩy, tab).",
                                    "The table needs a \"locality\" column (or \"Địa "
                                    "phương\", or \"code\"). The header row reads "
                                    "\"{header}\", split at {separator}. If the header looks "
                                    "right, check the separator (comma, semicolon, tab)."),
    "table_sheet_needs_locality_column": ("Bảng cần cột \"Địa phương\" (hoặc \"Mã\", hay "
                                          "\"locality\"), nhưng không dòng nào trong "
                                          "{rows} dòng đầu của trang tính có tiêu đề đó. Dòng "
                                          "đầu đọc được: \"{header}\". Thêm dòng tiêu đề, hoặc "
                                          "chọn đúng trang tính (--sheet TÊN).",
                                          "The table needs a \"locality\" column (or "
                                          "\"code\", or \"Địa phương\"), but none of the "
                                          "sheet's first {rows} rows has that header. Its first "
                                          "row reads \"{header}\". Add a header row, or choose "
                                          "the right sheet (--sheet NAME)."),
    "table_column_without_header": ("Cột này không có tiêu đề mà có dữ liệu (ô {cell}: "
                                    "\"{value}\"). Ghi tiêu đề cho cột (\"Ghi chú\" nếu "
                                    "không cần đọc) hoặc xóa cột.",
                                    "This column has no header but holds data (cell {cell}: "
                                    "\"{value}\"). Give it a header (\"Ghi chú\" if it is not "
                                    "to be read) or delete it."),
    "table_no_rows": ("Bảng mới có dòng tiêu đề (dòng {line}), chưa có địa phương nào: thêm "
                      "mỗi địa phương một dòng dưới tiêu đề. Bảng mẫu đã điền mã: plangen "
                      "localities TỈNH --table xa.xlsx.",
                      "The table has only its header (row {line}), no locality yet: add one "
                      "row per locality below it. A table with the codes filled in: plangen "
                      "localities PROVINCE --table xa.xlsx."),
    "table_invalid": ("Bảng địa phương có {count} lỗi; chưa tạo kế hoạch nào.",
                      "The locality table has {count} problem(s); no plan was made."),
    "table_formula_no_value": ("Ô này là công thức ({formula}) chưa có giá trị tính sẵn: tệp "
                               "được ghi bằng chương trình không tính công thức. Mở tệp bằng "
                               "Excel hoặc LibreOffice rồi lưu lại, hoặc gõ giá trị thay cho "
                               "công thức.",
                               "This cell is a formula ({formula}) saved without its value: "
                               "the file was written by a program that does not compute. Open "
                               "it in Excel or LibreOffice and save it again, or type the "
                               "value instead of the formula."),
    "table_formula_error": ("Ô này là lỗi công thức của Excel ({value}). Sửa công thức (ô nó "
                            "tham chiếu có thể đã bị xóa), hoặc gõ giá trị.",
                            "This cell is an Excel formula error ({value}). Fix the formula "
                            "(a cell it refers to may have been deleted), or type the value."),
    "table_total_row": ("dòng \"{value}\" là dòng tổng cộng, không phải một địa phương: bỏ "
                        "qua, không tạo kế hoạch.",
                        "the row \"{value}\" is a totals line, not a locality: skipped, no "
                        "plan made."),
    "table_dates_maybe_month_first": ("ngày \"{value}\" đã đọc là ngày {day} tháng {month}, "
                                      "nhưng ô {where} (\"{sure}\") ghi tháng trước ngày "
                                      "(kiểu Mỹ): nếu cả cột ghi như vậy, {count} ngày như "
                                      "ngày này bị đọc sai. Kiểm tra cột, ghi "
                                      "ngày/tháng/năm.",
                                      "\"{value}\" was read as day {day} of month {month}, "
                                      "but cell {where} (\"{sure}\") is written month first "
                                      "(US style): if the whole column is, {count} dates such "
                                      "as this one are read wrongly. Check the column, write "
                                      "day/month/year."),
    "table_signer_no_name": ("Người ký \"{value}\" không phải họ tên (không có chữ nào); có "
                             "thể ghi nhầm cột. Ghi họ và tên người ký (\"Nguyễn Văn An\").",
                             "The signer \"{value}\" is no name (it has no letters); perhaps "
                             "the wrong column. Write the signer's full name (\"Nguyễn Văn "
                             "An\")."),
    "table_merged_across": ("Ô {range} gộp qua nhiều cột ({columns}): mỗi cột ghi một giá trị "
                            "riêng, không biết giá trị này thuộc cột nào. Bỏ gộp ô (Merge & "
                            "Center → Unmerge Cells), ghi giá trị vào đúng cột, để trống cột "
                            "không có.",
                            "Cell {range} is merged over several columns ({columns}): each "
                            "column holds its own value, and which one this value is for "
                            "cannot be told. Unmerge the cells (Merge & Center → Unmerge "
                            "Cells), write the value in its column, leave the others empty."),
    "table_group_row": ("Dòng {line} là dòng tiêu đề nhóm (ô {range} gộp qua cả dòng: "
                        "\"{value}\"), không phải một địa phương: bỏ qua. Mỗi địa phương ghi "
                        "ở một dòng riêng.",
                        "Row {line} is a group heading (cell {range} merged across the row: "
                        "\"{value}\"), not a locality: skipped. Each locality is written on a "
                        "row of its own."),
    "table_header_merged_across": ("Tiêu đề \"{header}\" gộp qua nhiều cột (ô {range}), "
                                   "nhưng cột {letter} có dữ liệu riêng (ô {cell}: "
                                   "\"{value}\"): mỗi cột cần một tiêu đề. Bỏ gộp ô tiêu đề "
                                   "và ghi tiêu đề cho cột {letter} (ví dụ \"Tỉnh\"; \"Ghi "
                                   "chú\" nếu không cần đọc), hoặc ghi tên các cột ở dòng ngay "
                                   "dưới tiêu đề gộp.",
                                   "The heading \"{header}\" is merged over several columns "
                                   "({range}), but column {letter} holds data of its own (cell "
                                   "{cell}: \"{value}\"): each column needs a heading. Unmerge "
                                   "the heading and give column {letter} its own (e.g. "
                                   "\"Province\"; \"Note\" if it is not to be read), or "
                                   "write the columns' names in the row right below the "
                                   "merged heading."),
    "table_name_in_column": ("Ô này ghi \"{value}\", là họ tên người, không phải giá trị của "
                             "cột này: có lẽ gõ lệch cột. Ghi họ tên người ký vào cột "
                             "\"{signer}\" và ghi ô này cho đúng (hoặc để trống).",
                             "This cell holds \"{value}\", a person's name, not a value of "
                             "this column: perhaps typed one column off. Write the signer's "
                             "name in the \"{signer}\" column and this cell as it should be "
                             "(or leave it empty)."),
    "table_signer_upper": ("Họ tên người ký không in hoa toàn bộ, chỉ viết hoa chữ đầu mỗi "
                           "tiếng (NĐ 30): ghi \"{fixed}\" thay cho \"{value}\".",
                           "A signer's name is not written in capitals throughout, only each "
                           "word's first letter (NĐ 30): write \"{fixed}\" instead of "
                           "\"{value}\"."),
    "table_row_needs_locality_cell": ("Dòng này chưa ghi địa phương (cột \"Địa phương\" hoặc "
                                      "\"Mã\" trống).",
                                      "This row names no locality (the locality and code "
                                      "cells are empty)."),
    "table_extra_cell": ("Ô \"{value}\" nằm ngoài các cột có tiêu đề; có thể thừa một dấu "
                         "phân cách, hoặc một ô của CSV có dấu phẩy mà không đặt trong ngoặc "
                         "kép (\"Tân Mỹ, Quảng Trị\"). Xóa ô đó, đặt ô có dấu phẩy trong "
                         "ngoặc kép, hoặc thêm tiêu đề cho cột.",
                         "The cell \"{value}\" is right of the last header; perhaps a stray "
                         "separator, or a CSV cell holding a comma without quotes (\"Tân Mỹ, "
                         "Quảng Trị\"). Delete it, quote the cell with the comma, or give the "
                         "column a header."),
    "table_cell_is_date": ("Ô này là ngày ({value}), không phải chữ: Excel tự đổi. Định dạng "
                           "cột là Văn bản (Text) rồi gõ lại.",
                           "This cell is a date ({value}), not text: Excel converted it. "
                           "Format the column as Text and type it again."),
    "table_code_name_mismatch": ("Mã {unit_code} là {unit}, không phải \"{name}\". Sửa mã "
                                 "hoặc tên (tra bằng plangen localities --search).",
                                 "Code {unit_code} is {unit}, not \"{name}\". Fix the code "
                                 "or the name (plangen localities --search)."),
    "table_more_rows_than_provinces": ("Bảng có {rows} dòng tỉnh, thành phố, nhiều hơn số tỉnh, "
                                       "thành phố đang có ({count}): có thể chọn nhầm tệp, hoặc "
                                       "bảng có dòng thừa. Kiểm tra lại bảng.",
                                       "The table has {rows} province rows, more than the {count} "
                                       "provinces that exist: perhaps the wrong file, or rows "
                                       "left over. Check the table."),
    "table_more_rows_than_communes": ("Bảng có {rows} dòng xã, phường, nhiều hơn số xã, phường, "
                                      "đặc khu đang có ({count}): có thể chọn nhầm tệp, hoặc "
                                      "bảng có dòng thừa. Kiểm tra lại bảng.",
                                      "The table has {rows} commune rows, more than the {count} "
                                      "communes, wards and special zones that exist: perhaps the "
                                      "wrong file, or rows left over. Check the table."),
    "table_duplicate_row": ("{unit} (mã {unit_code}) có ở nhiều dòng: {rows}. Mỗi địa phương "
                            "một dòng; giữ một dòng rồi chạy lại.",
                            "{unit} (code {unit_code}) is on several rows: {rows}. One row per "
                            "locality; keep one and run again."),
    "table_bad_number": ("Số \"{value}\" không đọc được: ô này chỉ ghi phần số của số văn "
                         "bản, từ 1 đến 6 chữ số (ví dụ 05); ký hiệu lấy từ kế hoạch gốc. Để "
                         "trống khi là dự thảo.",
                         "Cannot read the number \"{value}\": this cell holds only the digits "
                         "of the document number, 1 to 6 of them (e.g. 05); the symbol comes "
                         "from the base plan. Leave it empty for a draft."),
    "table_number_zero": ("Số \"{value}\" không dùng được: số văn bản từ 1 trở lên. Ghi số "
                          "đã cấp (ví dụ 05), hoặc để trống khi là dự thảo.",
                          "The number \"{value}\" cannot be used: document numbers start at "
                          "1. Write the number issued (e.g. 05), or leave it empty for a "
                          "draft."),
    "table_number_with_symbol": ("Số văn bản chỉ ghi phần số: {digits} (ký hiệu lấy từ kế "
                                 "hoạch gốc), không ghi \"{value}\".",
                                 "Write only the number: {digits} (the symbol comes from the "
                                 "base plan), not \"{value}\"."),
    "table_number_other_symbol": ("Số văn bản chỉ ghi phần số: {digits}. Ký hiệu "
                                  "\"{written}\" ghi ở đây khác ký hiệu của kế hoạch "
                                  "(\"{symbol}\"); nếu ký hiệu đúng là \"{written}\", sửa "
                                  "symbol trong kế hoạch gốc.",
                                  "Write only the number: {digits}. The symbol \"{written}\" "
                                  "written here is not the plan's (\"{symbol}\"); if "
                                  "\"{written}\" is right, change symbol in the base plan."),
    "table_no_such_date": ("Không có ngày \"{value}\": tháng {month} năm {year} chỉ có {last} "
                           "ngày. Sửa ngày cho đúng (ngày/tháng/năm).",
                           "There is no date \"{value}\": month {month} of {year} has only "
                           "{last} days. Fix the day (d/m/yyyy)."),
    "table_date_month_first": ("Ngày \"{value}\" có vẻ ghi tháng trước ngày (kiểu Mỹ, Excel "
                               "để ngôn ngữ English (US)). Ô này ghi ngày/tháng/năm: {fixed}; "
                               "hoặc định dạng ô là ngày trong Excel.",
                               "The date \"{value}\" looks written month first (US style, "
                               "Excel set to English (US)). Write day/month/year here: {fixed}; "
                               "or format the cell as a date in Excel."),
    "table_date_serial": ("Ô này là số {value}, không phải ngày (Excel hiểu là {date}): ô chưa "
                          "được định dạng là ngày. Định dạng ô là Ngày (Date), hoặc gõ "
                          "ngày/tháng/năm (\"05/02/2026\").",
                          "This cell is the number {value}, not a date (Excel reads it as "
                          "{date}): the cell is not formatted as a date. Format it as a Date, "
                          "or type day/month/year (\"05/02/2026\")."),
    "table_date_year": ("Năm {year} ngoài khoảng cho phép ({min}–{max}); ghi ngày ban hành "
                        "(ví dụ 05/02/2026).",
                        "The year {year} is outside {min}–{max}; write the date of issue "
                        "(e.g. 05/02/2026)."),
    "table_unknown_task": ("Kế hoạch gốc không có nhiệm vụ mã \"{item}\" để bỏ. Các mã có: "
                           "{known}. Ghi mã nhiệm vụ, cách nhau bằng dấu phẩy.",
                           "The base plan has no task with id \"{item}\" to remove. Its ids: "
                           "{known}. Write task ids, separated by commas."),
    "table_no_tasks_to_remove": ("Kế hoạch gốc không có danh sách nhiệm vụ (tasks.items) để "
                                 "bỏ; để trống ô này.",
                                 "The base plan has no task list (tasks.items) to remove "
                                 "from; leave this cell empty."),
    "table_removes_every_task": ("Ô này bỏ hết các nhiệm vụ của kế hoạch gốc ({known}); phải "
                                 "còn ít nhất một. Bớt mã trong ô.",
                                 "This cell removes every task of the base plan ({known}); "
                                 "at least one must stay. Remove some ids from the cell."),
    "table_archive_in_extra": ("Nơi nhận \"{value}\" là dòng lưu, đã có ở cuối nơi nhận của "
                               "kế hoạch gốc; ô này chỉ ghi các nơi nhận thêm (cách nhau bằng "
                               "\"|\" hoặc xuống dòng trong ô). Xóa \"{value}\" khỏi ô.",
                               "\"{value}\" is the archive line, already last among the base "
                               "plan's recipients; this cell lists only the extra recipients "
                               "(separated by \"|\" or line breaks in the cell). Delete "
                               "\"{value}\" from the cell."),
    "localities_none": ("Không có đơn vị nào tên chứa \"{query}\". Thử viết ngắn hơn hoặc "
                        "bỏ tên tỉnh.",
                        "No unit's name holds \"{query}\". Try a shorter name or no "
                        "province."),
    "localities_table_suffix": ("Bảng địa phương ghi ra tệp .xlsx hoặc .csv; \"{path}\" có "
                                "đuôi khác.",
                                "The locality table is written as .xlsx or .csv; \"{path}\" "
                                "is neither."),
    "localities_table_written": ("Đã tạo bảng {path} ({count} địa phương, mã đã điền). Điền "
                                 "các cột Số, Ngày, Người ký… rồi chạy: plangen batch "
                                 "goc.yaml --localities {path} -o thu-muc",
                                 "Wrote {path} ({count} localities, codes filled in). Fill "
                                 "the number, date, signer… columns, then run: plangen batch "
                                 "base.yaml --localities {path} -o folder"),
    "batch_pdfs": ("{count} tệp PDF mới.", "{count} PDF file(s) written."),
    # the columns and statuses of index.csv and index.xlsx (index.json keeps its keys)
    "index_col_code": ("Mã", "Code"),
    "index_col_locality": ("Địa phương", "Locality"),
    "index_col_status": ("Kết quả", "Status"),
    "index_col_docx": ("Tệp Word", "Word file"),
    "index_col_pdf": ("Tệp PDF", "PDF file"),
    "index_col_message": ("Thông báo", "Message"),
    "index_col_row": ("Dòng của bảng", "Table row"),
    "index_col_digest": ("Dấu đầu vào", "Input digest"),
    "index_col_sha256": ("SHA-256 tệp Word", "Word file SHA-256"),
    "index_status_written": ("Đã tạo", "written"),
    "index_status_up-to-date": ("Không đổi", "up to date"),
    "index_status_failed": ("Lỗi", "failed"),
    "index_status_interrupted": ("Bị dừng giữa chừng", "interrupted"),
    "index_status_pdf-failed": ("Lỗi tạo PDF", "PDF failed"),
    "batch_progress": ("Đang tạo", "Rendering"),
    "batch_summary": ("{total} địa phương: {written} tệp mới, {fresh} không đổi, {failed} lỗi "
                      "({seconds} giây). Danh sách: {index}",
                      "{total} localities: {written} written, {fresh} up to date, {failed} "
                      "failed ({seconds} s). Index: {index}"),
    "batch_sheet_needs_xlsx": ("--sheet chọn trang tính của bảng .xlsx; \"{selector}\" không "
                               "phải bảng .xlsx (CSV, YAML chỉ có một bảng). Bỏ --sheet.",
                               "--sheet chooses a sheet of an .xlsx table; \"{selector}\" is "
                               "no .xlsx table (a CSV or YAML holds one table). Drop --sheet."),
    "output_not_folder": ("\"{path}\" là một tệp; -o của batch cần một thư mục.",
                          "\"{path}\" is a file; batch -o needs a folder."),
    "batch_rows_failed": ("Bảng địa phương: {rows} dòng có lỗi ({count} lỗi), không tạo kế hoạch "
                          "cho các dòng này (các dòng khác vẫn được tạo). Sửa từng ô dưới đây "
                          "rồi chạy lại:",
                          "Locality table: {rows} row(s) with problems ({count} in all); no "
                          "plan is made for them (the other rows are). Fix each cell below "
                          "and run again:"),
    "batch_warning_all": ("Cả {count} kế hoạch: {issue}", "All {count} plans: {issue}"),
    "batch_warning_many": ("{count} kế hoạch: {issue} ({names})",
                           "{count} plans: {issue} ({names})"),
    "batch_names_more": ("{names} và {rest} khác", "{names} and {rest} more"),
    "batch_more_warnings": ("… và {count} cảnh báo khác; mọi cảnh báo có ở cột \"Thông báo\" "
                            "của {index}.",
                            "… and {count} more warning(s); every warning is in the "
                            "\"Message\" column of {index}."),
    "batch_issue": ("[{count} địa phương: {names}] {issue}",
                    "[{count} localities: {names}] {issue}"),
    "usage_help": ("Xem hướng dẫn: {command} --help", "See: {command} --help"),
    "usage_no_option": ("Không có tùy chọn {option}. Có phải là {close}?{why}",
                        "No such option {option}. Did you mean {close}?{why}"),
    "usage_no_option_fixed": ("Không có tùy chọn {option}. Có phải là {close}?{why} Viết: "
                              "{command}",
                              "No such option {option}. Did you mean {close}?{why} Write: "
                              "{command}"),
    "usage_no_option_list": ("Không có tùy chọn {option}. Các tùy chọn của {command}: "
                             "{options}.",
                             "No such option {option}. The options of {command}: {options}."),
    "usage_why_batch_table": (" (batch đọc bảng địa phương .xlsx, .csv hoặc .yaml qua "
                              "--localities; --table là của lệnh plangen localities, để tạo "
                              "bảng mẫu)",
                              " (batch reads a locality table, .xlsx, .csv or .yaml, with "
                              "--localities; --table belongs to plangen localities, which "
                              "writes a blank one)"),
    "usage_why_batch_locality": (" (batch chọn nhiều địa phương qua --localities: tên một tỉnh "
                                 "kèm /communes, all-provinces, all-communes hoặc tệp bảng)",
                                 " (batch takes many localities with --localities: a province "
                                 "and /communes, all-provinces, all-communes or a table file)"),
    "usage_why_localities_table": (" (lệnh này ghi bảng địa phương để điền qua --table, "
                                   ".xlsx hoặc .csv)",
                                   " (this command writes a locality table to fill with "
                                   "--table, .xlsx or .csv)"),
    "usage_why_locality": (" (lệnh này làm một kế hoạch, cho một địa phương; nhiều địa phương "
                           "thì dùng plangen batch --localities)",
                           " (this command makes one plan, for one locality; for many, use "
                           "plangen batch --localities)"),
    "usage_no_command": ("Không có lệnh \"{name}\". Có phải là {close}?",
                         "No command \"{name}\". Did you mean {close}?"),
    "usage_no_command_list": ("Không có lệnh \"{name}\". Các lệnh: {commands}.",
                              "No command \"{name}\". The commands: {commands}."),
    "usage_missing": ("Thiếu {name} (tên tệp hoặc giá trị bắt buộc).",
                      "Missing {name} (a required file or value)."),
    "usage_missing_argument": ("Thiếu {what}.", "Missing {what}."),
    # what each command's arguments are, for "Thiếu …" (the code ends with the argument's name)
    "usage_argument_spec": ("tệp kế hoạch (.yaml)", "the plan spec (.yaml)"),
    "usage_argument_specs": ("tệp kế hoạch (.yaml), một hoặc nhiều tệp",
                             "the plan spec (.yaml), one or more"),
    "usage_argument_base": ("kế hoạch gốc (.yaml)", "the base plan (.yaml)"),
    "usage_argument_files": ("tệp Word (.docx) cần kiểm tra, một hoặc nhiều tệp",
                             "the Word file (.docx) to check, one or more"),
    "usage_argument_filled": ("bảng phân công đã điền (.xlsx), một hoặc nhiều tệp",
                              "the filled assignment workbook (.xlsx), one or more"),
    "usage_argument_source": ("tệp kế hoạch cũ cần đọc (.docx hoặc .txt)",
                              "the old plan to read (.docx or .txt)"),
    "usage_missing_option": ("Thiếu tùy chọn {name} (bắt buộc). {help}",
                             "Missing the option {name} (required). {help}"),
    "usage_needs_value": ("Tùy chọn {name} cần một giá trị ngay sau nó. {help}",
                          "The option {name} needs a value right after it. {help}"),
    "usage_bad_int_range": ("Giá trị của {name} phải là số nguyên từ {min} đến {max}.",
                            "{name} must be a whole number from {min} to {max}."),
    "usage_bad_int": ("Giá trị của {name} phải là số nguyên.",
                      "{name} must be a whole number."),
    "usage_bad_choice": ("Giá trị của {name} phải là một trong: {choices}.",
                         "{name} must be one of: {choices}."),
    "usage_extra": ("Thừa \"{args}\": lệnh không nhận thêm giá trị này. Tên tệp có dấu cách thì "
                    "đặt trong ngoặc kép; giá trị của tùy chọn thì viết ngay sau tùy chọn đó.",
                    "Unexpected \"{args}\": the command takes no such value. Quote a file name "
                    "with spaces; write an option's value right after the option."),
    "usage_bad_value": ("Giá trị của {name} không hợp lệ: {detail}",
                        "Invalid value for {name}: {detail}"),
    "usage_missing_command": ("Thiếu lệnh. Các lệnh: {commands}.",
                              "Missing a command. The commands: {commands}."),
    "usage_other": ("Lệnh dùng sai: {detail}", "Wrong usage: {detail}"),
    "new_schema_written": ("Đã tạo {path} để VS Code gợi ý và báo lỗi khi gõ.",
                           "Wrote {path} so VS Code completes keys and flags errors as you type."),
    "internal": ("Lỗi nội bộ của plangen ({detail}). Hãy báo lại kèm tệp kế hoạch.",
                 "Internal plangen error ({detail}). Please report it with the spec."),
    # plangen extract: reading an existing plan into a spec
    "extract_too_large": ("Tệp \"{path}\" quá lớn ({size} byte; tối đa {limit}): kiểm tra xem "
                          "có chọn nhầm tệp không.",
                          "\"{path}\" is too large ({size} bytes; at most {limit}): check that "
                          "this is the right file."),
    "extract_empty": ("Tệp \"{path}\" trống hoặc chỉ có khoảng trắng: không có kế hoạch nào để "
                      "đọc. Chọn tệp .docx hoặc .txt có nội dung kế hoạch.",
                      "\"{path}\" is empty or holds only blank space: there is no plan to read. "
                      "Give a .docx or text file that holds the plan."),
    "extract_html": ("\"{path}\" là trang web (HTML), không phải văn bản kế hoạch. Mở trang, "
                     "chép phần kế hoạch vào một tệp .txt (hoặc lưu bằng Word thành .docx) rồi "
                     "chạy lại.",
                     "\"{path}\" is a web page (HTML), not a plan. Open it, copy the plan into "
                     "a .txt file (or save it from Word as .docx) and run again."),
    "extract_unreadable": ("Không đọc được tệp \"{path}\" ({detail}).",
                           "Cannot read \"{path}\" ({detail})."),
    "extract_old_doc": ("\"{path}\" là tệp Word cũ (.doc). Mở bằng Word hoặc LibreOffice, chọn "
                        "Lưu thành (Save As) kiểu .docx rồi chạy lại.",
                        "\"{path}\" is an old Word file (.doc). Open it in Word or LibreOffice, "
                        "Save As .docx, then run again."),
    "extract_pdf": ("\"{path}\" là tệp PDF. Mở bằng Word (Word tự chuyển sang .docx) hoặc chép "
                    "toàn bộ chữ sang một tệp .txt, rồi chạy lại với tệp đó.",
                    "\"{path}\" is a PDF. Open it in Word (which converts it to .docx) or copy "
                    "all its text into a .txt file, then run again on that file."),
    "extract_not_utf8": ("Tệp văn bản \"{path}\" không lưu bằng mã UTF-8. Mở tệp, chọn Lưu thành "
                         "(Save As), chọn mã hóa (Encoding) UTF-8 rồi chạy lại.",
                         "The text file \"{path}\" is not UTF-8. Open it, choose Save As, pick "
                         "the UTF-8 encoding, then run again."),
    "extract_not_docx": ("\"{path}\" là tệp nén nhưng không phải tệp Word (.docx).",
                         "\"{path}\" is a zip file but not a Word document (.docx)."),
    "extract_bad_docx": ("Tệp Word \"{path}\" bị hỏng, không đọc được ({detail}). Mở bằng Word, "
                         "lưu lại thành tệp mới rồi chạy lại.",
                         "The Word file \"{path}\" is damaged ({detail}). Open it in Word, save "
                         "it as a new file, then run again."),
    "extract_output_is_input": ("Tệp ra \"{path}\" trùng tệp vào; chọn tên khác bằng -o.",
                                "The output \"{path}\" is the input file; choose another name "
                                "with -o."),
    "extract_input_is_folder": ("\"{path}\" là thư mục; ghi tên tệp kế hoạch (.docx hoặc "
                                ".txt).",
                                "\"{path}\" is a folder; give the plan's file (.docx or "
                                ".txt)."),
    "extract_stdin_needs_output": ("Khi đọc từ bàn phím hoặc ống dẫn (-), ghi rõ tệp ra bằng "
                                   "-o, ví dụ -o ke-hoach.yaml.",
                                   "When reading from standard input (-), name the output with "
                                   "-o, e.g. -o plan.yaml."),
    "extract_written": ("Đã ghi {path}. Đọc lại các chú thích \"# TODO\" và \"# Kiểm tra\", rồi "
                        "chạy: plangen validate {path}",
                        "Wrote {path}. Read the \"# TODO\" and \"# Check\" comments, then run: "
                        "plangen validate {path}"),
    "extract_invalid": ("Tệp trích ra còn {count} lỗi (liệt kê ở trên); sửa trong tệp rồi chạy "
                        "plangen validate.",
                        "The extracted spec still has {count} problem(s) (listed above); fix "
                        "them in the file, then run plangen validate."),
    "extract_head_source": ("Tệp kế hoạch do \"plangen extract\" đọc từ {source}.",
                            "Plan spec read by \"plangen extract\" from {source}."),
    "extract_head_check": ("Đọc lại toàn bộ; sửa mọi chỗ \"# TODO\" (phải điền) và xem các chỗ "
                           "\"# Kiểm tra\".\nRồi chạy: plangen validate <tệp>; plangen render "
                           "<tệp>",
                           "Read it through; fix every \"# TODO\" (to fill in) and look at each "
                           "\"# Check\".\nThen run: plangen validate <file>; plangen render "
                           "<file>"),
    "extract_prefix_todo": ("TODO (cần điền): ", "TODO (fill in): "),
    "extract_prefix_check": ("Kiểm tra: ", "Check: "),
    "extract_prefix_kept": ("Giữ nguyên: ", "Kept as is: "),
    "extract_prefix_lost": ("Không chuyển được: ", "Not carried over: "),
    "extract_joined": ("đã ghép hai dòng bị ngắt (ngắt trang hoặc xuống dòng giữa câu); xem lại "
                       "chỗ ghép.",
                       "two lines cut apart (a page or line break inside a sentence) were "
                       "joined; check the join."),
    "extract_table_as_text": ("bảng {rows} dòng trong thân văn bản được giữ thành các đoạn văn "
                              "(mỗi dòng bảng một đoạn, các ô cách nhau bằng \";\").",
                              "a {rows}-row table in the body is kept as paragraphs (one per "
                              "row, cells separated by \";\")."),
    "extract_todo_tasks": ("không nhận ra nhiệm vụ đánh số 1., 2. … nào trong mục II; điền các "
                           "nhiệm vụ.",
                           "no numbered task (1., 2. …) was found in section II; fill in the "
                           "tasks."),
    "extract_role_kept": ("dòng \"{text}\" không thành dòng vai trò (trùng vai trò hoặc không có "
                          "nội dung); đã giữ thành đoạn mô tả.",
                          "the line \"{text}\" did not become a role line (a repeated role or "
                          "no value); it is kept as a description paragraph."),
    "extract_role_order": ("các dòng vai trò sẽ in theo thứ tự chuẩn (chủ trì, thực hiện, phối "
                           "hợp, đôn đốc, thời gian, sản phẩm), khác thứ tự văn bản gốc.",
                           "role lines will print in the usual order (lead, implementer, "
                           "partners, supervisor, timeline, product), not the source's order."),
    "extract_order": ("văn bản gốc có đoạn văn sau các dòng vai trò hoặc gạch đầu dòng; plangen "
                      "in đoạn văn trước: xem lại thứ tự.",
                      "the source has a paragraph after the role lines or bullets; plangen "
                      "prints paragraphs first: check the order."),
    "extract_point_style_mixed": ("kế hoạch đánh chữ cái các điểm theo hai kiểu (\"a)\" và "
                                  "\"a.\"); plangen in mọi điểm theo một kiểu (point_style), "
                                  "kiểu được dùng nhiều hơn.",
                                  "the plan letters its points in two forms (\"a)\" and \"a.\"); "
                                  "plangen prints every point in one (point_style), the more "
                                  "used."),
    "extract_role_style_mixed": ("nhiệm vụ đánh dấu các dòng vai trò theo nhiều kiểu (\"- \", "
                                 "\"a)\", \"a.\"); plangen dùng một kiểu.",
                                 "the task marks its role lines in several styles (\"- \", "
                                 "\"a)\", \"a.\"); plangen uses one style."),
    "extract_todo_appendix_title": ("phụ lục không có tên; điền tên phụ lục.",
                                    "the appendix has no title; fill it in."),
    "extract_title_joined": ("tên phụ lục ghép từ {count} dòng.",
                             "the appendix title was joined from {count} lines."),
    "extract_after_appendix": ("\"{text}\" (sau bảng phụ lục).",
                               "\"{text}\" (after the appendix table)."),
    "extract_appendix_no_header": ("bảng phụ lục không có dòng tiêu đề (STT …); các cột được "
                                   "hiểu theo thứ tự: nội dung, chủ trì, phối hợp, thời gian, "
                                   "sản phẩm.",
                                   "the appendix table has no heading row (STT …); its columns "
                                   "are read as content, lead, partners, timeline, product."),
    "extract_appendix_row_lost": ("dòng bảng \"{text}\" (trước dòng tiêu đề).",
                                  "table row \"{text}\" (before the heading row)."),
    "extract_appendix_no_rows": ("bảng phụ lục không có dòng nào; đang lấy các dòng từ nhiệm "
                                 "vụ mục II.",
                                 "the appendix table has no rows; the rows are taken from the "
                                 "tasks of section II."),
    "extract_appendix_column_lost": ("cột \"{column}\" của phụ lục (plangen có các cột nội dung, "
                                     "chủ trì, phối hợp, thời gian, sản phẩm).",
                                     "the appendix column \"{column}\" (plangen has content, "
                                     "lead, partners, timeline and product columns)."),
    "extract_appendix_column_order": ("các cột phụ lục sẽ in theo thứ tự chuẩn (nội dung, chủ "
                                      "trì, phối hợp, thời gian, sản phẩm), khác văn bản gốc.",
                                      "appendix columns will print in the usual order (content, "
                                      "lead, partners, timeline, product), not the source's."),
    "extract_appendix_continued": ("dòng bảng bị ngắt trang, phần sau đã ghép vào dòng này.",
                                   "a table row cut by a page break; its rest was joined here."),
    "extract_appendix_cell_lost": ("ô \"{text}\" ở cột không có trong plangen.",
                                   "cell \"{text}\" in a column plangen does not have."),
    "extract_appendix_row_content": ("dòng phụ lục không có nội dung công việc; điền vào.",
                                     "the appendix row has no task text; fill it in."),
    "extract_part_label": ("dòng \"{written}\" được in lại là \"{printed}\" (NĐ 30: \"Phần\" và "
                           "số La Mã), tên phần ở dòng riêng bên dưới.",
                           "the line \"{written}\" prints again as \"{printed}\" (NĐ 30: "
                           "\"Phần\" and a Roman numeral), the part's title on its own line "
                           "below."),
    "extract_doc_type_words": ("dòng tên loại là \"KẾ HOẠCH {words}\"; NĐ 30 chỉ có tên loại "
                               "\"KẾ HOẠCH\": \"{words}\" được đưa vào đầu trích yếu, xem lại.",
                               "the type line reads \"KẾ HOẠCH {words}\"; NĐ 30's type is "
                               "\"KẾ HOẠCH\": \"{words}\" opens the summary now, check it."),
    "extract_no_doc_type": ("không thấy dòng \"KẾ HOẠCH\"; trích yếu là dòng đầu sau phần đầu "
                            "văn bản.",
                            "no \"KẾ HOẠCH\" line; the summary is the first line after the "
                            "header."),
    "extract_summary_joined": ("trích yếu ghép từ {count} dòng.",
                               "the summary was joined from {count} lines."),
    "extract_todo_section": ("văn bản không có mục {section}; điền nội dung mục này.",
                             "the source has no section {section}; fill it in."),
    "extract_todo_section_empty": ("mục này không có nội dung; điền vào.",
                                   "this section is empty; fill it in."),
    "extract_section_in_slot": ("mục {section}. \"{heading}\" được giữ ở vị trí mục {section} "
                                "của plangen (khóa này), với tên mục của văn bản; văn bản không "
                                "có mục vốn đặt ở đây.",
                                "section {section}. \"{heading}\" is kept in plangen's section "
                                "{section} (this key) under its own heading; the source has no "
                                "section of the usual kind there."),
    "extract_extra_section": ("mục \"{heading}\" không thuộc bốn mục I–IV của plangen; đã giữ "
                              "thành một mục con ở đây.",
                              "the section \"{heading}\" is not one of plangen's sections "
                              "I–IV; it is kept as a numbered item here."),
    "extract_kept_marker": ("\"{text}\" đứng trước mọi mục đánh số; đã giữ thành đoạn văn "
                            "(cả dấu đầu dòng).",
                            "\"{text}\" comes before any numbered item; kept as a paragraph "
                            "(with its marker)."),
    "extract_closing_guess": ("không có đoạn \"Trên đây là …\"; đoạn cuối có \"./.\" được hiểu "
                              "là đoạn kết.",
                              "no \"Trên đây là …\" paragraph; the last paragraph ending "
                              "\"./.\" is read as the closing."),
    # a decision followed by the plan it issues (extract/decision.py)
    "extract_decision_no_word": ("không thấy dòng \"QUYẾT ĐỊNH:\"; các điều bắt đầu từ dòng "
                                 "\"Điều 1.\" đầu tiên.",
                                 "no \"QUYẾT ĐỊNH:\" line; the articles start at the first "
                                 "\"Điều 1.\"."),
    "extract_decision_kept": ("dòng \"{text}\" không phải căn cứ; đã giữ cùng các căn cứ.",
                              "the line \"{text}\" is not a ground; kept with the grounds."),
    "extract_decision_lost": ("dòng \"{text}\" của quyết định.",
                              "the decision's line \"{text}\"."),
    "extract_decision_no_articles": ("quyết định không có điều nào; plangen sẽ tự viết Điều 1–3, "
                                     "hãy đọc lại.",
                                     "the decision has no articles; plangen writes Điều 1–3 "
                                     "itself, read them."),
    "extract_decision_no_effect": ("không thấy điều về hiệu lực (\"… có hiệu lực …\"); plangen "
                                   "sẽ viết câu mặc định, hãy đọc lại.",
                                   "no article on when it takes effect; plangen writes the "
                                   "default one, read it."),
    "extract_decision_title": ("điều này có tên \"{title}\"; đã giữ thành dòng đầu của điều.",
                               "this article has the title \"{title}\"; kept as its first "
                               "line."),
    "extract_decision_no_reference": ("kế hoạch không có dòng \"(Kèm theo Quyết định số …)\"; "
                                      "plangen sẽ viết dòng này từ số, ngày của quyết định.",
                                      "the plan has no \"(Kèm theo Quyết định số …)\" line; "
                                      "plangen writes it from the decision's number and date."),
    "extract_decision_reference": ("dòng \"{line}\" ghi số hoặc ngày khác với phần đầu quyết "
                                   "định; plangen viết theo phần đầu, hãy kiểm tra.",
                                   "the line \"{line}\" gives another number or date than the "
                                   "decision's header; plangen follows the header, check it."),
    "extract_secrecy_lost": ("dấu độ mật \"{text}\" (plangen không in dấu độ mật: đóng dấu theo "
                             "quy định bảo vệ bí mật nhà nước).",
                             "the secrecy mark \"{text}\" (plangen prints no secrecy marks: "
                             "they follow the law on state secrets)."),
    "extract_header_lost": ("dòng \"{text}\" ở phần đầu văn bản.",
                            "the header line \"{text}\"."),
    "extract_bad_number": ("số văn bản \"{value}\" không hợp lệ; để trống.",
                           "the document number \"{value}\" is not valid; left blank."),
    "extract_bad_date": ("ngày tháng có giá trị không hợp lệ ({value}); đã bỏ phần đó.",
                         "the date has an impossible value ({value}); that part was dropped."),
    "extract_issuer_parent": ("dòng \"{parent}\" được hiểu là cơ quan chủ quản.",
                              "the line \"{parent}\" is read as the parent agency."),
    "extract_issuer_case": ("tên viết thường đoán từ dòng in hoa \"{line}\"; xem lại chữ hoa.",
                            "the name's case was guessed from the capitals \"{line}\"; check "
                            "it."),
    "extract_tail_lost": ("dòng \"{text}\" ở cuối văn bản (không thuộc nơi nhận hay chữ ký).",
                          "the line \"{text}\" at the end (neither a recipient nor the "
                          "signature)."),
    "extract_guess_issuer": ("văn bản không có tên cơ quan ban hành ở phần đầu; đã đoán "
                             "\"{name}\" từ nội dung: kiểm tra lại.",
                             "the header names no issuing agency; \"{name}\" was guessed from "
                             "the text: check it."),
    "extract_todo_issuer": ("văn bản không có tên cơ quan ban hành; điền tên.",
                            "the source names no issuing agency; fill it in."),
    "extract_guess_place": ("văn bản không có dòng địa danh, ngày tháng; địa danh \"{place}\" "
                            "lấy từ tên cơ quan: kiểm tra lại.",
                            "the source has no place and date line; the place \"{place}\" "
                            "comes from the agency's name: check it."),
    "extract_todo_place": ("văn bản không có địa danh; điền địa danh.",
                           "the source has no place; fill it in."),
    "extract_guess_date": ("phần đầu không có ngày tháng; lấy từ dòng \"Kèm theo Kế hoạch số …\" "
                           "của phụ lục: kiểm tra lại.",
                           "the header has no date; it comes from the appendix's \"Kèm theo "
                           "Kế hoạch số …\" line: check it."),
    "extract_guess_number": ("số văn bản \"{number}\" lấy từ dòng \"Kèm theo Kế hoạch số …\" "
                             "của phụ lục: kiểm tra lại, hoặc để trống khi là dự thảo.",
                             "the number \"{number}\" comes from the appendix's \"Kèm theo Kế "
                             "hoạch số …\" line: check it, or leave it blank for a draft."),
    "extract_todo_date": ("văn bản không có ngày tháng; tạm ghi năm {year}: điền ngày tháng.",
                          "the source has no date; the year {year} is a stand-in: fill in the "
                          "date."),
    "extract_todo_summary": ("văn bản không có trích yếu; điền trích yếu.",
                             "the source has no summary line; fill it in."),
    "extract_todo_recipients": ("văn bản không có nơi nhận; điền nơi nhận.",
                                "the source has no recipients; fill them in."),
    "extract_todo_table_header": (
        "bảng phụ lục không có dòng tiêu đề; đã thêm \"(Cần điền tên cột)\": điền tên các cột.",
        "the appendix table has no heading row; \"(Cần điền tên cột)\" was added: write the "
        "column names."),
    "extract_summary_case": (
        "trích yếu in hoa \"{found}\" được ghi thành \"{fixed}\" (NĐ 30 in trích yếu chữ "
        "thường): kiểm tra chữ hoa của tên riêng.",
        "the summary in capitals \"{found}\" was written \"{fixed}\" (NĐ 30 prints it in "
        "ordinary case): check the capitals of proper names."),
    "extract_signature_split": (
        "dòng chữ ký \"{found}\" có hai quyền hạn ký, đã tách thành hai dòng (NĐ 30: mỗi "
        "quyền hạn ký một dòng): kiểm tra lại.",
        "the signature line \"{found}\" held two signing authorities and was split into two "
        "lines (NĐ 30: one line each): check it."),
    "extract_signer_case": (
        "họ tên người ký \"{found}\" được ghi thành \"{fixed}\" (NĐ 30 in họ tên chữ "
        "thường, đậm): kiểm tra lại.",
        "the signer's name \"{found}\" was written \"{fixed}\" (NĐ 30 prints the name in "
        "ordinary case, bold): check it."),
    "extract_signer_honorific": (
        "họ tên người ký \"{found}\" được ghi thành \"{fixed}\" (NĐ 30 không ghi học hàm, "
        "học vị, danh xưng trước họ tên): kiểm tra lại.",
        "the signer's name \"{found}\" was written \"{fixed}\" (NĐ 30 writes no title or "
        "honorific before the name): check it."),
    "extract_place_capitalised": (
        "địa danh \"{found}\" được ghi thành \"{fixed}\" (địa danh viết hoa chữ cái đầu, NĐ 30 "
        "Phụ lục I mục II.4): kiểm tra lại.",
        "the place \"{found}\" was written \"{fixed}\" (a place name starts with a capital, "
        "NĐ 30 Appendix I, II.4): check it."),
    "extract_todo_archive": ("văn bản không có dòng \"Lưu: …\"; đã thêm \"Lưu: VT\": sửa cho "
                             "đúng.",
                             "the source has no \"Lưu: …\" line; \"Lưu: VT\" was added: correct "
                             "it."),
    "extract_archive_moved": ("dòng \"Lưu: …\" được chuyển xuống cuối danh sách nơi nhận.",
                              "the \"Lưu: …\" line was moved to the end of the recipients."),
    "extract_todo_signature": ("không nhận ra dòng quyền hạn, chức vụ người ký; điền vào.",
                               "no signing authority or title was found; fill them in."),
    "extract_todo_signer": ("không nhận ra họ tên người ký; điền vào.",
                            "no signer's name was found; fill it in."),
    "extract_sum_title": ("Đã đọc {source}:", "Read {source}:"),
    "extract_sum_header": ("  Phần đầu: {issuer}; số {number}; {place}, {date}",
                           "  Header: {issuer}; number {number}; {place}, {date}"),
    "extract_sum_decision": ("  Quyết định: {bases} căn cứ, {articles} điều (ghi trong tệp: "
                             "{written}; còn lại plangen tự viết)",
                             "  Decision: {bases} grounds, {articles} articles (written in the "
                             "file: {written}; plangen writes the rest)"),
    "extract_sum_summary": ("  Trích yếu: {summary}", "  Summary: {summary}"),
    "extract_sum_preamble": ("  Mở đầu: {count} đoạn ({bases} dòng căn cứ)",
                             "  Preamble: {count} paragraph(s) ({bases} legal basis line(s))"),
    "extract_sum_section": ("  {numeral}. {heading}: {items} mục, {paragraphs} đoạn{reporting}",
                            "  {numeral}. {heading}: {items} item(s), {paragraphs} "
                            "paragraph(s){reporting}"),
    "extract_sum_reporting": (", có chế độ báo cáo", ", with a reporting regime"),
    "extract_sum_tasks": ("  II. {heading}: {tasks} nhiệm vụ, {roles} dòng vai trò, {subtasks} "
                          "nhiệm vụ con{labels}",
                          "  II. {heading}: {tasks} task(s), {roles} role line(s), {subtasks} "
                          "sub-task(s){labels}"),
    "extract_sum_labels": ("; nhãn riêng: {labels}", "; own labels: {labels}"),
    "extract_sum_closing": ("  Đoạn kết: {count} đoạn", "  Closing: {count} paragraph(s)"),
    "extract_sum_recipients": ("  Nơi nhận: {count} dòng, dòng cuối \"{archive}\"",
                               "  Recipients: {count} line(s), last \"{archive}\""),
    "extract_sum_code": ("  Ký hiệu người soạn thảo: {value}", "  Drafting code: {value}"),
    "extract_sum_signature": ("  Chữ ký: {lines} — {name}", "  Signature: {lines} — {name}"),
    "extract_sum_appendix": ("  Phụ lục \"{title}\": {rows} dòng",
                             "  Appendix \"{title}\": {rows} row(s)"),
    "extract_sum_appendix_tasks": ("  Phụ lục \"{title}\": các dòng trùng nhiệm vụ mục II "
                                   "(from_tasks)",
                                   "  Appendix \"{title}\": rows repeat the tasks of section II "
                                   "(from_tasks)"),
    "extract_sum_no_appendix": ("  Phụ lục: không có", "  Appendix: none"),
    # a plan read into its own sections (the free structure)
    "extract_sum_free_section": ("  {numeral}. {heading}: {blocks} khối nội dung{role}",
                                 "  {numeral}. {heading}: {blocks} content block(s){role}"),
    "extract_sum_free_role": (" (vai trò {role})", " (role: {role})"),
    "extract_sum_free_missing": ("  Không có mục \"{role}\": {reason}",
                                 "  No \"{role}\" section: {reason}"),
    "extract_sum_free_tasks": ("  Nhiệm vụ (khối có dòng vai trò, thời hạn hoặc cơ quan đứng "
                               "đầu): {tasks}",
                               "  Tasks (blocks with role lines, a deadline or an agency at "
                               "their head): {tasks}"),
    "extract_sum_free_appendix": ("  {label} \"{title}\": {blocks} khối nội dung",
                                  "  {label} \"{title}\": {blocks} content block(s)"),
    "extract_sum_repairs": ("  Đã sửa khi đọc: {repairs}", "  Repaired while reading: {repairs}"),
    "extract_repair_joined": ("ghép {count} dòng bị ngắt", "{count} cut line(s) joined"),
    "extract_repair_marks": ("bỏ dấu ** ## * ở {count} chỗ",
                             "** ## * marks removed in {count} place(s)"),
    "extract_repair_page_numbers": ("bỏ {count} số trang", "{count} page number(s) dropped"),
    "extract_repair_unwrapped": ("nối {count} dòng bị xuống dòng theo lề",
                                 "{count} line(s) wrapped at the margin rejoined"),
    "extract_repair_soft_breaks": ("{count} chỗ xuống dòng mềm", "{count} soft line break(s)"),
    "extract_repair_numbering": ("{count} số, dấu đầu dòng tự động",
                                 "{count} automatic number(s) or bullet(s)"),
    "extract_repair_text_boxes": ("{count} hộp văn bản", "{count} text box(es)"),
    "extract_repair_insertions": ("nhận {count} chỗ sửa đổi chèn thêm",
                                  "{count} tracked insertion(s) accepted"),
    "extract_repair_deletions": ("bỏ {count} chỗ sửa đổi đã xóa",
                                 "{count} tracked deletion(s) accepted"),
    "extract_sum_notes": ("{todo} chỗ cần điền (TODO), {check} chỗ cần kiểm tra, {kept} đoạn giữ "
                          "nguyên, {lost} phần không chuyển được (chú thích \"#\" trong tệp):",
                          "{todo} to fill in (TODO), {check} to check, {kept} kept as is, "
                          "{lost} not carried over (\"#\" comments in the file):"),
    "extract_sum_no_notes": ("Không có chỗ nào chưa chắc.", "Nothing was unsure."),
    "extract_signature_order": ("các dòng chữ ký được xếp lại theo thứ tự TM., KT., chức vụ.",
                                "the signature lines were put in the order TM., KT., title."),
    "extract_appendix_untabled": ("bảng phụ lục không đọc được thành hàng, cột (bản chép từ "
                                  "PDF không giữ ô bảng; nên chép từ tệp Word hoặc ngăn các ô "
                                  "bằng Tab). Chữ trong bảng: {text}",
                                  "the appendix table could not be read as rows and columns "
                                  "(text copied from a PDF loses the cells; copy from the Word "
                                  "file or separate cells with tabs). Its text: {text}"),
    "extract_footnote_lost": ("chú thích cuối trang \"{text}\" (kế hoạch của plangen không có "
                              "chú thích cuối trang).",
                              "the footnote \"{text}\" (plangen's plans have no footnotes)."),
    "extract_second_appendix": ("\"{text}\" (plangen có một phụ lục; phần này thuộc phụ lục "
                                "sau).",
                                "\"{text}\" (plangen has one appendix; this belongs to a later "
                                "one)."),
    "extract_appendix_group_row": ("dòng nhóm \"{text}\" của bảng được giữ thành một dòng có "
                                   "số thứ tự; xem lại.",
                                   "the group row \"{text}\" is kept as a numbered row; check "
                                   "it."),
    # plangen check (any .docx): names of the checks
    "check_title_zip": ("Tệp zip đọc được", "The zip opens"),
    "check_title_content_types": ("Kiểu nội dung ([Content_Types].xml)",
                                  "Content types ([Content_Types].xml)"),
    "check_title_relationships": ("Liên kết giữa các phần (relationships)",
                                  "Relationships between parts"),
    "check_title_xml": ("Các phần XML đúng cú pháp", "Every XML part is well formed"),
    "check_title_unique_ids": ("Mã định danh không trùng", "Ids that must be unique are"),
    "check_title_word": ("Là văn bản Word", "It is a Word document"),
    "check_title_active_content": ("Không có macro, liên kết tải nội dung, đối tượng nhúng",
                                   "No macros, fetching links or embedded objects"),
    "check_title_schema": ("Đúng lược đồ OOXML (XSD)", "Valid against the OOXML schemas (XSD)"),
    "check_title_paper": ("Khổ giấy A4", "A4 paper"),
    "check_title_margins": ("Lề trang", "Page margins"),
    "check_title_fonts": ("Phông chữ Times New Roman, màu đen", "Times New Roman, black"),
    "check_title_header_block": ("Quốc hiệu, Tiêu ngữ, tên cơ quan",
                                 "National name, motto, agency name"),
    "check_title_number_line": ("Số, ký hiệu", "Number and symbol"),
    "check_title_date_line": ("Địa danh, ngày tháng", "Place and date"),
    "check_title_title": ("Tên loại và trích yếu", "Document type and summary"),
    "check_title_horizontal_lines": ("Đường kẻ dưới tên cơ quan, Tiêu ngữ và trích yếu",
                                     "The lines under the agency name, the motto and the "
                                     "summary"),
    "check_title_body_text": ("Nội dung: căn lề, thụt đầu dòng, khoảng cách",
                              "Body: alignment, indent, spacing"),
    "check_title_headings": ("Tiêu đề mục, khoản, điểm", "Section, item and point headings"),
    "check_title_recipients": ("Nơi nhận", "Recipients"),
    "check_title_signature": ("Chữ ký: quyền hạn, chức vụ, họ tên",
                              "Signature: authority, title, name"),
    "check_title_page_numbers": ("Số trang", "Page numbers"),
    "check_title_marks": ("Độ khẩn, phạm vi lưu hành, địa chỉ cơ quan",
                          "Urgency, circulation, agency address"),
    "check_title_appendix": ("Phụ lục: tên và hướng trang", "Appendix: heading and orientation"),
    "check_title_numbering": ("Đánh số các cấp: mục, khoản, điểm", "Numbering of sections, "
                              "items and points"),
    "check_title_data_tables": ("Bảng số liệu: dòng tiêu đề, dòng không ngắt trang, bề rộng",
                                "Data tables: heading row, rows kept whole, width"),
    "check_title_appendix_header_row": ("Bảng phụ lục lặp dòng tiêu đề",
                                        "Appendix tables repeat their heading row"),
    # plangen check: the words of its messages
    "check_term_national": ("Quốc hiệu", "The national name"),
    "check_term_motto": ("Tiêu ngữ", "The motto"),
    "check_term_agency": ("Tên cơ quan ban hành", "The issuing agency's name"),
    "check_term_number_line": ("Dòng số, ký hiệu", "The number line"),
    "check_term_number_word": ("Chữ \"Số\"", "The word \"Số\""),
    "check_term_date_line": ("Dòng địa danh, ngày tháng", "The place and date line"),
    "check_term_doc_type": ("Tên loại \"KẾ HOẠCH\" (hoặc \"BÁO CÁO\")",
                            "The document type \"KẾ HOẠCH\" (or \"BÁO CÁO\")"),
    "check_term_summary": ("Trích yếu", "The summary"),
    "check_term_body": ("Nội dung kế hoạch", "The body text"),
    "check_term_heading_section": ("Tiêu đề mục (I, II, …)", "A section heading (I, II, …)"),
    "check_term_heading_part": ("Dòng \"Phần\", \"Chương\"", "A \"Phần\"/\"Chương\" line"),
    "check_term_heading_part_title": ("Tên phần (dưới dòng \"Phần I\")",
                                      "A part's title (under its \"Phần I\" line)"),
    "check_term_heading_item": ("Khoản (1, 2, …)", "An item (1, 2, …)"),
    "check_term_heading_point": ("Điểm (a, b, …)", "A point (a, b, …)"),
    "check_term_recipients_label": ("Chữ \"Nơi nhận:\"", "The \"Nơi nhận:\" label"),
    "check_term_recipient": ("Danh sách nơi nhận", "The recipient list"),
    "check_term_signature": ("Khối chữ ký (ô bên phải \"Nơi nhận\", hoặc các dòng \"TM. …\", "
                             "chức vụ, họ tên ở nửa bên phải trang)",
                             "The signature block (the cell beside \"Nơi nhận\", or the lines "
                             "\"TM. …\", title and name in the right half of the page)"),
    "check_term_authority": ("Dòng quyền hạn, chức vụ người ký",
                             "The signer's authority or title line"),
    "check_term_signer": ("Họ tên người ký", "The signer's name"),
    "check_term_signature_block": ("Khối chữ ký", "The signature block"),
    "check_term_line_agency": ("Đường kẻ dưới tên cơ quan ban hành",
                               "The line under the issuing agency's name"),
    "check_term_line_motto": ("Đường kẻ dưới Tiêu ngữ", "The line under the motto"),
    "check_term_line_summary": ("Đường kẻ dưới trích yếu", "The line under the summary"),
    "check_term_line_agency_text": ("dòng cuối tên cơ quan ban hành",
                                    "the last line of the agency's name"),
    "check_term_line_motto_text": ("dòng Tiêu ngữ", "the motto"),
    "check_term_line_summary_text": ("dòng cuối trích yếu", "the last line of the summary"),
    "check_term_line_short": ("dài từ 1/3 đến 1/2 dòng chữ, đặt ở giữa",
                              "a third to a half as long as the text line, centred"),
    "check_term_line_motto_length": ("dài bằng dòng Tiêu ngữ", "as long as the motto"),
    "check_term_underlined_spaces": ("các dấu cách", "spaces"),
    "check_term_underlined_tabs": ("các dấu tab", "tabs"),
    "check_term_line_place_column": ("nằm dưới cột bên cạnh của phần đầu văn bản",
                                     "lies under the other column of the header"),
    "check_term_line_place_over": ("nằm ngang hoặc phía trên dòng chữ, không ở dưới",
                                   "lies level with or above the text, not under it"),
    "check_term_line_anchor_empty": ("một đoạn trống", "an empty paragraph"),
    "check_term_urgency": ("Dấu độ khẩn", "The urgency stamp"),
    "check_term_circulation": ("Chỉ dẫn phạm vi lưu hành", "The circulation note"),
    "check_term_contact": ("Địa chỉ, điện thoại, thư điện tử của cơ quan",
                           "The agency's address, telephone and e-mail"),
    "check_term_color_auto": ("tự động", "automatic"),
    "check_term_page_number": ("Số trang (trường PAGE ở đầu trang)",
                               "The page number (a PAGE field in the header)"),
    "check_term_appendix_label": ("Dòng \"Phụ lục\"", "The \"Phụ lục\" line"),
    "check_term_appendix_title": ("Tên phụ lục", "The appendix title"),
    "check_term_no_font": ("(không đặt phông)", "(no font set)"),
    "check_term_style_id": ("mã kiểu (styleId)", "style id"),
    "check_term_abstract_num": ("mã danh sách (abstractNumId)", "abstractNumId"),
    "check_term_num_id": ("mã đánh số (numId)", "numId"),
    "check_term_bookmark": ("mã đánh dấu (bookmark)", "bookmark id"),
    "check_term_drawing": ("mã hình vẽ (docPr)", "drawing id (docPr)"),
    "check_term_side_top": ("trên", "top"),
    "check_term_side_bottom": ("dưới", "bottom"),
    "check_term_side_left": ("trái", "left"),
    "check_term_side_right": ("phải", "right"),
    "check_term_align_left": ("trái", "left"),
    "check_term_align_center": ("giữa", "centered"),
    "check_term_align_right": ("phải", "right"),
    "check_term_align_both": ("đều hai bên", "justified"),
    # plangen check: what the package checks found
    "check_zip_broken": ("Không mở được tệp như một tệp Word .docx (tệp zip): tệp bị hỏng hoặc "
                         "không phải .docx. Mở bằng Word và lưu lại dạng Word Document (.docx).",
                         "Cannot open the file as a Word .docx (a zip): it is damaged or not a "
                         ".docx. Open it in Word and save it as a Word Document (.docx)."),
    "check_zip_too_big": ("Tệp nén quá lớn khi giải nén ({detail}); không đọc tiếp.",
                          "The file unpacks to too much data ({detail}); not read further."),
    "check_zip_duplicate": ("Phần \"{part}\" xuất hiện hai lần trong tệp.",
                            "The part \"{part}\" appears twice in the file."),
    "check_zip_entry": ("Không đọc được phần \"{part}\": {detail}.",
                        "Cannot read the part \"{part}\": {detail}."),
    "check_xml_broken": ("Phần \"{part}\" không đúng cú pháp XML: {detail}.",
                         "The part \"{part}\" is not well-formed XML: {detail}."),
    "check_xml_dtd": ("Phần \"{part}\" có khai báo DTD, điều chuẩn OOXML không cho phép.",
                      "The part \"{part}\" declares a DTD, which OOXML forbids."),
    "check_part_missing": ("Thiếu phần bắt buộc \"{part}\".",
                           "The required part \"{part}\" is missing."),
    "check_override_missing": ("[Content_Types].xml khai báo phần \"{part}\" nhưng tệp không có.",
                               "[Content_Types].xml names the part \"{part}\", which is not in "
                               "the file."),
    "check_no_content_type": ("Phần \"{part}\" không có kiểu nội dung trong [Content_Types].xml.",
                              "The part \"{part}\" has no content type in "
                              "[Content_Types].xml."),
    "check_no_main_document": ("Không có nội dung văn bản chính (\"{part}\"): đây không phải tệp "
                               "Word .docx đọc được.",
                               "There is no main document part (\"{part}\"): this is not a "
                               "readable Word .docx."),
    "check_rels_orphan": ("Tệp liên kết \"{part}\" thuộc về một phần không có trong tệp.",
                          "The relationships file \"{part}\" belongs to a part that is missing."),
    "check_duplicate_rel_id": ("Mã liên kết \"{id}\" bị trùng trong \"{part}\".",
                               "The relationship id \"{id}\" appears twice in \"{part}\"."),
    "check_rel_target_missing": ("Liên kết \"{id}\" trong \"{part}\" trỏ đến \"{target}\", "
                                 "phần này không có trong tệp.",
                                 "Relationship \"{id}\" in \"{part}\" points at \"{target}\", "
                                 "which is not in the file."),
    "check_rel_id_unknown": ("\"{part}\" dùng mã liên kết \"{id}\" chưa được khai báo.",
                             "\"{part}\" uses the relationship id \"{id}\", which is not "
                             "declared."),
    "check_duplicate_id": ("{what} \"{id}\" bị trùng {count} lần trong \"{part}\".",
                           "{what} \"{id}\" appears {count} times in \"{part}\"."),
    "check_ok_zip": ("{count} phần.", "{count} parts."),
    "check_ok_content_types": ("mọi phần đều có kiểu nội dung.", "every part has a content type."),
    "check_ok_relationships": ("mọi liên kết đều trỏ đúng.", "every relationship resolves."),
    "check_ok_xml": ("mọi phần XML đọc được.", "every XML part parses."),
    "check_ok_unique_ids": ("không có mã trùng.", "no duplicates."),
    "check_ok_word": ("có nội dung văn bản Word.", "holds a Word document body."),
    "check_ok_active_content": ("không có macro, liên kết ra ngoài (trừ liên kết web) hay đối "
                                "tượng OLE.",
                                "no macros, external links (hyperlinks aside) or OLE objects."),
    "check_active_macro": ("Có macro ({what}, ở phần {part}). Văn bản hành chính không cần "
                           "macro: lưu lại dạng Word Document (.docx), không phải .docm.",
                           "It holds macros ({what}, in {part}). An official document needs "
                           "none: save it again as a Word Document (.docx), not .docm."),
    "check_active_external": ("Có liên kết ra ngoài ({what} → {target}, ở phần {part}): Word "
                              "hoặc LibreOffice tải nội dung đó khi mở tệp. Chèn thẳng nội dung "
                              "vào văn bản (ngắt liên kết).",
                              "It links outside itself ({what} → {target}, in {part}): Word "
                              "or LibreOffice fetches it when the file opens. Insert the content "
                              "itself (break the link)."),
    "check_active_embedded": ("Có đối tượng OLE hoặc ActiveX nhúng hay liên kết ({what}, ở phần "
                              "{part}). Xóa đối tượng; cần hình thì chèn ảnh thường.",
                              "It holds an embedded or linked OLE or ActiveX object ({what}, in "
                              "{part}). Delete it; for a picture insert a plain image."),
    "check_active_field": ("Có trường {what} lấy nội dung từ ngoài ({target}, ở phần {part}). "
                           "Xóa trường hoặc chèn thẳng nội dung.",
                           "It has a {what} field pulling content from outside ({target}, in "
                           "{part}). Delete the field or insert the content itself."),
    "check_not_word": ("Tệp không phải văn bản Word: phần chính \"{part}\" có kiểu \"{type}\". "
                       "Mở bằng Word và lưu lại dạng Word Document (.docx).",
                       "This is not a Word document: its main part \"{part}\" is of type "
                       "\"{type}\". Open it in Word and save it as a Word Document (.docx)."),
    "check_skip_broken_zip": ("không đọc được tệp zip.", "the zip cannot be read."),
    "check_skip_unreadable": ("không đọc được nội dung văn bản.",
                              "the document's content cannot be read."),
    "check_schema_error": ("\"{part}\" dòng {line}: {detail}", "\"{part}\" line {line}: {detail}"),
    "check_ok_schema": ("{count} phần hợp lệ.", "{count} parts valid."),
    "check_authority_one_line": ("Mỗi dòng quyền hạn ký (TM., KT., TL., TUQ., Q.) và chức vụ "
                                 "phải là một dòng riêng, đang gõ chung một dòng: “{found}”.",
                                 "Each authority line (TM., KT., TL., TUQ., Q.) and title goes "
                                 "on its own line; here they share one: “{found}”."),
    "check_schema_root": ("\"{part}\" bắt đầu bằng phần tử <{found}>, loại phần này phải là "
                          "<{expected}>.",
                          "\"{part}\" starts with <{found}>; a part of this type must be "
                          "<{expected}>."),
    "check_schemas_missing": ("Thư mục lược đồ \"{path}\" không có tệp wml.xsd. Chỉ đến thư mục "
                              "chứa các tệp .xsd của OOXML, hoặc bỏ --schemas để dùng lược đồ "
                              "kèm plangen.",
                              "The schema folder \"{path}\" has no wml.xsd. Point at a folder "
                              "holding the OOXML .xsd files, or leave out --schemas to use the "
                              "schemas bundled with plangen."),
    # plangen doctor
    "doctor_ok": ("[ĐẠT]", "[OK]"),
    "doctor_missing": ("[THIẾU]", "[MISSING]"),
    "doctor_fix": ("Sửa: {remedy}", "Fix: {remedy}"),
    "doctor_summary_ok": ("Máy này sẵn sàng tạo Word và PDF.",
                          "This machine is ready to make Word files and PDFs."),
    "doctor_summary_bad": ("Còn {count} việc cần sửa (xem các dòng [THIẾU] ở trên).",
                           "{count} thing(s) to fix (see the [MISSING] lines above)."),
    "doctor_libreoffice": ("LibreOffice (để tạo PDF)", "LibreOffice (for PDF)"),
    "doctor_soffice_ok": ("phiên bản {version} ({program}).", "version {version} ({program})."),
    "doctor_soffice_missing": ("không tìm thấy lệnh soffice hay libreoffice.",
                               "no soffice or libreoffice command found."),
    "doctor_soffice_broken": ("\"{program}\" không chạy được hoặc không cho biết phiên bản.",
                              "\"{program}\" does not run or tell its version."),
    "doctor_fix_soffice": ("sudo apt-get install libreoffice-writer-nogui (hoặc đặt "
                           "PLANGEN_SOFFICE là đường dẫn tới soffice).",
                           "sudo apt-get install libreoffice-writer-nogui (or set "
                           "PLANGEN_SOFFICE to the soffice program)."),
    "doctor_font": ("Phông chữ có đủ chữ tiếng Việt", "A font with every Vietnamese letter"),
    "doctor_font_ok": ("{font} được in bằng {face}, đủ mọi chữ tiếng Việt.",
                       "{font} is set in {face}, which has every Vietnamese letter."),
    "doctor_font_other": ("{font} được thay bằng {face}, không cùng kích thước chữ với {font}: "
                          "dòng và trang của PDF sẽ khác bản Word.",
                          "{font} is replaced by {face}, whose letters are not the size of "
                          "{font}'s: the PDF's lines and pages will differ from Word's."),
    "doctor_font_incomplete": ("{font} được in bằng {face}, nhưng phông này thiếu một số chữ "
                               "tiếng Việt (ứ, ớ, ậ …): các chữ đó sẽ in bằng phông khác.",
                               "{font} is set in {face}, which lacks some Vietnamese letters "
                               "(ứ, ớ, ậ …): those come out in another typeface."),
    "doctor_no_fontconfig": ("không chạy được fc-match / fc-list (fontconfig).",
                             "fc-match / fc-list (fontconfig) do not run."),
    "doctor_fix_font": ("cài phông đủ chữ tiếng Việt: sudo apt-get install {package}",
                        "install a font with every Vietnamese letter: sudo apt-get install "
                        "{package}"),
    "doctor_fix_fontconfig": ("cài fontconfig và phông đủ chữ tiếng Việt: sudo apt-get install "
                              "fontconfig fonts-liberation2",
                              "install fontconfig and a font with every Vietnamese letter: sudo "
                              "apt-get install fontconfig fonts-liberation2"),
    "doctor_schemas": ("Lược đồ OOXML kèm plangen (cho plangen check)",
                       "The OOXML schemas bundled with plangen (for plangen check)"),
    "doctor_schemas_ok": ("{count} lược đồ nạp được từ {path}.",
                          "{count} schemas load from {path}."),
    "doctor_schemas_bad": ("không nạp được: {detail}", "cannot be loaded: {detail}"),
    "doctor_fix_schemas": ("cài lại plangen: python3 -m pip install --force-reinstall plangen "
                           "(trong bản sao mã nguồn: git checkout -- plangen/check/xsd).",
                           "reinstall plangen: python3 -m pip install --force-reinstall "
                           "plangen (in a source checkout: git checkout -- plangen/check/xsd)."),
    "doctor_temp": ("Thư mục tạm ghi được", "A writable temporary folder"),
    "doctor_temp_ok": ("ghi được vào {path}.", "{path} can be written."),
    "doctor_temp_bad": ("không ghi được vào \"{path}\": {detail}.",
                        "cannot write to \"{path}\": {detail}."),
    "doctor_fix_temp": ("đặt TMPDIR là một thư mục ghi được, ví dụ: export "
                        "TMPDIR=$HOME/tmp && mkdir -p $HOME/tmp",
                        "set TMPDIR to a writable folder, e.g. export TMPDIR=$HOME/tmp && "
                        "mkdir -p $HOME/tmp"),
    "check_schemas_conflict": ("Chỉ dùng một trong hai: --schemas THƯ-MỤC hoặc --no-schemas.",
                               "Use either --schemas DIR or --no-schemas, not both."),
    "check_schemas_bad": ("Không nạp được lược đồ trong \"{path}\": {detail}.",
                          "Cannot load the schemas in \"{path}\": {detail}."),
    # plangen check: what the NĐ 30 rules found
    "check_ok": ("đạt.", "passes."),
    "check_ok_text": ("đang là “{text}”", "reads “{text}”"),
    # a decision that issues a plan (check/rules_decision.py)
    "check_title_decision_authority": ("Dòng thẩm quyền ban hành", "The authority line"),
    "check_title_decision_grounds": ("Các căn cứ", "The grounds"),
    "check_title_decision_word": ("Dòng \"QUYẾT ĐỊNH:\"", "The \"QUYẾT ĐỊNH:\" line"),
    "check_title_decision_articles": ("Các điều", "The articles"),
    "check_title_attached_reference": ("Dòng \"(Kèm theo Quyết định …)\"",
                                       "The \"(Kèm theo Quyết định …)\" line"),
    "check_title_attached_frame": ("Không có số, ngày, nơi nhận, chữ ký riêng",
                                   "No number, date, recipients or signature of its own"),
    "check_part_decision": ("[Quyết định] ", "[Decision] "),
    "check_part_plan": ("[Kế hoạch kèm theo] ", "[Attached plan] "),
    "check_term_decision_authority": ("Dòng thẩm quyền ban hành (in hoa, dưới trích yếu)",
                                      "The authority line (capitals, under the summary)"),
    "check_term_decision_grounds": ("Các dòng \"Căn cứ …\"", "The \"Căn cứ …\" lines"),
    "check_term_decision_ground": ("Dòng căn cứ", "A ground line"),
    "check_term_decision_word": ("Dòng \"QUYẾT ĐỊNH:\"", "The \"QUYẾT ĐỊNH:\" line"),
    "check_term_decision_articles": ("Các điều (\"Điều 1.\" …)", "The articles (\"Điều 1.\" …)"),
    "check_term_attached_reference": ("Dòng \"(Kèm theo Quyết định số …)\" dưới trích yếu kế "
                                      "hoạch", "The \"(Kèm theo Quyết định số …)\" line under "
                                      "the plan's summary"),
    "check_ground_end": ("Căn cứ phải kết thúc bằng \"{want}\" (căn cứ cuối bằng \".\"), "
                         "đang là \"{found}\".",
                         "A ground ends with \"{want}\" (the last with \".\"), not "
                         "\"{found}\"."),
    "check_ok_grounds": ("{count} căn cứ.", "{count} grounds."),
    "check_article_label_bold": ("Chữ \"{label}\" phải in đậm.",
                                 "The label \"{label}\" must be bold."),
    "check_article_order": ("Các điều phải đánh số liên tục từ 1, đang là {found}.",
                            "Articles are numbered from 1 without gaps, not {found}."),
    "check_as_article": ("Nơi nhận ghi \"Như Điều {number}\" nhưng quyết định không có Điều "
                         "{number} (điều cuối là Điều {last}).",
                         "The recipients say \"Như Điều {number}\" but the decision has no "
                         "Article {number} (the last is Article {last})."),
    "check_ok_articles": ("{count} điều.", "{count} articles."),
    "check_reference_number": ("Dòng kèm theo phải ghi đúng số, ký hiệu của quyết định "
                               "(\"{want}\").",
                               "The reference line must give the decision's number and symbol "
                               "(\"{want}\")."),
    "check_reference_date": ("Dòng kèm theo phải ghi đúng ngày của quyết định (\"{want}\").",
                             "The reference line must give the decision's date (\"{want}\")."),
    "check_attached_own": ("Kế hoạch ban hành kèm theo quyết định không có {what} riêng: số, "
                           "ngày, nơi nhận và chữ ký là của quyết định.",
                           "A plan issued by a decision has no {what} of its own: the number, "
                           "date, recipients and signature are the decision's."),
    "check_ok_attached": ("số, ngày, nơi nhận, chữ ký ở quyết định.",
                          "number, date, recipients and signature are the decision's."),
    "check_missing": ("Không tìm thấy {what}.", "{what} was not found."),
    "check_line_typed": ("{what} đang gõ bằng ký tự (“{found}”). Nghị định 30 yêu cầu đường kẻ "
                         "ngang, nét liền, {length}; ký tự gõ in ra thành nét đứt và dài ngắn "
                         "theo phông chữ. Cách kẻ trong Word: xóa các ký tự này, đặt con trỏ ở "
                         "{under}, chọn Trang đầu (Home) > Đường viền (Borders) > Viền dưới "
                         "(Bottom Border) rồi thu ngắn đường kẻ bằng thụt lề trái và phải "
                         "(Paragraph > Indentation); hoặc chọn Chèn (Insert) > Hình dạng "
                         "(Shapes) > Đường thẳng (Line), giữ phím Shift khi kéo để kẻ thẳng.",
                         "{what} is typed as characters (“{found}”). Decree 30 wants a drawn, "
                         "solid horizontal line, {length}; typed characters print as a broken "
                         "line whose length depends on the font. To draw it in Word: delete "
                         "the characters, put the cursor in {under}, choose Home > Borders > "
                         "Bottom Border and shorten the line with left and right indents "
                         "(Paragraph > Indentation); or choose Insert > Shapes > Line and hold "
                         "Shift while dragging."),
    "check_line_underlined": ("{what} đang là nét gạch chân dưới {found} (định dạng chữ), "
                              "không phải đường kẻ được vẽ. Nghị định 30 yêu cầu đường kẻ "
                              "ngang, nét liền, {length}; nét gạch chân chỉ dài bằng phần chữ "
                              "hoặc dấu cách được gạch và thay đổi theo phông chữ. Cách kẻ "
                              "trong Word: chọn phần gạch chân, bỏ gạch chân (Ctrl+U) và xóa "
                              "các dấu cách, dấu tab thừa, đặt con trỏ ở {under}, chọn Trang "
                              "đầu (Home) > Đường viền (Borders) > Viền dưới (Bottom Border) "
                              "rồi thu ngắn đường kẻ bằng thụt lề trái và phải; hoặc chọn Chèn "
                              "(Insert) > Hình dạng (Shapes) > Đường thẳng (Line), giữ phím "
                              "Shift khi kéo. Trong LibreOffice: bỏ gạch chân (Ctrl+U), đặt "
                              "con trỏ ở {under}, chọn Định dạng (Format) > Đoạn văn "
                              "(Paragraph) > Viền (Borders), chọn viền dưới rồi thu ngắn bằng "
                              "thụt lề (Thụt lề và giãn cách); hoặc chọn Chèn (Insert) > Hình "
                              "dạng (Shape) > Đường thẳng (Line).",
                              "{what} is an underline under {found} (character formatting), "
                              "not a drawn line. Decree 30 wants a drawn, solid horizontal "
                              "line, {length}; an underline is only as long as the letters or "
                              "blanks it is under and changes with the font. To draw it in "
                              "Word: select the underlined part, remove the underline (Ctrl+U) "
                              "and delete the spare spaces and tabs, put the cursor in "
                              "{under}, choose Home > Borders > Bottom Border and shorten the "
                              "line with left and right indents; or choose Insert > Shapes > "
                              "Line and hold Shift while dragging. In LibreOffice: remove the "
                              "underline (Ctrl+U), put the cursor in {under}, choose Format > "
                              "Paragraph > Borders, set the bottom border and shorten it with "
                              "the indents (Indents & Spacing); or choose Insert > Shape > "
                              "Line."),
    "check_line_missing": ("{what} chưa có: Nghị định 30 yêu cầu một đường kẻ ngang, nét liền, "
                           "{length}, ngay dưới {under}. Cách kẻ trong Word: đặt con trỏ ở "
                           "{under}, chọn Trang đầu (Home) > Đường viền (Borders) > Viền dưới "
                           "(Bottom Border) rồi thu ngắn đường kẻ bằng thụt lề trái và phải; "
                           "hoặc chọn Chèn (Insert) > Hình dạng (Shapes) > Đường thẳng (Line).",
                           "{what} is missing: Decree 30 wants a solid horizontal line, "
                           "{length}, right under {under}. To draw it in Word: put the cursor "
                           "in {under}, choose Home > Borders > Bottom Border and shorten the "
                           "line with left and right indents; or choose Insert > Shapes > "
                           "Line."),
    "check_line_misplaced": ("{what} có vẽ (hình đường thẳng, neo vào {anchor}) nhưng {found}; "
                             "Nghị định 30 yêu cầu đường kẻ ngay dưới {under}, ở giữa cột chữ. "
                             "Cách sửa trong Word: bấm chọn đường kẻ rồi kéo vào ngay dưới "
                             "{under} (giữ phím Shift để kéo thẳng), hoặc Bố cục (Layout) > "
                             "Vị trí (Position) > Tùy chọn bố trí khác (More Layout Options) "
                             "để căn giữa theo cột; hoặc xóa đường kẻ, đặt con trỏ ở {under}, "
                             "chọn Trang đầu (Home) > Đường viền (Borders) > Viền dưới (Bottom "
                             "Border). Trong LibreOffice: chọn đường kẻ, Định dạng (Format) > "
                             "Vị trí và kích thước (Position and Size, F4).",
                             "{what} is drawn (a line shape, anchored to {anchor}) but {found}; "
                             "Decree 30 wants the line right under {under}, centred in its "
                             "column. To fix it in Word: select the line and drag it right under "
                             "{under} (hold Shift to keep it straight), or use Layout > Position "
                             "> More Layout Options to centre it on the column; or delete it, "
                             "put the cursor in {under} and choose Home > Borders > Bottom "
                             "Border. In LibreOffice: select the line, Format > Position and "
                             "Size (F4)."),
    "check_line_far": ("{what} có vẽ (hình đường thẳng, neo vào {anchor}) nhưng ở cách {under} "
                       "khoảng {gap} cm về phía dưới; Nghị định 30 yêu cầu đường kẻ ngay dưới "
                       "{under}. Cách sửa trong Word: bấm chọn đường kẻ rồi kéo lên sát dưới "
                       "{under} (giữ phím Shift để kéo thẳng), hoặc xóa đường kẻ, đặt con trỏ "
                       "ở {under}, chọn Trang đầu (Home) > Đường viền (Borders) > Viền dưới "
                       "(Bottom Border). Trong LibreOffice: chọn đường kẻ, Định dạng (Format) "
                       "> Vị trí và kích thước (Position and Size, F4).",
                       "{what} is drawn (a line shape, anchored to {anchor}) but about {gap} cm "
                       "below {under}; Decree 30 wants the line right under {under}. To fix it "
                       "in Word: select the line and drag it up right under {under} (hold "
                       "Shift to keep it straight), or delete it, put the cursor in {under} and "
                       "choose Home > Borders > Bottom Border. In LibreOffice: select the "
                       "line, Format > Position and Size (F4)."),
    "check_line_broken": ("{what} đang là nét đứt hoặc chấm (“{found}”); Nghị định 30 yêu cầu "
                          "nét liền. Trong Word: chọn đường kẻ, đổi kiểu nét thành nét liền "
                          "(Borders and Shading > Style, hoặc Shape Outline > Dashes).",
                          "{what} is dashed or dotted (“{found}”); Decree 30 wants a solid "
                          "line. In Word: select the line and make it solid (Borders and "
                          "Shading > Style, or Shape Outline > Dashes)."),
    "check_ok_lines": ("{count} đường kẻ được vẽ, nét liền.", "{count} solid line(s) drawn."),
    "check_size": ("{what} cỡ chữ {found} (cần {want}).",
                   "{what} is {found} pt (needs {want} pt)."),
    "check_not_bold": ("{what} phải in đậm.", "{what} must be bold."),
    "check_bold": ("{what} không in đậm.", "{what} must not be bold."),
    "check_not_italic": ("{what} phải in nghiêng.", "{what} must be italic."),
    "check_italic": ("{what} không in nghiêng (đứng).", "{what} must be upright, not italic."),
    "check_not_caps": ("{what} phải viết hoa toàn bộ.", "{what} must be in capitals."),
    "check_caps": ("{what} viết thường (chỉ viết hoa chữ đầu và tên riêng), không in hoa toàn "
                   "bộ.",
                   "{what} must be in sentence case, not all capitals."),
    "check_align": ("{what} đang căn {found}, cần căn {want}.",
                    "{what} is aligned {found}; it must be {want}."),
    "check_text": ("{what} viết là \"{found}\", cần \"{want}\".",
                   "{what} reads \"{found}\"; it must read \"{want}\"."),
    "check_underlined": ("{what} không được gạch chân.", "{what} must not be underlined."),
    "check_paper_bad": ("Khổ giấy {width} × {height} mm, cần A4 (210 × 297 mm).",
                        "The paper is {width} × {height} mm; it must be A4 (210 × 297 mm)."),
    "check_ok_paper": ("A4 ở cả {count} phần (section).", "A4 in all {count} section(s)."),
    "check_margin_bad": ("Lề {side} {found} mm, cần {want} mm.",
                         "The {side} margin is {found} mm; it must be {want} mm."),
    "check_ok_margins": ("trên {top}, dưới {bottom}, trái {left}, phải {right} mm.",
                         "top {top}, bottom {bottom}, left {left}, right {right} mm."),
    "check_font_bad": ("Phông {font} ở {count} đoạn (cần Times New Roman).",
                       "The font {font} in {count} paragraph(s) (Times New Roman is required)."),
    "check_color_bad": ("Chữ màu {color} ở {count} đoạn (cần màu đen).",
                        "Text coloured {color} in {count} paragraph(s) (black is required)."),
    "check_ok_fonts": ("Times New Roman, màu đen.", "Times New Roman, black."),
    "check_motto_size_pair": ("Quốc hiệu cỡ {national} thì Tiêu ngữ phải cỡ lớn hơn một cỡ (13 và "
                              "14, hoặc 12 và 13); đang là {motto}.",
                              "With the national name at {national} pt the motto must be one "
                              "size larger (13 and 14, or 12 and 13); it is {motto}."),
    "check_agency_side": ("Tên cơ quan ban hành phải ở bên trái, Quốc hiệu ở bên phải.",
                          "The agency name goes on the left, the national name on the right."),
    "check_ok_header": ("cơ quan ban hành: {agency}", "issuing agency: {agency}"),
    "check_number_zero": ("Số văn bản nhỏ hơn 10 phải có số 0 ở đầu: viết \"{want}\", không viết "
                          "\"{found}\".",
                          "Numbers below 10 take a leading zero: write \"{want}\", not "
                          "\"{found}\"."),
    "check_symbol_bad": ("Ký hiệu \"{found}\" phải viết hoa, các nhóm chữ nối bằng \"-\" không "
                         "có dấu cách (ví dụ \"KH-UBND\").",
                         "The symbol \"{found}\" must be capitals joined by \"-\" without "
                         "spaces (e.g. \"KH-UBND\")."),
    "check_day_zero": ("Ngày nhỏ hơn 10 phải có số 0 ở đầu: viết \"ngày {want}\", không viết "
                       "\"ngày {found}\".",
                       "Days below 10 take a leading zero: write \"ngày {want}\", not \"ngày "
                       "{found}\"."),
    "check_month_zero": ("Tháng 1 và tháng 2 phải có số 0 ở đầu: viết \"tháng {want}\", không "
                         "viết \"tháng {found}\".",
                         "Months 1 and 2 take a leading zero: write \"tháng {want}\", not "
                         "\"tháng {found}\"."),
    "check_month_extra_zero": ("Từ tháng 3 đến tháng 12 không có số 0 ở đầu: viết \"tháng "
                               "{want}\", không viết \"tháng {found}\".",
                               "Months 3 to 12 take no leading zero: write \"tháng {want}\", "
                               "not \"tháng {found}\"."),
    "check_date_invalid": ("Không có ngày {found}.", "There is no such date as {found}."),
    "check_place_capital": ("Địa danh \"{found}\" phải viết hoa chữ cái đầu.",
                            "The place name \"{found}\" must start with a capital."),
    "check_summary_vv": ("Trích yếu của kế hoạch không dùng \"V/v\" (chỉ dùng cho công văn).",
                         "A plan's summary does not start with \"V/v\" (that is for letters)."),
    "check_body_align": ("{count} đoạn không căn đều hai bên (đang căn {found}).",
                         "{count} paragraph(s) not justified (aligned {found})."),
    "check_body_indent": ("{count} đoạn thụt đầu dòng {found} cm (cần 1 cm hoặc 1,27 cm).",
                          "{count} paragraph(s) with a first-line indent of {found} cm (1 or "
                          "1.27 cm is required)."),
    "check_body_spacing": ("{count} đoạn chỉ cách đoạn trên {found} pt (cần ít nhất 6 pt).",
                           "{count} paragraph(s) only {found} pt below the one above (at least "
                           "6 pt is required)."),
    "check_body_line": ("{count} đoạn giãn dòng {found} dòng (cần từ 1 đến 1,5 dòng).",
                        "{count} paragraph(s) with {found} line spacing (from single to 1.5 "
                        "lines is required)."),
    "check_body_line_exact": ("{count} đoạn giãn dòng cố định {found} pt (cần từ 1 đến 1,5 "
                              "dòng).",
                              "{count} paragraph(s) with an exact line spacing of {found} pt "
                              "(from single to 1.5 lines is required)."),
    "check_body_size": ("{count} đoạn có chữ cỡ {found} (cần {want}).",
                        "{count} paragraph(s) with {found} pt text ({want} pt is required)."),
    "check_ok_body": ("{count} đoạn.", "{count} paragraphs."),
    "check_ok_headings": ("{count} tiêu đề.", "{count} headings."),
    "check_kinh_gui": ("Kế hoạch không có dòng \"Kính gửi\" (chỉ công văn, tờ trình mới có).",
                       "A plan has no \"Kính gửi\" line (only letters and submissions do)."),
    "check_recipient_dash": ("{count} dòng nơi nhận không bắt đầu bằng dấu \"-\".",
                             "{count} recipient line(s) do not start with \"-\"."),
    "check_recipient_size": ("{count} dòng nơi nhận cỡ chữ {found} (cần 11).",
                             "{count} recipient line(s) at {found} pt (11 pt is required)."),
    "check_recipient_upright": ("{count} dòng nơi nhận in đậm hoặc nghiêng (cần chữ đứng, "
                                "thường).",
                                "{count} recipient line(s) bold or italic (plain upright text "
                                "is required)."),
    "check_recipient_semicolon": ("{count} dòng nơi nhận không kết thúc bằng dấu \";\".",
                                  "{count} recipient line(s) do not end with \";\"."),
    "check_recipient_archive": ("Dòng cuối của nơi nhận phải là \"- Lưu: VT, …\".",
                                "The last recipient line must be \"- Lưu: VT, …\"."),
    "check_recipient_archive_end": ("Dòng \"- Lưu: …\" phải kết thúc bằng dấu chấm \".\".",
                                    "The \"- Lưu: …\" line must end with a period."),
    "check_ok_recipients": ("{count} dòng.", "{count} lines."),
    "check_signer_honorific": ("Trước họ tên người ký không ghi học hàm, học vị hay danh xưng "
                               "(\"{found}\").",
                               "No academic title or honorific before the signer's name "
                               "(\"{found}\")."),
    "check_ok_signature": ("ký: {lines} / {name}", "signed: {lines} / {name}"),
    "check_signature_left_half": ("{what} chưa nằm ở nửa bên phải trang (đang căn {align}, "
                                  "thụt lề trái {indent} cm). Khối chữ ký phải ở nửa bên phải: "
                                  "căn phải, hoặc thụt lề trái ít nhất {want} cm (nửa vùng "
                                  "chữ) rồi căn giữa. Cách chắc chắn nhất trong Word: đặt khối "
                                  "chữ ký vào ô bên phải của một bảng 2 cột không kẻ viền, ô "
                                  "bên trái ghi \"Nơi nhận:\".",
                                  "{what} is not in the right half of the page (aligned "
                                  "{align}, left indent {indent} cm). The signature block "
                                  "belongs in the right half: right-aligned, or indented at "
                                  "least {want} cm (half the text width) and centred. The "
                                  "surest way in Word: put it in the right cell of a "
                                  "borderless two-column table, with \"Nơi nhận:\" in the left "
                                  "cell."),
    "check_signature_no_room": ("Giữa dòng chức vụ và họ tên người ký chỉ để trống {found} pt, "
                                "không đủ chỗ ký và đóng dấu: cần ít nhất {want} pt (khoảng 2 "
                                "dòng trống; thường để 3–4 dòng).",
                                "Only {found} pt is left between the title and the signer's "
                                "name, too little to sign and seal: at least {want} pt is "
                                "needed (about 2 empty lines; 3–4 are usual)."),
    "check_page_in_footer": ("Số trang đang ở chân trang; cần ở giữa đầu trang (lề trên).",
                             "The page number is in the footer; it belongs centered in the "
                             "header."),
    "check_page_on_first": ("Số trang hiện cả ở trang 1; trang đầu không đánh số (Word: Different "
                            "First Page).",
                            "The page number shows on page 1, which carries none (Word: "
                            "Different First Page)."),
    "check_page_format": ("Số trang dạng \"{found}\"; cần chữ số Ả Rập (1, 2, 3).",
                          "Page numbers are \"{found}\"; Arabic digits (1, 2, 3) are required."),
    "check_ok_page_numbers": ("giữa đầu trang, không hiện ở trang 1.",
                              "centered in the header, none on page 1."),
    "check_skip_no_appendix": ("không có phụ lục.", "no appendix."),
    "check_skip_no_marks": ("không có dấu độ khẩn, chỉ dẫn phạm vi lưu hành hay địa chỉ cơ quan.",
                            "no urgency stamp, circulation note or agency address."),
    "check_ok_marks": ("đúng thể thức: {found}.", "as NĐ 30 sets them: {found}."),
    "check_not_framed": ("{what} phải đặt trong khung viền đơn (kẻ khung cả bốn cạnh).",
                         "{what} must sit in a single frame (a border on all four sides)."),
    "check_urgency_color": ("Dấu độ khẩn in màu đỏ tươi (đang là màu {found}).",
                            "The urgency stamp is printed bright red (found: {found})."),
    "check_urgency_place": ("Dấu độ khẩn đặt dưới số, ký hiệu, trước tên loại văn bản (ô 10b "
                            "của Sơ đồ).",
                            "The urgency stamp goes under the number line, before the "
                            "document's name (box 10b of the layout)."),
    "check_contact_rule": ("Địa chỉ cơ quan phải nằm dưới một đường kẻ nét liền hết chiều "
                           "ngang vùng chữ (viền trên của đoạn đầu).",
                           "The agency's address must sit under a solid line across the text "
                           "width (a top border on its first paragraph)."),
    "check_contact_not_first": ("Địa chỉ cơ quan chỉ in ở trang đầu: đặt vào chân trang riêng "
                                "của trang đầu (Khác trang đầu / Different first page), không "
                                "để ở chân trang các trang sau.",
                                "The agency's address is printed on the first page only: put it "
                                "in a first-page footer (Different first page), not in the "
                                "footer of later pages."),
    "check_ok_appendix": ("{count} phụ lục.", "{count} appendix(es)."),
    "check_ok_numbering": ("{count} số thứ tự, đúng trình tự.", "{count} numbers, in order."),
    "check_numbering_section": (
        "Mục \"{found}\" không nối tiếp mục trước: số tiếp theo phải là \"{want}.\".",
        "Section \"{found}\" does not follow the one before: the next is \"{want}.\"."),
    "check_numbering_item": (
        "Số \"{found}\" nhảy cóc hoặc lùi lại: số tiếp theo phải là \"{want}\" (hoặc bắt đầu "
        "lại từ 1).",
        "\"{found}\" skips or goes back: the next number is \"{want}\" (or 1 to start "
        "again)."),
    "check_numbering_parent": (
        "\"{found}\" thuộc khoản \"{want}.\" nhưng khoản ấy không có ngay phía trên (thiếu "
        "một cấp đánh số).",
        "\"{found}\" belongs under item \"{want}.\", which is not above it (a level is "
        "missing)."),
    "check_numbering_point_style": (
        "Điểm \"{found}\" viết khác các điểm trước nó trong cùng danh sách: viết \"{want}\" "
        "(một danh sách điểm dùng một kiểu, \"a)\" theo NĐ 30 hoặc \"a.\", không trộn).",
        "Point \"{found}\" is written unlike the points before it in the same list: write "
        "\"{want}\" (one list keeps one form, \"a)\" as NĐ 30 has it or \"a.\", never both)."),
    "check_numbering_point": (
        "Điểm \"{found}\" không theo thứ tự chữ cái tiếng Việt (a, b, c, d, đ, e, g, …): "
        "điểm tiếp theo phải là \"{want}\" (hoặc bắt đầu lại từ a).",
        "Point \"{found}\" is out of the Vietnamese letter order (a, b, c, d, đ, e, g, …): "
        "the next is \"{want}\" (or a to start again)."),
    "check_appendix_order": (
        "Nhãn phụ lục \"{found}\": khi có từ hai phụ lục, đánh số La Mã theo thứ tự; nhãn này "
        "phải là \"{want}\".",
        "Appendix label \"{found}\": with two or more appendices they are numbered in Roman "
        "numerals, in order; this one is \"{want}\"."),
    "check_appendix_own_section": (
        "\"{label}\" không bắt đầu một section riêng (trang và số trang riêng): chèn ngắt "
        "section (Word: Layout > Breaks > Next Page) trước nhãn phụ lục.",
        "\"{label}\" does not start a section of its own (its own pages and numbers): insert "
        "a section break (Word: Layout > Breaks > Next Page) before the label."),
    "check_skip_no_data_table": ("không có bảng số liệu.", "no data table."),
    "check_table_row_split": (
        "Bảng {table} có {count} dòng có thể bị ngắt sang trang sau (Word: bỏ chọn \"Allow "
        "row to break across pages\").",
        "Table {table} has {count} rows a page break may cut (Word: clear \"Allow row to "
        "break across pages\")."),
    "check_table_too_wide": (
        "Bảng {table} rộng {width} mm, vượt bề rộng vùng chữ {room} mm: thu hẹp các cột hoặc "
        "đặt bảng ở trang nằm ngang.",
        "Table {table} is {width} mm wide, wider than the {room} mm text area: narrow its "
        "columns or put it on a landscape page."),
    "check_header_row": ("Dòng tiêu đề của bảng {table} không lặp lại ở đầu mỗi trang (Word: "
                         "Repeat as header row).",
                         "Table {table}'s heading row does not repeat on each page (Word: "
                         "Repeat as header row)."),
    "check_skip_no_appendix_table": ("không có bảng phụ lục.", "no appendix table."),
    "check_ok_tables": ("{count} bảng.", "{count} table(s)."),
    # plangen check: report
    "check_status_pass": ("ĐẠT", "PASS"),
    "check_status_fail": ("KHÔNG ĐẠT", "FAIL"),
    "check_status_skip": ("BỎ QUA", "SKIP"),
    "check_status_advice": ("NÊN SỬA", "ADVICE"),
    "check_file_advice": (
        "{count} mục \"NÊN SỬA\" là thông lệ trình bày, NĐ 30 không quy định: văn bản vẫn đạt.",
        "{count} \"ADVICE\" items are layout practice NĐ 30 does not require: the document "
        "still passes."),
    "check_where": (" Ở {where}.", " At {where}."),
    "check_where_paragraph": ("đoạn {paragraph}", "paragraph {paragraph}"),
    "check_where_cell": ("bảng {table}, hàng {row}, ô {cell}", "table {table}, row {row}, cell "
                         "{cell}"),
    "check_where_header": ("đầu trang (header)", "the header"),
    "check_where_footer": ("chân trang (footer)", "the footer"),
    "check_where_section": ("phần (section) {section}", "section {section}"),
    "check_more": ("… và {count} chỗ khác (xem --json).", "… and {count} more (see --json)."),
    "check_file_header": ("Kiểm tra {file}", "Checking {file}"),
    "check_file_summary": ("Kết quả: {passed} đạt, {failed} không đạt, {skipped} bỏ qua.",
                           "Result: {passed} passed, {failed} failed, {skipped} skipped."),
    "check_all_summary": ("{files} tệp, {failed} tệp không đạt.",
                          "{files} files, {failed} failed."),
    "check_output_failed": ("Tệp Word tạo ra không đạt kiểm tra thể thức NĐ 30: {detail}",
                            "The Word file made does not pass the NĐ 30 format check: {detail}"),
    "check_file_too_large": ("Tệp \"{path}\" quá lớn để kiểm tra (tối đa {limit} byte).",
                             "\"{path}\" is too large to check (at most {limit} bytes)."),
    "check_is_directory": ("\"{path}\" là thư mục; ghi tên tệp .docx cần kiểm tra.",
                           "\"{path}\" is a folder; give the .docx file to check."),
    "check_missing_file": ("Không tìm thấy tệp \"{path}\". Kiểm tra lại đường dẫn.",
                           "No such file: \"{path}\". Check the path."),
    "extract_summary_vv": (
        "Trích yếu gốc bắt đầu bằng \"V/v\"; kế hoạch không dùng \"V/v\" (chỉ công văn dùng, NĐ 30 "
        "PL1 II.5.b), nên plangen bỏ đi.",
        "The source's summary starts with \"V/v\"; a plan does not use it (letters only, NĐ 30 "
        "PL1 II.5.b), so plangen dropped it."),
    # the free structure: sections, blocks, tables, appendices (issue 11)
    "classic_with_sections": (
        "Kế hoạch đã có danh sách \"sections:\", nên không dùng khóa \"{key}:\" nữa: chuyển "
        "nội dung của nó thành một mục trong \"sections:\" (role: {key}).",
        "The plan lists its own \"sections:\", so \"{key}:\" is not used: move its content "
        "into a section of \"sections:\" (role: {key})."),
    "appendix_and_appendices": (
        "Dùng \"appendices:\" (danh sách phụ lục) thay cho \"appendix:\" khi kế hoạch có "
        "\"sections:\".",
        "Use \"appendices:\" (a list) instead of \"appendix:\" in a plan with \"sections:\"."),
    "appendix_label_upper": (
        "Dòng \"{value}\" in hoa toàn bộ: NĐ 30 (PL1 III.1.b) in dòng phụ lục chữ thường, đậm. "
        "Viết: label: {ordinary}",
        "\"{value}\" is all capitals: NĐ 30 (PL1 III.1.b) prints the appendix line in ordinary "
        "case, bold. Write: label: {ordinary}"),
    "role_lettered_under_point": (
        "Dòng vai trò đánh chữ (role_style: {style}) dưới một điểm a), b) …: hai danh sách chữ "
        "cái lồng nhau, người đọc (và plangen check) không phân biệt được. Dưới điểm chỉ còn "
        "\"- \" và \"+ \" (NĐ 30 PL1 II.6.đ): dùng role_style: dash hoặc plain cho điểm này.",
        "Role lines lettered (role_style: {style}) under a point a), b) …: two lists of "
        "letters one inside the other, which a reader (and plangen check) cannot tell apart. "
        "Below a point only \"- \" and \"+ \" remain (NĐ 30 PL1 II.6.đ): give this point "
        "role_style: dash or plain."),
    "section_no_heading": (
        "Mục này không có tên mục (heading): chỉ mục mở đầu một phần (có part) mới được để "
        "nội dung ngay dưới tên phần. Thêm heading: TÊN MỤC.",
        "This section has no heading: only a section that opens a part (with part:) may put "
        "its content right under the part's title. Add heading: TITLE."),
    "part_not_first": (
        "Kế hoạch chia phần: mục đầu tiên phải mở \"Phần I\" (có khóa part), nhưng phần đầu "
        "tiên bắt đầu ở mục thứ {first}. Thêm part: cho mục đầu, hoặc bỏ các khóa part.",
        "A plan in parts opens \"Phần I\" with its first section (a part: key), but the first "
        "part starts at section {first}. Give the first section a part:, or drop the part: keys."),
    "part_typed_label": (
        "Tên phần gõ kèm \"{label}\": plangen tự in \"Phần I\", \"Phần II\" … trên dòng riêng; "
        "chỉ gõ tên phần (\"KẾT QUẢ THỰC HIỆN NĂM 2025\").",
        "The part's title is typed with \"{label}\": plangen prints \"Phần I\", \"Phần II\" … "
        "on a line of its own; type the title alone (\"KẾT QUẢ THỰC HIỆN NĂM 2025\")."),
    "appendices_need_sections": (
        "\"appendices:\" đi cùng \"sections:\"; kế hoạch bốn mục cố định dùng \"appendix:\".",
        "\"appendices:\" goes with \"sections:\"; a plan with the four fixed sections uses "
        "\"appendix:\"."),
    "section_role_missing": (
        "Thiếu mục bắt buộc có vai trò \"{role}\": thêm một mục với \"role: {role}\", hoặc "
        "nếu kế hoạch thật sự không có mục này thì ghi lý do ở \"missing: {{{role}: …}}\".",
        "The required section with role \"{role}\" is missing: add a section with "
        "\"role: {role}\", or, if the plan really has none, give the reason under "
        "\"missing: {{{role}: …}}\"."),
    "section_role_twice": (
        "Vai trò \"{role}\" đã dùng cho mục thứ {first}; mỗi vai trò chỉ một mục. Bỏ dòng "
        "\"role:\" này.",
        "Role \"{role}\" is already given to section {first}; one section per role. Remove "
        "this \"role:\" line."),
    "missing_but_present": (
        "Mục thứ {index} có vai trò \"{role}\", nên không ghi \"{role}\" trong \"missing:\".",
        "Section {index} has the role \"{role}\", so \"{role}\" cannot be under "
        "\"missing:\"."),
    "section_stated_missing": (
        "Kế hoạch không có mục \"{role}\": {reason}",
        "The plan has no \"{role}\" section: {reason}"),
    "block_no_line": (
        "Khối này chưa có dòng nào: cần một trong các khóa {allowed} (hoặc table).",
        "This block has no line: it needs one of the keys {allowed} (or table)."),
    "block_two_lines": (
        "Một khối chỉ có một dòng: \"{first}\" và \"{second}\" ở cùng khối. Tách thành hai "
        "khối (hai dòng \"- \"), hoặc đưa \"{second}\" vào \"content:\".",
        "One block holds one line: \"{first}\" and \"{second}\" are in the same block. Make "
        "two blocks (two \"- \" entries), or put \"{second}\" under \"content:\"."),
    "inline_unclosed": (
        "Dấu \"{marker}\" mở mà không đóng (gần \"{near}\"). Viết **đậm**, *nghiêng*, "
        "__gạch chân__, ^[chú thích]; muốn in dấu * thì viết \\*.",
        "\"{marker}\" is opened but never closed (near \"{near}\"). Write **bold**, *italic*, "
        "__underline__, ^[footnote]; for a literal * write \\*."),
    "appendix_table_no_header": (
        "Bảng trong phụ lục cần dòng tiêu đề để in lặp lại ở đầu mỗi trang: thêm "
        "\"header:\" với tên các cột, vd. header: [[STT, Nội dung, Đơn vị chủ trì]].",
        "A table in an appendix needs a heading row, repeated at the top of each page: add "
        "\"header:\" with the column names, e.g. header: [[STT, Nội dung, Đơn vị chủ trì]]."),
    "table_bold_first_row": (
        "Bảng không có dòng tiêu đề mà dòng đầu in đậm (dòng nhóm hoặc ô đậm): người đọc và "
        "plangen check hiểu đó là dòng tiêu đề, phải in lặp lại ở mỗi trang. Thêm \"header:\" "
        "với tên các cột trước dòng này, vd. header: [[STT, Nội dung, Số lượng]].",
        "The table has no heading row and its first row is bold (a group row or bold cells): "
        "readers and plangen check take it for the heading row, which repeats on each page. "
        "Add \"header:\" with the column names before it, e.g. header: [[STT, Nội dung, Số "
        "lượng]]."),
    "footnote_empty": (
        "Chú thích \"^[]\" không có chữ nào. Viết lời chú thích trong ngoặc vuông, "
        "vd. ^[Theo Luật số 134/2025/QH15], hoặc bỏ dấu ^[].",
        "The footnote \"^[]\" has no text. Write the note inside the brackets, e.g. "
        "^[Under Law No. 134/2025/QH15], or remove the ^[]."),
    "footnote_alone": (
        "Dòng \"{text}\" chỉ có chú thích, không có chữ nào để in. Viết nội dung của dòng, "
        "rồi đặt ^[chú thích] ngay sau chữ cần chú thích.",
        "The line \"{text}\" holds only a footnote: it has no words to print. Write the "
        "line's text, then put ^[footnote] right after the words it explains."),
    "row_too_wide": (
        "Dòng {row} có {cells} ô, nhiều hơn {width} cột của bảng. Bớt ô, hoặc thêm cột ở "
        "\"columns:\".",
        "Row {row} has {cells} cells, more than the table's {width} columns. Remove a cell, or "
        "add a column under \"columns:\"."),
    "span_past_table": (
        "Ô gộp cột ở dòng {row} vượt quá mép phải bảng ({cells} > {width} cột). Giảm \"cols\".",
        "The cell spanning columns in row {row} runs past the table's right side ({cells} > "
        "{width} columns). Lower \"cols\"."),
    "span_past_rows": (
        "Ô gộp {rows} dòng nhưng bên dưới chỉ còn {left} dòng (kể cả dòng này). Giảm \"rows\".",
        "The cell spans {rows} rows but only {left} are left (this one included). Lower "
        "\"rows\"."),
    "group_not_alone": (
        "Ô \"group\" (dòng nhóm) phải là ô duy nhất của dòng: viết [{{group: \"I. …\"}}].",
        "A \"group\" cell (a group row) must be the row's only cell: write "
        "[{{group: \"I. …\"}}]."),
    "total_not_alone": (
        "Ô \"total\"/\"subtotal\" (dòng tổng) phải là ô duy nhất của dòng: viết "
        "[{{subtotal: \"Cộng\", sum: [3, 4]}}].",
        "A \"total\"/\"subtotal\" cell (a total row) must be the row's only cell: write "
        "[{{subtotal: \"Cộng\", sum: [3, 4]}}]."),
    "role_items_no_role": (
        "\"role_items\" in \"{key}\" thành từng dòng nhưng khối không có \"{key}\": thêm "
        "\"{key}: [...]\" hoặc bỏ dòng này.",
        "\"role_items\" lists \"{key}\" one a line, but the block has no \"{key}\": add "
        "\"{key}: [...]\" or drop this line."),
    "total_key_alone": (
        "\"{key}\" chỉ dùng trong ô của dòng tổng ({{total: …}} hoặc {{subtotal: …}}).",
        "\"{key}\" belongs to a total row's cell only ({{total: …}} or {{subtotal: …}})."),
    "total_in_header": (
        "Dòng tổng không đặt trong \"header\": chuyển nó xuống \"rows\".",
        "A total row cannot be a header row: move it to \"rows\"."),
    "total_row_no_sum": (
        "Dòng tổng không biết cộng cột nào: thêm \"sum: [3, 4]\" (các cột đếm từ 1) vào dòng, "
        "hoặc \"total: {{sum: [...]}}\" cho cả bảng.",
        "The total row does not say which columns to add: give it \"sum: [3, 4]\" (columns "
        "counted from 1), or the table a \"total: {{sum: [...]}}\"."),
    "total_column_outside": (
        "Cột {column} không có trong bảng (bảng có {width} cột).",
        "Column {column} is not in the table (it has {width} columns)."),
    "total_values_count": (
        "Có {values} số tổng nhưng {sum} cột được cộng: mỗi cột trong \"sum\" một số.",
        "{values} written totals for {sum} summed columns: one figure per column in \"sum\"."),
    "total_mismatch": (
        "Tổng cột {column} ghi là {written} nhưng cộng các dòng được {computed}. Sửa số liệu "
        "các dòng hoặc số tổng (hoặc bỏ \"values\" để plangen tự cộng).",
        "The total of column {column} is written as {written} but its rows add up to "
        "{computed}. Fix the rows or the total (or drop \"values\" and let plangen add up)."),
    "appendix_column_shape": (
        "Cột \"{key}\" không có gì để in: \"{key}\" là khóa định dạng của nhiệm vụ (kiểu dòng "
        "vai trò, nhãn, dấu đầu dòng …), không phải giá trị của một ô. Dùng một cột lấy từ "
        "nhiệm vụ ({columns}), hoặc đặt cho cột một khóa riêng (vd. \"ghi-chu\") và ghi giá "
        "trị ở cells: của từng nhiệm vụ.",
        "Column \"{key}\" has nothing to print: \"{key}\" shapes how a task prints (role line "
        "style, labels, markers …), it is not a cell's value. Use a column taken from the "
        "tasks ({columns}), or give the column a key of its own (e.g. \"ghi-chu\") and its "
        "value in each task's cells:."),
    "appendix_column_typo": (
        "Cột \"{key}\" sẽ để trống ở mọi dòng: đây không phải cột lấy từ nhiệm vụ và không "
        "nhiệm vụ nào ghi \"{key}\" trong cells:. Có phải ý là \"{close}\"?",
        "Column \"{key}\" will be blank on every row: it is not a column taken from the tasks "
        "and no task gives \"{key}\" in its cells:. Did you mean \"{close}\"?"),
    "appendix_column_empty": (
        "Cột \"{key}\" để trống ở mọi dòng: không nhiệm vụ nào ghi \"{key}\" trong cells:. Giữ "
        "nguyên nếu cột để người nhận điền tay; nếu không, ghi giá trị ở cells: của nhiệm vụ "
        "hoặc dùng một cột lấy từ nhiệm vụ ({columns}).",
        "Column \"{key}\" is blank on every row: no task gives \"{key}\" in its cells:. Keep it "
        "if the column is left for readers to fill in; otherwise give the values in the tasks' "
        "cells: or use a column taken from the tasks ({columns})."),
    "appendix_tasks_or_content": (
        "Phụ lục cần đúng một trong hai: \"from_tasks: true\" (bảng phân công từ nhiệm vụ) "
        "hoặc \"content:\" (bảng số liệu, văn bản).",
        "An appendix needs exactly one of \"from_tasks: true\" (a task table from the tasks) "
        "or \"content:\" (a data table, text)."),
    "appendix_not_defined": (
        "Văn bản nhắc đến \"{label}\" nhưng kế hoạch không có phụ lục này (có: {defined}).{hint}",
        "The text refers to \"{label}\" but the plan has no such appendix (it has: "
        "{defined}).{hint}"),
}


def current_lang(explicit: str | None = None) -> Lang:
    """`explicit`, else PLANGEN_LANG, else Vietnamese."""
    lang = (explicit or os.environ.get("PLANGEN_LANG") or "vi").lower()
    return "en" if lang.startswith("en") else "vi"


def message(code: str, lang: Lang = "vi", **params: Any) -> str:
    """The message for `code` in `lang`, with its parameters filled in."""
    vi, en = CATALOG.get(code, CATALOG["internal"])
    english = lang == "en"
    values = {key: _render_param(key, value, english) for key, value in params.items()}
    values.setdefault("detail", code)
    try:
        return (en if english else vi).format(**values)
    except (KeyError, IndexError):
        return f"{code}: {params}"


_HINTS = {
    "did_you_mean": (" Có phải là \"{value}\"?", " Did you mean \"{value}\"?"),
    "vietnamese_key": (" Khóa `{key}` viết là `{value}` (tên khóa viết bằng tiếng Anh, nội "
                       "dung viết bằng tiếng Việt): {value}: …",
                       " Key `{key}` is written `{value}` (keys are in English, their values in "
                       "Vietnamese): {value}: …"),
    "allowed": (" Các khóa dùng được ở đây: {value}. Sửa tên khóa hoặc xóa dòng.",
                " Keys allowed here: {value}. Fix the key or delete the line."),
    "known": (" Các mã có: {value}.", " Known ids: {value}."),
    "summary_opening": (" Phần sau tên loại đưa vào đầu trích yếu: summary: {value} …",
                        " Put what follows the type at the start of the summary: "
                        "summary: {value} …"),
    "text_with_colon": (" Có vẻ đây là văn bản chứa dấu \": \": đặt cả dòng trong ngoặc kép.",
                        " This looks like text holding \": \": put the whole line in quotes."),
}
_READ_AS = {
    "number": ("số {value}", "the number {value}"),
    "boolean": ("giá trị đúng/sai ({value})", "the boolean {value}"),
    "date": ("ngày tháng ({value})", "a date ({value})"),
    "other": ("{value}", "{value}"),
}


def _render_param(key: str, value: Any, english: bool) -> Any:
    if key == "hint":
        kind, text, *named = value if isinstance(value, tuple) else ("did_you_mean", value)
        if not text or kind not in _HINTS:
            return ""
        return _HINTS[kind][english].format(value=text, key=named[0] if named else "")
    if key == "read_as" and isinstance(value, tuple):
        kind, text = value
        return _READ_AS.get(kind, _READ_AS["other"])[english].format(value=text)
    if key == "problems":  # (code, tag, what, where, found) of each template tag problem
        lang: Lang = "en" if english else "vi"
        lines = []
        for code, tag, what, where, found in value:
            place = message(found, lang) if found.startswith("tag_found_") else \
                message("tag_found_part", lang, part=found)
            lines.append("\n  - " + message(code, lang, tag=tag, what=message(what, lang),
                                            where=message(where, lang), found=place))
        return "".join(lines)
    if key == "more":  # how many more of the same kind follow the one named
        if not value:
            return ""
        return f" and {value} more" if english else f" và {value} chỗ khác"
    if key == "fix":  # (code, params) of a hint sentence appended to the message
        if not value:
            return ""
        code, params = value
        return " " + message(code, "en" if english else "vi", **params)
    if key in ("units", "close_units"):  # (full name, province, code) of each unit
        units = "; ".join(_unit_text(unit, english) for unit in value)
        if key == "units" or not units:
            return units
        return (" Close: " if english else " Gần giống: ") + units + "."
    if key in ("expected", "got"):
        kinds = value if isinstance(value, list) else [value]
        names = [_KIND_NAMES.get(k, (k, k))[1 if english else 0] for k in kinds]
        return (" or " if english else " hoặc ").join(names)
    return value


def _unit_text(unit: tuple[str, str, str], english: bool) -> str:
    """ "xã Tân Mỹ, tỉnh Quảng Trị (mã 19291)"."""
    name, province, code = unit
    where = f"{name}, {province}" if province else name
    return f"{where} ({'code' if english else 'mã'} {code})"


def format_path(path: tuple[str | int, ...]) -> str:
    """ "tasks.items[2].lead": list positions count from 1, as officers count."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
