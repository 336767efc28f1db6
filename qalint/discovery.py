"""Which files a run checks: explicit files always, directories walked by extension."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Target:
    shown: str  # the path as users see it: relative to the current folder, with "/"
    real: str | None  # None for stdin and for paths that do not exist
    missing: bool = False


def display_path(path: str) -> str:
    try:
        relative = os.path.relpath(path)
    except (ValueError, OSError):
        relative = path
    if relative.startswith(".." + os.sep) or relative == "..":
        relative = path
    return relative.replace(os.sep, "/")


def discover(
    paths: Sequence[str], extensions: Iterable[str], exclude: Sequence[str] = ()
) -> list[Target]:
    """Expand ``paths`` into files, deduplicated by real path, sorted by shown path."""
    suffixes = tuple(ext.lower() for ext in extensions)
    seen: set[str] = set()
    targets: list[Target] = []

    def add(path: str) -> None:
        real = os.path.realpath(path)
        if real in seen:
            return
        seen.add(real)
        targets.append(Target(display_path(path), path))

    for path in paths:
        if os.path.isdir(path):
            for found in _walk(path, suffixes, exclude):
                add(found)
        elif os.path.lexists(path) or os.path.exists(path):
            add(path)
        else:
            targets.append(Target(display_path(path), None, missing=True))
    targets.sort(key=lambda target: target.shown)
    return targets


def _walk(root: str, suffixes: tuple[str, ...], exclude: Sequence[str]) -> list[str]:
    found: list[str] = []
    # Directory symlinks are not followed, so a link loop cannot trap the walk.
    for directory, subdirs, files in os.walk(root, followlinks=False):
        subdirs[:] = sorted(
            d for d in subdirs
            if not d.startswith(".") and not _excluded(os.path.join(directory, d), exclude)
        )
        for name in sorted(files):
            path = os.path.join(directory, name)
            if name.lower().endswith(suffixes) and not _excluded(path, exclude):
                found.append(path)
    return found


def _excluded(path: str, exclude: Sequence[str]) -> bool:
    shown = display_path(path)
    name = os.path.basename(path)
    return any(fnmatch.fnmatchcase(shown, glob) or fnmatch.fnmatchcase(name, glob)
               for glob in exclude)
