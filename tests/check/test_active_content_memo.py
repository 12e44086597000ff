"""find_active_content remembers each part's findings by its name and bytes (a batch's
parts are mostly the template's): remembering never changes what it finds."""

from __future__ import annotations

from plangen.activecontent import find_active_content

RELS = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/image" Target="%s" '
        b'TargetMode="External"/></Relationships>')


def test_the_same_bytes_give_the_same_findings_and_new_bytes_new_ones() -> None:
    parts = {"word/_rels/document.xml.rels": RELS % b"http://a.example/x.png"}
    first = find_active_content(parts)
    assert [(item.kind, item.target) for item in first] == [
        ("external", "http://a.example/x.png")]
    assert find_active_content(parts) == first
    changed = {"word/_rels/document.xml.rels": RELS % b"http://b.example/y.png"}
    assert [item.target for item in find_active_content(changed)] == ["http://b.example/y.png"]
    moved = {"word/_rels/header1.xml.rels": RELS % b"http://a.example/x.png"}
    assert [item.part for item in find_active_content(moved)] == ["word/_rels/header1.xml.rels"]
    assert find_active_content({}) == []
