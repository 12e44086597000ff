"""A spec's placeholders are rendered in one Jinja run (spec.placeholders): the result, the
issues and the paths filled are exactly those of rendering each text alone, whatever the texts
hold; a text that cannot go with the others makes every text be rendered alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.spec_edits import nodes

from plangen.batch.localities import find_province
from plangen.batch.selection import select_localities
from plangen.errors import Path as FieldPath
from plangen.errors import SpecIssue
from plangen.spec import placeholders
from plangen.spec.assemble import placeholder_fields
from plangen.spec.compose import compose_spec
from plangen.spec.merge import Node, plain
from plangen.spec.placeholders import fill_placeholders
from plangen.spec.presets import expand_presets

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ai-law"


TOGETHER = placeholders._render_together


def both_ways(spec: Node, fields: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> tuple[
        tuple[object, list[SpecIssue], list[FieldPath]], bool]:
    """(what filling gives, asserted the same both ways), and whether one run did it."""
    runs: list[bool] = []
    together = TOGETHER

    def spied(texts: list[str], values: dict[str, object]) -> list[str] | None:
        result = together(texts, values)
        runs.append(result is not None)
        return result

    monkeypatch.setattr(placeholders, "_render_together", spied)
    paths: list[FieldPath] = []
    filled, issues = fill_placeholders(spec, fields, paths)
    monkeypatch.setattr(placeholders, "_render_together", lambda *args: None)
    alone_paths: list[FieldPath] = []
    alone, alone_issues = fill_placeholders(spec, fields, alone_paths)
    assert plain(filled) == plain(alone)
    assert issues == alone_issues and paths == alone_paths
    return (plain(filled), issues, paths), runs == [True]


HUE = {"locality": find_province("Huế").placeholders()}


def test_every_base_of_the_example_fills_the_same_in_one_run(
        monkeypatch: pytest.MonkeyPatch) -> None:
    for base, selector in (("base.yaml", "all-provinces"), ("commune.yaml", "all-communes")):
        spec = expand_presets(compose_spec(EXAMPLE / base))[0]
        for selected in select_localities(selector)[::11]:
            _, one_run = both_ways(spec, placeholder_fields(selected.locality), monkeypatch)
            texts: list[str] = []
            placeholders._templated_texts(spec, texts)
            assert one_run and len(texts) >= 10, base


@pytest.mark.parametrize("texts", [
    ["{{ locality.name }}", "  {{- locality.name -}}  ", "x {{ locality.name }} y"],
    ["{{ '}}' ~ locality.name }}", "{{ '{{' }}", "{ {{ locality.code }} }"],
    ["{{ locality.name | upper }}", "{{ locality.full_name | replace('a', 'b') }}"],
    ["a\r\nb {{ locality.name }}", "c\rd {{ locality.code }}", "{{ locality.name }} e\n f"],
    ["Hue\u0301 {{ locality.name }}", "{{ locality.name }}\u0301"],  # NFC after rendering
])
def test_texts_of_every_kind_fill_the_same_in_one_run(texts: list[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    spec = nodes({"items": texts, "more": {"summary": texts[0]}})
    (_, issues, paths), one_run = both_ways(spec, HUE, monkeypatch)
    assert one_run and not issues and len(paths) == len(texts) + 1


@pytest.mark.parametrize("odd", [
    "{{ locality.nam }}",  # an unknown field: its issue, at its path
    "{{ ''.__class__.__mro__ }}",
    "{% for x in %}",
    "{# a comment #}{{ locality.name }}",
    "{% if true %}{{ locality.name }}{% endif %}",
    "{{ locality.name }}\n",  # Jinja drops a template's last newline
    "{{ 'a' * 60000 }}{{ 'a' * 60000 }}",
    "{{ locality.name",
    "{{ locality.name }}\x00plangen\x00",
])
def test_a_text_that_cannot_go_with_the_others_renders_each_alone(
        odd: str, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = nodes({"summary": "{{ locality.full_name }}", "text": odd, "end": "{{ locality.code }}"})
    (_, issues, paths), one_run = both_ways(spec, HUE, monkeypatch)
    assert not one_run
    assert paths == [("summary",), ("text",), ("end",)]
    assert all(issue.path == ("text",) for issue in issues)  # only the odd one is wrong


def test_a_value_holding_the_joint_renders_each_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    fields = {"locality": {**HUE["locality"], "name": "a\x00plangen\x00b"}}
    spec = nodes({"summary": "{{ locality.name }}", "text": "{{ locality.code }}"})
    (filled, _, _), one_run = both_ways(spec, fields, monkeypatch)
    assert not one_run
    assert isinstance(filled, dict) and filled["summary"] == "a\x00plangen\x00b"
