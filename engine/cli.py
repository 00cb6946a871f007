"""`plancheck` commands. Each command only wires stages together and picks a formatter.

Every failure the user can cause ends in a one-line message (Chinese by default, `--lang en`) and
exit code 2, never a traceback (unless `--debug`). Exit codes of `check`: 0 nothing at or above
`--fail-on`, 1 findings at or above it, 2 usage, input or ruleset error.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from engine import __version__
from engine.cli_support import PlancheckGroup, Progress, common_options
from engine.errors import PlancheckError
from engine.outputs import echo
from engine.pipeline import display_path_of

LEVELS = ["national", "province", "city", "county", "town"]


def _import_jieba() -> None:
    """Import jieba without pkg_resources, for commands that segment text.

    jieba imports pkg_resources (~60 ms, most of jieba's import) only to open its own data files, and
    opens them by path when that import fails. Blocked only while jieba imports: pkg_resources stays
    importable for anything else in the process.
    """
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        return
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba  # noqa: F401
    finally:
        del sys.modules["pkg_resources"]


def _stdin_once(*paths: str | None) -> None:
    """Standard input can be read once: a second `-` would find it empty."""
    if paths.count("-") > 1:
        raise PlancheckError("option.stdin_twice")


_PART_HELP = (
    "一份通知同时印发几份文件时，只读第 N 份（默认逐份读全部）/ of a notice issuing several documents, read only the "
    "N-th (default: each of them)"
)


def _level_options(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option("--level", type=click.Choice(LEVELS), help="指定层级，不用推断值（县级 = county）/ override the inferred level")(f)
    f = click.option("--jurisdiction", help="指定辖区，不用推断值，如 城中区 / override the inferred jurisdiction")(f)
    return f


@click.group(cls=PlancheckGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=lambda c, _p, v: _version(c, v),
              help="显示版本和所用规则引擎 / show the version and the rules engine in use, then exit")
@click.option("--lang", type=click.Choice(["zh", "en"]), expose_value=False, callback=lambda c, _p, v: _group_lang(c, v),
              help="消息语言，也可写在命令之后 / message language, also accepted after the command")
def main() -> None:
    """plancheck：对照上级方案检查下级方案征求意见稿，报告每一处缺口。

    Check a draft local-government plan against its parent plan and report every gap.
    """


def _group_lang(ctx: click.Context, value: str | None) -> None:
    """`plancheck --lang en check …`: the language given before the command is every subcommand's
    default (one given after the command still wins)."""
    if value is None or ctx.resilient_parsing:
        return

    def defaults(group: click.Group) -> dict[str, Any]:
        return {
            name: defaults(cmd) if isinstance(cmd, click.Group) else {"lang": value}
            for name, cmd in group.commands.items()
        }

    ctx.default_map = defaults(main)


def _version(ctx: click.Context, value: bool) -> None:
    """The version and which rules engine runs here (durable-rules, or the Python evaluator on 3.13+)."""
    if not value or ctx.resilient_parsing:
        return
    from engine.rules.runtime import describe_engine

    echo(f"plancheck {__version__} (Python {sys.version.split()[0]}; rules engine: {describe_engine()})")
    ctx.exit()


# --------------------------------------------------------------------------- parse


@main.command()
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(["tree", "json"]), default="tree", show_default=True)
@click.option("--part", type=click.IntRange(min=1), help=_PART_HELP)
@_level_options
@common_options
def parse(file: str, fmt: str, part: int | None, level: str | None, jurisdiction: str | None, lang: str) -> None:
    """读取方案并显示其结构。Read a plan and show its structure (measures, units, deadlines, targets)."""
    from engine.parse.render import render_tree
    from engine.pipeline import load_plan

    plan = load_plan(file, level=level, jurisdiction=jurisdiction, part=part)  # type: ignore[arg-type]
    plan.source = display_path_of(file)
    if fmt == "json":
        echo(json.dumps(plan.model_dump(mode="json"), ensure_ascii=False, indent=2, sort_keys=True))
    else:
        echo(render_tree(plan, lang), nl=False)


# --------------------------------------------------------------------------- align


@main.command()
@click.argument("parent")
@click.argument("draft")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_level_options
@common_options
def align(parent: str, draft: str, fmt: str, level: str | None, jurisdiction: str | None, lang: str) -> None:
    """对齐上级方案与下级方案的条目。Align a draft's measures (and clauses) to its parent's."""
    _import_jieba()
    from engine.align import align_plans, format_table
    from engine.pipeline import load_plan

    _stdin_once(parent, draft)
    p = load_plan(parent)
    d = load_plan(draft, level=level, jurisdiction=jurisdiction)  # type: ignore[arg-type]
    result = align_plans(p, d)
    if fmt == "json":
        echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2, sort_keys=True))
    else:
        echo(format_table(result, p, d), nl=False)


# --------------------------------------------------------------------------- derive


@main.command()
@click.argument("parent")
@click.option("-o", "--output", required=True, help="要写入的规则集文件 / ruleset file to write, e.g. rulesets/guangxi.yaml")
@click.option("--id", "ruleset_id", help="规则集 id（默认取输出文件名）/ ruleset id (default: the output file's name)")
@click.option("--force", is_flag=True, help="覆盖已有规则集（其中的人工整理会丢失）/ overwrite an existing ruleset (curation in it is lost)")
@common_options
def derive(parent: str, output: str, ruleset_id: str | None, force: bool, lang: str) -> None:
    """由上级方案生成义务规则集。Turn a parent plan into an obligation ruleset to curate."""
    from engine.derive import derive_ruleset, dump_ruleset_yaml
    from engine.outputs import refuse_inputs, write_output
    from engine.pipeline import load_plan

    out = Path(output)
    refuse_inputs([output], [parent])
    if os.path.lexists(output) and not force:
        raise PlancheckError("option.would_overwrite", path=output)
    plan = load_plan(parent)
    plan.source = display_path_of(parent)
    rid = ruleset_id or "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "-" for c in out.stem)
    if not rid[:1].isalpha():
        rid = "parent-" + rid
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_.-]*", rid):
        raise PlancheckError("option.bad_id", id=rid)
    rs = derive_ruleset(plan, ruleset_id=rid)  # hashes the bytes load_plan read (stdin too)
    write_output(output, dump_ruleset_yaml(rs).encode("utf-8"))
    n = len(rs.obligations)
    echo(f"已写入 {output}：{n} 项义务" if lang == "zh" else f"wrote {output}: {n} obligations", err=True)


# --------------------------------------------------------------------------- check


@main.command()
@click.argument("drafts", nargs=-1, required=True)
@click.option("--parent", help="上级方案，义务由它即时导出 / parent plan: obligations are derived from it on the fly")
@click.option("--ruleset", "rulesets", multiple=True, help="规则集 id 或文件（可重复），如导出的上级义务规则集 / ruleset id or file (repeatable)")
@click.option("--no-core", is_flag=True, help="不加载 rulesets/core.yaml / do not load rulesets/core.yaml")
@click.option("--no-parent", "allow_no_parent", is_flag=True, help="没有上级方案，只做文稿检查 / run without a parent: drafting checks only")
@click.option("--waivers", help="豁免清单（YAML）/ waiver file (YAML): rule/check, item, reason, approver, expires")
@click.option("--format", "formats", multiple=True, help="输出格式，可重复；省略时按 -o 的扩展名 / text (default), json, sarif, junit, github, markdown, html, docx, feedback, compact; repeatable; default: from -o's extension")
@click.option("--output", "-o", "outputs", multiple=True, help="与同位置 --format 对应的输出文件，可重复 / output file for the --format at the same position; repeatable")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "none"]), default="error", show_default=True, help="达到此级别即退出码 1 / exit 1 at or above this severity")
@click.option("--min-severity", type=click.Choice(["error", "warning", "info"]), default="info", show_default=True, help="写入批注和意见反馈表的最低级别 / lowest severity in Word comments and the feedback form")
@click.option("--author", default="", help="批注作者、反馈单位、文档属性，如 城中区司法局 / comment author, 反馈单位 and document author")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help="豁免到期所用的日期（默认今天）和 Word/意见反馈表上的日期（默认取方案落款日期，否则 SOURCE_DATE_EPOCH，否则留空）/ date for waiver expiry (default: today) and for the Word documents (default: the draft's date line, else SOURCE_DATE_EPOCH, else none)")
@click.option("--jobs", "-j", type=int, default=0, help="多份下级方案时的进程数（默认全部核）/ worker processes for several drafts (default: all cores)")
@click.option("--baseline", help="旧稿的 JSON 报告：标出新增/未变的问题，列出已改的，--fail-on 只计新增 / JSON report of an earlier version: findings marked new/unchanged, fixed ones listed, --fail-on counts new ones")
@click.option("--only-new", is_flag=True, help="配合 --baseline：批注和意见反馈表只列新增问题 / with --baseline: Word comments and the feedback form list new findings only")
@click.option("--date", "draft_date", type=click.DateTime(["%Y-%m-%d"]),
              help="方案日期（方案没有日期行或标题年份时）/ the draft's date for the dated checks, when the draft has no date line or year in its title")
@click.option("--unit-registry", "unit_registries", multiple=True,
              help="本单位的单位登记表（YAML，格式同 rulesets/data/unit_registry.yaml），可重复 / an office's own unit registry (YAML like rulesets/data/unit_registry.yaml); repeatable")
@click.option("--part", type=click.IntRange(min=1), help=_PART_HELP)
@_level_options
@common_options
def check(
    drafts: tuple[str, ...],
    parent: str | None,
    rulesets: tuple[str, ...],
    no_core: bool,
    allow_no_parent: bool,
    waivers: str | None,
    formats: tuple[str, ...],
    outputs: tuple[str, ...],
    fail_on: str,
    min_severity: str,
    author: str,
    today: dt.datetime | None,
    baseline: str | None,
    only_new: bool,
    jobs: int,
    draft_date: dt.datetime | None,
    unit_registries: tuple[str, ...],
    part: int | None,
    level: str | None,
    jurisdiction: str | None,
    lang: str,
) -> None:
    """对照上级义务检查下级方案。Check a draft against its parent's obligations.

    Exit codes: 0 nothing at or above --fail-on (with --baseline: no new finding at or above it);
    1 findings at or above it; 2 usage, input or ruleset error.
    """
    from engine.report import FORMATTERS, formats_for

    _import_jieba()
    for f in formats:
        if f not in FORMATTERS:
            raise PlancheckError("option.unknown_format", format=f, known=", ".join(sorted(FORMATTERS)))
    if formats and len(outputs) > len(formats):
        raise PlancheckError("option.outputs_mismatch", outputs=len(outputs), formats=len(formats))
    formats = formats_for(formats, outputs)
    if only_new and not baseline:
        raise PlancheckError("option.only_new_needs_baseline")
    if baseline and len(drafts) > 1:
        raise PlancheckError("option.baseline_one_draft", n=len(drafts))
    from engine.outputs import refuse_inputs, write_output

    _stdin_once(*drafts, parent, baseline)
    refuse_inputs(outputs, [*drafts, parent or "", waivers or "", baseline or "", *rulesets, *unit_registries])
    if outputs:  # every file of the rulesets' extends chains, before the run rather than after it
        from engine.pipeline import DEFAULT_RULESETS
        from engine.rules.loader import load_rulesets

        load_rulesets(([] if no_core else list(DEFAULT_RULESETS)) + list(rulesets))
        refuse_inputs(outputs)
    options = dict(
        parent_path=parent,
        rulesets=list(rulesets),
        no_core=no_core,
        allow_no_parent=allow_no_parent,
        waivers_path=waivers,
        fail_on=fail_on,
        lang=lang,
        level=level,
        jurisdiction=jurisdiction,
        today=today.date() if today else None,
        date=draft_date.date() if draft_date else None,
        unit_registries=tuple(unit_registries),
        part=part,
    )
    from engine.batch import check_batch_options, check_jobs

    check_jobs(jobs)
    if len(drafts) > 1:
        from engine.batch import run_batch

        check_batch_options(formats, jobs)

        sys.exit(run_batch(list(drafts), options, formats, outputs, jobs))

    from engine.pipeline import check as run_check
    from engine.report.base import RenderContext, office_date

    draft = drafts[0]
    progress = Progress(lang)
    try:
        run = run_check(draft, display_path=display_path_of(draft), progress=progress, baseline_path=baseline, **options)  # type: ignore[arg-type]
    finally:
        progress.done()
    for i, name in enumerate(formats):
        formatter = FORMATTERS[name]()
        out = outputs[i] if i < len(outputs) else None
        if out is None and formatter.needs_output:
            raise PlancheckError("option.output_needed", format=name)
        ctx = RenderContext.of_run(
            run,
            draft,
            lang,
            out,
            author=author.strip(),
            date=office_date(run.draft, today.date() if today else None),  # never the clock
            min_severity=min_severity,
            only_new=only_new,
        )
        write_output(out or "-", formatter.render(ctx), binary=formatter.binary)
        if out and out != "-":
            office = name in ("docx", "feedback")
            echo(_written(out, ctx.office_findings() if office else run.report.findings, lang), err=True)
    sys.exit(1 if run.report.summary.failed else 0)


def _written(path: str, findings: list, lang: str) -> str:  # type: ignore[type-arg]
    """The one line after a file is written: where, and how many findings of each severity went in."""
    n = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")}
    if lang == "zh":
        return f"已写入 {path}（{len(findings)} 条：错误 {n['error']}，警告 {n['warning']}，提示 {n['info']}）"
    return f"wrote {path} ({len(findings)} findings: {n['error']} errors, {n['warning']} warnings, {n['info']} info)"


# --------------------------------------------------------------------------- diff


@main.command()
@click.argument("old")
@click.argument("new")
@click.option("--parent", help="两稿共同的上级方案 / parent plan both versions are checked against")
@click.option("--ruleset", "rulesets", multiple=True, help="规则集 id 或文件（可重复），同 check / ruleset id or file (repeatable), as for check")
@click.option("--no-core", is_flag=True, help="不加载 rulesets/core.yaml / do not load rulesets/core.yaml")
@click.option("--no-parent", "allow_no_parent", is_flag=True, help="没有上级方案，只做文稿检查 / run without a parent: only drafting checks")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
@click.option("--output", "-o", help="输出文件（默认标准输出）/ output file (default: standard output)")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "none"]), default="error", show_default=True)
@_level_options
@common_options
def diff(
    old: str,
    new: str,
    parent: str | None,
    rulesets: tuple[str, ...],
    no_core: bool,
    allow_no_parent: bool,
    fmt: str,
    output: str | None,
    fail_on: str,
    level: str | None,
    jurisdiction: str | None,
    lang: str,
) -> None:
    """对照同一方案的两稿。Compare two versions of a draft: measures inserted, removed, renumbered or
    changed, and findings fixed, still open or new.

    Exit codes: 0 no new finding at or above --fail-on; 1 new findings at or above it; 2 usage,
    input or ruleset error.
    """
    from engine.outputs import refuse_inputs, write_output
    from engine.pipeline import check as run_check
    from engine.versions.diff import diff_runs
    from engine.versions.render import render_diff

    _import_jieba()
    _stdin_once(old, new, parent)
    refuse_inputs([output] if output else [], [old, new, parent or "", *rulesets])
    options = dict(
        parent_path=parent,
        rulesets=list(rulesets),
        no_core=no_core,
        allow_no_parent=allow_no_parent,
        fail_on=fail_on,
        lang=lang,
        level=level,
        jurisdiction=jurisdiction,
    )
    before = run_check(old, display_path=display_path_of(old), **options)  # type: ignore[arg-type]
    after = run_check(new, display_path=display_path_of(new), **options)  # type: ignore[arg-type]
    report = diff_runs(before, after, fail_on)
    write_output(output or "-", render_diff(report, fmt, lang))
    sys.exit(1 if report.summary.failed else 0)


# --------------------------------------------------------------------------- fix


@main.command()
@click.argument("draft")
@click.option("--parent", help="上级方案 / parent plan: obligations are derived from it on the fly")
@click.option("--ruleset", "rulesets", multiple=True, help="规则集 / ruleset id or file (repeatable)")
@click.option("--no-core", is_flag=True, help="不加载核心规则 / do not load rulesets/core.yaml")
@click.option("--no-parent", "allow_no_parent", is_flag=True, help="无上级方案，只做文稿检查 / drafting checks only")
@click.option("--output", "-o", required=True, help="修改后的草稿（.txt/.md，或带修订的 .docx）/ the fixed draft: text, or .docx with tracked changes")
@click.option("--author", default="plancheck", show_default=True, help="修订作者，如“城中区司法局” / author of the tracked changes")
@_level_options
@common_options
def fix(
    draft: str,
    parent: str | None,
    rulesets: tuple[str, ...],
    no_core: bool,
    allow_no_parent: bool,
    output: str,
    author: str,
    level: str | None,
    jurisdiction: str | None,
    lang: str,
) -> None:
    """应用可安全自动修改的问题。Apply every fix that is safe, and say what was skipped.

    A fix is applied only when re-checking the fixed draft finds nothing the draft did not have.
    The draft itself is never written: the result goes to --output (a .docx draft, or any draft
    written to .docx, gets Word tracked changes a clerk accepts or rejects one by one).
    """
    _import_jieba()
    from engine.fix.run import run_fix
    from engine.i18n import message
    from engine.outputs import refuse_inputs, write_output

    refuse_inputs([output], [draft, parent or "", *rulesets])
    result = run_fix(
        draft,
        output,
        parent_path=parent,
        rulesets=list(rulesets),
        no_core=no_core,
        allow_no_parent=allow_no_parent,
        lang=lang,
        level=level,  # type: ignore[arg-type]
        jurisdiction=jurisdiction,
        author=author,
    )
    refuse_inputs([output])  # and every ruleset file the run read
    o = result.outcome
    for f, why in o.skipped:
        where = f"{f.line}:{f.column}" if f.line else (f.local_item or "-")
        echo(message("fix.skipped", lang, where=where, rule=f.rule, why=message(f"fix.why.{why}", lang)), err=True)
    if result.data is None:
        echo(message("fix.none", lang, candidates=len(o.skipped)), err=True)
        return
    write_output(output, result.data, binary=True)  # the user's own text, control characters and all
    after = result.recheck(output)  # what `plancheck check` says of the written file
    echo(
        message(
            "fix.summary", lang, path=output, applied=len(o.applied), edits=result.edits,
            skipped=len(o.skipped), before=len(o.before), after=len(after),
        ),
        err=True,
    )  # fmt: skip


def _attach_rules_group() -> None:
    from engine.cli_rules import rules
    from engine.cli_serve import serve
    from engine.cli_units import units

    main.add_command(rules)
    main.add_command(units)
    main.add_command(serve)


_attach_rules_group()

if __name__ == "__main__":  # `python -m engine.cli …` runs the same entry point as `plancheck` and `python -m engine`
    from engine.entry import main as _entry

    _entry()
