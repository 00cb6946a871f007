"""Script and style residue: what a scraper keeps of a page's <script>, <style> and comments, cut out as furniture.

A scraper that keeps only a page's text keeps, too often, the code that stood around it: the share button's config
(`window._bd_share_config={"common":{}};`), the visit counter (`var _hmt = _hmt || [];`), a jQuery handler, a
`document.write(…)`, a JSON blob, a CSS rule. Left in, it was read as the plan's text — as the end of the last measure
when it followed the page's footer (its `;` looked like a sentence, so the page's closing was not cut either), and
checked: a half-width colon in `{"common":{}}` was reported against the measure.

Where a statement OPENS is data (rulesets/data/page_furniture.yaml `script_openers`, with their source); here it is
read to its end: strings are skipped whole, brackets counted, and the statement ends at a `;` or a closing bracket back
at depth 0 (the next statement going on when code follows), at the line's end, or before a Chinese character outside
its strings. A statement whose brackets are still open at a Chinese character is not code (访问www.sh.gov.cn(上海)…):
it stays. One whose brackets are still open at the line's end goes on on the next lines (a function over several
lines), until they close. What is cut becomes spaces, so the columns of what stays on the line do not move, and a
line of nothing else becomes blank; the cut text is listed as removed.

Linear: the openers are found by one scan of the line (every pattern starts with a literal or a one-character class,
none nests a quantifier over what it repeats); from an opener the statement is read token by token, once, and the
next scan starts where it ended. A string token is bounded (an unclosed quote is one character), and the close of a
comment is looked up once per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine.ingest.tables import TableRow
from engine.memo import memo

RawLine = tuple[int, str]

STRING_MAX = 2000  # characters of one string literal; an unclosed quote is read as one character
# code is ASCII outside its strings: any other character there (汉字, “”, —, ：) is the page's text
_TEXT = "\u0080-\U0010ffff"
_TOKEN = re.compile(
    rf'"(?:[^"\\\n]|\\.){{0,{STRING_MAX}}}"'
    rf"|'(?:[^'\\\n]|\\.){{0,{STRING_MAX}}}'"
    r"|[{(\[]+|[})\]]+|;"
    rf"|[{_TEXT}]"
    rf"|[^\"'{{}}()\[\];{_TEXT}]+"
    r"|."
)
# after a statement's end, code goes on (with(document)…, .b{…}, another statement) when one of these follows
_CODE_NEXT = re.compile(r"\s*(?=[A-Za-z_$.#@({\[!~/<;,+\-*=|&?:])|(?=\d{1,3}[\[(])")  # with(document)0[…]
_COMMENT_OPEN = "<!--"


@dataclass(frozen=True)
class _Openers:
    pattern: re.Pattern[str] | None


@memo(1, copy="shared")  # compiled once from the data; frozen
def _openers() -> _Openers:
    from engine.extract.data import read_data  # here, not at import

    raw = read_data("page_furniture.yaml", required=True) or {}
    patterns = [str(p) for p in ((raw.get("script_openers") or {}).get("patterns") or ())]
    if not patterns:
        return _Openers(None)
    # no identifier character right before an opener (xwindow.x=); a digit may stand there (…3100000001window.…)
    alt = "|".join(f"(?:{p})" for p in patterns)
    return _Openers(re.compile(rf"(?<![A-Za-z_$])(?:{alt})", re.M))


def _read(line: str, pos: int, depth: int) -> tuple[int, int, bool]:
    """Read code from `pos` at bracket `depth`: (where it ends, the depth there, whether it is code). It is not code
    when a Chinese character outside a string meets it inside ( or [ (访问www.sh.gov.cn(上海)), or inside a { that the
    line does not close; inside a { the line closes it is a value (.TRS_Editor P{font-family:宋体}) and stays code."""
    end = pos
    stack = ["?"] * depth  # the open brackets, innermost last; "?" for those the lines before left open
    text_in_brace = False  # a Chinese character met inside a {: code only if that { closes on this line
    for m in _TOKEN.finditer(line, pos):
        tok = m.group()
        c = tok[0]
        if c in "{([":
            stack.extend(tok)
        elif c in "})]":
            if len(tok) > len(
                stack
            ):  # more closing than open: what closes the statement is its, the rest is not
                k = len(stack)
                return (
                    (m.start() + k if k else end),
                    0,
                    (bool(k) or end > pos) and not (text_in_brace and not k),
                )
            del stack[len(stack) - len(tok) :]
            if not stack:
                text_in_brace = False
                end = m.end()
                if _CODE_NEXT.match(line, end) is None:
                    return end, 0, True
                continue
        elif c == ";":
            if not stack:
                end = m.end()
                if _CODE_NEXT.match(line, end) is None:
                    return end, 0, True
                continue
        elif c >= "\x80":
            if stack and stack[-1] == "{":
                text_in_brace = True
            else:
                return end, len(stack), not stack and end > pos and not text_in_brace
        end = m.end()
    return end, len(stack), not text_in_brace


def _cut_line(line: str, carry: int, pattern: re.Pattern[str] | None) -> tuple[list[tuple[int, int]], int]:
    """The spans of residue in one line and the bracket depth left open at its end (0: none). `carry`: the depth a
    statement of the lines before left open, read on from the line's start."""
    spans: list[tuple[int, int]] = []
    pos = 0
    if carry:
        end, depth, code = _read(line, 0, carry)
        if not code:
            return [], 0
        if end > 0:
            spans.append((0, end))
        if depth:
            return spans, depth
        pos = end
    if pattern is None:
        return spans, 0
    close = -2  # where the next `-->` stands (-1: none on the line); looked up once per line, from the left
    while True:
        m = pattern.search(line, pos)
        if m is None:
            return spans, 0
        a = m.start()
        if line.startswith(_COMMENT_OPEN, a):  # <!-- … --> whole, or the marker alone
            if close != -1 and close < a:
                close = line.find("-->", a + 4)
            b = close + 3 if close != -1 else m.end()
            spans.append((a, b))
            pos = b
            continue
        end, depth, code = _read(line, a, 0)
        if not code or end <= a:
            pos = a + 1
            continue
        spans.append((a, end))
        if depth:
            return spans, depth
        pos = end


def cut(lines: list[RawLine]) -> tuple[list[RawLine], list[str]]:
    """The lines with their script and style residue blanked (spaces where it stood; a line of nothing else blank),
    and the residue cut, one entry per line. Task-table rows are left alone."""
    pattern = _openers().pattern
    out: list[RawLine] = []
    removed: list[str] = []
    carry = 0
    for no, line in lines:
        if isinstance(line, TableRow) or not isinstance(line, str):
            out.append((no, line))
            carry = 0
            continue
        if not line.strip():
            out.append((no, line))
            continue
        spans, carry = _cut_line(line, carry, pattern)
        if not spans:
            out.append((no, line))
            continue
        chars = list(line)
        for a, b in spans:
            chars[a:b] = " " * (b - a)
        kept = "".join(chars)
        removed.append(" ".join(" ".join(line[a:b] for a, b in spans).split()))
        out.append((no, kept if kept.strip() else ""))
    return out, removed
