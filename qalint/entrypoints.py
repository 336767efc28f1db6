"""Finding the ``qalint`` entry points without importing ``importlib.metadata``.

``importlib.metadata`` costs 70-90 ms to import and scan on every run, most of a
pre-commit call. The installed metadata is simple enough to read directly: every
``*.dist-info`` (or ``*.egg-info``) folder on ``sys.path`` may hold an
``entry_points.txt`` in INI form. Only the distributions that declare a ``qalint``
entry point have their ``METADATA`` read, for the name and version. Zipped or
otherwise non-folder ``sys.path`` entries are not searched (use
``QALINT_FULL_METADATA=1`` to fall back to ``importlib.metadata`` for those).
"""

import importlib
import os
import sys
from typing import Any, Final, final

from qalint import pattern_cache

GROUP = "qalint"

#: What a distribution's name is compared by (PEP 503 normalisation, with "_").
_SEPARATORS = pattern_cache.compile(r"[-_.]+")


@final
class Distribution:
    """The installed package an entry point comes from."""

    __slots__ = ("name", "version")

    def __init__(self, name: str, version: str) -> None:
        self.name: Final = name
        self.version: Final = version


@final
class EntryPoint:
    """One ``qalint`` entry point, with what ``importlib.metadata``'s gives plugins."""

    __slots__ = ("dist", "name", "value")

    def __init__(self, name: str, value: str, dist: Distribution) -> None:
        self.name: Final = name
        self.value: Final = value  # "module:attribute"
        self.dist: Final = dist

    def load(self) -> Any:
        module_name, _, attribute = self.value.partition(":")
        target: Any = importlib.import_module(module_name.strip())
        for part in attribute.strip().split(".") if attribute.strip() else ():
            target = getattr(target, part)
        return target


def entry_points(group: str = GROUP) -> list[EntryPoint]:
    if os.environ.get("QALINT_FULL_METADATA"):
        return _from_importlib(group)
    found: list[EntryPoint] = []
    seen: set[str] = set()
    for folder in sys.path:
        try:
            entries = os.scandir(folder or ".")
        except OSError:
            continue
        with entries:
            names = sorted(
                entry.name
                for entry in entries
                if entry.name.endswith((".dist-info", ".egg-info")) and entry.is_dir()
            )
        for name in names:
            dist_key = _SEPARATORS.sub("_", name.rsplit(".", 1)[0].split("-", 1)[0]).lower()
            if dist_key in seen:
                continue  # an earlier sys.path entry shadows this distribution
            seen.add(dist_key)
            meta_dir = os.path.join(folder or ".", name)
            declared = _read_group(os.path.join(meta_dir, "entry_points.txt"), group)
            if not declared:
                continue
            dist = _distribution(meta_dir, name)
            found.extend(EntryPoint(ep_name, value, dist) for ep_name, value in declared)
    return found


def _read_group(path: str, group: str) -> list[tuple[str, str]]:
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return []
    items: list[tuple[str, str]] = []
    inside = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            inside = line == f"[{group}]"
            continue
        if inside and "=" in line:
            name, _, value = line.partition("=")
            items.append((name.strip(), value.strip()))
    return items


def _distribution(meta_dir: str, folder_name: str) -> Distribution:
    stem = folder_name.rsplit(".", 1)[0]
    name, _, version = stem.partition("-")
    for metadata in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(meta_dir, metadata), encoding="utf-8") as handle:
                for line in handle:
                    if line.startswith("Name:"):
                        name = line[5:].strip()
                    elif line.startswith("Version:"):
                        version = line[8:].strip()
                    elif not line.strip():
                        break  # the headers end at the first blank line
            break
        except (OSError, UnicodeDecodeError):
            continue
    return Distribution(name, version or "?")


def _from_importlib(group: str) -> list[EntryPoint]:
    from importlib.metadata import entry_points as metadata_entry_points

    result = []
    for ep in metadata_entry_points(group=group):
        dist = getattr(ep, "dist", None)
        result.append(
            EntryPoint(
                ep.name,
                ep.value,
                Distribution(
                    getattr(dist, "name", "?") or "?", getattr(dist, "version", "?") or "?"
                ),
            )
        )
    return result
