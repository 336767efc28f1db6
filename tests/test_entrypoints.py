"""qalint's own entry-point reader agrees with importlib.metadata."""

from __future__ import annotations

import sys
from importlib.metadata import entry_points as metadata_entry_points
from pathlib import Path

import pytest

from qalint import entrypoints


def _as_set(items: object) -> set[tuple[str, str, str, str]]:
    return {
        (ep.name, ep.value, ep.dist.name, ep.dist.version)  # type: ignore[attr-defined]
        for ep in items  # type: ignore[attr-defined]
    }


@pytest.mark.parametrize("group", ["console_scripts", "qalint", "pytest11"])
def test_same_entry_points_as_importlib_metadata(group: str) -> None:
    ours = _as_set(entrypoints.entry_points(group))
    theirs = _as_set(metadata_entry_points(group=group))
    assert ours == theirs
    if group == "console_scripts":
        assert any(name == "qalint" for name, *_ in ours)


def test_a_distribution_on_sys_path_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """E12: an entry point comes with its distribution's name and version."""
    meta = tmp_path / "qalint_fake-2.3.dist-info"
    meta.mkdir()
    (meta / "entry_points.txt").write_text(
        "[console_scripts]\nx = y:z\n\n[qalint]\nfake = json:dumps\n", encoding="utf-8"
    )
    (meta / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: qalint-fake\nVersion: 2.3\n\nbody\n", encoding="utf-8"
    )
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    found = [ep for ep in entrypoints.entry_points() if ep.name == "fake"]
    assert len(found) == 1
    assert (found[0].dist.name, found[0].dist.version) == ("qalint-fake", "2.3")
    import json

    assert found[0].load() is json.dumps


def test_unreadable_metadata_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """E01: unreadable plugin metadata does not stop qalint."""
    meta = tmp_path / "broken-1.0.dist-info"
    meta.mkdir()
    (meta / "entry_points.txt").write_bytes(b"[qalint]\nx = \xff\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert entrypoints.entry_points() == []
