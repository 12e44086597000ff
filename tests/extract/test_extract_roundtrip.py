"""`extract(render(spec))` gives back the plan: every spec in specs/ survives a trip through
Word and back with its words in order, and the three real plans (text copied from PDFs, header
lost) become specs that validate and render with the seed's words in order."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from support.seedtext import PAIRS, SEEDS_DIR, document_text, seed_text
from support.wordmatch import in_order_ratio, missing_runs, words

from plangen.extract import Extraction, extract_bytes, extract_path
from plangen.model import Plan
from plangen.render.docx import render_plan
from plangen.spec.api import check_loaded, load_plan
from plangen.spec.loader import load_spec_text

SPECS = sorted((Path(__file__).resolve().parents[2] / "specs").glob("*.yaml"))
SPEC_RATIO = 0.99
SEED_RATIO = 0.95


@cache
def rendered(spec: Path) -> bytes:
    return render_plan(load_plan(spec))


@cache
def extracted_spec(spec: Path) -> Extraction:
    return extract_bytes(rendered(spec), f"{spec.stem}.docx", f"{spec.stem}.yaml")


def plan_of(extraction: Extraction) -> Plan:
    checked = check_loaded(load_spec_text(extraction.yaml_text, "extracted.yaml"))
    assert checked.plan is not None, "\n".join(i.format() for i in checked.issues)
    return checked.plan


def assert_words_kept(reference: list[str], produced: list[str], minimum: float,
                      what: str) -> None:
    ratio = in_order_ratio(reference, produced)
    if ratio < minimum:
        lost = "\n".join(missing_runs(reference, produced))
        pytest.fail(f"{what}: {ratio:.2%} of the words in order (< {minimum:.0%}); lost:\n{lost}")


@pytest.mark.parametrize("spec", SPECS, ids=[spec.stem for spec in SPECS])
def test_a_rendered_spec_extracts_to_a_valid_spec(spec: Path) -> None:
    extraction = extracted_spec(spec)
    # a note (a required section stated missing, with its reason) is not a problem
    problems = [i for i in extraction.issues if i.severity != "note"]
    assert not problems, "\n".join(i.format() for i in problems)
    assert not [note for note in extraction.notes if note.kind in ("todo", "lost")]


@pytest.mark.parametrize("spec", SPECS, ids=[spec.stem for spec in SPECS])
def test_a_rendered_spec_renders_again_with_the_same_words(spec: Path) -> None:
    original = words(document_text(rendered(spec)))
    again = words(document_text(render_plan(plan_of(extracted_spec(spec)))))
    assert_words_kept(original, again, SPEC_RATIO, spec.name)
    assert_words_kept(again, original, SPEC_RATIO, f"{spec.name} (nothing added)")


def test_the_trip_keeps_the_plan_s_structure() -> None:
    plan = plan_of(extracted_spec(SPECS[[s.stem for s in SPECS].index("variations")]))
    original = load_plan(SPECS[[s.stem for s in SPECS].index("variations")])
    assert plan.issuer == original.issuer and plan.date == original.date
    assert plan.number == original.number and plan.signature == original.signature
    assert [t.title for t in plan.tasks.items] == [t.title for t in original.tasks.items]
    assert [len(t.subtasks) for t in plan.tasks.items] == \
        [len(t.subtasks) for t in original.tasks.items]
    assert [t.roles.labels for t in plan.tasks.items[:4]] == \
        [t.roles.labels for t in original.tasks.items[:4]]
    assert [t.roles.style for t in plan.tasks.items] == \
        [t.roles.style for t in original.tasks.items]
    assert plan.organization.items[-1] == original.organization.items[-1]  # reporting
    assert plan.drafting_code == original.drafting_code
    assert plan.appendix is not None and original.appendix is not None
    assert plan.appendix.rows == original.appendix.rows


@pytest.mark.parametrize(("seed", "spec"), PAIRS, ids=[spec for _, spec in PAIRS])
def test_a_seed_plan_extracts_to_a_spec_that_renders_its_words(seed: str, spec: str) -> None:
    extraction = extract_path(SEEDS_DIR / seed)
    assert not extraction.errors, "\n".join(i.format() for i in extraction.errors)
    produced = words(document_text(render_plan(plan_of(extraction))))
    assert_words_kept(words(seed_text(SEEDS_DIR / seed)), produced, SEED_RATIO, seed)


@pytest.mark.parametrize(("seed", "spec"), PAIRS, ids=[spec for _, spec in PAIRS])
def test_a_seed_s_lost_header_is_a_marked_guess(seed: str, spec: str) -> None:
    extraction = extract_path(SEEDS_DIR / seed)
    expected = load_plan(Path(__file__).resolve().parents[2] / "specs" / spec)
    assert extraction.data["issuer"]["name"] == expected.issuer.name
    assert extraction.data["place"] == expected.place
    assert ("todo", "extract_guess_issuer", ("issuer", "name")) in {
        (note.kind, note.code, note.path) for note in extraction.notes}
    assert "# TODO" in extraction.yaml_text


def test_the_seeds_read_like_their_hand_written_specs() -> None:
    dak_lak = extract_path(SEEDS_DIR / "000_90d6a1797ac0299c.txt").data
    hue = extract_path(SEEDS_DIR / "002_57114fa7a79b951e.txt").data
    an_giang = extract_path(SEEDS_DIR / "003_2928dc4b0ab9ac3c.txt").data
    assert dak_lak["date"] == {"month": 6, "year": 2026} and dak_lak["number"] is None
    tasks = dak_lak["tasks"]["items"]
    assert [len(t.get("subtasks", [])) for t in tasks] == [0, 0, 2, 0, 0]
    assert tasks[4]["labels"] == {"lead": "Cơ quan thực hiện"}
    assert tasks[0].get("role_style", dak_lak["tasks"].get("role_style")) == "letter"
    assert hue["organization"]["reporting"]["title"] == "Quy định chế độ báo cáo"
    assert len(hue["organization"]["reporting"]["points"]) == 4
    assert len(hue["appendix"]["rows"]) == 8
    assert hue["appendix"]["rows"][3]["timeline"].endswith("yêu cầu thực tiễn.")
    assert hue["signature"]["lines"] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert [len(t["named_items"]) for t in an_giang["tasks"]["items"]] == [2] * 6
    assert an_giang["tasks"]["items"][1]["named_items"][0].endswith(
        "thẩm quyền quản lý nhà nước của Ủy ban nhân dân tỉnh")
    assert len(an_giang["appendix"]["rows"]) == 8  # the repeated header row is not a row
    assert an_giang["recipients"][-1] == "Lưu: VT, ntgiang"
