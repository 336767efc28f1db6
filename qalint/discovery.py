"""Which files a run checks: explicit files always, directories walked by extension."""

import errno
import operator
import os
import stat
from collections.abc import Callable, Iterable, Sequence

from qalint.records import Record


class Target(Record):
    shown: str  # the path as users see it: relative to the current folder, with "/"
    real: str | None  # None for stdin and for paths that cannot be read
    missing: bool = False
    #: Why this path cannot be checked (a QA001 finding), or None.
    error: str | None = None


#: What discovery finds: a file's shown path where that also opens it (nearly every
#: file found in a folder; a Target for each would cost 80 bytes more per file, which a
#: run over 10,000 files feels in its memory), or a Target.
Found = str | Target


def as_target(found: Found) -> Target:
    return Target(found, found) if isinstance(found, str) else found


def shown_path(found: Found) -> str:
    return found if isinstance(found, str) else found.shown


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
) -> list[Found]:
    """Expand ``paths`` into files, deduplicated by identity, sorted by shown path.

    A file reached twice (named twice, through a symlink or a hard link) is checked
    once, under the same name whatever the argument order: the name that is not a
    symlink, else the first in sort order. ``warn`` receives problems that do not stop
    the run: files skipped inside a walked directory, a directory without drafts.
    """
    suffixes = tuple(ext.lower() for ext in extensions)
    say = warn or (lambda message: None)
    chosen: dict[object, Found] = {}
    via_link: set[object] = set()  # the files whose chosen name is a symlink

    def add(identity: object, is_link: bool, shown: str, path: str) -> None:
        current = chosen.get(identity)
        if current is None or (is_link, shown, path) < (
            identity in via_link,
            shown_path(current),
            as_target(current).real or "",
        ):
            chosen[identity] = shown if path is shown else Target(shown, path)
            if is_link:
                via_link.add(identity)
            else:
                via_link.discard(identity)

    failed: list[Target] = []
    for path in paths:
        if os.path.isdir(path):
            found, problems = _walk(path, suffixes, exclude, say, add)
            failed.extend(problems)
            if not found and not problems:
                say(
                    f"{display_path(path)}: geen bestanden met de extensies "
                    f"{', '.join(suffixes)} gevonden"
                )
            continue
        problem = _problem(path)
        if problem is None:
            info = os.stat(path)
            add(
                _identity(info.st_dev, info.st_ino, path),
                os.path.islink(path),
                display_path(path),
                path,
            )
        else:
            failed.append(
                Target(display_path(path), None, missing=not os.path.lexists(path), error=problem)
            )
    result = list(chosen.values())
    chosen.clear()  # before sorting: the largest moment of a run's memory
    result.extend(failed)
    result.sort(key=shown_path)
    return result


def _identity(device: int, inode: int, path: str) -> object:
    """What makes two names one file: device and inode, as one number (the real path
    where a file system has no inode numbers)."""
    return (device << 64) | inode if inode else os.path.realpath(path)


_NAME = operator.attrgetter("name")


def _walk(
    root: str,
    suffixes: tuple[str, ...],
    exclude: Sequence[str],
    warn: Callable[[str], None],
    add: Callable[[object, bool, str, str], None],
) -> tuple[int, list[Target]]:
    """Add the drafts under ``root``; return how many were found, and the folders or
    files that could not be read.

    One ``scandir`` per folder gives names, types and inode numbers, so a regular file
    costs no system call of its own; only symlinks are followed with ``stat``. Names
    are shown relative to the shown root, without asking the file system again.
    Directory symlinks are not followed, so a link loop cannot trap the walk.
    """
    found = 0
    problems: list[Target] = []
    pending = [(root, _shown_root(root))]
    while pending:
        directory, shown_dir = pending.pop()
        try:
            device = os.stat(directory).st_dev
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=_NAME)
        except OSError as exc:
            # A folder we cannot list holds drafts we did not check: a partial run, exit 2.
            problems.append(
                Target(shown_dir, None, error=f"map niet leesbaar: {os_error_message(exc)}")
            )
            continue
        subdirs = []
        for entry in entries:
            name = entry.name
            shown = f"{shown_dir}/{name}" if shown_dir != "." else name
            if entry.is_dir(follow_symlinks=False):
                if not name.startswith(".") and not _excluded(shown, name, exclude):
                    subdirs.append((entry.path, shown))
                continue
            if not name.lower().endswith(suffixes) or (exclude and _excluded(shown, name, exclude)):
                continue
            # The shown path opens the same file (relative to the current folder, or
            # absolute, never through ".."): one string instead of two per file.
            path = shown if os.sep == "/" else entry.path
            is_link = entry.is_symlink()
            if is_link:
                try:
                    info = os.stat(path)
                except OSError as exc:
                    if exc.errno in (errno.ENOENT, errno.ELOOP):
                        # Dangling links and link loops are not drafts; say so and go on.
                        warn(f"{shown}: overgeslagen: {_problem(path) or os_error_message(exc)}")
                    else:
                        problems.append(Target(shown, None, error=os_error_message(exc)))
                    continue
                if stat.S_ISDIR(info.st_mode):
                    continue  # a link to a folder, even one named "x.txt": not followed
                regular = stat.S_ISREG(info.st_mode)
                identity = _identity(info.st_dev, info.st_ino, path)
            else:
                regular = entry.is_file(follow_symlinks=False)
                identity = _identity(device, entry.inode(), path)
            if not regular:
                warn(f"{shown}: overgeslagen: geen gewoon bestand")
                continue
            add(identity, is_link, shown, path)
            found += 1
        # Depth first, in name order, so warnings come in the same order on every run.
        pending.extend(reversed(subdirs))
    return found, problems


def _shown_root(root: str) -> str:
    """The root as shown, without a trailing "/" (the file system root becomes "")."""
    return display_path(root).rstrip("/")


def _excluded(shown: str, name: str, exclude: Sequence[str]) -> bool:
    if not exclude:
        return False
    import fnmatch  # only with exclude patterns

    return any(
        fnmatch.fnmatchcase(shown, glob) or fnmatch.fnmatchcase(name, glob) for glob in exclude
    )
