"""Findings after the rules ran: fingerprints, one explicit order, waivers, and the summary.

Everything here is deterministic so the same input gives byte-identical reports: the order is an
explicit sort key, and "today" for waiver expiry is an argument.

A fingerprint names the same problem in every version of a draft. It hashes what the finding is
about — the rule, the parent measure it rests on (the parent does not change between versions; a
draft measure is anchored by the parent measures aligned to it), the kind's key and the parent's
words — and never the draft's item numbers, lines or offsets, so inserting, removing or renumbering
measures leaves it alone. Only where nothing in the parent anchors a finding (a measure the draft
added, the title) do the draft's own quoted words stand in. Two findings with one identity are told
apart by their order among themselves (the first keeps the bare identity).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

import yaml
from pydantic import ValidationError

from engine.errors import PlancheckError
from engine.models import (
    SEVERITY_RANK,
    AlignmentPair,
    Coverage,
    Finding,
    NotApplicableMeasure,
    Summary,
    Waiver,
    WaiverProblem,
)
from engine.outputs import note_input
from engine.rules import safe_yaml

FINGERPRINT_SCHEME = "plancheck/v2"  # how fingerprints are made; a baseline with another is matched by evidence

_WORD_CHARS = re.compile(r"[^\w]|_", re.UNICODE)


def normalise_evidence(text: str | None) -> str:
    """Words only: spacing, punctuation and width differences do not make another problem."""
    return _WORD_CHARS.sub("", unicodedata.normalize("NFKC", text or "")).lower()


def anchor_of(local_item: str | None, parent_item: str | None, parents_of: dict[str, list[str]]) -> str:
    """What anchors a finding across versions: its parent measure, else the parent measures aligned to
    its draft measure; '' when only the draft's own words can (a measure the draft added, the title)."""
    if parent_item:
        return "parent:" + parent_item
    if local_item and parents_of.get(local_item):
        return "aligned:" + ",".join(sorted(parents_of[local_item]))
    return ""


def identity(rule: str, anchor: str, key: str, quote: str | None, parent_quote: str | None) -> str:
    """The fingerprint of the first finding with this identity (see the module docstring)."""
    parts = [FINGERPRINT_SCHEME, rule, anchor, key, normalise_evidence(parent_quote)]
    if not anchor or not key:
        parts.append(normalise_evidence(quote))
    return _hash(parts)


def fingerprint(f: Finding, key: str = "", parents_of: dict[str, list[str]] | None = None) -> str:
    """The identity of a Finding built outside the engine (tests, tools): its evidence stands for the
    kind's quotes."""
    anchor = anchor_of(f.local_item, f.parent_item, parents_of or {})
    return identity(f.rule, anchor, key, f.evidence.local, f.evidence.parent)


def _hash(parts: list[str]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def sort_key(f: Finding) -> tuple:
    """Document order first (findings without a place — title, preamble — lead), then rule."""
    return (f.line, f.column, f.local_item or "", f.rule, f.parent_item or "", f.fingerprint)


def finalize(findings: Iterable[Finding]) -> list[Finding]:
    """Sorted, one finding per identity and place, and each fingerprint made unique.

    `f.fingerprint` comes in as the identity (engine.rules.engine); the n-th finding (n > 0, in
    document order) with one identity gets the identity hashed with n, so the first keeps its
    fingerprint when a second appears.
    """
    seen: dict[tuple, Finding] = {}
    for f in findings:
        seen.setdefault((f.fingerprint, f.local_item, f.line, f.column), f)
    out = _one_per_slip(sorted(seen.values(), key=sort_key))
    count: dict[str, int] = {}
    for f in out:
        n = count.get(f.fingerprint, 0)
        count[f.fingerprint] = n + 1
        if n:
            f.fingerprint = _hash([f.fingerprint, str(n)])
    return out


def _one_per_slip(findings: list[Finding]) -> list[Finding]:
    """Two checks proposing the very same edits found one slip: (二) beside （一） is a numbering style and a
    bracket width at once. Keep one finding for it — the more severe, the first in order on a tie — so a
    clerk reads it once and `plancheck fix` makes it once. Findings with no edits are never merged."""
    first: dict[tuple, int] = {}  # the edits -> the index of the finding kept for them
    keep: list[Finding | None] = list(findings)
    for i, f in enumerate(findings):
        if f.fix is None or not f.fix.edits:
            continue
        edits = tuple(sorted((e.line, e.column, e.end_column, e.replacement) for e in f.fix.edits))
        j = first.setdefault(edits, i)
        if j != i and SEVERITY_RANK[f.severity] > SEVERITY_RANK[findings[j].severity]:
            keep[j], first[edits] = None, i
        elif j != i:
            keep[i] = None
    return [f for f in keep if f is not None]


# --------------------------------------------------------------------------- waivers


@safe_yaml.guard
class _LineLoader(yaml.SafeLoader):
    """Safe loader that remembers the line of each waiver entry for error messages."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = {
        k.value: v.start_mark.line + 1 for k, v in node.value if isinstance(k, yaml.ScalarNode)
    }
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay text until the model checks them (YAML's own date reading raises a bare ValueError on
# 2025-02-30); the error then names the entry's key and the line that key is on.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_waivers(path: str) -> list[Waiver]:
    """Read a waiver file: a list of entries (or `waivers:` holding one). Errors name file:line."""
    p = Path(path)
    if not p.is_file():
        raise PlancheckError("input.not_found", path=path)
    note_input(p)
    try:
        loader = _LineLoader(safe_yaml.read_text(p, path))
        try:
            node = safe_yaml.compose(loader)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except UnicodeDecodeError:
        raise PlancheckError("input.undecodable", path=path) from None
    except safe_yaml.Refused as e:
        raise safe_yaml.refused_error(e, path, "waivers.invalid", key="-") from None
    except RecursionError:  # the pure-Python composer recurses once per nesting level
        raise PlancheckError("waivers.invalid", path=path, line=1, key="-", reason="nested too deeply") from None
    except OSError as e:  # gone or unreadable since it was found
        raise PlancheckError("input.unreadable", path=path, reason=e.strerror or str(e)) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        reason = " ".join(x for x in (getattr(e, "context", None), getattr(e, "problem", None)) if x) or str(e)
        raise PlancheckError(
            "waivers.invalid", path=path, line=(mark.line + 1) if mark else 1, key="-", reason=reason
        ) from None
    except ValueError as e:  # an explicitly tagged value YAML cannot build (!!timestamp 2025-02-30)
        raise PlancheckError("waivers.invalid", path=path, line=1, key="-", reason=str(e)) from None
    if isinstance(data, dict) and "waivers" in data:
        data = data["waivers"]
    if data is None:
        return []
    if not isinstance(data, list):
        raise PlancheckError("waivers.invalid", path=path, line=1, key="-", reason="expected a list of waivers")
    waivers = []
    for i, entry in enumerate(data):
        line = entry.pop("__line__", 1) if isinstance(entry, dict) else 1
        lines = entry.pop("__lines__", {}) if isinstance(entry, dict) else {}
        if isinstance(entry, dict):
            entry = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in entry.items()}
        try:
            w = Waiver.model_validate(entry)
        except ValidationError as e:
            err = e.errors()[0]
            key = f"[{i}]." + ".".join(str(x) for x in err["loc"])
            at = lines.get(str(err["loc"][0]), line) if err["loc"] else line
            raise PlancheckError("waivers.invalid", path=path, line=at, key=key, reason=err["msg"]) from None
        if not (w.rule or w.check or w.fingerprint):
            raise PlancheckError(
                "waivers.invalid", path=path, line=line, key=f"[{i}]", reason="needs fingerprint, rule or check"
            )
        if w.expires:
            try:
                dt.date.fromisoformat(w.expires)
            except ValueError:
                raise PlancheckError(
                    "waivers.invalid", path=path, line=lines.get("expires", line), key=f"[{i}].expires",
                    reason=f"{w.expires} is not a date (expected YYYY-MM-DD)",
                ) from None
        waivers.append(w)
    return waivers


def _waiver_matches(w: Waiver, f: Finding, aliases: dict[str, str]) -> bool:
    """A fingerprint decides alone (its item is a hint for people, stale after renumbering); `aliases`
    gives the fingerprint a finding had in a baseline, when it was paired with it otherwise."""
    if w.rule and w.rule != f.rule:
        return False
    if w.check and w.check != f.check:
        return False
    if w.fingerprint:
        return w.fingerprint in (f.fingerprint, aliases.get(f.fingerprint))
    if w.item is None:
        return True
    if w.item.startswith("parent:"):
        return w.item[len("parent:") :] == (f.parent_item or "")
    return w.item in (f.local_item, f.parent_item)


def apply_waivers(
    findings: list[Finding],
    waivers: list[Waiver],
    today: dt.date,
    lang: str = "zh",
    aliases: dict[str, str] | None = None,
) -> tuple[list[Finding], list[Finding], list[WaiverProblem]]:
    """Split findings into (active, waived); report expired and unused waivers."""
    live = [w for w in waivers if not (w.expires and dt.date.fromisoformat(w.expires) < today)]
    problems = [
        WaiverProblem(kind="expired", waiver=w, message=_waiver_message("expired", w, lang))
        for w in waivers
        if w not in live
    ]
    used: set[int] = set()
    active, waived = [], []
    for f in findings:
        hit = next((i for i, w in enumerate(live) if _waiver_matches(w, f, aliases or {})), None)
        if hit is None:
            active.append(f)
        else:
            used.add(hit)
            waived.append(f.model_copy(update={"waived": True, "waiver": live[hit]}))
    problems += [
        WaiverProblem(kind=k, waiver=w, message=_waiver_message(k, w, lang))
        for i, w in enumerate(live)
        if i not in used
        for k in ["stale" if w.fingerprint else "unused"]
    ]
    return active, waived, problems


def _waiver_message(kind: str, w: Waiver, lang: str) -> str:
    what = " ".join(x for x in (w.rule or w.check, w.fingerprint) if x)
    item = f" {w.item}" if w.item else ""
    if kind == "expired":
        return (
            f"豁免已于 {w.expires} 过期，不再适用：{what}{item}"
            if lang == "zh"
            else f"waiver expired on {w.expires} and no longer applies: {what}{item}"
        )
    if kind == "stale":
        return (
            f"豁免已失效：它针对的问题已不存在（已改正或已删除）：{what}{item}"
            if lang == "zh"
            else f"stale waiver: its finding is gone (fixed or removed): {what}{item}"
        )
    return f"豁免未被使用（没有匹配的问题）：{what}{item}" if lang == "zh" else f"unused waiver (matches no finding): {what}{item}"


# --------------------------------------------------------------------------- summary


def coverage(
    pairs: list[AlignmentPair], not_applicable: set[str], measures: Sequence[NotApplicableMeasure] = ()
) -> Coverage:
    """How the parent's measures are carried: one count per parent measure. `measures`: the reasons
    of those not applicable (pipeline.not_applicable_measures), listed when counted so."""
    c = Coverage()
    counted: set[str] = set()
    for p in pairs:
        if p.parent_item is None:
            continue
        c.parent_measures += 1
        if p.parent_item in not_applicable and p.relation == "dropped":
            c.not_applicable += 1
            counted.add(p.parent_item)
        elif p.relation == "same":
            c.carried += 1
        elif p.relation == "adapted":
            c.adapted += 1
        elif p.relation == "merged":
            c.merged += 1
        elif p.relation == "split":
            c.split += 1
        elif p.relation == "general":
            c.general += 1
        else:
            c.missing += 1
    c.not_applicable_measures = [m for m in measures if m.parent_item in counted]
    return c


def summarize(
    draft: str,
    parent: str,
    findings: list[Finding],
    waived: list[Finding],
    cov: Coverage,
    rulesets: list[str],
    fail_on: str,
    tracked_changes: bool = False,
) -> Summary:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITY_RANK}
    threshold = SEVERITY_RANK.get(fail_on, 99)
    failed = any(SEVERITY_RANK[f.severity] >= threshold for f in findings)
    return Summary(
        draft=draft,
        parent=parent,
        errors=counts["error"],
        warnings=counts["warning"],
        infos=counts["info"],
        waived=len(waived),
        coverage=cov,
        rulesets=rulesets,
        fail_on=fail_on,  # type: ignore[arg-type]
        failed=failed,
        tracked_changes_accepted=tracked_changes,
    )
