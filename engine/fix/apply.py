"""Applying fixes: to a text draft's own bytes, and only those that bring no new finding."""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from engine.errors import PlancheckError
from engine.ingest.encoding import decode_text
from engine.models import Finding, Fix, TextEdit

_BREAK = re.compile(r"(\r\n|\r|\n)")  # the line breaks ingest numbers lines by (readers.split_lines)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
MAX_ROUNDS = 6


@dataclass
class TextDraft:
    """A text draft as bytes go: its lines and breaks, its encoding and byte-order mark, so that an
    edited copy differs from the original only where an edit was made."""

    lines: list[str]
    breaks: list[str]
    encoding: str
    bom: bytes = b""

    @classmethod
    def read(cls, data: bytes, path: str) -> TextDraft:
        text, encoding = decode_text(data, path)
        bom = next((b for b in _BOMS if data.startswith(b)), b"")
        parts = _BREAK.split(text)
        return cls(parts[0::2], parts[1::2], encoding, bom)

    def encode(self) -> bytes:
        text = "".join(line + (self.breaks[i] if i < len(self.breaks) else "") for i, line in enumerate(self.lines))
        codec = self.encoding if _encodable(self.encoding) else "utf-8"
        try:
            body = text.encode(codec)
        except UnicodeEncodeError:
            codec, body = "utf-8", text.encode("utf-8")
        if self.bom:
            bom = {"utf-8": codecs.BOM_UTF8, "utf-8-sig": b""}.get(codec, b"")
            body = bom + body
        return body

    def applied(self, fixes: list[Fix]) -> TextDraft:
        """A copy with every edit of `fixes` made (edits never overlap: see `plan`)."""
        lines = list(self.lines)
        by_line: dict[int, list[TextEdit]] = {}
        for f in fixes:
            for e in f.edits:
                by_line.setdefault(e.line, []).append(e)
        for line_no, edits in by_line.items():
            i = line_no - 1
            if not 0 <= i < len(lines):
                raise PlancheckError("fix.unmapped", line=line_no)
            s = lines[i]
            for e in sorted(edits, key=lambda x: x.column, reverse=True):
                a, b = e.column - 1, e.end_column - 1
                if s[a:b] != e.original:
                    raise PlancheckError("fix.unmapped", line=line_no)
                s = s[:a] + e.replacement + s[b:]
            lines[i] = s
        return TextDraft(lines, self.breaks, self.encoding, self.bom)


def _encodable(label: str) -> bool:
    try:
        codecs.lookup(label)
    except LookupError:
        return False
    return True


def _overlaps(a: Fix, b: Fix) -> bool:
    return any(
        x.line == y.line and x.column < y.end_column and y.column < x.end_column
        for x in a.edits
        for y in b.edits
    )


@dataclass
class Outcome:
    applied: list[Finding] = field(default_factory=list)
    skipped: list[tuple[Finding, str]] = field(default_factory=list)  # (finding, reason code)
    before: list[Finding] = field(default_factory=list)
    after: list[Finding] = field(default_factory=list)


def _tally(findings: list[Finding]) -> Counter[tuple[str, str | None]]:
    return Counter((f.rule, f.local_item) for f in findings)


def plan_fixes(
    findings: list[Finding],
    recheck: Callable[[list[Fix]], list[Finding]],
    unplaceable: list[Finding] | None = None,
) -> Outcome:
    """The fixes that are safe to apply together.

    A fix is a candidate when its finding carries one; of two fixes editing the same characters the
    first (in report order) is kept. Then the candidates are applied and the draft checked again: a
    rule reporting more in a measure than before (a new finding, in whatever words) rejects the
    fixes made in that measure, and the rest are tried again, until a round brings nothing new.
    """
    out = Outcome(before=list(findings))
    skip = {id(f) for f in unplaceable or []}
    out.skipped = [(f, "unmapped") for f in unplaceable or []]
    chosen: list[Finding] = []
    for f in findings:
        if f.fix is None or f.waived or id(f) in skip:
            continue
        clash = next((g for g in chosen if _overlaps(f.fix, g.fix)), None)  # type: ignore[arg-type]
        if clash is not None:
            out.skipped.append((f, "overlap"))
            continue
        chosen.append(f)
    base = _tally(findings)
    after = list(findings)
    for _ in range(MAX_ROUNDS):
        if not chosen:
            after = list(findings)
            break
        after = recheck([f.fix for f in chosen])  # type: ignore[misc]
        grew = {k for k, n in _tally(after).items() if n > base.get(k, 0)}
        if not grew:
            break
        items_grown = {item for _, item in grew}
        lines_of_new = {g.line for g in after if (g.rule, g.local_item) in grew}
        bad = [
            f for f in chosen
            if f.local_item in items_grown or any(e.line in lines_of_new for e in f.fix.edits)  # type: ignore[union-attr]
        ]  # fmt: skip
        if not bad:  # a new finding no fix's place explains: none of them is safe to vouch for
            bad = list(chosen)
        for f in bad:
            out.skipped.append((f, "new_finding"))
        chosen = [f for f in chosen if f not in bad]
    else:
        for f in chosen:
            out.skipped.append((f, "new_finding"))
        chosen, after = [], list(findings)
    out.applied = chosen
    out.after = after
    return out
