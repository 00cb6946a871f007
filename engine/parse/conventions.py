"""Where a document's lead conventions apply (the wordings: rulesets/data/lead_conventions.yaml).

A document says once how to tell the lead among a clause's units: its first-listed unit ("列第一位者为牵头单位"), a
unit carrying a mark ("带●者为牵头单位"), or marks its supporting units instead ("标#的为配合单位"). Stated in the 印发
notice, the front or a body paragraph, the convention holds for the whole document. A first-listed convention
stated in a note of a task TABLE holds for that table's rows only: a note row inside the table, a note right after
its last row ("注：列第一位者为牵头单位"), or one right before its first row, under its caption ("（排在第一位的为牵头
单位）", "重点任务分工表（列第一位者为牵头单位）"); a body whose clauses list units jointly keeps them joint. A
table is a run of task-table rows (`Paragraph.table_row`, engine/ingest/tables.py). A mark convention needs no
scope: only a list whose units carry the mark is read by it. Nor does a separator ("分号前为牵头单位，分号后为配合
单位": only a list the separator divides is read by it) or bold print ("加粗字体标注的为牵头单位": only a list whose
units were printed bold, `Paragraph.bold`, is read by it; the bold print is the lead mark `extract.PRINTED_BOLD`;
underlined print, "有下划线的为牵头单位", likewise: `Paragraph.underline`, `extract.PRINTED_UNDERLINE`),
or a bracket of supporting units ("括号外为牵头单位，括号内为配合单位": only a unit whose name ends in a bracket of
bodies' names is read by it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from engine import extract
from engine.extract.sentences import squeeze
from engine.ingest.table_notes import opens_note
from engine.models import Paragraph

# a bracketed part of a paragraph: where a caption carries its note ("…分工表（列第一位者为牵头单位）")
_BRACKETED = re.compile(r"[(（]([^()（）]*)[)）]")
# what ends a sentence or opens a list: a paragraph ending so is text, not a table's caption
_SENTENCE_END = "。；;：:，,！!？?"
# the longest caption (the text outside its brackets) read as carrying a table's note in brackets
# ("重点任务分工表（列第一位者为牵头单位）"): a table's title is short; a longer line is text
CAPTION_MAX = 40


@dataclass(frozen=True)
class Conventions:
    """The conventions of one document: `first_listed` for every clause, `first_listed_paras` for the clauses
    standing in those paragraphs (the rows of a table whose note states it); the marks for every clause."""

    first_listed: bool = False
    first_listed_paras: frozenset[int] = frozenset()
    lead_mark: str | None = None
    support_mark: str | None = None
    lead_separator: str | None = None  # the characters of the separator the leads stand before ("；;")
    bracketed_support: bool = False  # "括号内为配合单位": X（Y、Z） is X, supported by Y and Z

    @property
    def printed_bold(self) -> bool:
        """Bold print is a mark of this document ("加粗的为牵头单位")."""
        return extract.PRINTED_BOLD in (self.lead_mark, self.support_mark)

    @property
    def printed_underline(self) -> bool:
        """Underlined print is a mark of this document ("有下划线的为牵头单位")."""
        return extract.PRINTED_UNDERLINE in (self.lead_mark, self.support_mark)

    def first_listed_at(self, paras: Iterable[int]) -> bool:
        """True when the first-listed convention holds for a clause standing in `paras`."""
        return self.first_listed or not self.first_listed_paras.isdisjoint(paras)


def _tables(paras: Sequence[Paragraph]) -> list[range]:
    """The runs of consecutive task-table rows, each one table."""
    out: list[range] = []
    k = 0
    while k < len(paras):
        if not paras[k].table_row:
            k += 1
            continue
        top = k
        while k < len(paras) and paras[k].table_row:
            k += 1
        out.append(range(top, k))
    return out


def _note_part(text: str) -> str | None:
    """The part of a paragraph beside a table that is the table's note, or None: all of it after a note word and a
    colon ("注：…", "说明：…"), all of a paragraph in brackets, or the brackets of a caption ("…分工表（…）": the
    text outside them is a title, no sentence)."""
    flat = squeeze(text)
    if opens_note(flat):
        return flat
    inside = _BRACKETED.findall(flat)
    outside = _BRACKETED.sub("", flat).rstrip("。.")
    if inside and (not outside or (len(outside) <= CAPTION_MAX and outside[-1] not in _SENTENCE_END)):
        return "".join(inside)
    return None


def reading_note(text: str) -> bool:
    """A note saying how to read a task table or a list's units: a note word and its colon (lead_conventions.yaml
    `table_notes`: 注：, 备注：, 说明：) before a lead convention ("注：标★的为牵头单位，其余为配合单位", "说明：列第一位者为牵头
    单位"). Under a table or after a list's last item it is no part of the last measure (engine/parse/closing.py
    `notes_items`); its convention is read by `read` wherever it stands."""
    flat = squeeze(text)
    if not opens_note(flat):
        return False
    return bool(
        extract.states_first_listed_leads(flat)
        or extract.stated_lead_mark(flat)
        or extract.stated_support_mark(flat)
        or extract.stated_lead_separator(flat)
        or extract.stated_bold_role(flat)
        or extract.stated_underline_role(flat)
        or extract.states_bracketed_support(flat)
    )


def read(paras: Sequence[Paragraph]) -> Conventions:
    """The conventions `paras` state, and where each holds."""
    scoped: set[int] = set()
    in_note: set[int] = set()
    for t in _tables(paras):
        notes = [k for k in t if extract.states_first_listed_leads(paras[k].text)]  # a note row of the table
        k = t.stop
        while k < len(paras) and not paras[k].table_row and (part := _note_part(paras[k].text)) is not None:
            if extract.states_first_listed_leads(part):
                notes.append(k)
            k += 1
        before = t.start - 1
        if before >= 0 and not paras[before].table_row and (part := _note_part(paras[before].text)) is not None:
            if extract.states_first_listed_leads(part):
                notes.append(before)
        if notes:
            scoped.update(t)
            in_note.update(notes)
    document = any(extract.states_first_listed_leads(p.text) for k, p in enumerate(paras) if k not in in_note)
    # "加粗的为牵头单位" / "有下划线的为牵头单位": the print is the mark of that role (a mark of a character stated too
    # comes first; bold print before underlined where a document states both for one role)
    bold: dict[str, str] = {}
    for stated, printed in ((extract.stated_bold_role, extract.PRINTED_BOLD),
                            (extract.stated_underline_role, extract.PRINTED_UNDERLINE)):  # fmt: skip
        said = next((role for p in paras if (role := stated(p.text))), None)
        if said:
            bold.setdefault(said, printed)
    return Conventions(
        first_listed=document,
        first_listed_paras=frozenset() if document else frozenset(scoped),
        lead_mark=next((mk for p in paras if (mk := extract.stated_lead_mark(p.text))), None) or bold.get("lead"),
        support_mark=next((mk for p in paras if (mk := extract.stated_support_mark(p.text))), None)
        or bold.get("support"),
        lead_separator=next((sep for p in paras if (sep := extract.stated_lead_separator(p.text))), None),
        bracketed_support=any(extract.states_bracketed_support(p.text) for p in paras),
    )
