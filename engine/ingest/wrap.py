"""Lines a copy broke inside a paragraph, joined back by what they say, not by how wide they are.

A text copied out of a justified PDF (pdftotext without -layout, a viewer's copy and paste) or out of a
page set around a figure breaks each paragraph into lines of varying width: a justified line holds as
many characters as fit, fewer where Latin digits or half-width punctuation stand in it, and the measure
changes with the page. No one width marks the wrapped lines (engine/ingest/readers.unwrap joins those
when there is one); their content does. A line goes on in the next one when

- the text so far leaves a bracket or quote open (（市发展改革委牵头，市财政局、市自然资 / 源局配合）; a field
  inside it too: 的（ / 牵头单位：…）) and no numbered item follows, or the next line starts with what cannot
  start a paragraph (a closing bracket, a comma, a full stop);
- it ends on a comma or an enumeration comma (，、), or on the colon of a responsibility label
  (责任单位：, the words of rulesets/data/roles.yaml);
- it ends mid-clause (no closing punctuation, or a quote or title mark around a word, or a bracket
  defining a name: （以下简称《方案》）) and is long: at least LONG_SHARE of the text's wrap width
  (a heading or a title is short). A line under a heading label (一、 （一） 第一章) with no sentence
  in it (no comma, colon or stop) is a heading unless it is longer still (HEADING_SHARE);
- it ends a sentence and is full (within FULL_SLACK of the wrap width): a justified line runs to the
  margin wherever its last character falls, a paragraph's last line stops short of it;

unless the next line starts a new numbered item, heading, box or bullet (but not after a long line
that stops inside a word, which a paragraph never does: 确保法制统 / 一、政令统一; an item's label as an OCR misread
it, "(—)" or "4,", counts), or a field (牵头单位：, 工作目标：, 任务3：, but not the rest of a label broken at the line
end: 责任 / 单位：, nor a name's end and the colon closing a long line broken inside it: …兵团地方志办 / 公室：), or is
indented more than this one (a paragraph's first-line indent). Lines never join across a blank line, except the blank lines of a
page break (a form feed, kept by readers.drop_page_furniture where it blanked the page's furniture).

Whether a text is wrapped at all is read from its long lines: in a text written one paragraph a line
they end their sentences (or are field lines of a list, the next line another field); in a wrapped text
most of them (OPEN_SHARE) end mid-clause with no new item after them. A text with fewer than MIN_OPEN
such lines, or whose lines are narrower than MIN_WIDTH, is left as it is.
"""

from __future__ import annotations

import re

from engine.ingest.numbering import CN_NUMERALS as _CN
from engine.memo import memo
from engine.numbering_marks import mark_styles, opens_with_mark
from engine.roles import roles

LONG_SHARE = 0.65  # of the wrap width: a line this long that ends mid-clause was broken for want of room
HEADING_SHARE = 0.7  # of the wrap width: a heading line this long was broken too (headings are short)
FULL_SLACK = 2  # columns (one wide character) short of the wrap width: a line still runs to the margin
OPEN_SHARE = 0.5  # of the long lines that must end mid-clause for a text to be read as wrapped
MIN_OPEN = 5  # a few long lines without a stop are a title and headings, not a wrapped text
MIN_WIDTH = 40  # columns: a text wrapped narrower is a list of short lines, not a page's paragraphs
WIDTH_QUANTILE = 0.9  # the wrap width: this quantile of the lines' widths (a stray long line aside)

_STOPS = frozenset("。；;！!？?")
_CLOSED = _STOPS | frozenset("）)】」』”’》〉]")  # a line ending so may end its paragraph
CLOSED = _CLOSED | frozenset("：:")  # and a line ending so may end it, or a heading or label, before a line of its own
_GOES_ON = frozenset("，,、")  # a line ending so never ends a paragraph
_COLON = frozenset("：:")
CONTINUES = frozenset("）)】」』”’》〉]，,、。；;：:！!？?")  # a line starting so never starts one
_PAIRS = {"（": "）", "(": ")", "《": "》", "〈": "〉", "【": "】", "[": "]", "“": "”", "「": "」", "『": "』"}
_CLOSERS = {c: o for o, c in _PAIRS.items()}
_OPENS, _CLOSES = "".join(_PAIRS), "".join(_CLOSERS)
_QUOTES = frozenset("”’」』》〉")  # marks around a word or a title inside a sentence
_DEFINES = ("以下简称", "以下统称", "以下称", "下称", "简称")  # a bracket defining a name inside a sentence
# a new item, heading, box or bullet at a line's start
_ITEM = re.compile(
    rf"^(?:[0-9０-９]{{1,3}}[.．、](?![0-9０-９])|[(（][0-9０-９{_CN}]{{1,3}}[)）]|[{_CN}]{{1,3}}[、.．]"
    rf"|第[{_CN}0-9０-９]{{1,4}}[章节条部篇]|[●■◆▲•★☆◇□○▪►]|附件|专栏|栏目|#{{1,6}}\s|[-*+>]\s)"
)
# a field of an entry or a list at a line's start: 牵头单位：, 工作目标：, 任务3：
_FIELD = re.compile(rf"^[\u4e00-\u9fff]{{2,8}}\s*(?:[0-9０-９]{{1,3}}|[{_CN}]{{1,3}})?\s*[：:]")
_HEADING = re.compile(rf"^(?:[(（][{_CN}]{{1,3}}[)）]|[{_CN}]{{1,3}}[、.．]|第[{_CN}0-9０-９]{{1,4}}[章节部篇])")
_SENTENCE = re.compile("[，,。；;：:、！!？?]")
_HAN = re.compile("[\u4e00-\u9fff]")
_INDENT = re.compile(r"^[ \t\u3000]*")


_AMBIGUOUS = frozenset("“”‘’—…·")  # set full width in Chinese type


def width(line: str) -> int:
    """Printed columns: a wide character takes two, as do the quotes and dashes of Chinese type."""
    return sum(2 if (ord(ch) >= 0x1100 or ch in _AMBIGUOUS) and not 0xFF61 <= ord(ch) <= 0xFFDC else 1 for ch in line)


class Brackets:
    """The brackets and quotes a paragraph leaves open, counted line by line as it grows. Each kind is counted
    apart (a closer closes only its own kind: in （甲” the （ stays open), not as `bracket_depths` counts."""

    def __init__(self) -> None:
        self.depth: dict[str, int] = {}

    def feed(self, text: str) -> None:
        for ch in text:
            if ch in _PAIRS:
                self.depth[ch] = self.depth.get(ch, 0) + 1
            elif ch in _CLOSERS and self.depth.get(_CLOSERS[ch], 0) > 0:
                self.depth[_CLOSERS[ch]] -= 1

    @property
    def open(self) -> bool:
        return any(self.depth.values())


TAIL = 300  # characters of a paragraph's end read for the bracket that closes it


def _closes_paragraph(tail: str) -> bool:
    """`tail` (a paragraph's last TAIL characters) ends with a closing bracket or quote that may end the
    paragraph: a quote closing a sentence (“…。”), a bracket other than a definition inside a sentence
    (（以下简称《方案》）, which the sentence goes on after); not a quote around a word (构建“双创”…)."""
    from engine.extract.sentences import opener_of  # imported here: ingest runs before extract is needed

    k = opener_of(tail, len(tail), _OPENS, _CLOSES)
    inner = tail[(-1 if k is None else k) + 1 : -1]  # no opener in the tail: all of it
    if tail[-1] in _QUOTES:
        return inner[-1:] in _STOPS
    return not inner.startswith(_DEFINES)


def _role_fields() -> tuple[str, ...]:
    words = roles()
    return words.lead_fields + words.duty_fields + words.support_fields


def _ends_on_label(text: str) -> bool:
    return text.rstrip("：: \u3000").endswith(_role_fields())


def _split_label(body: str, ahead: str) -> bool:
    """A responsibility label broken across the line end: 责任 / 单位：…"""
    for word in _role_fields():
        for k in range(1, len(word)):
            if body.endswith(word[:k]) and ahead.startswith(word[k:]):
                return True
    return False


def _numbered(text: str) -> bool:
    """A label at `text`'s start: one of _ITEM, a numbering mark of one character (㈠ ⑴ ⒈ ①:
    rulesets/data/numbering_marks.yaml), or a label as an OCR misreads it ("(—)" for （一）, "4," for 4.:
    rulesets/data/ocr_labels.yaml, `_slipped_item`)."""
    return bool(_ITEM.match(text)) or opens_with_mark(text) or _slipped_item().match(text) is not None


@memo(1, copy="shared")  # compiled once from the one file
def _slipped_item() -> re.Pattern[str]:
    """A label an OCR misread at a line's start (rulesets/data/ocr_labels.yaml: a dash for 一 in "(—)" "—、", a comma
    or a space before the stop of an Arabic number "4," "2 ．", a letter for the digit one "l．"): a copy hard-wrapped
    from an OCR'd PDF starts its item there, as with any label (the parser keeps it only in its run of labels)."""
    from engine.extract.data import read_data  # imported here: ingest runs before extract is needed

    raw = read_data("ocr_labels.yaml") or {}
    dash = "".join(re.escape(str(c)) for c in raw.get("one_as_dash") or [])
    letter = "".join(re.escape(str(c)) for c in raw.get("one_as_letter") or [])
    comma = "".join(re.escape(str(c)) for c in raw.get("stop_as_comma") or [])
    forms = [r"[0-9０-９]{1,3}[ \t]+[.．](?![0-9０-９])"]
    if dash:
        forms += [rf"[(（][ \t]*[{dash}][ \t]*[)）]", rf"[{dash}][ \t]*、"]
    if comma:
        forms.append(rf"[0-9０-９]{{1,3}}[ \t]*[{comma}](?![0-9０-９])")
    if letter:
        forms.append(rf"[{letter}][ \t]*[.．、](?![0-9０-９])")
    return re.compile("^(?:" + "|".join(forms) + ")")


def _heading(body: str) -> bool:
    """`body` is a numbered heading: its label (_HEADING, or a mark standing for （一）/一、) and words without a
    sentence's punctuation."""
    m = _HEADING.match(body)
    end = m.end() if m else 1 if mark_styles().get(body[:1]) in ("cn_paren", "cn_dun") else None
    return end is not None and not _SENTENCE.search(body, end)


def starts_item(ahead: str) -> bool:
    return _numbered(ahead) or bool(_FIELD.match(ahead))


def wrap_width(lines: list[str]) -> int | None:
    """The width the text's paragraphs were wrapped at, or None when it reads as written one
    paragraph a line (see the module's docstring). `lines`: the text's non-blank lines, stripped."""
    widths = sorted(width(line) for line in lines[:-1])
    if len(widths) < MIN_OPEN:
        return None
    wide = widths[min(len(widths) - 1, int(WIDTH_QUANTILE * len(widths)))]
    if wide < MIN_WIDTH:
        return None
    long = [k for k in range(len(lines) - 1) if width(lines[k]) >= LONG_SHARE * wide]
    open_ = sum(lines[k][-1] not in _CLOSED and not starts_item(lines[k + 1]) for k in long)
    if open_ < max(MIN_OPEN, OPEN_SHARE * len(long)):
        return None
    return wide


def goes_on(brackets: Brackets, tail: str, line: str, nxt: str, wide: int) -> bool:
    """Does the paragraph whose last line is `line` go on in the line `nxt`? `brackets`: what the
    paragraph leaves open; `tail`: its last TAIL characters. (`line` and `nxt` are stripped of their
    line ends and keep their leading indent.)"""
    body, ahead = line.strip(), nxt.strip()
    if not body or not ahead:
        return False
    if ahead[0] in CONTINUES or _split_label(body, ahead):
        return True
    if brackets.open and not _numbered(ahead):
        return True  # a bracket left open goes on, a field inside it too: …救援队伍的（ / 牵头单位：…）
    heading = _heading(body)
    if field := _FIELD.match(ahead):
        # a field's label alone on its line ("工作目标：") starts one; but a long line broken inside a word, then the
        # word's end and the colon that ends the sentence, is one line: "…新疆生产建设兵团地方志办 / 公室：" (an
        # addressee list pasted from a PDF), never a responsibility label (责任单位：) standing on its own
        alone = ahead[-1] in _COLON and len(field.group()) == len(ahead)
        return alone and not heading and not _ends_on_label(ahead) and _inside_word(body, wide)
    if _numbered(ahead):
        # a label at the line's start after a long line broken inside a word is the word's end: 法制统 / 一、政令统一
        return _inside_word(body, wide) and not heading and not _FIELD.match(body)
    if len(_INDENT.match(nxt).group().expandtabs(2)) > len(_INDENT.match(line).group().expandtabs(2)):
        return False  # a first-line indent: a new paragraph
    end = body[-1]
    if end in _GOES_ON:
        return True
    if end in _COLON and _ends_on_label(body):
        return True
    if end in _STOPS or end in _COLON or (end in _CLOSERS and _closes_paragraph(tail)):
        return width(body) >= wide - FULL_SLACK
    return width(body) >= (HEADING_SHARE if heading else LONG_SHARE) * wide


def _inside_word(body: str, wide: int) -> bool:
    """A long line that stops on a letter of a word (a Han character, a digit, a Latin letter): the
    margin broke it there, no paragraph ends so."""
    return width(body) >= LONG_SHARE * wide and (body[-1].isalnum() or bool(_HAN.match(body[-1])))


def joiner(left: str, right: str) -> str:
    """A space between two Latin words broken at a line end; nothing elsewhere (Han text has no spaces)."""
    a, b = left[-1:], right[:1]
    return " " if a.isascii() and a.isalpha() and b.isascii() and b.isalpha() else ""
