"""The bytes of each paragraph and table at the top of a document's body, cut from its part.

A batch writes thousands of plans through one template: most of their body paragraphs, and
often the signature table, are the same bytes in every plan. The reader (check_format)
remembers what it read of such a block by the block's bytes and reads it again only when the
bytes differ. This module cuts those bytes out of document.xml without a parser, and only where
the cut is certain to match the parsed tree:

- no comment, CDATA section, DOCTYPE or processing instruction after the XML declaration
  (the only places where a "<w:p" could be text), and no namespace declared below the root
  (so a prefix means the same in every block, namely what the root says);
- the root binds `w` to WordprocessingML;
- the body holds only paragraphs, tables, the final section properties and bookmarks, and
  the cut finds as many blocks as the tree has paragraphs and tables there.

In well-formed XML, outside those exclusions every "<" opens a tag, so the start and end tags
of w:p and w:tbl found below are exactly the tree's; nesting gives each top-level block's span.
"""

from __future__ import annotations

import re

from lxml import etree

from plangen.wordml import W_NS, W

# a w:p or w:tbl start, end or empty-element tag; attribute values may hold ">" (quoted)
_BLOCK_TAG = re.compile(
    rb"<(/?)w:(?:p|tbl)(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*(/?)>")
_BODY = b"<w:body>"
_P, _TBL = W + "p", W + "tbl"
_PLAIN_CHILDREN = frozenset({_P, _TBL, W + "sectPr", W + "bookmarkStart", W + "bookmarkEnd"})


def body_blocks(data: bytes | None, document: etree._Element,
                body: etree._Element) -> list[bytes] | None:
    """The bytes of each w:p and w:tbl child of `body`, in document order, cut from `data`
    (the bytes `document` was parsed from); None when the cut cannot be certain."""
    if data is None or document.nsmap.get("w") != W_NS or b"<!" in data \
            or data.count(b"<?") > (1 if data.lstrip(b"\xef\xbb\xbf").startswith(b"<?xml")
                                    else 0):
        return None
    start = data.find(_BODY)
    if start < 0 or data.find(b"xmlns", start) >= 0:
        return None
    blocks = 0
    for child in body:
        tag = child.tag
        if tag not in _PLAIN_CHILDREN:
            return None
        blocks += tag in (_P, _TBL)
    spans: list[bytes] = []
    depth = begin = 0
    for match in _BLOCK_TAG.finditer(data, start):
        if match.group(1):  # an end tag
            depth -= 1
            if not depth:
                spans.append(data[begin:match.end()])
        elif match.group(2):  # an empty element, <w:p/>
            if not depth:
                spans.append(match.group())
        else:
            if not depth:
                begin = match.start()
            depth += 1
    return spans if len(spans) == blocks and not depth else None
