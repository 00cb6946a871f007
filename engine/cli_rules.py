"""`plancheck rules …`: list, show, validate, doc and test rulesets (attached by engine/cli.py).

Every bad input ends in a one-line message and exit 2, never a traceback (unless --debug).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
import yaml

from engine.cli_support import common_options
from engine.errors import PlancheckError
from engine.outputs import echo

_RULESET = click.option("--ruleset", "rulesets", multiple=True, metavar="ID|FILE",
                        help="规则集 id 或文件（可重复，默认 core）/ ruleset id or file (repeatable; default: core)")


def _load(rulesets: tuple[str, ...]):
    from engine.rules.loader import load_rulesets

    return load_rulesets(list(rulesets) or ["core"])


@click.group(name="rules")
def rules() -> None:
    """规则集：列出、查看、校验、生成文档、运行示例、事实类型 / rulesets: list, show, validate, doc, test, facts."""


@rules.command("list")
@_RULESET
@common_options
def list_rules(rulesets: tuple[str, ...], lang: str) -> None:
    """List every rule: id, check, severity, enabled, source file."""
    loaded = _load(rulesets)
    rows = [("id", "check", "severity", "enabled", "source")]
    rows += [(r.id, r.check, r.severity, "yes" if r.enabled else "no", loaded.sources.get(r.id, ""))
             for r in loaded.rules]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        echo("  ".join(cell.ljust(w) for cell, w in zip(row[:4], widths, strict=True)) + "  " + row[4])


@rules.command("facts")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="text：每类一张表；json：JSON 模式 / text: a table per type; json: the JSON schema (schemas/facts.schema.json)")
@common_options
def facts(fmt: str, lang: str) -> None:
    """List the fact types rules read (condition, join) and their fields; ? marks an optional field."""
    from engine.rules import facts as fact_types

    if fmt == "json":
        from engine.schemas import schema_text

        echo(schema_text("facts"), nl=False)
    else:
        echo(fact_types.listing(lang), nl=False)


@rules.command("show")
@click.argument("rule_id")
@_RULESET
@common_options
def show_rule(rule_id: str, rulesets: tuple[str, ...], lang: str) -> None:
    """Show one rule as YAML, with the file that defines it."""
    loaded = _load(rulesets)
    for r in loaded.rules:
        if r.id == rule_id:
            echo(f"# {loaded.sources.get(r.id, '')}")
            data = r.model_dump(mode="json", by_alias=True, exclude_defaults=True)
            echo(yaml.safe_dump(data, allow_unicode=True, sort_keys=False).rstrip())
            return
    raise PlancheckError("ruleset.no_rule", rule=rule_id, known=", ".join(r.id for r in loaded.rules))


@rules.command("validate")
@click.argument("files", nargs=-1, required=True)
@common_options
def validate(files: tuple[str, ...], lang: str) -> None:
    """Validate ruleset files: exit 0 when all are valid, 2 with file:line messages otherwise."""
    from engine.rules.loader import read_ruleset_file, resolve

    bad = 0
    for name in files:
        rs, errors = read_ruleset_file(Path(name))
        if rs is not None:
            for ref in rs.extends:
                try:
                    resolve(ref, Path(name).resolve().parent)
                except PlancheckError as e:
                    errors.append(e)
        for e in errors:
            echo(e.render(lang), err=True)
        bad += bool(errors)
        if not errors:
            echo(f"{name}: ok" if lang == "en" else f"{name}：通过")
    if bad:
        sys.exit(2)


@rules.command("doc")
@_RULESET
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Markdown 写到此文件（默认标准输出）/ write Markdown here (default: stdout)")
@common_options
def doc(rulesets: tuple[str, ...], output: str | None, lang: str) -> None:
    """Markdown for every check kind (registry) and every rule with its examples."""
    from engine.rules.docs import render

    text = render(_load(rulesets))
    if output and output != "-":
        from engine.outputs import write_output

        write_output(output, text.encode("utf-8"))
    else:
        echo(text, nl=False)


@rules.command("test")
@click.argument("files", nargs=-1, required=True)
@common_options
def test(files: tuple[str, ...], lang: str) -> None:
    """Run the examples of every rule: `pass` must give no finding of that rule, `fail` at least one."""
    from engine.rules.loader import load_ruleset

    passed = failed = 0
    for name in files:
        rs = load_ruleset(name)
        for rule in rs.rules:
            if not rule.examples:
                continue
            for expect_fail, examples in ((False, rule.examples.passing), (True, rule.examples.failing)):
                for i, ex in enumerate(examples):
                    ok, detail = run_example(rule, ex, expect_fail, lang)
                    label = f"{name}: {rule.id} {'fail' if expect_fail else 'pass'}[{i}]"
                    if ok:
                        passed += 1
                    else:
                        failed += 1
                        echo(f"FAILED {label}: {detail}", err=True)
    echo(f"{passed} passed, {failed} failed" if lang == "en" else f"通过 {passed} 个，失败 {failed} 个")
    if failed:
        sys.exit(1)


def example_obligations(ex: Any) -> Any:
    """The obligations of an example: derived from its parent, with its curation applied."""
    from pydantic import ValidationError

    from engine.derive import derive_ruleset
    from engine.ingest import from_text
    from engine.parse import parse_plan
    from engine.pipeline import Obligations
    from engine.rules.ruleset import Obligation

    if not ex.parent:
        return Obligations(None)
    rs = derive_ruleset(parse_plan(from_text(ex.parent, "example-parent.txt")), ruleset_id="example")
    for ref, fields in ex.curate.items():
        i = next((i for i, ob in enumerate(rs.obligations) if (ob.ref or ob.label) == ref), None)
        if i is None:
            raise PlancheckError("internal", reason=f"example curates {ref}, which its parent does not have")
        try:
            rs.obligations[i] = Obligation.model_validate({**rs.obligations[i].model_dump(), **fields})
        except ValidationError as e:
            raise PlancheckError("internal", reason=f"example curation of {ref}: {e.errors()[0]['msg']}") from None
    return Obligations.from_ruleset(rs, "example-parent.txt")


def run_example(rule: Any, ex: Any, expect_fail: bool, lang: str) -> tuple[bool, str]:
    """Run one example snippet through the whole pipeline; (as expected?, what went wrong)."""
    from engine.ingest import from_text
    from engine.parse import parse_plan
    from engine.pipeline import check_plans

    try:
        draft = parse_plan(from_text(ex.draft, "example-draft.txt"), level=ex.level)
        obligations = example_obligations(ex)
        findings, _ = check_plans(draft, obligations, [rule], lang=lang)
    except PlancheckError as e:
        return False, e.render(lang)
    mine = [f for f in findings if f.rule == rule.id]
    if expect_fail and not mine:
        return False, "expected at least one finding, got none" if lang == "en" else "应有发现，实际没有"
    if not expect_fail and mine:
        return False, "; ".join(f"{f.local_item}: {f.message}" for f in mine)
    return True, ""
