"""The word-match tool behind the seed fidelity tests must itself be right."""

from __future__ import annotations

import random

from support.wordmatch import in_order_ratio, lcs_length, missing_runs, words

SENTENCE = "Cơ quan chủ trì: Sở Khoa học và Công nghệ."


def dp_lcs(a: list[str], b: list[str]) -> int:
    """Textbook O(n·m) LCS, the oracle for the bit-parallel one."""
    row = [0] * (len(b) + 1)
    for x in a:
        previous_diagonal = 0
        for j, y in enumerate(b, start=1):
            above = row[j]
            row[j] = previous_diagonal + 1 if x == y else max(row[j], row[j - 1])
            previous_diagonal = above
    return row[-1]


def test_words_lowercase_without_punctuation() -> None:
    assert words(SENTENCE) == ["cơ", "quan", "chủ", "trì", "sở", "khoa", "học", "và",
                               "công", "nghệ"]


def test_words_drop_extraction_marks() -> None:
    assert words("**TM.ỦY BAN NHÂN DÂN** (*sau đây viết tắt là Luật*) ## I.") == [
        "tm", "ủy", "ban", "nhân", "dân", "sau", "đây", "viết", "tắt", "là", "luật", "i"]


def test_words_normalize_to_nfc() -> None:
    decomposed = "Nghe\u0302\u0323 An"  # "Nghệ" typed with combining marks
    assert words(decomposed) == ["nghệ", "an"]


def test_words_split_document_symbols() -> None:
    assert words("Số: 213 /KH-UBND") == words("Số:213/KH-UBND") == ["số", "213", "kh", "ubnd"]


def test_identical_text_gives_one() -> None:
    text = words(SENTENCE)
    assert in_order_ratio(text, list(text)) == 1.0


def test_extra_produced_words_do_not_lower_the_ratio() -> None:
    assert in_order_ratio(words(SENTENCE), words(f"a) {SENTENCE} Thêm; nữa.")) == 1.0


def test_missing_words_lower_the_ratio() -> None:
    reference = words(SENTENCE)
    produced = words("Cơ quan chủ trì: Sở Công nghệ.")
    assert in_order_ratio(reference, produced) == 7 / 10


def test_reordered_words_lower_the_ratio() -> None:
    reference = words("một hai ba bốn năm sáu")
    produced = words("bốn năm sáu một hai ba")
    assert in_order_ratio(reference, produced) == 0.5


def test_empty_reference_is_fully_matched() -> None:
    assert in_order_ratio([], words(SENTENCE)) == 1.0
    assert in_order_ratio(words(SENTENCE), []) == 0.0


def test_bit_parallel_lcs_agrees_with_dynamic_programming() -> None:
    rng = random.Random(2026)
    for _ in range(300):
        a = rng.choices("abcde", k=rng.randint(0, 40))
        b = rng.choices("abcde", k=rng.randint(0, 40))
        assert lcs_length(a, b) == dp_lcs(a, b) == lcs_length(b, a)


def test_missing_runs_names_the_lost_passage() -> None:
    reference = words("Cơ quan chủ trì: Sở Khoa học và Công nghệ.")
    produced = words("Cơ quan chủ trì: Sở Công nghệ.")
    assert missing_runs(reference, produced) == ["…chủ trì sở [khoa học và]"]
