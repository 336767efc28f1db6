"""Documentation generated from the rule registry: docs/rules.md, rules.toml, tables."""

from __future__ import annotations

from typing import Any

from qalint.formatters import rule_url
from qalint.plugins import Plugins
from qalint.rules import option_names


def rules_data(plugins: Plugins) -> list[dict[str, Any]]:
    return [
        {
            "code": entry.cls.code,
            "name": entry.cls.name,
            "severity": entry.cls.severity.value,
            "summary": entry.cls.summary(),
            "plugin": entry.plugin.name,
            "options": _defaults(entry.cls.Options),
            "url": rule_url(entry.cls.code, entry.cls.name),
        }
        for entry in plugins.rules.values()
    ]


def _defaults(options_cls: Any) -> dict[str, Any]:
    names = option_names(options_cls)
    if not names:
        return {}
    instance = options_cls()
    return {
        name.replace("_", "-"): list(v) if isinstance(v := getattr(instance, name), tuple) else v
        for name in names
    }


def render_rules_table(plugins: Plugins) -> str:
    rows = [f"{'code':<7} {'naam':<32} {'ernst':<8} samenvatting"]
    for item in rules_data(plugins):
        rows.append(f"{item['code']:<7} {item['name']:<32} {item['severity']:<8} {item['summary']}")
    return "\n".join(rows) + "\n"


def render_rules_markdown(plugins: Plugins) -> str:
    """docs/rules.md: an index, then every rule's docstring."""
    out = [
        "# qalint rules",
        "",
        "Generated from the rule docstrings by `python -m qalint.docs`; do not edit by hand.",
        "",
        "| code | name | severity | summary |",
        "| --- | --- | --- | --- |",
    ]
    for entry in plugins.rules.values():
        cls = entry.cls
        anchor = f"{cls.code.lower()}-{cls.name}"
        out.append(
            f"| [{cls.code}](#{anchor}) | {cls.name} | {cls.severity.value} | {cls.summary()} |"
        )
    for entry in plugins.rules.values():
        cls = entry.cls
        body = cls.documentation().split("\n", 1)
        rest = body[1].strip() if len(body) > 1 else ""
        rest = rest.replace("\n## ", "\n### ")
        if rest.startswith("## "):
            rest = "#" + rest
        out += [
            "",
            f"## {cls.code} {cls.name}",
            "",
            f"{body[0]}",
            "",
            f"Default severity: **{cls.severity.value}**.",
            "",
        ]
        if rest:
            out.append(rest)
    return "\n".join(out).rstrip() + "\n"


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_rules_toml(plugins: Plugins) -> str:
    """The complete configuration: every rule with its default severity and options."""
    out = [
        "# qalint configuration: every built-in rule with its default severity and options.",
        "# Uncomment a line to change it. `qalint rule CODE` explains a rule.",
        "# Selectors are codes (QA103), prefixes (QA1), names (unanswered-question) or ALL.",
        "",
        '# select = ["ALL"]',
        "# ignore = []",
        "# extend-select = []",
        '# fail-on = "error"          # lowest severity that makes qalint exit 1',
        '# encoding = "utf-8"         # e.g. "cp1252" for drafts saved by old Word versions',
        "# max-file-size = 5242880    # bytes",
        "# rule-timeout = 10          # seconds a third-party rule may take per file (0: none)",
        '# exclude = ["archief/*"]',
        "",
        "# [per-file-ignores]",
        '# "vragen/*.txt" = ["QA103"]',
        "",
        "[severity]",
    ]
    for entry in plugins.rules.values():
        cls = entry.cls
        out.append(
            f'# {cls.code} = "{cls.severity.value}"'.ljust(34) + f"# {cls.name}: {cls.summary()}"
        )
    for entry in plugins.rules.values():
        defaults = _defaults(entry.cls.Options)
        if not defaults:
            continue
        out += ["", f"# [rules.{entry.cls.code}]  # {entry.cls.name}"]
        for key, value in defaults.items():
            out.append(f"# {key} = {_toml_value(value)}")
    return "\n".join(out) + "\n"


def main() -> None:
    """Regenerate docs/rules.md and rules.toml in the current checkout."""
    from pathlib import Path

    from qalint.plugins import load_plugins

    plugins = load_plugins(entry_points=())
    Path("docs").mkdir(exist_ok=True)
    Path("docs/rules.md").write_text(render_rules_markdown(plugins), encoding="utf-8")
    Path("rules.toml").write_text(render_rules_toml(plugins), encoding="utf-8")


if __name__ == "__main__":
    main()
