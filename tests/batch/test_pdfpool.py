"""A batch's PDFs: as many LibreOffice runs as jobs, each started once on an equal share of the
files, each with its own copy of a profile warmed once. Fake `soffice` scripts show the runs;
one real conversion of communes from two provinces shows the PDFs."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader

from plangen.batch import pdfpool
from plangen.batch.run import WRITTEN, BatchOptions, run_batch
from plangen.batch.selection import select_localities
from plangen.render import pdf

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ai-law"
# the fake: a warm-up makes <profile>/user; a conversion logs its profile and files, and
# writes one PDF per input into --outdir; an input under a "broken" folder fails the run
FAKE = """#!/bin/sh
profile=""
for a in "$@"; do case "$a" in -env:UserInstallation=file://*)
  profile="${a#-env:UserInstallation=file://}";; esac; done
case "$*" in *--terminate_after_init*) mkdir -p "$profile/user"; echo warm >> LOG; exit 0;; esac
while [ "$1" != "--outdir" ]; do shift; done; out="$2"; shift 2
for f in "$@"; do case "$(readlink "$f")" in */broken/*) exit 1;; esac; done
echo "run $profile $#" >> LOG
for f in "$@"; do b=$(basename "$f" .docx); echo pdf > "$out/$b.pdf"; done
"""


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(pdfpool.CACHE_ENV, str(tmp_path / "cache"))


def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    script = tmp_path / "soffice"
    script.write_text(FAKE.replace("LOG", str(tmp_path / "log")), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv(pdf.SOFFICE_ENV, str(script))
    return tmp_path / "log"


def docx_files(folder: Path, names: dict[str, int]) -> list[Path]:
    paths = []
    for place, count in names.items():
        (folder / place).mkdir(parents=True)
        for number in range(count):
            path = folder / place / f"xa-{number}.docx"
            path.write_bytes(b"PK")
            paths.append(path)
    return paths


@pytest.mark.parametrize("jobs", [1, 2, 3, 4])
@pytest.mark.parametrize("count", [0, 1, 2, 5, 10])
def test_shares_are_equal_consecutive_and_cover_everything(jobs: int, count: int) -> None:
    paths = [Path(f"{number}.docx") for number in range(count)]
    cut = pdfpool.shares(paths, jobs)
    assert [path for share in cut for path in share] == paths
    assert len(cut) == min(jobs, count) or (count == 0 and cut == [])
    sizes = [len(share) for share in cut]
    assert not sizes or max(sizes) - min(sizes) <= 1


def test_one_run_per_job_each_with_its_own_warmed_profile(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    log = fake(tmp_path, monkeypatch)
    paths = docx_files(tmp_path / "out", {"dak-lak": 4, "hue": 2})
    results = pdfpool.convert_all(paths, 2)
    assert not results.failed
    assert results.made == {path: path.with_suffix(".pdf") for path in paths}
    lines = log.read_text().splitlines()
    assert lines[0] == "warm" and len(lines) == 3
    runs = [line.split() for line in lines[1:]]
    assert sorted(int(run[2]) for run in runs) == [3, 3]  # equal shares across the folders
    assert runs[0][1] != runs[1][1]  # never one profile for two runs
    pdfpool.convert_all(paths[:2], 2)
    assert log.read_text().count("warm") == 1  # warmed once, then copied


def test_a_lane_converts_its_share_in_runs_of_at_most_the_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = fake(tmp_path, monkeypatch)
    monkeypatch.setattr(pdfpool, "RUN_LIMIT", 2)
    paths = docx_files(tmp_path / "out", {"dak-lak": 5, "hue": 2})
    results = pdfpool.convert_all(paths, 2)
    assert set(results.made) == set(paths) and not results.failed
    runs = [line.split() for line in log.read_text().splitlines() if line.startswith("run")]
    assert sorted(int(run[2]) for run in runs) == [1, 2, 2, 2]  # shares of 4 and 3
    assert len({run[1] for run in runs}) == 2  # a lane keeps its profile from run to run


def test_files_a_run_left_out_go_again_in_the_next(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A LibreOffice that stops after 3 files of a run, saying nothing (as 7.x does after its
    254th argument): the files it left out are converted by the lane's next runs."""
    log = fake(tmp_path, monkeypatch)
    script = Path(pdf.find_soffice() or "")
    script.write_text(script.read_text(encoding="utf-8").replace(
        'for f in "$@"; do b=', 'n=0; for f in "$@"; do n=$((n+1)); [ $n -gt 3 ] && break; b='),
        encoding="utf-8")
    monkeypatch.setattr(pdfpool, "RUN_LIMIT", 5)
    paths = docx_files(tmp_path / "out", {"dak-lak": 7, "hue": 4})
    results = pdfpool.convert_all(paths, 2)
    assert results.made == {path: path.with_suffix(".pdf") for path in paths}
    assert not results.failed
    runs = [int(line.split()[2]) for line in log.read_text().splitlines()
            if line.startswith("run")]
    # shares of 6 and 5: runs of 5 (3 made) then 2 left out + 1 = 3; 5 (3 made) then 2
    assert sorted(runs) == [2, 3, 5, 5]


def test_left_out_is_what_follows_the_last_pdf() -> None:
    run = [Path(f"{n}.docx") for n in range(5)]
    made = {run[0]: run[0], run[2]: run[2]}
    assert pdfpool.left_out(run, made) == run[3:]  # run[1] failed on its own: not again
    assert pdfpool.left_out(run, {}) == []
    assert pdfpool.left_out(run, {path: path for path in run}) == []


def test_a_share_that_fails_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake(tmp_path, monkeypatch)
    paths = docx_files(tmp_path / "out", {"good": 3, "broken": 3})
    results = pdfpool.convert_all(paths, 2)
    assert set(results.made) == set(paths[:3])
    assert set(results.failed) == set(paths[3:])
    assert all(error.code == "pdf_failed" for error in results.failed.values())


def test_without_a_cache_folder_runs_start_fresh(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    log = fake(tmp_path, monkeypatch)
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv(pdfpool.CACHE_ENV, str(tmp_path / "file"))
    paths = docx_files(tmp_path / "out", {"hue": 2})
    assert set(pdfpool.convert_all(paths, 2).made) == set(paths)
    assert "warm" not in log.read_text()


def test_real_pdfs_for_communes_of_two_provinces(tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed here; CI installs it")
    communes = [s.locality for s in select_localities("all-communes")]
    chosen = communes[:2] + communes[-2:]
    assert len({c.province.code for c in chosen if c.province}) == 2
    table = tmp_path / "table.yaml"
    table.write_text("localities:\n" + "".join(f'  - locality: "{c.code}"\n' for c in chosen),
                     encoding="utf-8")
    out = tmp_path / "out"
    report = run_batch(BatchOptions(EXAMPLE / "commune.yaml", str(table), out, pdf=True,
                                    jobs=2))
    assert all(item.status == WRITTEN and item.pdf for item in report.items), [
        item.message for item in report.items]
    for item in report.items:
        pages = PdfReader(str(item.pdf)).pages
        assert len(pages) >= 1
        width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
        assert abs(width - 595) < 2 and abs(height - 842) < 2  # A4 portrait
