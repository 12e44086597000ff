"""The inline syntax (plangen/inline.py): what it reads as emphasis and footnotes, and what
officers type that must stay plain characters."""

from __future__ import annotations

import pytest

from plangen.inline import InlineError, escape, parse_inline, plain_text


def _marks(text: str) -> list[tuple[str, str]]:
    """(text, its emphasis letters b/i/u or "note") of each span of `text`."""
    out = []
    for span in parse_inline(text):
        if span.footnote is not None:
            out.append(("".join(s.text for s in span.footnote), "note"))
        else:
            look = "b" * span.bold + "i" * span.italic + "u" * span.underline
            out.append((span.text, look))
    return out


def test_each_marker_and_a_footnote() -> None:
    assert _marks("**đậm**, *nghiêng*, __gạch__^[Chú thích.] hết") == [
        ("đậm", "b"), (", ", ""), ("nghiêng", "i"), (", ", ""), ("gạch", "u"),
        ("Chú thích.", "note"), (" hết", "")]
    assert _marks("**Điều 1 *sửa đổi* nay**") == [
        ("Điều 1 ", "b"), ("sửa đổi", "bi"), (" nay", "b")]
    assert _marks("***Quý II*** và __**x**__") == [
        ("Quý II", "bi"), (" và ", ""), ("x", "bu")]


@pytest.mark.parametrize("text", [
    "Số: ______/KH-UBND", "Họ và tên: ___________ ký ___", "* Nội dung cần làm",
    "Diện tích 5 * 3 m", "a_b_c", "snake_case", "Tỉ lệ 50 % * hệ số", "Ghi chú: ** ",
])
def test_what_officers_type_as_characters_stays_plain(text: str) -> None:
    assert _marks(text) == [(text, "")]
    assert plain_text(text) == text


@pytest.mark.parametrize(("text", "marker", "offset"), [
    ("Chỉ tiêu (*) bắt buộc", "*", 10), ("**đậm mà không đóng", "**", 0),
    ("chú thích ^[mở", "^[", 10), ("__gạch *lồng__ sai*", "__", 0),
])
def test_an_unclosed_marker_says_which_and_where(text: str, marker: str, offset: int) -> None:
    with pytest.raises(InlineError) as caught:
        parse_inline(text)
    assert (caught.value.marker, caught.value.offset) == (marker, offset)


@pytest.mark.parametrize("text", [
    "Chỉ tiêu (*) bắt buộc", "**không đậm**", "a __b__ c", "^[x]", "\\*", "Số: ______",
    "{{ ''.__class__.__mro__ }}", "một \\ gạch",
])
def test_escaped_text_prints_as_written(text: str) -> None:
    assert _marks(escape(text)) == [(text, "")]


def test_plain_text_drops_markers_and_footnotes() -> None:
    assert plain_text("Sở **Tư pháp**^[Cơ quan thường trực.]") == "Sở Tư pháp"
    assert plain_text("dấu *mở") == "dấu *mở"  # a bad marker: the text as typed
