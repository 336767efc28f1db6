"""The rule registry, its documentation and the generated files agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tomli

from qalint import docs
from qalint.plugins import BUILTIN_PLUGINS, load_plugins
from qalint.rules import CODE_RE, NAME_RE

REPO = Path(__file__).resolve().parent.parent
PLUGINS = load_plugins(entry_points=())
RULES = PLUGINS.rules
SECTIONS = ("## Why is this bad?", "## Example", "## Use instead")


def test_builtins_load_without_errors() -> None:
    assert PLUGINS.errors == []
    assert set(BUILTIN_PLUGINS) <= set(PLUGINS.infos)


@pytest.mark.parametrize("code", list(RULES))
def test_rule_is_documented(code: str) -> None:
    cls = RULES[code].cls
    assert CODE_RE.match(cls.code) and cls.code.startswith("QA")
    assert NAME_RE.match(cls.name)
    text = cls.documentation()
    assert cls.summary().endswith("."), "the summary is one sentence"
    for section in SECTIONS:
        assert section in text, f"{code} lacks {section}"
    has_options = bool(docs.rules_data(PLUGINS)[list(RULES).index(code)]["options"])
    assert ("## Options" in text) == has_options


def test_codes_and_names_are_unique() -> None:
    names = [entry.cls.name for entry in RULES.values()]
    assert len(names) == len(set(names))


def test_each_rule_lives_in_its_own_module() -> None:
    modules = [entry.cls.__module__ for entry in RULES.values()]
    assert len(modules) - len(set(modules)) <= 2  # the three core codes share core_rules


def test_docs_rules_md_is_current() -> None:
    expected = docs.render_rules_markdown(PLUGINS)
    actual = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "run `python -m qalint.docs` to regenerate docs/rules.md"


def test_rules_toml_is_current_and_lists_every_rule() -> None:
    text = (REPO / "rules.toml").read_text(encoding="utf-8")
    assert text == docs.render_rules_toml(PLUGINS), "run `python -m qalint.docs`"
    listed = set(re.findall(r"^# (QA\d{3}) = ", text, re.MULTILINE))
    assert listed == set(RULES)
    tomli.loads(text)  # the shipped file is valid TOML


def test_rules_toml_uncommented_is_a_valid_configuration(tmp_path: Path) -> None:
    """Every commented default, switched on, is accepted by the strict validation."""
    from qalint.config import read_config_file
    from qalint.selection import Overrides, resolve

    text = (REPO / "rules.toml").read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():
        body = line[2:] if line.startswith("# ") else line
        if re.match(r"^(\[|[a-z\"-]+\s*=|QA\d{3}\s*=)", body) and not body.startswith(
            ("[per-file-ignores]", '"vragen/', "exclude")
        ):
            lines.append(body.split("  #")[0].rstrip())
        elif not line.startswith("#"):
            lines.append(line)
    config = tmp_path / "rules.toml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    raw = read_config_file(str(config))
    assert raw is not None
    settings = resolve(raw, RULES, Overrides())
    assert set(settings.enabled) == set(RULES)


def test_changelog_names_every_rule() -> None:
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    for entry in RULES.values():
        assert entry.cls.code in text and entry.cls.name in text, entry.cls.code


def test_pyproject_lists_every_package() -> None:
    """setuptools installs only the listed packages; a missing one breaks real installs."""
    listed = set(
        tomli.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
            "packages"
        ]
    )
    found = set()
    for top, name in (("qalint", "qalint"), ("plugins", "qalint_plugins")):
        for init in (REPO / top).rglob("__init__.py"):
            relative = init.parent.relative_to(REPO / top).parts
            found.add(".".join((name, *relative)))
    assert listed == found
