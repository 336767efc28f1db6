"""runner.read_bytes: a file whole in one read when its size is known, and all of it
when its size says less than it holds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qalint.runner import _TooLarge, read_bytes


@pytest.mark.parametrize("size", [0, 1, 9_000, 65_535, 65_536, 65_537, 200_000])
def test_a_file_is_read_whole(tmp_path: Path, size: int) -> None:
    data = os.urandom(size)
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    assert read_bytes(str(path), 1 << 20) == data
    assert read_bytes(str(path), size) == data


def test_a_file_over_the_limit_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"x" * 1001)
    with pytest.raises(_TooLarge) as raised:
        read_bytes(str(path), 1000)
    assert raised.value.size == 1001


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc")
def test_a_file_that_reports_no_size_is_read_on() -> None:
    # Files under /proc are regular files of size 0 that hold text.
    data = read_bytes("/proc/self/status", 1 << 20)
    assert data.startswith(b"Name:") and data.endswith(b"\n") and len(data) > 100
