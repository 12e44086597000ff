"""Word-level comparison of a produced document with a reference text (the seed plans).

`words` turns text into comparable words: NFC, lower case, punctuation and the seeds'
extraction marks (`**`, `##`, `*`) dropped. `in_order_ratio` says how much of the reference
survives, in its order, in the produced text: the longest common subsequence (LCS) of the two
word lists over the reference length. The LCS is computed bit-parallel (Hyyrö 2004): one
Python integer holds a DP row, so 3,000 × 3,000 words take milliseconds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Markdown emphasis and heading marks the seed extraction left in the text.
_ARTIFACTS = re.compile(r"\*+|#+")
# A word: a run of letters and digits. Everything else ("/", "-", ":", "(", ".") separates,
# so "367/QĐ-TTg" and "Số: 213 /KH-UBND" compare however the spacing around marks was typed.
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The words of `text`: NFC, lower case, without punctuation or extraction marks."""
    text = unicodedata.normalize("NFC", text)
    text = _ARTIFACTS.sub(" ", text)
    return _WORD.findall(text.lower())


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence of `a` and `b` (bit-vector algorithm)."""
    if len(a) < len(b):
        a, b = b, a  # the longer list becomes the bit vector
    positions: dict[str, int] = {}
    for index, word in enumerate(a):
        positions[word] = positions.get(word, 0) | (1 << index)
    mask = (1 << len(a)) - 1
    row = mask  # a 1 bit: that position of `a` is not (yet) used by the LCS
    for word in b:
        matches = row & positions.get(word, 0)
        row = ((row + matches) | (row - matches)) & mask
    return len(a) - row.bit_count()


def in_order_ratio(reference_words: Sequence[str], produced_words: Sequence[str]) -> float:
    """Share of `reference_words` found in `produced_words` in the same order (0.0–1.0)."""
    if not reference_words:
        return 1.0
    return lcs_length(reference_words, produced_words) / len(reference_words)


def missing_runs(reference_words: Sequence[str], produced_words: Sequence[str],
                 context: int = 3) -> list[str]:
    """Reference passages absent from the produced words, for a readable failure message.

    Uses a plain DP over the two lists, so call it only when the ratio test fails.
    """
    n, m = len(reference_words), len(produced_words)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = table[i], table[i + 1]
        for j in range(m - 1, -1, -1):
            if reference_words[i] == produced_words[j]:
                row[j] = below[j + 1] + 1
            else:
                row[j] = max(below[j], row[j + 1])
    kept = [False] * n
    i = j = 0
    while i < n and j < m:
        if reference_words[i] == produced_words[j]:
            kept[i] = True
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    runs: list[str] = []
    start = None
    for index in range(n + 1):
        if index < n and not kept[index]:
            start = index if start is None else start
        elif start is not None:
            before = " ".join(reference_words[max(0, start - context):start])
            gap = " ".join(reference_words[start:index])
            runs.append(f"…{before} [{gap}]")
            start = None
    return runs
