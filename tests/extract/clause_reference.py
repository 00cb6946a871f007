"""The plain definition of a measure's responsibility clauses, as plancheck read them before `_Scan`
(commit 004de6d): the last clause of the text, then the last clause of the text before it, and so on,
each found by reading that whole prefix again. Quadratic (a measure of 1,000 clauses took minutes);
kept here only so tests can compare `engine.extract.responsibility` with it.
"""

from __future__ import annotations

from engine.extract.responsibility import (
    _ATTRIBUTIVE_RE,
    _ONLY_RESPONSIBLE_RE,
    _OVERSIGHT_RE,
    _REQUEST_RE,
    _SENTENCE_START_RE,
    BRACKET_NAMES,
    BRACKET_OPEN,
    BY_DUTY,
    CLAUSE_KEY_RE,
    CLOSER_TO_OPENER,
    DUTY_STYLES,
    INLINE_RE,
    INLINE_TEXT_RE,
    KEY_RE,
    SEPARATORS,
    _before_fields,
    _goes_on,
    _heading_dash,
    _names_a_body,
    _names_again,
    _needs_support,
    _prose_sentence,
    _unit_list,
    _units,
    is_participant,
    label_headings,
    matched_pairs,
    parse_clause_content,
    parse_units,
    reads_as_role_name,
    reads_as_unit,
)
from engine.extract.sentences import squeeze
from engine.models import Responsibility


def find(text: str, *, prose: bool = False) -> tuple[Responsibility, int, int] | None:
    if not text:
        return None
    shown = label_headings(text)
    found = _find(shown, prose)
    if found is None or shown is text:
        return found
    r, fs, fe = found
    start = fs - (fs > 0 and text[fs - 1] in "【[［〔" and shown[fs - 1] == " ")
    return r.model_copy(update={"text": text[start:fe], "start": start}), start, fe


def chain(text: str) -> list[tuple[Responsibility, int, int]]:
    """Every clause `_facts` cuts from a measure, last first (its loop, on the same prefixes)."""
    found = find(text, prose=True)
    if found is None:
        return []
    out = [found]
    prev = find(text[: found[1]])
    while prev is not None and prev[2] <= found[1]:
        out.append(prev)
        prev = find(text[: prev[1]]) if prev[1] > 0 else None
    return out


def _bracket_end(text: str, start: int) -> int | None:
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch in BRACKET_OPEN:
            depth += 1
        elif ch in ")）]］】〕":
            if depth == 0:
                return i
            depth -= 1
        elif ch in "。" and depth == 0:
            return None
    return None


def _ends_sentence(text: str, o: int, c: int) -> bool:
    after = text[c + 1 :].lstrip(" \t")
    before = text[:o].rstrip(" \t")
    return not after or after[0] in "\n。；;" or not before or before[-1] in "\n。；;！？"


def _line_end(text: str, start: int, limit: int) -> int:
    i = text.find("\n", start, limit)
    while i >= 0:
        rest = text[i + 1 : limit].lstrip(" \t\n")
        if rest and not (KEY_RE.match(rest) or _OVERSIGHT_RE.match(rest) or rest[0] in SEPARATORS):
            return i
        i = text.find("\n", i + 1, limit)
    return limit


def _make(text, s, e, bracket, parsed):
    lead, support, style = parsed
    before = text[:s]
    nl = before.rfind("\n")
    detached = nl >= 0 and not before[nl + 1 :].strip() and bool(before[:nl].strip())
    r = Responsibility(
        lead=_units(lead), support=_units(support), style=style, bracket=bracket, text=text[s:e],
        detached=detached, by_duty=bool(BY_DUTY.search(text[s:e])), start=s, end=e,
    )  # fmt: skip
    return r, s, e


def _closing_sentence(text: str):
    end = len(text.rstrip(" \t\n"))
    body = text[:end]
    if body.endswith(("。", ".")):
        body = body[:-1]
    starts = [m.end() for m in _SENTENCE_START_RE.finditer(body)]
    s = starts[-1] if starts else 0
    while s < len(body) and body[s] in " \t":
        s += 1
    sentence = squeeze(body[s:])
    request = _REQUEST_RE.match(sentence)  # 请X牵头，Y配合 (prose36): 请 no part of X's name
    sentence = sentence[request.end() :] if request else sentence
    m = INLINE_RE.match(sentence)
    only = _ONLY_RESPONSIBLE_RE.match(sentence) if not m else None
    if only:
        listed = _unit_list(only.group("units"))  # X会同Y负责 (prose36): X leads, Y supports
        lead, support = listed if listed else ([], [])
        if lead and all(_names_a_body(n) for n in [*lead, *support]):
            return _make(text, s, end, "", (lead, support, "X会同Y负责" if support else "X负责"))
        return None
    if not m or sentence.startswith("由"):
        return None
    lead = parse_units(m.group("lead"))
    support = parse_units(m.group("sup") or "")
    if not lead or not all(reads_as_unit(n) and "由" not in n for n in lead + support):
        return None
    return _make(text, s, end, "", (lead, support, "X牵头"))


def _find(text: str, prose: bool):
    pairs = [(o, c) for o, c in matched_pairs(text, BRACKET_OPEN) if text[o] in BRACKET_OPEN]
    best = None
    for o, c in pairs:
        if best and o < best[1]:
            continue
        parsed = parse_clause_content(text[o + 1 : c])
        if parsed and _names_again(text, o, c):
            parsed = None
        if parsed and parsed[2] in DUTY_STYLES and not _ends_sentence(text, o, c):
            continue
        if parsed and (parsed[0] or parsed[1]):
            if best and best[1] < o and c < best[2]:
                continue
            best = _make(text, o, c + 1, BRACKET_NAMES.get(text[o], ""), parsed)
    inside = list(pairs)
    for k in CLAUSE_KEY_RE.finditer(text):
        ks = k.start()
        if any(o < ks < c for o, c in inside):
            continue
        if best and ks < best[2]:
            continue
        s = ks
        bracket = ""
        j = ks - 1
        while j >= 0 and text[j] in " \t\n":
            j -= 1
        if j >= 0 and text[j] in BRACKET_OPEN:
            s, bracket = j, BRACKET_NAMES.get(text[j], "")
        close = _bracket_end(text, k.start())
        if close is not None:
            e = close + 1
            if not bracket:
                bracket = BRACKET_NAMES.get(CLOSER_TO_OPENER.get(text[close], ""), "")
            content = text[k.start() : close]
        else:
            dot = text.find("。", k.start())
            e = dot + 1 if dot >= 0 else len(text)
            e = min(e, _line_end(text, k.end(), e))
            content = text[k.start() : e].rstrip("。\n")
        parsed = parse_clause_content(content)
        if parsed and (parsed[0] or parsed[1]):
            best = _make(text, s, e, bracket, parsed)
    if best:
        return best
    cut = _before_fields(text, len(text))  # ordinals75: the closing sentence before a 完成时限 line
    bare = _closing_sentence(text[:cut])
    if bare is None:  # fix43: the division of labour after the heading line's dash
        h = _heading_dash(text, len(text))
        bare = (h.responsibility, h.start, h.end) if h else None
    if bare is None and prose:
        p = _prose_sentence(text[:cut])
        bare = (p.responsibility, p.start, p.end) if p else None
    if bare is not None:
        return bare
    for m in reversed(list(INLINE_TEXT_RE.finditer(text))):
        if _ATTRIBUTIVE_RE.match(text, m.end()) or _goes_on(m, text, len(text)) or _needs_support(m):
            continue  # (_needs_support: "由X负责，" alone, as the scan's step 4 skips it)
        lead = parse_units(m.group("lead"))
        support = parse_units(m.group("sup") or "")
        if support and not all(reads_as_role_name(n) for n in support):  # open39: no half-read support part
            support = [n for n in support if not is_participant(n)]
            if not all(reads_as_role_name(n) for n in support):
                continue
        if lead and all(reads_as_role_name(n) for n in lead):  # 由各运输机场牵头 (prose36b): a group of bodies too
            return _make(text, m.start(), m.end(), "", (lead, support, "由X牵头"))
    return None
