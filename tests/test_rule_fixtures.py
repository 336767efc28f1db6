"""Every rule has tests/rules/<CODE>/ with a realistic bad draft, its exact expected
output (bad.expected), and a good draft that stays clean under that rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from qalint.plugins import load_plugins
from tests.helpers import check_output

FIXTURES = Path(__file__).parent / "rules"
RULES = load_plugins(entry_points=()).rules
#: QA000 needs a failing plugin, which a fixture draft cannot be: see test_plugins.py.
CODES = [code for code in RULES if code != "QA000"]
#: A file that was not fully checked exits 2, whatever its severity.
FAILURE_CODES = {"QA001", "QA002"}


def _draft(folder: Path, stem: str) -> Path:
    found = sorted(folder.glob(f"{stem}.*"))
    found = [path for path in found if path.suffix != ".expected"]
    assert found, f"{folder} has no {stem} draft"
    return found[0]


@pytest.mark.parametrize("code", CODES)
def test_bad_draft_gives_exactly_the_expected_findings(code: str, update_expected: bool) -> None:
    folder = FIXTURES / code
    bad = _draft(folder, "bad")
    exit_code, output = check_output([bad.name], folder, select=[code])
    expected_file = folder / "bad.expected"
    if update_expected:
        expected_file.write_text(output, encoding="utf-8")
    assert output == expected_file.read_text(encoding="utf-8")
    assert output.strip(), f"{code}: the bad draft must produce at least one finding"
    assert all(f" {code} " in line for line in output.splitlines())
    severity = RULES[code].cls.severity.value
    expected_exit = 2 if code in FAILURE_CODES else 1 if severity == "error" else 0
    assert exit_code == expected_exit


@pytest.mark.parametrize("code", CODES)
def test_good_draft_stays_clean(code: str) -> None:
    folder = FIXTURES / code
    good = _draft(folder, "good")
    exit_code, output = check_output([good.name], folder, select=[code])
    assert output == ""
    assert exit_code == 0


def test_every_fixture_folder_belongs_to_a_rule() -> None:
    folders = {path.name for path in FIXTURES.iterdir() if path.is_dir()}
    assert folders == set(CODES)
