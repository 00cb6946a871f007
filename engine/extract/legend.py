"""The one reader of a document's stated marks: what a mark (★ ● # √ …) or a short quoted word means.

A plan says once how to read a sign it sets beside a unit's name ("责任单位中，带*号的为牵头单位，其余为配合单位") or in the
cells of a responsibility matrix ("注：●为牵头单位，○为配合单位", "（●牵头 ○配合）", "表中标注“主”的为牵头单位"). The
wordings, the marks and the words between a mark and its role are data (rulesets/data/lead_conventions.yaml
`marked`, `marks`, `legend_words`); the role words those of rulesets/data/roles.yaml. Both readers go through here:
engine/ingest/matrix.py for a matrix's cells, engine/parse/conventions.py (by `stated_lead_mark`,
`stated_support_mark`) for the marks beside units' names in a clause.

The text is read with its whitespace removed (a legend is short, and "●  牵头" is "●牵头"), so no pattern meets a
run of spaces: every part of a wording is a bounded choice of words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from types import MappingProxyType

from engine.extract.data import lead_conventions
from engine.extract.sentences import squeeze
from engine.ingest.normalise import to_simplified
from engine.memo import memo
from engine.roles import roles as role_words

_OPEN_QUOTES = "“\"'‘「『"
_CLOSE_QUOTES = "”\"'’」』"
# where a role word of a wording ends ({end}): a stop, a bracket, a quote, another mark or the text's end
_END_STOPS = "，,；;。.、）)（(”\"」』’：:"


def same(mark: str) -> str:
    """The mark's one form: one shape in two widths is one mark (＊ is *, ＃ is #); a word stays as written."""
    return unicodedata.normalize("NFKC", mark) if len(mark) == 1 else mark


@memo(1, copy="shared")  # built once from the roles data: a frozen mapping
def role_of() -> MappingProxyType[str, str]:
    """Role word -> role ("lead", "support", "duty"), longest first: the lead, support and duty words of
    rulesets/data/roles.yaml (fields, verbs, bare labels and stems) that a matrix's cell or a legend says whole."""
    r = role_words()
    stems = dict(r.stems)
    by_role = {
        "lead": [*r.lead_fields, *r.lead_verbs, *r.paired_verbs, *r.bare_lead, *stems.get("lead", ())],
        "support": [*r.support_fields, *r.support_verbs, *r.bare_support, *stems.get("support", ())],
        "duty": [*r.duty_fields, *stems.get("duty", ())],
    }
    words: dict[str, str] = {}
    for role, ws in by_role.items():
        for w in ws:
            words.setdefault(w, role)
    return MappingProxyType(dict(sorted(words.items(), key=lambda wr: -len(wr[0]))))


@memo(1, copy="shared")  # compiled once from the data
def _wordings() -> tuple[re.Pattern[str], ...]:
    """The `marked` wordings of rulesets/data/lead_conventions.yaml, filled in: groups "mark" (and "q", its quote)
    and "role"."""
    conv = lead_conventions()
    marks = re.escape(conv.marks) or "(?!)"
    alt = "|".join(re.escape(w) for w in role_of()) or "(?!)"
    says = "|".join(re.escape(w) for w in conv.legend_words) or "(?!)"
    # a mark, in quotes or not; a short word only in quotes (表中标注“主”的为牵头单位)
    mark = (
        f"(?P<q>[{re.escape(_OPEN_QUOTES)}])?"
        f"(?P<mark>[{marks}]|(?(q)[^{re.escape(_CLOSE_QUOTES)}]{{1,4}}|(?!)))"
        f"(?(q)[{re.escape(_CLOSE_QUOTES)}])"
    )
    end = f"(?=$|[{re.escape(_END_STOPS)}{marks}])"
    field = "(?P<role>" + role_words().field_pattern() + ")"
    return tuple(
        re.compile(
            p.replace("{mark}", mark).replace("{says}", says).replace("{end}", end)
            .replace("{role}", f"(?P<role>{alt})").replace("{field}", field)
        )
        for p in conv.marked
    )  # fmt: skip


def stated_marks(texts: Iterable[str]) -> dict[str, str]:
    """Mark (or quoted word) -> role ("lead", "support", "duty"), as the texts state them ("★为牵头单位，●为配合单位",
    "带*号的为牵头单位"), in the order stated; a mark stated with two roles says nothing."""
    roles = role_of()
    got: dict[str, str] = {}
    clash: set[str] = set()
    for text in texts:
        if not text:
            continue
        flat = squeeze(to_simplified(text))
        found = sorted(((m.start(), same(m.group("mark")), roles.get(m.group("role"))) for p in _wordings()
                        for m in p.finditer(flat)), key=lambda f: f[0])  # fmt: skip
        for _, mark, role in found:
            if role is not None and got.setdefault(mark, role) != role:
                clash.add(mark)
    return {k: v for k, v in got.items() if k not in clash}


def stated_lead_mark(text: str) -> str | None:
    """The mark a document says its leads carry beside their names ("带*号的为牵头单位" -> "*"), or None."""
    return _mark_of(text, "lead")


def stated_support_mark(text: str) -> str | None:
    """The mark a document says its supporting units carry ("标#的为配合单位" -> "#"), or None."""
    return _mark_of(text, "support")


def _mark_of(text: str, role: str) -> str | None:
    """The first mark of `role` the text states; a quoted word (a matrix cell's 主) is no mark beside a name."""
    marks = lead_conventions().marks
    return next((m for m, r in stated_marks([text]).items() if r == role and len(m) == 1 and m in marks), None)
