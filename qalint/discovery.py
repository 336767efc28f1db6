"""Which files a run checks: explicit files always, directories walked by extension."""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple


class Target(NamedTuple):
    shown: str  # the path as users see it: relative to the current folder, with "/"
    real: str | None  # None for stdin and for paths that cannot be read
    missing: bool = False
    #: Why this path cannot be checked (a QA001 finding), or None.
    error: str | None = None


def display_path(path: str) -> str:
    try:
        relative = os.path.relpath(path)
    except (ValueError, OSError):
        relative = path
    if relative.startswith(".." + os.sep) or relative == "..":
        relative = path
    return relative.replace(os.sep, "/")


def _problem(path: str) -> str | None:
    """Why an explicitly named path cannot be read, or None if it can be tried."""
    try:
        os.stat(path)
    except OSError as exc:
        if os.path.islink(path):
            if exc.errno == errno.ELOOP:
                return "symbolische koppeling in een lus"
            return "symbolische koppeling naar een bestand dat niet bestaat"
        if exc.errno == errno.ENOENT:
            return "bestand of map bestaat niet"
        return os_error_message(exc)
    return None


def os_error_message(exc: OSError) -> str:
    """A Dutch message for the usual errors, keeping the system's words for the rest."""
    dutch = {
        errno.ENOENT: "bestaat niet",
        errno.EACCES: "geen leesrechten",
        errno.EPERM: "geen leesrechten",
        errno.ELOOP: "symbolische koppeling in een lus",
        errno.ENAMETOOLONG: "naam te lang",
        errno.EISDIR: "is een map",
        errno.ENOTDIR: "een deel van het pad is geen map",
    }.get(exc.errno or 0)
    system = exc.strerror or str(exc)
    return f"{dutch} ({system})" if dutch else system


def discover(
    paths: Sequence[str],
    extensions: Iterable[str],
    exclude: Sequence[str] = (),
    warn: Callable[[str], None] | None = None,
) -> list[Target]:
    """Expand ``paths`` into files, deduplicated by real path, sorted by shown path.

    A file reached twice (named twice, or through a symlink) is checked once, under the
    same name whatever the argument order: the name that is not a symlink, else the
    first in sort order. ``warn`` receives problems that do not stop the run: files
    skipped inside a walked directory, a directory without drafts.
    """
    suffixes = tuple(ext.lower() for ext in extensions)
    say = warn or (lambda message: None)
    by_real: dict[str, tuple[bool, str, str]] = {}
    failed: list[Target] = []

    def add(path: str) -> None:
        real = os.path.realpath(path)
        shown = display_path(path)
        candidate = (os.path.islink(path), shown, path)
        if real not in by_real or candidate < by_real[real]:
            by_real[real] = candidate

    for path in paths:
        if os.path.isdir(path):
            found, problems = _walk(path, suffixes, exclude, say)
            failed.extend(problems)
            for item in found:
                add(item)
            if not found and not problems:
                say(
                    f"{display_path(path)}: geen bestanden met de extensies "
                    f"{', '.join(suffixes)} gevonden"
                )
            continue
        problem = _problem(path)
        if problem is None:
            add(path)
        else:
            failed.append(
                Target(display_path(path), None, missing=not os.path.lexists(path), error=problem)
            )
    targets = [Target(shown, path) for _, shown, path in by_real.values()]
    targets.extend(failed)
    targets.sort(key=lambda target: target.shown)
    return targets


def _walk(
    root: str, suffixes: tuple[str, ...], exclude: Sequence[str], warn: Callable[[str], None]
) -> tuple[list[str], list[Target]]:
    found: list[str] = []
    problems: list[Target] = []

    def unreadable(exc: OSError) -> None:
        # A folder we cannot list holds drafts we did not check: a partial run, exit 2.
        where = exc.filename if isinstance(exc.filename, str) else root
        problems.append(
            Target(display_path(where), None, error=f"map niet leesbaar: {os_error_message(exc)}")
        )

    # Directory symlinks are not followed, so a link loop cannot trap the walk.
    for directory, subdirs, files in os.walk(root, onerror=unreadable, followlinks=False):
        subdirs[:] = sorted(
            d
            for d in subdirs
            if not d.startswith(".") and not _excluded(os.path.join(directory, d), exclude)
        )
        for name in sorted(files):
            path = os.path.join(directory, name)
            if not name.lower().endswith(suffixes) or _excluded(path, exclude):
                continue
            try:
                info = os.stat(path)
            except OSError as exc:
                if exc.errno in (errno.ENOENT, errno.ELOOP):
                    # Dangling links and link loops are not drafts; say so and go on.
                    warn(
                        f"{display_path(path)}: overgeslagen: "
                        f"{_problem(path) or os_error_message(exc)}"
                    )
                else:
                    problems.append(Target(display_path(path), None, error=os_error_message(exc)))
                continue
            if not stat.S_ISREG(info.st_mode):
                warn(f"{display_path(path)}: overgeslagen: geen gewoon bestand")
                continue
            found.append(path)
    return found, problems


def _excluded(path: str, exclude: Sequence[str]) -> bool:
    shown = display_path(path)
    name = os.path.basename(path)
    return any(
        fnmatch.fnmatchcase(shown, glob) or fnmatch.fnmatchcase(name, glob) for glob in exclude
    )
