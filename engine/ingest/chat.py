"""A chat app's lines around a plan pasted into a work group (工作群) and saved as the group's chat export.

The export prints the group's name with its member count on its first line (马圪当乡工作群(58)), a time stamp over
each message (2026年7月6日 上午8:32, 7月6日 08:32, 昨天 18:05), the sender's name on the line under it (乡党政办-李晓红：),
and a card for what is no text ([文件] X.pdf（218.4KB）). None of these is the author's text: read as the plan's, the
member count was a half-width bracketed number and the stamp's space a stray space.

A text is such an export when time stamp lines stand in it at least MIN_STAMPS times, each with a sender's line under
it (short, ending in a colon, no sentence in it), and the app's own marks show it: the group's name with its member count
above the first stamp, or a card. Dated lines over labels alone are a schedule (7月6日 8:30 / 报到地点：…), no export. Then the stamps, the senders' lines (and the same sender's line again
where it stands alone: a second message of the same sender has no stamp of its own), the cards and the group's name
line above the first stamp are set aside (blank, so lines keep their numbers) and listed as removed. The messages
themselves, the plan among them, stay. A signature's date (2026年7月3日) has no clock time: it is never a stamp.

The words are data: rulesets/data/chat_export.yaml. Linear: each line is matched once, by bounded patterns.
"""

from __future__ import annotations

import re

from engine.ingest.tables import TableRow
from engine.memo import memo

RawLine = tuple[int, str]

MIN_STAMPS = 2  # time stamps with a sender under them that make a text a chat export
SENDER_MAX = 30  # characters of a sender's line
STAMP_MAX = 40
_SENTENCE = re.compile(r"[，,。；;！!？?、]")
_GROUP = re.compile(r".{1,40}?[(（]\s*\d{1,5}\s*[)）]")  # 马圪当乡工作群(58)


@memo(1, copy="shared")  # the one file, read once
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    from engine.extract.data import read_data  # here, not at import: engine.extract imports engine.ingest

    raw = read_data("chat_export.yaml") or {}
    times = sorted((str(w) for w in raw.get("times") or ()), key=len, reverse=True)
    cards = sorted((str(w) for w in raw.get("cards") or ()), key=len, reverse=True)
    time_word = f"(?:{'|'.join(map(re.escape, times))})" if times else "(?!)"
    date = r"(?:(?:\d{4}\s*[年/.-]\s*)?\d{1,2}\s*[月/.-]\s*\d{1,2}\s*日?)"
    stamp = re.compile(
        rf"\s*(?:{date}\s*(?:{time_word}\s*){{0,2}}|(?:{time_word}\s*){{1,2}})"
        rf"\d{{1,2}}\s*[:：]\s*\d{{2}}(?:\s*[:：]\s*\d{{2}})?\s*"
    )
    card = re.compile(rf"\s*[\[［【](?:{'|'.join(map(re.escape, cards))})[\]］】]") if cards else re.compile("(?!)")
    return stamp, card


def is_stamp(text: str) -> bool:
    """The line is a chat time stamp: a clock time, with a date or a day's word before it."""
    return len(text) <= STAMP_MAX and _patterns()[0].fullmatch(text) is not None


def _sender(text: str) -> bool:
    t = text.strip()
    return 2 <= len(t) <= SENDER_MAX and t[-1] in ":：" and not _SENTENCE.search(t[:-1]) and not is_stamp(t)


def cut(lines: list[RawLine]) -> tuple[list[RawLine], list[str]]:
    """The lines with a chat export's own lines made blank, and those lines, stripped; the text as it was when it is
    no chat export."""
    body = [k for k, (_, line) in enumerate(lines) if not isinstance(line, TableRow) and line.strip()]
    text = {k: lines[k][1].strip() for k in body}
    stamps = [i for i, k in enumerate(body) if is_stamp(text[k])]
    senders = {body[i + 1] for i in stamps if i + 1 < len(body) and _sender(text[body[i + 1]])}
    if len(senders) < MIN_STAMPS:
        return lines, []
    card = _patterns()[1]
    cards = {k for k in body if card.match(text[k])}
    head = body[0]
    group = stamps[0] > 0 and _GROUP.fullmatch(text[head]) is not None and not _SENTENCE.search(text[head])
    if not (cards or group):
        return lines, []  # dated lines over labels (a schedule's "7月6日 8:30 / 报到地点：") and no chat's own mark
    names = {text[k] for k in senders}
    drop = {body[i] for i in stamps} | senders | cards
    drop |= {k for k in body if text[k] in names}  # the same sender's next message, printed without a stamp
    if group:
        drop.add(head)
    out = [(no, "" if k in drop else line) for k, (no, line) in enumerate(lines)]
    return out, [text[k] for k in sorted(drop)]
