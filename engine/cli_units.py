"""`plancheck units`: the units a draft names, and registry entries proposed from published plans.

Attached by engine/cli.py. Unknown units are listed, never reported as findings: an office adds
them to its own registry (`--registry FILE` writes a proposal to curate).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from engine.cli_support import common_options
from engine.errors import PlancheckError
from engine.outputs import echo

_ROLE = {"lead": "牵头", "support": "配合", "text": "正文"}
_STATUS = {"current": "现行", "outdated": "已撤并", "renamed": "撤并期限{until}（方案日期未定）", "unknown": "未登记",
           "generic": "泛指", "group": "下级各地（不需登记）"}
_RELATION = {"self": "本级", "upper": "上级", "other": "外地", "below": "下级", "branch": "派驻/垂直",
             "unknown": "未定"}


@click.command(name="units")
@click.argument("plans", nargs=-1, required=True)
@click.option("--registry", "proposal", help="由这些方案生成的登记表草稿写到此 YAML 文件 / write registry entries proposed from PLANS to this YAML file")
@click.option("--force", is_flag=True, help="覆盖 --registry 文件 / overwrite the --registry file")
@click.option("--unit-registry", "unit_registries", multiple=True, help="本单位的单位登记表，可重复 / an office's own unit registry; repeatable")
@click.option("--date", "draft_date", type=click.DateTime(["%Y-%m-%d"]),
              help="方案日期（没有日期行或标题年份时）/ the draft's date when it has no date line or year in its title")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--level", type=click.Choice(["national", "province", "city", "county", "town"]),
              help="指定层级，不用推断值 / override the inferred level")
@click.option("--jurisdiction", help="指定辖区，不用推断值，如 城中区 / override the inferred jurisdiction")
@common_options
def units(
    plans: tuple[str, ...],
    proposal: str | None,
    force: bool,
    unit_registries: tuple[str, ...],
    draft_date: dt.datetime | None,
    fmt: str,
    level: str | None,
    jurisdiction: str | None,
    lang: str,
) -> None:
    """列出方案中的单位；或由已发布方案生成单位登记表草稿。List the units a draft names (measure, role,
    name, level, registry status); with --registry, propose registry entries from published plans."""
    from engine.extract.unitnames import load_registry
    from engine.pipeline import display_path_of, load_plan

    reg = load_registry(unit_registries)
    if proposal:
        _propose(plans, proposal, force, reg, lang)
        return
    if len(plans) > 1:
        raise PlancheckError("units.one_draft", n=len(plans))
    plan = load_plan(plans[0], level=level, jurisdiction=jurisdiction)  # type: ignore[arg-type]
    plan.source = display_path_of(plans[0])
    rows = _rows(plan, reg, draft_date.date() if draft_date else None)
    if fmt == "json":
        echo(json.dumps(rows, ensure_ascii=False, indent=2, sort_keys=True))
        return
    zh = lang == "zh"
    head = ("条目", "角色", "单位", "登记名称", "层级", "关系", "状态") if zh else (
        "item", "role", "unit", "registry name", "level", "relation", "status")
    table = [head]
    for r in rows:
        status = r["status"] + (f" → {r['successor']}" if r.get("successor") else "")
        table.append((
            r["item"] or "-",
            _ROLE[r["role"]] if zh else r["role"],
            r["name"],
            r["form"] or "-",
            r["level"],
            _RELATION[r["relation"]] if zh else r["relation"],
            (_STATUS[r["status"]].format(until=r["until"]) + (f" → {r['successor']}" if r.get("successor") else ""))
            if zh else status + (f" (by {r['until']})" if r["status"] == "renamed" else ""),
        ))
    widths = [max(_width(row[i]) for row in table) for i in range(len(head))]
    for row in table:
        echo("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)).rstrip())


def _width(s: str) -> int:
    return sum(2 if ord(c) > 0x2E7F else 1 for c in s)


def _rows(plan, reg, given: dt.date | None) -> list[dict]:
    from engine.extract import is_generic_unit
    from engine.extract.responsibility import is_lower_group
    from engine.extract.unitnames import Where, mentions, status_of
    from engine.parse.dating import draft_date
    from engine.rules.kinds.unit_outdated import successor_names

    date, _ = draft_date(plan, given)
    rows = []
    for m in mentions(plan, reg):
        r = m.read
        status = status_of(r, date)
        relation = r.relation
        if status == "unknown" and is_generic_unit(r.name):
            status = "generic"
        elif status == "unknown" and is_lower_group(r.name):  # 各乡镇人民政府: each its own place's body
            status, relation = "group", "below"
        rows.append({
            "item": m.item,
            "role": m.role,
            "name": r.name,
            "form": r.form,
            "body": r.body.id if r.body else None,
            "level": r.level,
            "relation": relation,
            "status": status,
            # several names in use at the unit's level: each is right, the usual first
            "successor": " / ".join(successor_names(m, reg, Where.of(plan))[0]) if status in ("outdated", "renamed") else None,
            "until": r.rename.until.isoformat() if r.rename else None,
            "date": date,
        })
    return rows


def _propose(plans: tuple[str, ...], out: str, force: bool, reg, lang: str) -> None:
    from engine.extract.unitnames import Where, proposal_yaml, propose
    from engine.outputs import refuse_inputs, write_output
    from engine.pipeline import display_path_of, load_plan

    path = Path(out)
    refuse_inputs([out], list(plans))
    if path.exists() and not force:
        raise PlancheckError("option.would_overwrite", path=out)
    names: list[tuple[str, Where]] = []
    titles: list[str] = []
    for p in plans:
        plan = load_plan(p)
        titles.append(plan.title or display_path_of(p))
        where = Where.of(plan)
        for m in plan.measures:
            names += [(n, where) for n in (*m.lead_units, *m.support_units)]
    proposals = propose(names, reg)
    write_output(out, proposal_yaml(proposals, titles).encode("utf-8"))
    n = len(proposals)
    echo(f"已写入 {out}：{n} 个未登记的单位名称" if lang == "zh" else f"wrote {out}: {n} unregistered unit names",
               err=True)
