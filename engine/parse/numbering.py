"""Numbering markers: 一、 (一) 1. (1) ① 第一章 … and entries numbered with a word (任务1：, 第3项任务：, 事项2：) or
in a frame (第一项　, 【一】, 〔一〕; rulesets/data/entry_numbering.yaml) at a paragraph start, or inline in a huge
line; decimal numbering (2 重点任务, 2.1 …, 2.1.1 …; rulesets/data/decimal_numbering.yaml) at a paragraph start only. A mark of one character (㈠ ⑴ ⒈ ①
❶; rulesets/data/numbering_marks.yaml) is a marker of the style it stands for, labelled as that style writes it
(㈠ is the item (一)), its offsets the one character's.

Every function here works on text that went through `fold` (a one-to-one character map), so an
offset found here is an offset into the paragraph's normalised text and maps back to the original
column through `Paragraph.cols`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import yaml

from engine.ingest.numbering import CN_NUMERALS, chinese_numeral
from engine.memo import memo
from engine.models import Paragraph
from engine.numbering_marks import letter_classes, letter_stops, mark_classes
from engine.outputs import note_input

# Length-preserving fold: what ingest normalises, done again here so parse also accepts text that
# did not go through ingest (one character in, one character out: offsets stay valid).
_FOLD_SRC = "（）［］．\u3000\xa0" + "".join(chr(c) for c in range(0xFF10, 0xFF1A))
_FOLD_DST = "()[].  " + "0123456789"
_FOLD = str.maketrans(
    _FOLD_SRC
    + "".join(chr(c) for c in range(0xFF21, 0xFF3B))
    + "".join(chr(c) for c in range(0xFF41, 0xFF5B)),
    _FOLD_DST + "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "abcdefghijklmnopqrstuvwxyz",
)


_FOLD_CHARS = re.compile("[" + re.escape("".join(chr(c) for c in _FOLD)) + "]")


def fold(text: str) -> str:
    """Half-width brackets, digits, letters and dots; no-break and ideographic spaces as spaces."""
    # translate looks every character up in the table; a paragraph holds a few of its characters
    # at most, each replaced in C (no folded character is folded again, so the order is free)
    for ch in set(_FOLD_CHARS.findall(text)):
        text = text.replace(ch, chr(_FOLD[ord(ch)]))
    return text


CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_NUM_CHARS = CN_NUMERALS + "两"  # 两 is 2 (CN_DIGITS) where a label writes it


def cn_number(s: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十 -> 20, 一百零五 -> 105; None when `s` is not a numeral."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    total, cur = 0, None
    for ch in s:
        if ch in CN_DIGITS:
            cur = CN_DIGITS[ch] if cur is None else cur * 10 + CN_DIGITS[ch]
        elif ch == "十":
            total += (cur if cur is not None else 1) * 10
            cur = None
        elif ch == "百":
            total += (cur if cur is not None else 1) * 100
            cur = None
        else:
            return None
    return total + (cur or 0)


# Style ids, in the order a document usually nests them (only a tie-break: real depth is the
# order in which a document first uses each style). An entry numbered with a word has the style
# ENTRY_STYLE + the word ("entry:任务"), one style per word.
STYLES = (
    "cn_pian",  # 第一篇: the 篇 of a 规划 gathering its chapters (第一篇 … 第一章 … 第一节)
    "cn_chapter",
    "cn_part",
    "cn_jie",
    "cn_article",
    "cn_dun",
    "cn_paren",
    "cn_half",
    "cn_shi",  # 一是，二是 … (engine/parse/enumerations.py: run together in one paragraph, or opening paragraphs)
    "cn_di",  # 第一，…第二，… run together in one paragraph (engine/parse/enumerations.py)
    "cn_seq",  # 首先，…其次，…最后， (engine/parse/enumerations.py: sequence words)
    "roman_dot",  # Ⅰ. Ⅱ. … and the letters below: rulesets/data/numbering_marks.yaml `letters` (`letter_markers`)
    "latin_dot",  # A. B. …
    "decimal1",
    "arabic_dot",
    "decimal2",
    "decimal3",
    "arabic_paren",
    "arabic_half",
    "roman_small_dot",  # ⅰ. ⅱ. …
    "latin_small_dot",  # a. b. …
    "circled",
)
_CHAPTER_KIND = {"篇": "cn_pian", "章": "cn_chapter", "部分": "cn_part", "节": "cn_jie", "条": "cn_article"}

_N = CN_NUM_CHARS
# One alternation per style; group names say the style.
_MARKER = (
    rf"(?P<chap>第(?P<chap_n>[{_N}\d]{{1,5}})(?P<chap_k>篇|章|部分|节|条))"
    rf"|(?P<cnp>\((?P<cnp_n>[{_N}]{{1,5}})\))"
    rf"|(?P<arp>\((?P<arp_n>\d{{1,3}})\))"
    rf"|(?P<cnd>(?<![{_N}第])(?P<cnd_n>[{_N}]{{1,5}})[、.](?![{_N}\d]))"
    rf"|(?P<ard>(?<![\d.])(?P<ard_n>\d{{1,5}})(?:\s*、|\.)(?![\d.]))"
    # a closing half bracket alone: 1） 2） (平凉, 开化) and 一） 二）. Never right after a word, a digit or an opening
    # bracket: "（见附件1）", "（1）" and "统一）" close a bracket
    rf"|(?P<arh>(?<![\w(])(?P<arh_n>\d{{1,3}})\))"
    rf"|(?P<cnh>(?<![\w(])(?P<cnh_n>[{_N}]{{1,5}})\))"
)
# decimal numbering, at a paragraph's start only (in running text a decimal is a number): 2.1, 2.1.1, 2.1. (the
# section above it, "2 重点任务", is found with its items: decimal_markers)
_DECIMAL = r"(?P<dec>(?P<dec_n>\d{1,2}(?:\.\d{1,2}){1,2})(?:\.(?!\d))?(?![\d.]))"
# a compound number joined otherwise than by a dot (1-1, 2-3: the 序号 of a task table set out one table per
# group), one joiner throughout a label; rulesets/data/decimal_numbering.yaml `joiners`
_JOINED = (
    r"(?P<dec>(?P<dec_n>\d{1,2}(?P<dec_j>\.|{joiners})\d{1,2}(?:(?P=dec_j)\d{1,2})?)(?:\.(?!\d))?(?![\d.]|{joiners}))"
)
ENTRY_STYLE = "entry:"  # + the word or the frame: 任务1： is "entry:任务", 【一】 "entry:【】" (entry_numbering.yaml)


@memo(1, copy="shared")  # compiled once from the one file
def _entries() -> tuple[str, str, str, str]:
    """Entries numbered with a word (任务1：, 第3项任务：, 事项2.) or in a frame of their own (第一项　, 【一】, 〔一〕) as
    regex alternatives, one named group entK per form (entK_l the label, entK_w the word (none in a frame), entK_n
    the number inside it): (with the separator after the label, with an inline separator (inside a run-on line),
    with none: the label right before the name, where the original line has the space ingest took out; the same
    whatever word the name opens with, `not_after_space` ones too: `spaced_entries`); ("", "", "", "") without the
    file. A closed frame (a bracket, 【一】) needs no separator: its bracket ends the label."""
    from engine.extract.data import DATA_DIR  # engine.extract imports parse.level, which imports nothing here

    path = DATA_DIR / "entry_numbering.yaml"
    if not path.is_file():
        return "", "", "", ""
    note_input(path)
    raw = yaml.safe_load(path.read_text("utf-8")) or {}
    words = sorted((str(w) for w in raw.get("words") or []), key=len, reverse=True)
    forms = [str(f) for f in raw.get("forms") or []] if words else []
    frames = [f for f in raw.get("frames") or [] if isinstance(f, dict) and f.get("open") and f.get("close")]
    if not forms and not frames:
        return "", "", "", ""

    def one_of(separators: list[str]) -> str:  # a dot with a digit after it is a decimal (任务1.5倍)
        return "|".join(re.escape(s) + (r"(?!\d)" if s == "." else "") for s in map(str, separators))

    seps = one_of(raw.get("separators") or ["：", ":"])
    inline = one_of(raw.get("inline_separators") or ["：", ":"])
    prose = "|".join(re.escape(str(w)) for w in raw.get("not_after_space") or []) or r"\d"
    word = "|".join(re.escape(w) for w in words)
    # (form, closed): a word's forms, then the frames (第{n}项 after 第{n}项{word}: "第一项任务：" is the word's entry)
    shapes = [(f, False) for f in forms] + [
        (rf"{re.escape(str(f['open']))}\s*{{n}}\s*{re.escape(str(f['close']))}", bool(f.get("closed"))) for f in frames
    ]
    labels = [
        f"(?P<ent{k}_l>"
        + f.replace("{word}", f"(?P<ent{k}_w>{word})").replace("{n}", rf"(?P<ent{k}_n>\d{{1,3}}|[{_N}]{{1,5}})")
        + ")"
        for k, (f, _) in enumerate(shapes)
    ]
    # the separator is eaten (it is no part of the label nor of the title); a space is left to Marker.end
    tail = rf"(?:\s*(?:{seps})|(?=[ \t]+(?!\d|{prose})\S))"
    bare = rf"(?=(?!\d|{prose})[^\s:：.])"
    named = r"(?=(?!\d)[^\s:：.])"  # a name opening with a counter's or a conjunction's character: 处理设施
    closed = rf"(?:\s*(?:{seps}))?"  # 【一】改善… and 【一】：改善… alike
    inline_tail = rf"\s*(?:{inline})"
    ends = [(closed, closed, None, None) if c else (tail, inline_tail, bare, named) for _, c in shapes]
    return (
        "|".join(f"(?P<ent{k}>{label}{end[0]})" for k, (label, end) in enumerate(zip(labels, ends, strict=True))),
        "|".join(f"(?P<ent{k}>{label}{end[1]})" for k, (label, end) in enumerate(zip(labels, ends, strict=True))),
        "|".join(f"(?P<ent{k}>{label}{end[2]})" for k, (label, end) in enumerate(zip(labels, ends, strict=True)) if end[2]),
        "|".join(f"(?P<ent{k}>{label}{end[3]})" for k, (label, end) in enumerate(zip(labels, ends, strict=True)) if end[3]),
    )


@memo(1, copy="shared")  # read once from the one file
def _mark_classes() -> tuple[tuple[str, str, str], ...]:
    """(style, label form, marks in order) of each class of rulesets/data/numbering_marks.yaml whose style is one of
    STYLES."""
    return tuple(c for c in mark_classes() if c[0] in STYLES)


@memo(1, copy="shared")
def marks() -> dict[str, tuple[str, str, int]]:
    """Each numbering mark of one character -> (the style it stands for, its label, its ordinal): ㈠ -> ("cn_paren",
    "(一)", 1), ⒉ -> ("arabic_dot", "2", 2), ❸ -> ("circled", "❸", 3) (rulesets/data/numbering_marks.yaml)."""
    out: dict[str, tuple[str, str, int]] = {}
    for style, label, chars in _mark_classes():
        for n, ch in enumerate(chars, 1):
            out.setdefault(ch, (style, label.format(cn=chinese_numeral(n), n=n, mark=ch), n))
    return out


def mark_for(mark: str, n: int) -> str | None:
    """The mark of `mark`'s class that stands for `n` (㈢, 2 -> ㈡; ⑷, 3 -> ⑶), or None: `mark` is no mark, or its
    class has none for `n` (no mark comes after ㈩)."""
    chars = next((c for _, _, c in _mark_classes() if mark in c), "")
    return chars[n - 1] if chars and 0 < n <= len(chars) else None


@memo(1, copy="shared")
def letters() -> dict[str, tuple[str, int]]:
    """Each letter that numbers items -> (its style, its ordinal): Ⅲ -> ("roman_dot", 3), B -> ("latin_dot", 2)
    (rulesets/data/numbering_marks.yaml `letters`)."""
    out: dict[str, tuple[str, int]] = {}
    for style, chars in letter_classes():
        if style in STYLES:
            for n, ch in enumerate(chars, 1):
                out.setdefault(ch, (style, n))
    return out


# a letter's label stands before Han text or an opening bracket or quote ("A.实施…", "Ⅱ.“一表集成”…"), never after a
# letter or a digit (5A.景区, AB.): "A.I." and "Ⅲ类" are no labels
_LETTER_NEXT = "\u4e00-\u9fff“‘《(（「【"


def _letter_re() -> str:
    """The regex alternative of a letter's label (group let, its letter let_c), or "" without letters in the file."""
    chars, stops = "".join(letters()), letter_stops()
    if not chars or not stops:
        return ""
    stop = "|".join(re.escape(c) for c in stops)
    alnum = re.escape(chars) + "A-Za-z0-9"
    return rf"|(?P<let>(?<![{alnum}])(?P<let_c>[{re.escape(chars)}])\s*(?:{stop})(?=\s*[{_LETTER_NEXT}]))"


LETTER_GAP = 2  # a letter past the next by at most this goes on with its run (A. B. D.: C. left out, D. an item)


def letter_markers(markers: list[Marker | None]) -> list[Marker | None]:
    """`markers` (one per paragraph) with the letter labels (Ⅰ. A.: `letters`) kept only in a run: the class's first
    letter where the next label of its style is its second (A. then B.), and each later letter after the one before
    it (the next, or up to LETTER_GAP on: a letter left out is the numbering check's to report). A lone "B.…" or
    "A.…" at a paragraph's start is text."""
    styles = {style for style, _ in letters().values()}
    if not any(mk is not None and mk.style in styles for mk in markers):
        return markers
    out = list(markers)
    after: dict[int, int] = {}  # paragraph -> the ordinal of the next label of its letter style below it
    below: dict[str, int] = {}
    for k in range(len(markers) - 1, -1, -1):
        if (mk := markers[k]) is not None and mk.style in styles:
            after[k] = below.get(mk.style, 0)
            below[mk.style] = mk.ordinal
    last: dict[str, int] = {}  # the ordinal of the last kept label of each letter style
    for k, mk in enumerate(markers):
        if mk is None or mk.style not in styles:
            continue
        if mk.ordinal == 1 and after[k] == 2:
            last[mk.style] = 1
        elif (prev := last.get(mk.style)) is not None and 0 < mk.ordinal - prev <= LETTER_GAP:
            last[mk.style] = mk.ordinal  # the next letter, or one a little further on (a gap the numbering check reports)
        else:
            out[k] = None
    return out


DECIMAL_STYLES = ("decimal2", "decimal3")


@memo(1, copy="shared")  # read once from the one file
def _decimal() -> tuple[tuple[str, ...], int]:
    """(what after a decimal makes it a quantity, the longest title of a bare-number section line):
    rulesets/data/decimal_numbering.yaml."""
    raw = _decimal_data()
    if raw is None:
        return ("",), 0  # every decimal is a quantity
    return tuple(str(w) for w in raw.get("not_after") or []), int(raw.get("section_max") or 30)


@memo(1, copy="shared")  # read once from the one file
def _joiners() -> tuple[str, ...]:
    """What else than a dot joins the parts of a compound number in a task table's 序号 cell ("1-1"):
    rulesets/data/decimal_numbering.yaml `joiners`."""
    raw = _decimal_data()
    return tuple(str(j) for j in (raw or {}).get("joiners") or [] if str(j) and str(j) != ".")


def decimal_joiners() -> tuple[str, ...]:
    """The joiners of a compound number other than the dot (rulesets/data/decimal_numbering.yaml `joiners`)."""
    return _joiners()


def _decimal_data() -> dict | None:
    from engine.extract.data import DATA_DIR

    path = DATA_DIR / "decimal_numbering.yaml"
    if not path.is_file():
        return None
    note_input(path)
    return yaml.safe_load(path.read_text("utf-8")) or {}


def decimal_parts(label: str) -> list[str]:
    """The parts of a decimal label, whatever joins them ("2.1" and "2-1" -> ["2", "1"])."""
    return re.split("|".join(re.escape(j) for j in (".", *_joiners())), label)


def _parent(label: str) -> tuple[str, ...]:
    return tuple(decimal_parts(label)[:-1])


def _parent_label(label: str | None) -> tuple[str, ...] | None:
    """A decimal2 label as the parent of a decimal3 one ("2.1" -> ("2", "1"))."""
    return None if label is None else tuple(decimal_parts(label))


@memo(1, copy="shared")
def _marker_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None]:
    """(at a paragraph's start, anywhere, an entry's label with no separator at a paragraph's start, the same
    whatever word follows it): the numbering markers, the word-numbered entries among them."""
    entries, inline, bare, named = _entries()
    joiners = "|".join(re.escape(j) for j in _joiners())
    decimal = _JOINED.replace("{joiners}", f"(?:{joiners})") if joiners else _DECIMAL
    marker = _MARKER + (f"|(?P<mark>[{re.escape(''.join(marks()))}])" if marks() else "") + _letter_re()
    return (
        re.compile(r"\s*(?:" + marker + f"|{decimal}" + (f"|{entries}" if entries else "") + r")"),
        re.compile(marker + (f"|{inline}" if inline else "")),
        re.compile(r"\s*(?:" + bare + r")") if bare else None,
        re.compile(r"\s*(?:" + named + r")") if named else None,
    )


# An arabic item numbered from LONG_ORDINAL up (1000. 1001. … 99999.) is an item only where it follows the arabic
# item before it by at most LONG_GAP (one item left unread, "1042.二手…" taken for a list of numbers, must
# not end the numbering): a four-digit number before a dot is a year as often ("2025.加快…"). Real plans
# stop far below; a list numbered on past 999 (a scraped page, a task table of thousands of rows) is still
# read item by item rather than as one item holding the rest of the document.
LONG_ORDINAL = 1000
LONG_GAP = 3


def continues(mk: Marker, prev: int | None) -> bool:
    """`mk` may stand as an item after the arabic item numbered `prev` (None: none yet)."""
    if mk.style != "arabic_dot" or mk.ordinal < LONG_ORDINAL:
        return True
    return prev is not None and 0 < mk.ordinal - prev <= LONG_GAP


@dataclass(frozen=True)
class Marker:
    style: str
    label: str  # normalised label: 一, (一), 1, (1), ①, 第一章, 任务1 (spaces taken out: 任务 1 -> 任务1)
    ordinal: int
    start: int  # offset of the label in the text
    end: int  # offset just past the label and the spaces after it (and an entry's separator: 任务1：)


def _marker_of(m: re.Match[str], text: str) -> Marker | None:
    g = m.lastgroup
    end = m.end()
    while end < len(text) and text[end] in " \t":
        end += 1
    if g == "chap":
        n = cn_number(m.group("chap_n"))
        kind = _CHAPTER_KIND[m.group("chap_k")]
        if n is None or n <= 0:
            return None
        return Marker(kind, m.group("chap"), n, m.start("chap"), end)
    if g == "cnp":
        n = cn_number(m.group("cnp_n"))
        return Marker("cn_paren", f"({m.group('cnp_n')})", n, m.start(g), end) if n else None
    if g == "arp":
        n = int(m.group("arp_n"))
        return Marker("arabic_paren", f"({n})", n, m.start(g), end) if n else None
    if g == "cnd":
        n = cn_number(m.group("cnd_n"))
        return Marker("cn_dun", m.group("cnd_n"), n, m.start(g), end) if n else None
    if g == "ard":
        n = int(m.group("ard_n"))
        return Marker("arabic_dot", str(n), n, m.start(g), end) if n else None
    if g == "dec":  # 2.1 -> style decimal2, ordinal 1; 2.1.3 -> decimal3, ordinal 3
        parts = [int(x) for x in decimal_parts(m.group("dec_n"))]
        if not all(parts):
            return None
        return Marker(f"decimal{len(parts)}", m.group("dec_n"), parts[-1], m.start(g), end)
    if g == "ardd":  # an arabic item whose text starts with digits (inline_markers keeps it only in the items' run)
        n = int(m.group("ardd_n"))
        return Marker("arabic_dot", str(n), n, m.start(g), end) if n else None
    if g == "arh":
        n = int(m.group("arh_n"))
        return Marker("arabic_half", f"{n})", n, m.start(g), end) if n else None
    if g == "cnh":
        n = cn_number(m.group("cnh_n"))
        return Marker("cn_half", f"{m.group('cnh_n')})", n, m.start(g), end) if n else None
    if g == "let":  # Ⅱ. -> roman_dot "Ⅱ" 2; B、 -> latin_dot "B" 2
        style, n = letters()[m.group("let_c")]
        return Marker(style, m.group("let_c"), n, m.start(g), end)
    if g == "mark":  # ㈠ -> cn_paren "(一)" 1; ① -> circled "①" 1
        style, label, n = marks()[m.group("mark")]
        return Marker(style, label, n, m.start(g), end)
    if g and g.startswith("ent"):  # 任务1： / 第3项任务： (the separator eaten, the spaces after it skipped)
        n = cn_number(m.group(f"{g}_n"))
        label = re.sub(r"\s+", "", m.group(f"{g}_l"))
        # a word's entry is of the word's numbering (entry:任务); a frame's of the frame (第一项 entry:第项, 【一】 entry:【】)
        kind = m.groupdict().get(f"{g}_w") or label.replace(re.sub(r"\s+", "", m.group(f"{g}_n")), "", 1)
        return Marker(ENTRY_STYLE + kind, label, n, m.start(g), end) if n else None
    return None


def marker_at_start(text: str) -> Marker | None:
    """The numbering marker that opens `text` (folded), if any; the item must have some text."""
    m = _marker_res()[0].match(text)
    if not m:
        return None
    mk = _marker_of(m, text)
    if mk is None:
        return None
    rest = text[mk.end :]
    if not rest.strip():
        return None
    # "1.5倍" was excluded by the regex; "2、3级" and "一、二类" are lists, not items.
    if mk.style in ("arabic_dot", "cn_dun") and rest[:1] in "0123456789" + _N:
        return None
    if mk.style in DECIMAL_STYLES and (rest[:1] in "0123456789" or rest.lstrip().startswith(_decimal()[0])):
        return None  # "2.5万亩", "1.2亿元": a quantity
    return mk


def label_alone(text: str, styles: Collection[str] | None = None) -> Marker | None:
    """The numbering label that is the whole of `text`, spaces around it aside ("（一）", " 1． ", "㈠"), read as
    `marker_at_start` reads a label before an item's text; None when anything else stands in `text`, or the label's
    style is not one of `styles` (None: any). `text` need not be folded. A number of four digits or more is no label
    here (2026. in a cell is a year), as it is no item's before the items numbered up to it (`continues`)."""
    s = fold(text).strip(" \t")
    m = _marker_res()[0].match(s)
    mk = _marker_of(m, s) if m else None
    if mk is None or mk.end != len(s) or not continues(mk, None):
        return None
    return mk if styles is None or mk.style in styles else None


def label_end(text: str) -> int | None:
    """Where the numbering label that opens `text` ends, with the spaces after it (一、 （一） 1. （1） ① 第一章 2.1
    任务1：, and a section's bare number "2 重点任务"), or None. `text` need not be folded (fold keeps offsets): the
    format check reads the original line here. A bare number is a label wherever it stands, not only in the
    sequence decimal_markers asks of a section line: what is wanted is where the label's space ends."""
    text = fold(text)
    mk = marker_at_start(text)
    if mk is not None:
        return mk.end
    m = _SECTION_LINE.match(text)
    return m.end() if m else None


def markers_in(text: str) -> list[Marker]:
    """Every numbering marker in `text` (folded), wherever it stands and whatever its order: the caller
    decides which are labels (the numbering check reads the sub-points inside an item this way)."""
    out = []
    for m in _marker_res()[1].finditer(text):
        mk = _marker_of(m, text)
        if mk is None or mk.end >= len(text) or not continues(mk, None):
            continue  # a four-digit number is a year here, never a sub-point's label
        if mk.style in ("arabic_dot", "cn_dun") and text[mk.end] in "0123456789" + _N:
            continue  # "2、3级", "一、二类": lists of numbers, not labels
        out.append(mk)
    return out


def spaced_entries(paras: Sequence[Paragraph], markers: list[Marker | None]) -> list[Marker | None]:
    """Entries set off from their name by a space alone ("任务1 开展普查", Word's tab after its 任务%1): ingest takes
    out a space touching a Han character, so the text reads 任务1开展普查; the original line still has it there,
    and then the label is an entry's. Without the space (任务1由X牵头, 任务1完成后) it is prose.

    A name opening with a character of `not_after_space` (a counter or a conjunction: "工程二　处理设施提升工程",
    "行动三　和美乡村建设") reads as prose after a space ("任务 1 处") unless the label runs on the entries of its
    word around it: the entry before it of the same numbering is numbered one less, or the one after it one more
    (工程一 … 工程二　处理… … 工程三: one heading of the run, not a count)."""
    bare, named = _marker_res()[2], _marker_res()[3]
    if bare is None:
        return markers
    out = list(markers)
    pending: dict[int, Marker] = {}  # spaced labels before a counter's character: entries only within a run
    for k, (p, mk) in enumerate(zip(paras, markers, strict=True)):
        if mk is not None or not p.cols:
            continue
        m = bare.match(p.text)
        late = m is None
        m = m or (named.match(p.text) if named is not None else None)
        if m is None:
            continue
        e = m.end()
        gap = p.orig[p.column(e - 1) : p.column(e) - 1]
        if gap and not gap.strip() and (found := _marker_of(m, p.text)) is not None:
            if late:
                pending[k] = found
            else:
                out[k] = found
    return _settled(out, pending)


@memo(1, copy="shared")  # compiled once from the one file
def _slips() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(style, pattern) of each numbering label as an OCR misreads it (rulesets/data/ocr_labels.yaml): "(—)" for
    （一）, "—、" and "一，" for 一、, "2 ." "4," "l." for 2. 4. 1., "(l)" "(1 )" for （1）; group n the number or its
    look-alike. () without the file."""
    from engine.extract.data import read_data  # engine.extract imports parse.level: imported when first read

    raw = read_data("ocr_labels.yaml") or {}
    dash = "".join(re.escape(str(c)) for c in raw.get("one_as_dash") or [])
    letter = "".join(re.escape(str(c)) for c in raw.get("one_as_letter") or [])
    comma = "".join(re.escape(str(c)) for c in raw.get("stop_as_comma") or [])
    forms: list[tuple[str, str]] = []
    if dash:
        forms += [("cn_paren", rf"\(\s*(?P<n>[{dash}])\s*\)"), ("cn_dun", rf"(?P<n>[{dash}])\s*[、.{comma}](?![{dash}])")]
    if comma:
        forms += [("cn_dun", rf"(?P<n>[{_N}]{{1,3}})\s*[{comma}]"), ("arabic_dot", rf"(?P<n>\d{{1,3}})\s*[{comma}]")]
    forms += [("arabic_dot", r"(?P<n>\d{1,3})\s+\.(?![\d.])"), ("arabic_paren", r"\(\s*(?P<n>\d{1,3})\s*\)")]
    if letter:
        forms += [
            ("arabic_dot", rf"(?P<n>[{letter}])\s*[.、{comma}](?![\d.])"),
            ("arabic_paren", rf"\(\s*(?P<n>[{letter}])\s*\)"),
        ]
    return tuple((style, re.compile(rf"\s*(?P<label>{form})")) for style, form in forms)


def _slipped(text: str) -> Marker | None:
    """The label an OCR misread (`_slips`) opening `text` (folded), as the label it stands for: "(—)" is the item
    (一), "4," the item 4; None when none opens it, or no item text follows it ("2,3级": a list of numbers)."""
    for style, rx in _slips():
        m = rx.match(text)
        if m is None:
            continue
        raw = m.group("n")
        n = int(raw) if raw.isdigit() else cn_number(raw) if raw[0] in _N else 1  # a dash or a letter is one
        end = m.end()
        while end < len(text) and text[end] in " \t":
            end += 1
        rest = text[end:]
        if not rest.strip() or not n or rest[:1] in "0123456789" + _N:
            return None
        label = {"cn_paren": f"({chinese_numeral(n)})", "cn_dun": chinese_numeral(n), "arabic_paren": f"({n})"}
        return Marker(style, label.get(style, str(n)), n, m.start("label"), end)
    return None


def slipped_labels(texts: Sequence[str], markers: list[Marker | None]) -> list[Marker | None]:
    """Labels an OCR misread ("(—)" for （一）, "4," or "2 ." for 4. and 2.: rulesets/data/ocr_labels.yaml), kept only
    where they go on the run of the labels of their style around them (`_in_run`: the label before one less, or the
    one after one more), so that one printed style read several ways stays one numbering; anywhere else a dash or a
    comma at a paragraph's start is text."""
    pending = {k: mk for k, (t, old) in enumerate(zip(texts, markers, strict=True)) if old is None and (mk := _slipped(t))}
    out = list(markers)
    return _settled(out, pending)


def _settled(out: list[Marker | None], pending: dict[int, Marker]) -> list[Marker | None]:
    """`out` with each pending marker that goes on the run of its style (`_in_run`) taken in, until none more does
    (one taken in may let its neighbour go on from it)."""
    while pending:
        runs_on = [k for k, mk in pending.items() if _in_run(out, k, mk)]
        if not runs_on:
            break
        for k in runs_on:
            out[k] = pending.pop(k)
    return out


def _in_run(markers: list[Marker | None], k: int, mk: Marker) -> bool:
    """`mk` at paragraph `k` goes on from the nearest marker of its style before it or leads on to the nearest after."""
    before = next((m for m in reversed(markers[:k]) if m is not None and m.style == mk.style), None)
    after = next((m for m in markers[k + 1 :] if m is not None and m.style == mk.style), None)
    return (before is not None and before.ordinal == mk.ordinal - 1) or (
        after is not None and after.ordinal == mk.ordinal + 1
    )


def in_sequence(markers: list[Marker | None]) -> list[Marker | None]:
    """`markers` (one per paragraph) without the four-digit ones that do not continue the arabic items."""
    out: list[Marker | None] = []
    last: int | None = None
    for mk in markers:
        if mk is not None and not continues(mk, last):
            mk = None
        if mk is not None and mk.style == "arabic_dot":
            last = mk.ordinal
        out.append(mk)
    return out


_SECTION_LINE = re.compile(r"\s*(?P<n>\d{1,2})(?![\d.．、])\s*(?=\S)")
_SENTENCE = re.compile("[。；;，,：:！？!?]")


def decimal_markers(paras: Sequence[Paragraph], markers: list[Marker | None]) -> list[Marker | None]:
    """Decimal labels (2.1, 2.1.1) kept where they go in sequence (N.1 opens N's items, N.M follows N.(M-1); M.K
    likewise under N.M), and only when at least two are kept: a lone or stray decimal at a paragraph's start is a
    number. A short line "N 标题" right above its first item N.1 is their section (style decimal1)."""
    if not any(mk is not None and mk.style in DECIMAL_STYLES for mk in markers):
        return markers
    out = list(markers)
    last: dict[str, str] = {}  # the label of the last kept item of each depth
    kept = 0
    for k, mk in enumerate(markers):
        if mk is None or mk.style not in DECIMAL_STYLES:
            continue
        if "." not in mk.label and not paras[k].table_row:
            out[k] = None  # 1-1 is a compound number in a task table's 序号 cell; in prose a range or a date
            continue
        parent = _parent(mk.label)
        prev = last.get(mk.style)
        ok = mk.ordinal == 1 if mk.style == "decimal2" else mk.ordinal == 1 and _parent_label(last.get("decimal2")) == parent
        if not ok and prev is not None and _parent(prev) == parent and decimal_parts(prev)[-1] == str(mk.ordinal - 1):
            ok = True
        if not ok:
            out[k] = None
            continue
        last[mk.style] = mk.label
        if mk.style == "decimal2":
            last.pop("decimal3", None)
        kept += 1
    if kept < 2:
        return [None if mk is not None and mk.style in DECIMAL_STYLES else mk for mk in markers]
    units, longest = _decimal()
    nxt: Marker | None = None  # the next marker below the paragraph, walking up
    for k in range(len(out) - 1, -1, -1):
        mk = out[k]
        if mk is not None:
            nxt = mk
            continue
        if nxt is None or nxt.style != "decimal2" or nxt.ordinal != 1:
            continue
        text = paras[k].text
        m = _SECTION_LINE.match(text)
        if m is None or _parent(nxt.label) != (m.group("n"),) or len(text) - m.end() > longest:
            continue
        title = text[m.end() :]
        if _SENTENCE.search(title) or title.startswith(units):
            continue
        n = int(m.group("n"))
        out[k] = Marker("decimal1", str(n), n, m.start("n"), m.end())
        nxt = out[k]
    # a section with no items of its own (3 保障措施, then prose): a short "N 标题" line right after section
    # N-1's items, going on with the sections' sequence
    section = 0
    for k, mk in enumerate(out):
        if mk is not None:
            if mk.style == "decimal1":
                section = mk.ordinal
            elif mk.style not in DECIMAL_STYLES:
                section = 0  # another numbering between: the sequence is no longer the sections'
            continue
        m = _SECTION_LINE.match(paras[k].text)
        if not section or m is None or int(m.group("n")) != section + 1 or len(paras[k].text) - m.end() > longest:
            continue
        title = paras[k].text[m.end() :]
        if _SENTENCE.search(title) or title.startswith(units):
            continue
        section += 1
        out[k] = Marker("decimal1", str(section), section, m.start("n"), m.end())
    return out


_DIGIT_LED = re.compile(r"\s*(?P<n>\d{1,3})[.．](?=\d)")
# the styles that may stand between an arabic item and the next one (its sub-points); any other marker (a heading,
# （二）, 三、) parts a run of arabic items from the one before it
_BELOW_ARABIC = ("arabic_paren", "arabic_half", "circled")


def digit_led_markers(texts: list[str], markers: list[Marker | None]) -> list[Marker | None]:
    """Markers whose item text starts with digits ("11.121人才梯队项目", "12.3D打印…", "1.2026年底前…", "3.10处…"),
    which the regex leaves out as decimals: kept where the number is the next of the arabic items above it, or the
    one before the arabic item that comes next below it (a run's first items: "1.5G-A…" before "2.10G-PON…" before
    "3.推进…", walking up the run, across group headings where the numbering goes on through them). Going up, the
    number must not stand in the run already: the arabic item above is lower, or a heading parts the paragraph from it
    (a numbering that starts again under （二）) and none parts it from the items below; a "1.5倍" line under item 1 is
    that item's text. The paragraph must say more than a number ("1.5" alone is a table's cell)."""
    out = list(markers)
    last: int | None = None
    parted = False  # a heading since the arabic item `last`
    above: list[tuple[int | None, bool]] = []  # (last, parted) at each paragraph
    for k, (text, mk) in enumerate(zip(texts, markers, strict=True)):
        above.append((last, parted))
        if mk is not None and not continues(mk, last):
            out[k] = mk = None  # 2025. after item 7: a year, not item 2025
        if mk is not None:
            last, parted = _passed(mk, last, parted)
            continue
        m = _DIGIT_LED.match(text)
        if m and last is not None and int(m.group("n")) == last + 1:
            out[k] = Marker("arabic_dot", str(last + 1), last + 1, m.start("n"), m.end())
            last, parted = last + 1, False
    nxt: int | None = None  # the arabic item next below, walking up
    crossed = False  # a heading between the paragraph and that item
    for k in range(len(out) - 1, -1, -1):
        mk = out[k]
        if mk is not None:
            nxt, crossed = _passed(mk, nxt, crossed)
            continue
        m = _DIGIT_LED.match(texts[k])
        if m is None or nxt is None or int(m.group("n")) != nxt - 1 or nxt < 2:
            continue
        n = int(m.group("n"))
        prev, apart = above[k]
        if not (prev is None or prev < n or (apart and not crossed)):
            continue
        if not re.search(r"[^\d.．%\s]", texts[k][m.end() :]):
            continue
        out[k] = Marker("arabic_dot", str(n), n, m.start("n"), m.end())
        nxt, crossed = n, False
    return out


def _passed(mk: Marker, item: int | None, parted: bool) -> tuple[int | None, bool]:
    """The nearest arabic item and whether a heading parts it from here, once the walk (down or up) passes `mk`: an
    arabic item is the new nearest, nothing between; a heading parts; a sub-point changes nothing."""
    if mk.style == "arabic_dot":
        return mk.ordinal, False
    return item, parted or mk.style not in _BELOW_ARABIC


# ------------------------------------------------------------------ inline markers (one-line documents)

# an arabic item whose text starts with digits, inside a line ("。3.10处…", "配合）6.2027年起…"): no label of the
# numbering regex (a decimal there); `inline_markers` keeps it only at a boundary and in the items' run
_INLINE_DIGIT_LED = r"(?P<ardd>(?<![\d.])(?P<ardd_n>\d{1,3})\.(?=\d))"


@memo(1, copy="shared")
def _inline_re() -> re.Pattern[str]:
    """The markers `inline_markers` reads: those anywhere in a text (`_marker_res`), and arabic items whose text starts
    with digits."""
    return re.compile(_marker_res()[1].pattern + "|" + _INLINE_DIGIT_LED)


_BOUNDARY = set("。；;：:!！?？)）]」』”’】》")
HEADING_MAX = 40  # a bracketed marker may follow a heading this short: "二、工作任务(一)健全…"
_STOPS = "。；;!！?？"
# a responsibility field ("负责部门：", "牵头单位：", "责任单位:", "【配合单位】") ends its line without a stop: the next
# item runs on right after its last unit ("…各苏木镇人民政府2.提升…")
_FIELD = re.compile(r"(?:单位|部门|牵头|配合|协同|责任人?)\s*(?:[:：]|[】\]])")  # 牵头单位： or 【牵头单位】
FIELD_MAX = 160  # a unit list longer than this is running text, not a field line
# quotation marks and title marks: a numbering inside them is quoted (按照“一、建档赋码；二、扫码服务；三、数据
# 回流”三个环节), never an item of the document. A mark left open longer than QUOTE_MAX is taken as unclosed
# (a lost closing mark must not swallow the rest of the document).
_QUOTES = re.compile("[“”《》「」『』]")
_QUOTE_OPEN = {"”": "“", "》": "《", "」": "「", "』": "『"}
QUOTE_MAX = 120
# a title's end right before the first item: 永泰县…实施细则第一章总则 (a page that lost its line breaks);
# the first marker of a document needs no sentence stop after it; 预案 and 规则 end the titles of 应急预案 and 工作规则
# (屏南县低温雨雪冰冻灾害应急预案一、总则: blind86, a county portal's page scraped as one line)
_TITLE_END = re.compile(
    r"(?:实施方案|方案|纲要|意见|规划|计划|办法|细则|要点|规定|措施|条例|预案|规则)(?:\s*\([^()]{1,24}\))*\s*$"
)


def inline_markers(text: str, before: Sequence[Marker] = ()) -> list[Marker]:
    """Markers inside `text` that continue a numbering sequence and stand at a sentence boundary (`_inline_pass`).
    An arabic item whose text starts with digits ("。3.10处…") is a number, and the text is read again without it,
    where the item of its number stands further on (a plain "3." at a boundary, before the run starts again), or
    where it opens a run ("1.2026年底前…") and the next arabic item kept after it is not 2 ("增长1.5倍" right after a
    short heading)."""
    skip: set[int] = set()
    while True:
        out, led = _inline_pass(text, before, skip)
        if not led:
            return out
        arabic = [mk for mk in out if mk.style == "arabic_dot"]
        wrong = next((a.start for k, a in enumerate(arabic) if a.start in led
                      and _stands_later(text, a, arabic[k + 1 :], opens=led[a.start])), None)  # fmt: skip
        if wrong is None:
            return out
        skip.add(wrong)


def _stands_later(text: str, mk: Marker, after: Sequence[Marker], *, opens: bool) -> bool:
    """The digit-led item `mk` is a number: a plain label of its number (N. or N、) stands at a boundary after it and
    before the arabic run starts again, or (`opens`: it opens a run) the arabic item `after` it is not 2."""
    if opens and (not after or after[0].ordinal != 2):
        return True
    end = next((a.start for a in after if a.ordinal <= mk.ordinal), len(text))
    for m in re.finditer(rf"(?<![\d.]){mk.ordinal}(?:\.(?![\d.])|\s*、)", text[:end]):
        if m.start() < mk.end:
            continue
        j = m.start() - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        if j >= 0 and text[j] in _BOUNDARY:
            return True
    return False


def _inline_pass(text: str, before: Sequence[Marker], skip: Collection[int]) -> tuple[list[Marker], dict[int, bool]]:
    """Markers inside `text` that continue a numbering sequence and stand at a sentence boundary.

    `before`: the markers of the text above, in order (the last of each style is enough, then the last
    of all): a run-on page broken in two goes on with its numbering ((三) after (二) on the line above).
    The marker that opens `text` continues or starts its style whatever its ordinal: a paragraph's own
    start is the surest boundary.

    One pass over the candidates, O(1) work each: a candidate is kept when it is the next ordinal of
    its style (or a 1, which starts or restarts a style) and either follows 。；：!? or a closing
    bracket/quote, or is a bracketed marker right after a short heading ("二、工作任务(一)…"), or
    follows a responsibility field's unit list ("牵头单位:区民政局2.…") with no stop since the field.
    Without a boundary, a 1 may open a nested style but not restart an enclosing one. Circled
    numbers (①②) enumerate inside a paragraph and are never inline markers.

    An arabic item whose text starts with digits ("5.5G+…", "3.10处…") is kept as any other where it is the next of
    the arabic items, or as the 1 opening a run ("1.2026年…") where no run stands or a heading follows one; returned
    with the starts of those kept (-> whether it opens a run) for `inline_markers` to check. `skip`: the starts of
    such items not to read.
    """
    out: list[Marker] = []
    opening: dict[int, bool] = {}
    last_ord: dict[str, int] = {}
    last_end = -(10**9)
    last_stop = -1  # position of the last sentence stop seen before the candidate
    stop_re = re.compile("[" + _STOPS + "]")
    stops = stop_re.finditer(text)
    next_stop = next(stops, None)
    rank: dict[str, int] = {}  # styles in order of first use: a later one is nested deeper
    last_style = ""
    for mk in before:
        last_ord[mk.style] = mk.ordinal
        rank.setdefault(mk.style, len(rank))
        last_style = mk.style
    last_field = -1  # end of the last responsibility field label seen before the candidate
    fields = _FIELD.finditer(text)
    next_field = next(fields, None)
    quotes = _QUOTES.finditer(text)
    next_quote = next(quotes, None)
    open_quotes: list[tuple[str, int]] = []  # (mark, offset) of the quotation marks still open
    for m in _inline_re().finditer(text):
        mk = _marker_of(m, text)
        if mk is None or mk.end >= len(text) or mk.style == "circled":
            continue  # ①②… enumerate inside a paragraph ("(一)编制计划。①摸排…；②…"): never a cut
        led = m.lastgroup == "ardd"  # its text starts with digits: "3.10处…" (a decimal out of the items' run)
        if led and mk.start in skip:
            continue
        while next_quote is not None and next_quote.start() < mk.start:
            q = next_quote.group()
            if q in _QUOTE_OPEN:
                while open_quotes and open_quotes[-1][0] != _QUOTE_OPEN[q]:
                    open_quotes.pop()
                if open_quotes:
                    open_quotes.pop()
            else:
                open_quotes.append((q, next_quote.start()))
            next_quote = next(quotes, None)
        if open_quotes and mk.start - open_quotes[-1][1] <= QUOTE_MAX:
            continue
        while next_stop is not None and next_stop.start() < mk.start:
            last_stop = next_stop.start()
            next_stop = next(stops, None)
        while next_field is not None and next_field.end() <= mk.start:
            last_field = next_field.end()
            next_field = next(fields, None)
        prev = last_ord.get(mk.style)
        j = mk.start - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        if not (mk.ordinal == 1 or (prev is not None and mk.ordinal == prev + 1) or j < 0) or not continues(mk, prev):
            continue
        opens = led and (prev is None or mk.ordinal != prev + 1)
        # a run's first item "1.2026年…" (inline_markers asks for a 2 after it); where a run stood, a heading since
        if opens and (mk.ordinal != 1 or (prev is not None and last_style in ("arabic_dot", *_BELOW_ARABIC))):
            continue
        at_boundary = j < 0 or text[j] in _BOUNDARY
        if not at_boundary and not out and mk.ordinal == 1:
            at_boundary = _TITLE_END.search(text, max(0, j - 40), j + 1) is not None
        if not at_boundary and mk.ordinal == 1 and prev is not None and rank[mk.style] <= rank[last_style]:
            continue  # a restart of an enclosing style needs a boundary: "(九)坚持知行合一、工学…"
        if not at_boundary:
            # right after a short heading ("二、工作任务(一)…", "三、组织保障46.…"): the previous
            # marker is near and no sentence ended since
            at_boundary = 0 <= mk.start - last_end <= HEADING_MAX and last_stop < last_end
            # and a heading's words have no comma: "一、目标到2028年，…增长1.5倍" is a sentence's number
            at_boundary = at_boundary and not (led and _SENTENCE.search(text, last_end, mk.start))
        if not at_boundary:
            at_boundary = last_field > max(last_stop, last_end) and mk.start - last_field <= FIELD_MAX
        if not at_boundary:
            continue
        if not led and mk.style in ("arabic_dot", "cn_dun") and text[mk.end : mk.end + 1] in "0123456789" + _N:
            continue
        out.append(mk)
        if led:
            opening[mk.start] = opens
        last_ord[mk.style] = mk.ordinal
        rank.setdefault(mk.style, len(rank))
        last_style = mk.style
        last_end = mk.end
    return out, opening


def slice_paragraph(p: Paragraph, start: int, end: int, index: int) -> Paragraph:
    """A virtual paragraph for text[start:end] of `p`: same line, columns still in the original line.

    `orig` stays the whole original line (the same string object) so that `column` and `orig_span`
    keep working on the slice.
    """
    cols = p.cols if p.cols else list(range(1, len(p.text) + 1))
    return Paragraph.model_construct(
        index=index, line=p.line, text=p.text[start:end], orig=p.orig, cols=cols[start:end], table_row=p.table_row, frame=p.frame
    )


# decimal numbering inside a line (a page that lost its line breaks): 1 总体要求 1.1 … 1.2 … 2 重点任务 2.1 …
_INLINE_DECIMAL = re.compile(r"(?<![\d.．%])(?P<dec_n>\d{1,2}(?:\.\d{1,2}){1,2})(?:\.(?!\d))?(?![\d.])\s*")
_SECTION_AT = re.compile(r"(?<![\d.．])(?P<n>\d{1,2})(?![\d.．、%])\s*")


def inline_decimals(text: str, titles: re.Pattern[str] | None = None) -> list[Marker]:
    """Decimal labels (2.1, 2.1.1) and their bare-number sections (2 重点任务) inside one line, as a page
    saved without line breaks gives them: what `decimal_markers` reads at paragraphs' starts, so that the
    line, cut there, reads as its lines do. A label is kept where it goes in sequence (N.1 opens N's items, N.M
    follows N.(M-1), N.M.1 opens N.M's) and stands at a boundary (after 。；!? or a closing bracket, after a
    responsibility field's unit list, or right after its section's short title); a section N where its short
    title (rulesets/data/decimal_numbering.yaml `section_max`, no stop in it) follows N at a boundary and N.1
    comes right after. Fewer than two labels kept: none (a lone decimal is a number). `titles`: the titles of a
    closing section (保障措施, 组织实施): N+1 followed by one, after section N's last item, opens that section, whose
    prose has no items to say where its title ends."""
    units, longest = _decimal()
    out: list[Marker] = []
    last: dict[int, tuple[int, ...]] = {}  # the last kept label of each depth (2, 3)
    last_end = -1
    fields = [f.end() for f in _FIELD.finditer(text)]
    for m in _INLINE_DECIMAL.finditer(text):
        parts = tuple(int(x) for x in m.group("dec_n").split("."))
        rest = text[m.end() :]
        if not all(parts) or not rest or rest[0] in "0123456789" or rest.startswith(units):
            continue
        depth = len(parts)
        prev = last.get(depth)
        if depth == 2:
            ok = (parts[1] == 1 and (prev is None or parts[0] > prev[0])) or (
                prev is not None and prev[0] == parts[0] and parts[1] == prev[1] + 1
            )
        else:
            ok = (parts[2] == 1 and last.get(2) == parts[:2]) or (
                prev is not None and prev[:2] == parts[:2] and parts[2] == prev[2] + 1
            )
        if not ok:
            continue
        s = m.start()
        j = s - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        section: Marker | None = None
        at_boundary = j < 0 or text[j] in _BOUNDARY
        if not at_boundary and depth == 2 and parts[1] == 1:  # 2 重点任务 2.1: the section's title before it
            base = max(0, s - longest - 4)
            # the title starts after a stop, a responsibility field's label, or at the line's start
            after = max([text.rfind(c, base, s) for c in _BOUNDARY] + [f - 1 for f in fields if base <= f <= s])
            if after >= 0 or base == 0:
                for sec in reversed(list(_SECTION_AT.finditer(text, max(after + 1, base), s))):
                    title = text[sec.end() : s].strip()
                    if int(sec.group("n")) != parts[0]:
                        break
                    if title and not _SENTENCE.search(title) and not title.startswith(units):
                        a = sec.start("n")
                        section = Marker("decimal1", str(parts[0]), parts[0], a, sec.end())
                        at_boundary = True
                    break
        if not at_boundary:
            at_boundary = any(last_end < f <= s and s - f <= FIELD_MAX for f in fields)
        if not at_boundary:
            continue
        if section is not None:
            out.append(section)
        out.append(Marker(f"decimal{depth}", m.group("dec_n"), parts[-1], s, m.end()))
        last[depth] = parts
        if depth == 2:
            last.pop(3, None)
        last_end = m.end()
    labels = [mk for mk in out if mk.style in DECIMAL_STYLES]
    if len(labels) < 2:
        return []
    if titles is not None and out[-1].style in DECIMAL_STYLES:  # N+1 保障措施 after N's last item, then prose
        n = int(out[-1].label.split(".")[0]) + 1
        pattern = re.compile(rf"(?<![\d.．]){n}(?![\d.．、%])\s*(?={titles.pattern})")
        for m in pattern.finditer(text, out[-1].end):
            j = m.start() - 1
            while j >= 0 and text[j] in " \t":
                j -= 1
            field = any(out[-1].end < f <= m.start() and m.start() - f <= FIELD_MAX for f in fields)
            if (j >= 0 and text[j] in _BOUNDARY) or field:
                out.append(Marker("decimal1", str(n), n, m.start(), m.end()))
                break
    return out
