"""Word automatic numbering: the number Word prints before a paragraph that has none in its text.

An office that numbers its items with Word's 编号 button (or a heading style linked to a list) leaves
`一、`, `（一）`, `1.` out of the paragraph's runs: the paragraph carries a `w:numPr` (list and level),
directly or through its style, and word/numbering.xml says how each level counts (`w:numFmt`: decimal,
chineseCounting, …), what it prints (`w:lvlText`, `%1` … `%9` standing for the counts of levels 1-9)
and where it starts. Read as bare text, such a plan has no numbered items at all.

`labels(document)` walks the paragraphs in document order and counts as Word does:

- the lists (`w:num`) of one `w:abstractNum` share its counts, except that a list with a
  `w:startOverride` restarts that level at the override the first time it is used;
- a level starts at its `w:start`, goes on by one, and starts again after any paragraph of a higher
  level (unless its `w:lvlRestart` says 0, never, or names a level that did not come);
- `w:isLgl` prints every level in Arabic digits; `none` prints nothing; `bullet` prints its mark (`w:lvlText`, a
  symbol font's private character as the glyph the font draws there: rulesets/data/bullets.yaml `word_symbols`),
  which the parser reads as a list's leader (engine/parse/bullets.py) as it reads a typed "●".

A tracked change is read as accepted (as the reader reads the text): a paragraph whose mark is a tracked
deletion (w:del in its pPr/rPr: the paragraph deleted whole, or run on into the next) or moved away (w:moveFrom)
is gone on acceptance and takes no number; a paragraph's numbering is its pPr as it stands (w:pPrChange holds
the properties before the change: a paragraph made a numbered item by a tracked style change is numbered).

The label is joined to the text without a separator when it ends in punctuation (`一、`, `（一）`,
`1.`), as a typed number is; otherwise (`第一条`, `1`) a space stands for Word's tab or space.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.memo import memo

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_LEVELS = 9


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: restart after a level up to this (1-based); 0 never
    legal: bool = False  # w:isLgl
    suffix: str = "tab"
    font: str = ""  # w:rPr/w:rFonts: the font a bullet's mark is drawn in (Symbol, Wingdings)


@dataclass
class _List:
    """A w:num: the abstract definition it uses and its own overrides."""

    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # level -> startOverride
    levels: dict[int, Level] = field(default_factory=dict)  # level -> w:lvlOverride/w:lvl


def _val(el: object, tag: str) -> str | None:
    child = el.find(f"{_W}{tag}")  # type: ignore[attr-defined]
    return None if child is None else child.get(f"{_W}val")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _font(lvl: object) -> str:
    rpr = lvl.find(f"{_W}rPr")  # type: ignore[attr-defined]
    fonts = rpr.find(f"{_W}rFonts") if rpr is not None else None
    if fonts is None:
        return ""
    return next((v for a in ("ascii", "hAnsi", "eastAsia") if (v := fonts.get(f"{_W}{a}"))), "")


def _level(lvl: object) -> Level:
    legal = lvl.find(f"{_W}isLgl")  # type: ignore[attr-defined]
    restart = _val(lvl, "lvlRestart")
    return Level(
        start=_int(_val(lvl, "start"), 1),
        fmt=_val(lvl, "numFmt") or "decimal",
        text=_val(lvl, "lvlText") or "",
        restart=None if restart is None else _int(restart, 0),
        legal=legal is not None and legal.get(f"{_W}val") not in ("0", "false", "off"),
        suffix=_val(lvl, "suff") or "tab",
        font=_font(lvl),
    )


class Numbering:
    """The numbering definitions of one document and the counts as they stand."""

    def __init__(self, numbering: object | None, styles: object | None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.links: dict[str, str] = {}  # abstract id -> numStyleLink style id
        self.lists: dict[str, _List] = {}
        self.style_num: dict[str, tuple[str | None, int | None]] = {}  # style id -> (numId, ilvl)
        self.style_based: dict[str, str] = {}
        if numbering is not None:
            for a in numbering.iter(f"{_W}abstractNum"):  # type: ignore[attr-defined]
                aid = a.get(f"{_W}abstractNumId") or ""
                self.abstracts[aid] = {_int(v.get(f"{_W}ilvl"), 0): _level(v) for v in a.iter(f"{_W}lvl")}
                link = _val(a, "numStyleLink")
                if link:
                    self.links[aid] = link
            for n in numbering.iter(f"{_W}num"):  # type: ignore[attr-defined]
                entry = _List(_val(n, "abstractNumId") or "")
                for o in n.iter(f"{_W}lvlOverride"):
                    ilvl = _int(o.get(f"{_W}ilvl"), 0)
                    start = _val(o, "startOverride")
                    if start is not None:
                        entry.starts[ilvl] = _int(start, 1)
                    lvl = o.find(f"{_W}lvl")
                    if lvl is not None:
                        entry.levels[ilvl] = _level(lvl)
                self.lists[n.get(f"{_W}numId") or ""] = entry
        if styles is not None:
            for s in styles.iter(f"{_W}style"):  # type: ignore[attr-defined]
                sid = s.get(f"{_W}styleId") or ""
                based = _val(s, "basedOn")
                if based:
                    self.style_based[sid] = based
                ppr = s.find(f"{_W}pPr")
                numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
                if numpr is not None:
                    ilvl = _val(numpr, "ilvl")
                    self.style_num[sid] = (_val(numpr, "numId"), None if ilvl is None else _int(ilvl, 0))
        self.counts: dict[str, list[int | None]] = {}  # abstract id -> the count of each level
        self.used: set[str] = set()  # lists whose start overrides have been applied

    def _abstract(self, entry: _List) -> str:
        """The abstract definition, followed through a numStyleLink to the list its style names."""
        aid = entry.abstract
        for _ in range(3):
            link = self.links.get(aid)
            if link is None or link not in self.style_num:
                break
            num = self.style_num[link][0]
            target = self.lists.get(num or "")
            if target is None:
                break
            aid = target.abstract
        return aid

    def _num_pr(self, p: object) -> tuple[str, int] | None:
        ppr = p.find(f"{_W}pPr")  # type: ignore[attr-defined]
        num_id: str | None = None
        ilvl: int | None = None
        style: str | None = None
        if ppr is not None:
            numpr = ppr.find(f"{_W}numPr")
            if numpr is not None:
                num_id = _val(numpr, "numId")
                lv = _val(numpr, "ilvl")
                ilvl = None if lv is None else _int(lv, 0)
            style = _val(ppr, "pStyle")
        seen: set[str] = set()
        while (num_id is None or ilvl is None) and style and style not in seen:
            seen.add(style)
            s_num, s_lvl = self.style_num.get(style, (None, None))
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_lvl
            style = self.style_based.get(style)
        if not num_id or num_id == "0" or num_id not in self.lists:
            return None
        return num_id, max(0, min(ilvl or 0, _LEVELS - 1))

    def label(self, p: object) -> str:
        """The number Word prints before paragraph `p` (empty for none), counting it."""
        if mark_removed(p):
            return ""  # the paragraph goes on acceptance: it counts nothing
        found = self._num_pr(p)
        if found is None:
            return ""
        num_id, ilvl = found
        entry = self.lists[num_id]
        aid = self._abstract(entry)
        defs = dict(self.abstracts.get(aid, {}))
        defs.update(entry.levels)
        level = defs.get(ilvl)
        if level is None:
            return ""
        counts = self.counts.setdefault(aid, [None] * _LEVELS)
        if num_id not in self.used:
            self.used.add(num_id)
            for k, start in entry.starts.items():
                if 0 <= k < _LEVELS:
                    counts[k] = start - 1  # the next paragraph of level k is `start`
        current = counts[ilvl]
        counts[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, _LEVELS):
            rule = defs.get(deeper, Level()).restart
            if rule is None or (rule != 0 and ilvl < rule):
                counts[deeper] = None
        if level.fmt == "bullet":
            mark = bullet_mark(level.text, level.font)
            return mark + ("" if level.suffix == "nothing" or not mark else " ")
        if level.fmt == "none":
            return ""
        text = level.text
        for k in range(_LEVELS - 1, -1, -1):
            mark = f"%{k + 1}"
            if mark in text:
                lv = defs.get(k, Level())
                value = counts[k] if counts[k] is not None else lv.start
                text = text.replace(mark, show(value or 0, "decimal" if level.legal else lv.fmt))
        if not text:
            return ""
        return text if text[-1] in _CLOSED or level.suffix == "nothing" else text + " "


_PRIVATE = range(0xF000, 0xF100)  # a symbol font's characters, as Word stores them
_ANY_BULLET = "•"  # what a private character of a font not listed stands for


def bullet_mark(text: str, font: str) -> str:
    """The mark a bullet level prints: its w:lvlText as Word draws it. A symbol font's private character (Symbol's
    U+F0B7) is the glyph the font has there (rulesets/data/bullets.yaml `word_symbols`: •), one not listed "•"; an
    ordinary character (●, ◆, –) is itself. Spaces and controls are no mark."""
    text = "".join(ch for ch in text if (ch.isprintable() or ord(ch) in _PRIVATE) and not ch.isspace())
    if not any(ord(ch) in _PRIVATE for ch in text):
        return text
    symbols = _word_symbols().get(font.strip().lower(), {})
    return "".join(symbols.get(ord(ch), _ANY_BULLET) if ord(ch) in _PRIVATE else ch for ch in text)


@memo(1, copy="shared")  # read once from the one file
def _word_symbols() -> dict[str, dict[int, str]]:
    """rulesets/data/bullets.yaml `word_symbols`: font (lower case) -> private code -> glyph."""
    from engine.extract.data import read_data  # engine.extract imports engine.ingest: read when first needed

    raw = (read_data("bullets.yaml") or {}).get("word_symbols") or {}
    out: dict[str, dict[int, str]] = {}
    for font, table in raw.items() if isinstance(raw, dict) else ():
        if isinstance(table, dict):
            out[str(font).lower()] = {int(str(k), 16): str(v) for k, v in table.items() if str(v)}
    return out


def mark_removed(p: object) -> bool:
    """The paragraph mark of `p` is a tracked deletion or moved away (pPr/rPr w:del, w:moveFrom): accepted, the
    paragraph is gone, its text (if any is left) running on into the next paragraph, whose properties it takes."""
    ppr = p.find(f"{_W}pPr")  # type: ignore[attr-defined]
    rpr = ppr.find(f"{_W}rPr") if ppr is not None else None
    return rpr is not None and (rpr.find(f"{_W}del") is not None or rpr.find(f"{_W}moveFrom") is not None)


_CLOSED = set("、.．)）:：,，]】〕>》")
_DIGITS = "零一二三四五六七八九"
# The characters of a number written in Chinese numerals in a label (一、 （十二） 第一百零五条 〇三): the one spelling,
# read by ingest's label patterns (wrap, tables) and the parser's (engine/parse/numbering.py, which adds 两) and the
# numbering check's. A leaf here: ingest cannot import engine.parse at load (engine.parse imports engine.ingest).
CN_NUMERALS = "一二三四五六七八九十百零〇"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TRAD_LEGAL = "零壹貳參肆伍陸柒捌玖"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


def chinese_numeral(n: int, digits: str = _DIGITS, units: str = "十百千", big: str = "万亿") -> str:
    """`n` as counted in Chinese, for any n >= 1: 一, 十, 十一 (not 一十一), 二十, 一百零五, 一百一十, 九千九百九十九,
    一万, 十万零一十, 一亿零五万 (groups of four digits under 万 and 亿, a 零 for each gap). The one writer of a
    number in Chinese numerals (a Word list's chineseCounting, a label (十二) the checks propose); `digits`/`units`/`big`
    give the financial forms (壹 拾 佰 仟). A count below 1 has no Chinese form: Arabic digits, as Word falls back."""
    if n < 1:
        return str(n)
    groups: list[int] = []
    while n:
        n, g = divmod(n, 10000)
        groups.append(g)
    out = ""
    gap = False  # a group of zeros (or a group's leading zeros) since the last digit written
    for k in range(len(groups) - 1, -1, -1):
        g = groups[k]
        if g == 0:
            gap = bool(out)
            continue
        if out and (gap or g < 1000):
            out += digits[0]
        out += _four(g, digits, units, leading=not out) + _big_unit(k, big)
        gap = False
    return out


def _four(n: int, digits: str, units: str, *, leading: bool) -> str:
    """1 … 9999 in Chinese; 十 alone (not 一十) only where the number opens (`leading`)."""
    parts: list[str] = []
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // power % 10
        if d == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append(digits[0])
            zero = False
        parts.append(("" if d == 1 and power == 10 and not parts and leading else digits[d]) + unit)
    return "".join(parts)


def _big_unit(k: int, big: str) -> str:
    """The unit of the k-th group of four digits: "", 万, 亿, 万亿, 亿亿 …"""
    return big[0] * (k % 2) + big[1] * (k // 2)


def _letters(n: int, alphabet: str) -> str:
    """a … z, aa … zz, aaa … (Word repeats the letter)."""
    return alphabet[(n - 1) % 26] * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    out = ""
    for value, mark in _ROMAN:
        while n >= value:
            out += mark
            n -= value
    return out


def show(n: int, fmt: str) -> str:
    """A count in a w:numFmt (unknown formats in Arabic digits, as Word falls back)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting"):  # fmt: skip
        return chinese_numeral(n)
    if fmt in ("chineseLegalSimplified", "japaneseLegal"):
        return chinese_numeral(n, _LEGAL, "拾佰仟")
    if fmt in ("ideographLegalTraditional",):
        return chinese_numeral(n, _TRAD_LEGAL, "拾佰仟", "萬億")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return _HEAVENLY[n - 1]
    if fmt == "ideographZodiac" and 1 <= n <= 12:
        return _ZODIAC[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return _PAREN[n - 1]
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return _FULLSTOP[n - 1]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n, "abcdefghijklmnopqrstuvwxyz")
    if fmt == "upperLetter":
        return _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    return str(n)


def labels(document: object) -> dict[object, str]:
    """The printed number of every numbered paragraph of the body (cells and text boxes included),
    keyed by its w:p element; counted in document order, once each."""
    part = document.part  # type: ignore[attr-defined]
    try:
        numbering = part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        return {}
    try:
        styles = document.styles.element  # type: ignore[attr-defined]
    except (NotImplementedError, KeyError, AttributeError):
        styles = None
    counter = Numbering(numbering, styles)
    if not counter.lists:
        return {}
    out: dict[object, str] = {}
    body = document.element.body  # type: ignore[attr-defined]
    for p in body.iter(f"{_W}p"):
        if any(a.tag == _MC_FALLBACK for a in p.iterancestors()):
            continue  # the fallback copy of a text box: its paragraphs are read once, from the choice
        label = counter.label(p)
        if label:
            out[p] = label
    return out
