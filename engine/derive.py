"""Derive: a parent plan becomes an obligation ruleset a person can curate, and back.

`plancheck derive PARENT -o rulesets/x.yaml` writes one obligation per parent measure with what
alignment and the obligation kinds need (title, text, deadlines, targets, key clauses with their
strength). A curator then marks measures not applicable at a level (with a reason), tightens a
deadline, or requires named units or phrases. `plancheck check --ruleset x.yaml` rebuilds the
parent Plan from the obligations, so checking never needs the parent's text again; `--parent`
derives on the fly through exactly the same path, so both give the same findings.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from engine.extract import fill_measure, split_clauses, strength_of, without_responsibility
from engine.extract.unitnames import Where
from engine.models import Measure, Plan
from engine.rules.beyond import beyond_levels
from engine.rules.goals import goal_paragraphs
from engine.rules.ruleset import Obligation, ObligationClause, ParentGoal, ParentMeta, Ruleset

MIN_KEY_CLAUSE_CHARS = 6  # shorter clauses are headings or filler, not obligations


def derive_ruleset(parent: Plan, *, ruleset_id: str, source_bytes: bytes | None = None) -> Ruleset:
    """One obligation per parent measure (sub-measures included), with the parent's metadata; the
    source hash is of `source_bytes` when given, else of the bytes the plan was read from."""
    sha = hashlib.sha256(source_bytes).hexdigest() if source_bytes is not None else parent.sha256
    meta = ParentMeta(
        title=parent.title,
        doc_number=parent.doc_number,
        date=parent.date,
        level=parent.level,
        jurisdiction=parent.jurisdiction,
        source=Path(parent.source).name,
        sha256=sha,
    )
    from engine.pipeline import data_tables

    data = data_tables()
    where = Where.of(parent)
    obligations = [_obligation(m, data, parent.level, where) for m in parent.measures]
    return Ruleset(
        id=ruleset_id,
        version="1",
        description=f"由《{parent.title}》导出的上级义务（{len(obligations)} 项）",
        parent=meta,
        obligations=obligations,
        goals=[ParentGoal(name=g.name, text=g.text) for g in goal_paragraphs(parent)],
    )


def _obligation(m: Measure, data: dict, parent_level: str, where: Where) -> Obligation:
    clauses = []
    for text in split_clauses(without_responsibility(m)):
        if len(text) < MIN_KEY_CLAUSE_CHARS:
            continue
        words, level = strength_of(text)
        beyond, why = beyond_levels(data, text, parent_level, where, (m.title, m.text))
        clauses.append(ObligationClause(text=text, level=level, strength=words, beyond=beyond, beyond_reason=why))
    return Obligation(
        label=m.label,
        ref=m.ref or m.label,
        title=m.title,
        text=m.text,
        path=m.path,
        section_titles=m.section_titles,
        general=m.general,
        parent_measure=m.parent_measure,
        lead_units=m.lead_units,
        support_units=m.support_units,
        deadlines=m.deadlines,
        targets=m.targets,
        clauses=clauses,
    )


def plan_from_ruleset(rs: Ruleset) -> Plan:
    """Rebuild the parent Plan from obligations: their deadlines, targets and units (as curated) stand."""
    meta = rs.parent or ParentMeta(title=rs.id)
    measures = []
    for i, ob in enumerate(rs.obligations):
        m = Measure(
            label=ob.label,
            ref=ob.ref or ob.label,
            style="obligation",
            ordinal=i + 1,
            depth=len(ob.path),
            path=ob.path,
            section_titles=ob.section_titles,
            title=ob.title,
            text=ob.text,
            general=ob.general,
            parent_measure=ob.parent_measure,
        )
        fill_measure(m)
        m.deadlines = list(ob.deadlines)
        m.targets = list(ob.targets)
        # as derived (document conventions such as 排在第一位的为牵头单位 included) or as curated
        m.lead_units = list(ob.lead_units)
        m.support_units = list(ob.support_units)
        measures.append(m)
    return Plan(
        source=meta.source or rs.id,
        sha256=meta.sha256,  # of the parent the ruleset was derived from
        title=meta.title,
        doc_number=meta.doc_number,
        date=meta.date,
        level=meta.level,
        jurisdiction=meta.jurisdiction,
        measures=measures,
        # the parent's prose goals, as a preamble of 名称：… lines (engine.rules.target_facts reads them)
        preamble="\n".join(f"{g.name}：{g.text}" for g in rs.goals),
    )


def dump_ruleset_yaml(rs: Ruleset) -> str:
    """YAML a person reads and edits: Chinese kept as is, keys in model order, no empty noise."""
    data = rs.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data = {"id": rs.id, "version": rs.version, **{k: v for k, v in data.items() if k not in ("id", "version")}}
    header = (
        "# 上级义务规则集：由 plancheck derive 生成，可人工校订。\n"
        "# 校订方式：在某项义务下加入\n"
        "#   not_applicable: {levels: [county], reason: 区级无立法权}   # 本级不适用及理由\n"
        "#   deadline: '2022-06-30'                                     # 收紧期限\n"
        "#   require_units: [区司法局]                                  # 必须点名的单位\n"
        "#   require_phrases: [一网通办]                                # 必须保留的表述\n"
        "# 条款的 beyond 列出不必承接该条的下级层级（立法、上级的战略平台等），可增可删。\n"
    )
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100000)
