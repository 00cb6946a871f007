"""Normalise one line of text for matching, keeping a map back to the original columns.

Every later stage matches on `Paragraph.text`; findings quote `Paragraph.orig`. `normalise_line`
returns the normalised text and, for each of its characters, the 1-based column in the original
line it came from, so any span found in the text maps back to the file.

The steps, in order (each is linear in the line length; a 2 MB single-line document is fine):

1. Invisible characters are deleted: zero-width space/joiners (U+200B-U+200D, U+2060), BOM
   (U+FEFF), soft hyphen (U+00AD), direction marks, U+FFFE, U+FFFD (a character the decoder lost) and
   C0/C1 control characters other than whitespace. HTML entity remnants in scraped text
   (`&nbsp;` `&ensp;` `&emsp;` `&#160;` `&#12288;` `&amp;nbsp;`, with or without `;`) become a space, and
   any other character reference a scraper left as text (`&ldquo;` `&rdquo;` `&middot;` `&mdash;` `&#x4e00;`
   `&#20013;` `&amp;ldquo;`, with its `;`) becomes its character, as a browser shows it.
2. Width table (one character to one character; nothing else is touched — Chinese punctuation
   ，。；：、！？“”‘’《》〈〉【】〔〕—… stays as written, and ASCII , : ; stay ASCII):

   ==================  ===========  ==============================================
   original            normalised   why
   ==================  ===========  ==============================================
   ０-９ (U+FF10-19)    0-9          numbers, dates, 1． numbering
   Ａ-Ｚ ａ-ｚ          A-Z a-z      abbreviations (ＰＰＰ)
   （ ）               ( )          (一) (1) numbering, responsibility brackets
   ［ ］               [ ]          [牵头单位：…]
   ％                  %            targets
   ．(U+FF0E)          .            1． numbering -> 1.
   ＋ －               + -          互联网＋ vs 互联网+, 2021－2025 (beyond the original brief:
                                    drafts and parents differ here, and it harms no numbering)
   U+3000, nbsp, tab,  space        indentation and stray spaces (then step 5)
   other Unicode
   spaces, \\n \\r \\f
   ==================  ===========  ==============================================

2b. OCR zeros: in a number, the letter O/o (or the Han 〇 among Arabic digits) an OCR or a typist gave for the digit
   zero is 0 (`2O26年` -> `2026年`, `1OO家` -> `100家`; not in words: H2O, O2O, CO2); in a year written in Chinese
   numerals, the letter O or the digit 0 is 〇 (`二O二六年` -> `二〇二六年`). One character for one: columns unchanged.
3. Scraped-page pinyin junk: a Han character followed by its pinyin in brackets loses the
   brackets (`建設(shè)` -> `建设`, `綱（gāng）要` -> `纲要`). Pinyin must carry a tone mark, or be
   letters plus a tone digit (`(she4)`), so `(PPP)`, `(app)` and `(2025)` are never touched.
   A lost character shows up as `?` followed by its pinyin: `?guī)` (the `(` went with the lost
   character) and `?(guī)` are deleted together with any `?` right after them (`專家?guī)?` -> `专家`).
4. `?`/`？` runs standing for lost characters between two Han characters are deleted
   (`法治?府`), unless the character before is a question particle (吗 呢 么 吧 啊 嘛) — a real
   question. A `?` at the end of a sentence or before punctuation is always kept.
5. Spaces: leading/trailing whitespace is stripped; a run of spaces touching a Han character,
   Chinese punctuation, a circled number or a full-width form is deleted (`法治 政府`, `2022 年`,
   `到 2025`, `(一) 指导思想`); a run between two digits is deleted when the number on either side of
   it is a single digit (`2 0 2 2年` -> `2022年`, but `2021 2022` stays) — unless a longer number stands before
   a single digit labelling an item (`电话：7822316 2.推广…`, a page scraped as one line); a run between a digit
   and `%` is deleted; any other run becomes one space.
6. Traditional -> simplified with OpenCC `t2s`, applied to every line of a document that is
   traditional as a whole (`engine.ingest.TRADITIONAL_SHARE`), and otherwise only to lines that are
   mostly traditional themselves (LINE_TRADITIONAL_SHARE) — so a simplified document is never
   touched by t2s. On simplified text t2s is the identity for plan vocabulary (checked on the three
   fixtures and on 著力, 显著, 制订, 台账, 干部, 范围, 复核, 后续, 系统 …) but it does rewrite a few
   characters that are valid simplified too: 乾 -> 干 (乾县 is kept as written), 於 -> 于,
   藉口 -> 借口. When a chunk changes length (rare phrase conversions) its characters are mapped to
   columns proportionally.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import NamedTuple

from engine.memo import memo

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Characters next to which a space is never meaningful: Han, CJK punctuation and symbols, circled
# numbers, full-width forms, Chinese quotes and dashes.
WIDE = (
    HAN
    + "\u2014\u2015\u2018-\u201f\u2026\u00b7\u2460-\u24ff\u2e80-\u2fdf\u3000-\u303f\u3200-\u32ff\uff01-\uffef"
)

_INVISIBLE = re.compile(
    "[\u00ad\u200b-\u200f\u2060-\u2064\u202a-\u202e\ufeff\ufffe\ufffd\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]+"
)
_ENTITY = re.compile(
    r"&(?:amp;)?(?:nbsp|ensp|emsp|thinsp|#160|#x0*a0|#12288|#x3000)(?:;|(?![A-Za-z0-9]))", re.I
)
_CHAR_ENTITY = re.compile(r"&(?:amp;)?(#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,9});")


def _character(m: re.Match[str]) -> str:
    """The character a reference stands for (html.unescape); an unknown name or a control character stays."""
    ref = "&" + m.group(1) + ";"
    char = html.unescape(ref)
    return m.group() if char == ref or not char.isprintable() else char


def closes_reference(text: str, i: int) -> bool:
    """Whether the `;` at `text[i]` ends a character reference left as text (`&nbsp;`, `&ldquo;`, `&#20013;`):
    markup, not the writer's semicolon."""
    j = text.rfind("&", max(0, i - 16), i)
    if j < 0:
        return False
    space = _ENTITY.match(text, j)
    if space is not None:
        return space.end() == i + 1
    m = _CHAR_ENTITY.match(text, j)
    return m is not None and m.end() == i + 1 and m.group() != _character(m)


_WIDTH = {0xFF10 + i: ord("0") + i for i in range(10)}
_WIDTH.update({0xFF21 + i: ord("A") + i for i in range(26)})
_WIDTH.update({0xFF41 + i: ord("a") + i for i in range(26)})
_WIDTH.update(
    {ord("（"): "(", ord("）"): ")", ord("［"): "[", ord("］"): "]", ord("％"): "%", ord("．"): "."}
)
_WIDTH.update({ord("＋"): "+", ord("－"): "-"})  # 互联网＋ in a draft must match 互联网+ in its parent
_WIDTH.update(
    {
        c: " "
        for c in (
            0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
            *range(0x2000, 0x200B),
        )
    }
)  # fmt: skip
WIDTH_TABLE: dict[int, int | str] = _WIDTH
_WIDTH_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_WIDTH)) + "]+")


def _widen(m: re.Match[str]) -> str:
    return m.group().translate(WIDTH_TABLE)


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿê"
_PY_LETTERS = "a-zü" + _TONED
# one syllable: letters with a tone mark somewhere, or initial + vowels + n/ng/r + a tone digit
_DIGIT_SYL = "(?=[a-zü]{2})(?:[bcdfghjklmnpqrstwxyz]h?)?[aeiouvü]{1,3}(?:ng|n|r)?[1-5]"
_SYL = f"(?:[{_PY_LETTERS}]{{1,6}}|{_DIGIT_SYL})"
_PINYIN = f"(?=[^)]{{0,40}}?(?:[{_TONED}]|{_DIGIT_SYL}))(?:{_SYL}(?:[ '’]{_SYL}){{0,3}})"
_PINYIN_AFTER_HAN = re.compile(f"(?<=[{HAN}])\\((?:{_PINYIN})\\)")
_LOST_WITH_PINYIN = re.compile(f"(?<![?？])[?？]+\\(?(?:{_PINYIN})\\)[?？]*")
_QUESTION_PARTICLES = "吗呢么吧啊嘛"
_LOST_BETWEEN_HAN = re.compile(f"(?<![{_QUESTION_PARTICLES}])(?<=[{HAN}])[?？]+(?=[{HAN}])")
_SPACES = re.compile(" +")
# a number whose zeros an OCR read as the letter O (2O26年, 5O万元, 1OO家) or that was typed with the Han 〇 among
# Arabic digits (2〇26): a run of digits and O/o/〇 opening with a digit, no Latin letter on either side of it (H2O,
# O2O, CO2 and a model name X5O are words, not numbers)
_OCR_ZERO_CHARS = re.compile("[Oo〇]")
_OCR_ZERO = re.compile(r"(?<![A-Za-z0-9])[0-9][0-9Oo〇]*[Oo〇][0-9Oo〇]*(?![A-Za-z])")
_ZERO_TABLE = str.maketrans("Oo〇", "000")
# a year written in Chinese numerals whose 〇 an OCR read (or a typist wrote) as the letter O or the digit 0: 二O二六年,
# 二0二五年 (a date line that is not read as one runs into the title below it); at least two Chinese numerals in it
_CN_YEAR = re.compile("(?<![0-9A-Za-z〇零一二三四五六七八九])(?=(?:[Oo0]*[一二三四五六七八九〇零]){2})[一二三四五六七八九〇零Oo0]{4}(?=年)")
_CN_ZERO_TABLE = str.maketrans("Oo0", "〇〇〇")
_WIDE_RE = re.compile(f"[{WIDE}]")
_HAN_RE = re.compile(f"[{HAN}]")


@memo(1, copy="shared")  # one converter per process
def _t2s() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("t2s").convert


def to_simplified(text: str) -> str:
    """OpenCC t2s (identity on simplified text)."""
    return _t2s()(text)


@memo(1, copy="shared")  # one converter per process
def _s2tw() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("s2tw").convert


def in_script_of(text: str, context: str) -> str:
    """`text` (normalised, so simplified) written in the script of `context`, a line of the original:
    unchanged when the line is simplified; in traditional characters when the line has more
    traditional-only characters than simplified-only ones (a share would miss a traditional line
    whose characters are mostly the same in both scripts), choosing the variant the line itself uses where it has one (為/爲,
    臺/台, 裡/裏) and OpenCC's s2tw (phrase-aware: 后 → 後 or 后) elsewhere. What a fix inserts into
    a traditional draft must not be simplified text."""
    if text.isascii() or context.isascii():
        return text
    simple = to_simplified(context)
    if len(simple) != len(context):
        return text
    traditional_only = sum(1 for x, y in zip(context, simple, strict=True) if x != y)
    simplified_only = sum(1 for x, y in zip(context, _s2tw()(context), strict=False) if x != y)
    if traditional_only <= simplified_only:
        return text
    own = {s: t for t, s in zip(context, simple, strict=True) if t != s}
    converted = _s2tw()(text)
    if len(converted) != len(text):
        return converted
    return "".join(own.get(s, c) if s != c or s in own else c for s, c in zip(text, converted, strict=True))


def _sub(s: str, cols: list[int], rx: re.Pattern[str], repl: Callable[[re.Match[str]], str] | str):
    """re.sub that carries `cols` along: equal-length replacements map 1:1, others to the match start."""
    if rx.search(s) is None:
        return s, cols
    out: list[str] = []
    ocols: list[int] = []
    last = 0
    for m in rx.finditer(s):
        a, b = m.span()
        r = repl if isinstance(repl, str) else repl(m)
        if r == s[a:b]:
            continue
        out.append(s[last:a])
        ocols.extend(cols[last:a])
        out.append(r)
        if len(r) == b - a:
            ocols.extend(cols[a:b])
        elif r:
            ocols.extend([cols[a]] * len(r))
        last = b
    out.append(s[last:])
    ocols.extend(cols[last:])
    return "".join(out), ocols


def _zeros(m: re.Match[str]) -> str:
    return m.group().translate(_ZERO_TABLE)


def _cn_zeros(m: re.Match[str]) -> str:
    return m.group().translate(_CN_ZERO_TABLE)


def _is_digit(c: str) -> bool:
    return "0" <= c <= "9"


_ITEM_AFTER = re.compile(f"\\d[.．、][ ]?[{HAN}]")  # 2.推广 / 3、开展: a single digit that labels an item


def _space_run(s: str) -> Callable[[re.Match[str]], str]:
    n = len(s)

    def decide(m: re.Match[str]) -> str:
        a, b = m.span()
        if a == 0 or b == n:
            return ""
        left, right = s[a - 1], s[b]
        if _WIDE_RE.match(left) or _WIDE_RE.match(right):
            return ""
        if _is_digit(left) and right == "%":
            return ""
        if _is_digit(left) and _is_digit(right):
            left_single = a < 2 or not _is_digit(s[a - 2])
            right_single = b + 1 >= n or not _is_digit(s[b + 1])
            if right_single and not left_single and _ITEM_AFTER.match(s, b):
                return " "  # …0421-7822316 2.推广…: a long number, then an item's label on a page scraped as one line
            if left_single or right_single:
                return ""
        return " "

    return decide


LINE_TRADITIONAL_SHARE = 0.25
"""A line is converted on its own when t2s changes at least this share of its non-ASCII characters."""
# Simplified words t2s rewrites anyway: 乾县 (a county in Shaanxi) would become 干县.
_KEEP_AS_WRITTEN = re.compile("乾(?=[县縣])")


def _simplify(s: str, cols: list[int]) -> tuple[str, list[int], int]:
    """t2s with the column map kept; returns the number of characters changed."""
    if s.isascii():
        return s, cols, 0
    conv = to_simplified(s)
    if conv == s:
        return s, cols, 0
    if len(conv) == len(s):
        if "乾" in s:
            keep = [m.start() for m in _KEEP_AS_WRITTEN.finditer(s)]
            if keep:
                chars = list(conv)
                for i in keep:
                    chars[i] = s[i]
                conv = "".join(chars)
        return conv, cols, sum(1 for x, y in zip(s, conv, strict=True) if x != y)
    # A phrase conversion changed the length somewhere: convert chunk by chunk (split at non-Han)
    # so only the chunks that changed length get an approximate map.
    out: list[str] = []
    ocols: list[int] = []
    changed = 0
    for m in re.finditer(f"[{HAN}]+|[^{HAN}]+", s):
        a, b = m.span()
        piece = m.group()
        c = to_simplified(piece) if _HAN_RE.match(piece) else piece
        out.append(c)
        if len(c) == b - a:
            ocols.extend(cols[a:b])
            changed += sum(1 for x, y in zip(piece, c, strict=True) if x != y)
        else:
            k = b - a
            ocols.extend(cols[a + min(k - 1, i * k // max(len(c), 1))] for i in range(len(c)))
            changed += max(k, len(c))
    return "".join(out), ocols, changed


class Normalised(NamedTuple):
    """One line normalised both ways; the caller picks, knowing whether the document is traditional."""

    text: str
    cols: list[int]
    simplified: str
    simplified_cols: list[int]
    non_ascii: int
    changed: int

    @property
    def line_is_traditional(self) -> bool:
        return self.changed > 0 and self.changed >= LINE_TRADITIONAL_SHARE * self.non_ascii


def normalise_parts(line: str) -> Normalised:
    """Steps 1-5 of the module docstring, and step 6 (t2s) kept apart.

    Lines of a plan repeat across the drafts of a batch (the parent's sentences): a line of up to
    `_KEPT_LINE` characters is normalised once per process, and each caller gets its own column lists.
    """
    if len(line) > _KEPT_LINE:
        return _normalise_parts(str(line))
    n = _kept_parts(str(line))
    return n._replace(cols=list(n.cols), simplified_cols=list(n.simplified_cols))


_KEPT_LINE = 2000


@memo(8192, copy="shared")  # lines of a batch repeat; normalise_parts copies the column lists
def _kept_parts(line: str) -> Normalised:
    return _normalise_parts(line)


def _normalise_parts(line: str) -> Normalised:
    s = line
    cols = list(range(1, len(s) + 1))
    s, cols = _sub(s, cols, _INVISIBLE, "")
    s, cols = _sub(s, cols, _ENTITY, " ")
    if "&" in s:
        s, cols = _sub(s, cols, _CHAR_ENTITY, _character)
    s = _WIDTH_RE.sub(_widen, s)  # equal length: cols unchanged
    if _OCR_ZERO_CHARS.search(s):
        s = _OCR_ZERO.sub(_zeros, s)  # equal length: cols unchanged
    if "年" in s:
        s = _CN_YEAR.sub(_cn_zeros, s)  # equal length: cols unchanged
    if "(" in s:
        s, cols = _sub(s, cols, _PINYIN_AFTER_HAN, "")
    if "?" in s or "？" in s:
        s, cols = _sub(s, cols, _LOST_WITH_PINYIN, "")
        s, cols = _sub(s, cols, _LOST_BETWEEN_HAN, "")
    if " " in s:
        s, cols = _sub(s, cols, _SPACES, _space_run(s))
    simplified, simplified_cols, changed = _simplify(s, cols)
    non_ascii = len(s) - len(s.encode("ascii", "ignore"))  # Han plus a little punctuation
    return Normalised(s, cols, simplified, simplified_cols, non_ascii, changed)


def normalise_line(line: str, *, simplify: bool | None = None) -> tuple[str, list[int]]:
    """Normalised text of one original line and, per character, its 1-based original column.

    `simplify`: apply t2s (True), don't (False), or decide from the line itself (None: when at least
    LINE_TRADITIONAL_SHARE of its non-ASCII characters are traditional).
    """
    n = normalise_parts(line)
    if simplify or (simplify is None and n.line_is_traditional):
        return n.simplified, n.simplified_cols
    return n.text, n.cols


def same_length_light(line: str) -> str:
    """Width-mapped and simplified with every character in its place (furniture spans are found in
    it and blanked in the original line); the simplification is skipped where it would move one."""
    s = _WIDTH_RE.sub(_widen, line)
    if s.isascii():
        return s
    simple = to_simplified(s)
    return simple if len(simple) == len(s) else s


def light(line: str) -> str:
    """Width-mapped, simplified, whitespace collapsed but kept: what furniture detection reads."""
    s = _WIDTH_RE.sub(_widen, _INVISIBLE.sub("", line))
    s = " ".join(s.split())
    return s if s.isascii() else to_simplified(s)
