"""The text layer of a PDF read as an office printed it: paragraphs, not the lines of each page.

A PDF holds glyphs at positions, not paragraphs. pdfium's plain text follows the content stream, so a
producer that writes runs font by font (LibreOffice puts “ ” and Latin digits in another font) yields
quotes far from their words, and spaces it invents wherever glyphs stand apart (`到 2025 年`, where
an office's autospacing only widened the gap). Reading the glyphs with their boxes instead:

1. glyphs group into visual lines by baseline and are ordered left to right within a line; a line's parts far apart
   are read apart (cells, a signature beside its date), unless the line is set with distributed alignment (分散对齐:
   "工  作  方  案", every glyph as far from the next), which is one line;
2. spaces pdfium generated are dropped unless they separate two Latin letters or digits (`APP 掌上`
   is one word run in Chinese typesetting; `Open Data` keeps its space); spaces in the file are kept;
3. running headers and footers go: the first or last line of a page that repeats on most pages at the
   same height and size (digits ignored, so `第 3 页` repeats), and page numbers (`— 3 —`, `- 3 -`, `第3页 共10页`, `3/10`) there;
4. lines join into paragraphs: a line that runs to the right margin (where lines of text end, a ruled table's
   rows aside: a table may be set wider than the text) continues on the next one unless
   that one is indented (a first-line indent starts a paragraph), sits farther below than the line
   pitch, or has another font size; centred lines of a larger size (a title set over several lines)
   join each other. This holds across page breaks, so a measure printed over two pages stays one.

Each paragraph's line number is the running number (over all pages) of its first visual line.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise

from engine.ingest import furniture, pdf_columns, pdf_tables
from engine.ingest.line_numbers import LineNumbers
from engine.ingest.normalise import WIDE, light
from engine.ingest.tables import PageTopRow, own_captions
from engine.numbering_marks import opens_with_mark
from engine.roles import mark_alone, role_mark

_WIDE_RE = re.compile(f"[{WIDE}]")
_WORD = re.compile(r"[A-Za-z0-9]")
PAGE_NUMBER = re.compile(
    r"^[-—–－―_·•\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*(?:共\s*)?\d{1,4}\s*页?|\s*共\s*\d{1,4}\s*页)?[-—–－―_·•\s]*$"
)
GARBLED_SHARE = 0.3  # a text layer with this share of undecodable glyphs is not read: it would be noise
SPLIT_GAP = 2.5  # ems of empty space that separate two parts of a printed line (justified text has < 1)
REPEAT_SHARE = 0.5  # a top/bottom line on at least this share of the pages (and two) is furniture


@dataclass
class Line:
    """One visual line: its text and where it stands on its page (PDF points, y up)."""

    page: int
    text: str
    x0: float
    x1: float
    y: float
    size: float
    number: int = 0
    lead: float = 0.0  # width of the line's first unbreakable unit: what could not fit on the line above
    cells: list[str] | None = None  # a row of a ruled table (engine.ingest.pdf_tables): its cells' texts
    edges: list[CellEdge] | None = None  # for each cell, where its text starts and stops (a row cut by a page break)
    column: int = 0  # of a page in two text columns (engine.ingest.pdf_columns): 1 left, 2 right; 0 across or none
    merged: list[tuple[bool, bool]] | None = None  # a row's cells one with the row above / below (pdf_tables.Row)
    # a row atop a page the table goes on over: its cells empty beside a filled cell above the break (`_merged_on`)
    cut: frozenset[int] = frozenset()


@dataclass
class CellEdge:
    """Where a cell's printed text starts and stops: what tells, when a page break cuts the row, whether the
    part on the next page goes on the same paragraph or starts one the author typed (`_row_line`'s test)."""

    lead: float = 0.0  # width of the first line's first unbreakable unit
    end: float | None = None  # where the last line's glyphs end (None: the cell is empty)
    limit: float = float("inf")  # how far the cell's text can reach (pdf_tables.text_limits)
    first: str = ""  # the first line's text
    last: str = ""  # the text since the cell's last typed line break (the name being written where it stops)


def page_lines(
    textpage: object, page_no: int, page: object | None = None, numbers: LineNumbers | None = None
) -> tuple[list[Line], int]:
    """The visual lines of one page, top to bottom, glyphs left to right; and how many glyphs had no
    usable character code (fonts without a Unicode map give private-use or control codes). Given the
    page, the rows of its ruled tables come as one line each (cells joined by tabs). Given `numbers` (the
    document's, page after page), Word's line numbers in the margin are dropped (engine.ingest.line_numbers)."""
    import pypdfium2.raw as raw

    tp = textpage.raw  # type: ignore[attr-defined]
    glyphs: list[tuple[float, float, float, float, str, bool]] = []  # baseline, x0, x1, size, char, generated
    unreadable = 0
    for i in range(raw.FPDFText_CountChars(tp)):
        code = raw.FPDFText_GetUnicode(tp, i)
        if code in (0x0D, 0x0A):
            continue
        if code in (0, 0xFFFE, 0xFFFD) or 0xE000 <= code <= 0xF8FF or raw.FPDFText_HasUnicodeMapError(tp, i) == 1:
            unreadable += 1
            continue
        ch = chr(code)
        generated = raw.FPDFText_IsGenerated(tp, i) == 1
        left, bottom, right, top = textpage.get_charbox(i, loose=True)  # type: ignore[attr-defined]
        size = raw.FPDFText_GetFontSize(tp, i) or (top - bottom) or 1.0
        origin_y = _origin_y(tp, i, bottom)
        glyphs.append((origin_y, left, right, size, ch, generated))
    rows: list[Line] = []
    if page is not None:
        tables = pdf_tables.grids(page)
        if tables:
            glyphs, found = pdf_tables.split(glyphs, tables)
            pdf_tables.text_limits(found)
            rows = [_row_line(r, page_no) for r in found]
    if numbers is not None:
        glyphs = numbers.strip(glyphs)
    lines: list[list[tuple[float, float, float, float, str, bool]]] = []
    for g in sorted(glyphs, key=lambda g: -g[0]):
        if lines and abs(lines[-1][0][0] - g[0]) <= 0.35 * max(g[3], lines[-1][0][3]):
            lines[-1].append(g)
        else:
            lines.append([g])
    out: list[Line] = []
    rows_read = _superscripts(lines)
    # a page set in two text columns: the left column, then the right one (engine.ingest.pdf_columns); never beside
    # a ruled table, whose columns are cells
    columns = None if rows else pdf_columns.split(rows_read)
    for column, row in columns or [(pdf_columns.ACROSS, row) for row in rows_read]:
        row.sort(key=lambda g: g[1])
        for line in _segments(row, page_no):
            line.column = column
            out.append(line)
    if rows:
        out = sorted(out + rows, key=lambda x: -x.y)  # stable: the parts of a printed line keep their order
    return out, unreadable


_Glyph = tuple[float, float, float, float, str, bool]
SUPERSCRIPT_RISE = 0.2  # ems above the line's baseline a smaller glyph stands when it is set as a superscript
_NOTE_REF = re.compile(r"[\d①-⑳*†‡\[\]]")


def _superscripts(rows: list[list[_Glyph]]) -> list[list[_Glyph]]:
    """Superscripts back into their line: a row of a few smaller glyphs raised within the height of the line
    below (a footnote mark set apart by its own baseline: "低产低效林¹改造"), and smaller raised glyphs inside a
    line. A footnote reference mark (a digit, ①, *, [1]) after a Chinese character or punctuation is dropped, as
    a .docx's footnote marks are (the notes are kept apart: `split_notes`); any other superscript (m², 10⁶)
    stays in the text where it stands. Without this a mark on its own baseline broke its paragraph in two."""
    out: list[list[_Glyph]] = []
    for k, row in enumerate(rows):
        below = rows[k + 1] if k + 1 < len(rows) else None
        if below is not None and _raised_over(row, below):
            rows[k + 1] = below + row  # joins the line below; its marks are read there
            continue
        out.append(row)
    return [_without_marks(row) for row in out]


def _body_size(row: list[_Glyph]) -> float:
    return statistics.median(g[3] for g in row if not g[4].isspace()) if any(not g[4].isspace() for g in row) else 0.0


def _raised_over(row: list[_Glyph], below: list[_Glyph]) -> bool:
    """`row` is a few small glyphs set just above the baseline of `below`, within its horizontal extent."""
    visible = [g for g in row if not g[4].isspace()]
    size = _body_size(below)
    if not visible or len(visible) > 4 or not size:
        return False
    rise = visible[0][0] - below[0][0]
    xs = [g for g in below if not g[4].isspace()]
    return (
        all(g[3] <= size * NOTE_SIZE for g in visible)
        and 0 < rise < 0.7 * size
        and min(g[1] for g in xs) - size <= visible[0][1]
        and visible[-1][2] <= max(g[2] for g in xs) + size
    )


def _without_marks(row: list[_Glyph]) -> list[_Glyph]:
    """The row without the footnote reference marks set as superscripts in it."""
    size = _body_size(row)
    if not size:
        return row
    base = statistics.median(g[0] for g in row if not g[4].isspace() and g[3] > size * NOTE_SIZE) if any(
        g[3] > size * NOTE_SIZE for g in row
    ) else None
    if base is None:
        return row
    ordered = sorted(row, key=lambda g: g[1])
    keep: list[_Glyph] = []
    for g in ordered:
        sup = g[3] <= size * NOTE_SIZE and g[0] - base >= SUPERSCRIPT_RISE * size
        if sup and _NOTE_REF.match(g[4]):
            prev = next((h for h in reversed(keep) if not h[4].isspace()), None)
            if prev is None or not _WORD.match(prev[4]) or prev[3] <= size * NOTE_SIZE:
                continue  # a footnote mark after a Chinese character or a stop (or after another mark)
        keep.append(g)
    return keep


def _row_line(row: pdf_tables.Row, page_no: int) -> Line:
    """A table row as one Line: each cell's wrapped lines joined as a paragraph's are; a line the author
    ended (`_typed_break`) is kept apart by a space (as a .docx cell's paragraphs are kept apart)."""
    cells: list[str] = []
    edges: list[CellEdge] = []
    limits = row.limits or [float("inf")] * len(row.cells)
    for glyphs, limit in zip(row.cells, limits, strict=True):
        text = ""
        edge = CellEdge(limit=limit)
        for line in pdf_tables.cell_lines(glyphs):
            part = _line_text(line)
            visible = [g for g in line if not g[4].isspace()]
            if not part or not visible:
                continue
            lead = visible[_leading_unit(visible)][2] - visible[0][1]
            if text and _typed_break(edge.end, lead, limit, edge.last, part):
                text += " " + part
                edge.last = part
            else:
                joiner = _joiner(text, part)
                text += joiner + part
                edge.last += joiner + part
            if edge.end is None:
                edge.lead, edge.first = lead, part
            edge.end = max(g[2] for g in visible)
        cells.append(" ".join(text.split("\t")))
        edges.append(edge)
    return Line(
        page=page_no, text="\t".join(cells), x0=row.left, x1=row.right, y=row.top, size=pdf_tables.row_size(row),
        cells=cells, edges=edges, merged=row.merged,
    )  # fmt: skip


def _typed_break(end: float | None, lead: float, limit: float, last: str = "", line: str = "") -> bool:
    """A cell's line that stopped at `end` ended at a line break the author typed, not where the cell's width
    wrapped it: it stopped short of the cell's text limit with room for the next line's first unit (`lead`
    wide); or it filled the line, but with the end of a body's name, and the next line starts another's
    (`names_break`: units one a line in a column just as wide as a name, "省生态环境厅⏎省应急管理厅", where no
    width tells a typed break from a wrap)."""
    if end is None:
        return False
    return end + lead <= limit + BREAK_SLACK or names_break(last, line)


BREAK_SLACK = 0.5  # points: glyph boxes of lines that reach the same edge differ by rounding
# a body's name on a cell's lines: ideographs, brackets, and 、 only inside a bracket (a collective's places:
# 各区（市、县）人民政府, 各县（市、区）: one unit, blind60 贵阳市; fixtures/fix60)
_NAME = re.compile(r"^[\u4e00-\u9fff()（）、]{2,20}$")


def _a_name(text: str) -> bool:
    """`text` may be (a piece of) one body's name: `_NAME`'s characters, every 、 inside a bracket."""
    if not _NAME.match(text):
        return False
    depth = 0
    for ch in text:
        depth += ch in "(（"
        depth -= ch in ")）"
        if ch == "、" and depth <= 0:
            return False
    return True


def names_break(last: str, line: str) -> bool:
    """`last` (a cell's text since its last typed break) is a body's whole name and `line`, the next line, starts
    another: "省生态环境厅" then "省应急管理厅", not "省工业和信息" then "化厅" (no name ends at 信息) nor "县人民政府"
    then "办公室" (no name starts at 办). A body's branch in a place goes on its name: "中国人民银行" then "黑龙江省分
    行", "国家矿山安全监察局" then "山西局" (a national body, then a place: its office there), "中国农业银行" then
    "鸡西分行" (a place, then a branch's ending: rulesets/data/units.yaml `branches`). A role mark after a whole name
    closes it: "市工业和信息化局（牵头）" then "市商务局" are two units (fixtures/fix41b). A role mark alone on the next line
    ("（牵头）", a bare "牵头": engine/roles.py `mark_alone`) under a whole name is a line of its own, the name's mark
    (the cell's reader joins it to the name: engine/ingest/tables.py `_units`; fixtures/fix48)."""
    if not (_a_name(last) and _a_name(line)):
        return False
    from engine.extract.data import unit_data  # imported here: ingest runs before extract is needed
    from engine.parse import level as levels  # engine.parse imports engine.ingest
    from engine.parse.frontmatter import body_starts

    units = unit_data()
    # a role marked after the name (市工业和信息化局（牵头）, X(配合), X（总牵头）: engine/roles.py `role_mark`, the
    # words of rulesets/data/roles.yaml) closes it: nothing of its name follows the mark, so no branch either
    mark = role_mark().search(last)
    if mark is not None:
        last = last[: mark.start()]
    if mark_alone(line) is not None:
        return mark is None and last.endswith(units.suffixes)
    if mark is not None and not last:  # the line above is a mark alone, its name's above it: a name opens here
        return bool(body_starts(line, 0) or line.startswith(units.openers) or levels.place_at(line, 0))
    # a name's own ending (局, 厅, 政府, 海关: rulesets/data/units.yaml `suffixes`), not a set of places named without
    # one: "各县（市）" then "区政府" is 各县（市）区政府; the next line opens a name by its place or level word, or as a
    # body with neither opens (中国铁路…, 国网…: units.yaml `openers`)
    if not last.endswith(units.suffixes) or not (body_starts(line, 0) or line.startswith(units.openers)):
        return False
    if mark is not None:
        return True
    place = levels.place_at(line, 0)
    if place is None:
        return True  # 省应急管理厅, 县教育局: a body named by its level alone is no branch of the one above
    if line.endswith(units.branches):
        return False  # 中国人民银行⏎黑龙江省分行, 中国农业银行⏎鸡西分行
    national = last.startswith(levels.NATIONAL_PREFIXES) or levels.national_body_at(last, 0)
    placed = any(levels.place_at(last, k) for k in range(1, len(last)))  # 中国人民银行黑龙江省分行 is one already
    if not national or placed:
        return True
    # a national body, then a place: its office there only where the line names no body of its own, a bare office
    # noun after the place (国家矿山安全监察局⏎山西局), or where the national body is a vertically managed one whose
    # offices in places are its own (国家税务总局⏎长春市税务局: rulesets/data/unit_registry.yaml kind `vertical`);
    # "国家发展改革委⏎吉林省发展改革委", "国家能源局⏎吉林省能源局" are two bodies, the nation's and the province's
    return not (line[place[2] :] in units.suffixes or levels.vertical_body(last))


def _joiner(text: str, line: str) -> str:
    """What joins a wrapped line to the text before it: a space between two Latin words only."""
    return " " if _WORD.match(text[-1:]) and _WORD.match(line[:1]) and not text[-1:].isdigit() else ""


def _segments(row: list[tuple[float, float, float, float, str, bool]], page_no: int) -> list[Line]:
    """A visual line as Lines, split where glyphs stand far apart (table cells, a signature beside a
    date): each part is read on its own, as a .docx table is read cell by cell."""
    parts: list[list[tuple[float, float, float, float, str, bool]]] = [[]]
    last_x1: float | None = None
    spread = _distributed(row)
    for g in row:
        if g[4].isspace():
            parts[-1].append(g)
            continue
        if last_x1 is not None and not spread and g[1] - last_x1 > SPLIT_GAP * max(g[3], 1.0):
            parts.append([])
        parts[-1].append(g)
        last_x1 = g[2]
    out: list[Line] = []
    for gs in parts:
        text = _line_text(gs)
        if not text.strip():
            continue
        visible = [g for g in gs if not g[4].isspace()]
        sizes = [g[3] for g in visible if g[3] > 1]
        first = _leading_unit(visible)
        out.append(
            Line(
                page=page_no,
                text=text,
                x0=min(g[1] for g in visible),
                x1=max(g[2] for g in visible),
                y=statistics.median(g[0] for g in visible),
                size=statistics.median(sizes) if sizes else 12.0,
                lead=visible[first][2] - visible[0][1],
            )
        )
    return out


DISTRIBUTED_MIN = 3  # glyphs: a line of fewer set apart is two cells or a name and its value, not one spread line
DISTRIBUTED_SLACK = 0.25  # ems by which the gaps of a line set with distributed alignment may differ (rounding)
# what a line set with distributed alignment holds: words (Han, CJK punctuation, Latin letters and digits), never the
# marks of a responsibility matrix's cells (● ○ √ ★), which stand as far apart in a row whose columns are alike
_SPREAD_CHAR = re.compile(f"[{WIDE}A-Za-z0-9]")
_HAN = re.compile("[\u4e00-\u9fff]")


def _distributed(row: list[tuple[float, float, float, float, str, bool]]) -> bool:
    """The visual line is set with distributed alignment (Word's 分散对齐, a title's second line "工  作  方  案" or a
    heading "一  、  工  作  目  标" spread over the whole measure): at least DISTRIBUTED_MIN glyphs, every one a word's
    character (a Han character among them) standing apart from the next by more than SPLIT_GAP ems, and all those gaps
    alike (the extra space is shared out evenly between the characters). Such a line is one line of text, not one cell
    a character; the cells of a table's row or a signature beside a date stand at gaps of their own widths."""
    visible = [g for g in row if not g[4].isspace()]
    if len(visible) < DISTRIBUTED_MIN or not all(_SPREAD_CHAR.match(g[4]) for g in visible):
        return False
    if not any(_HAN.match(g[4]) for g in visible):
        return False
    em = max(statistics.median(g[3] for g in visible), 1.0)
    gaps = [b[1] - a[2] for a, b in pairwise(visible)]
    return min(gaps) > SPLIT_GAP * em and max(gaps) - min(gaps) <= DISTRIBUTED_SLACK * em


_NO_BREAK_BEFORE = set("，。、；：？！）》〉】〕」』”’…—·%)]}.,;:!?") | set("“‘\"'")
_NO_BREAK_AFTER = set("（《〈【〔「『“‘([{+＋#$￥№")  # opening brackets, and prefixes such as the + of 金融+


_ENDS = tuple("。！？；：.!?;:）)")
_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]+[)）]|\d+[.．、]|第[一二三四五六七八九十百\d]+[章节条部分])"
)


def _numbered(text: str) -> bool:
    """A label at `text`'s start: one of _NUMBERED, or a numbering mark of one character (㈠ ⑴ ⒈ ①:
    rulesets/data/numbering_marks.yaml)."""
    return bool(_NUMBERED.match(text)) or opens_with_mark(text)


# a decimal-numbered plan's section line, "3 保障措施" (engine/parse/numbering.py decimal_markers): a short line, a
# bare number and a title without a stop
_SECTION = re.compile(r"^\d{1,2}\s+[^\d\s.．、%][^。；;，,：:！？!?]{1,29}$")
# a responsibility field ("责任单位：A、B"): its unit list ends without a stop, and a numbered line after it is the
# next item or section, not the list going on
_FIELD = re.compile(r"^\s*[【\[]?\S{0,4}(?:单位|部门)\s*[】\]]?\s*[:：]")


def _furniture_line(text: str) -> bool:
    """The line is page furniture as engine.ingest.furniture reads a whole line (a disclosure label and its value:
    rulesets/data/page_furniture.yaml `labels`), which no paragraph goes on into."""
    return len(text) <= furniture.MAX_LEN and furniture.is_furniture(light(text), pdf=True)


def _leading_unit(visible: list[tuple[float, float, float, float, str, bool]]) -> int:
    """Index of the last glyph of the line's first unit a line breaker keeps together.

    Closing punctuation and quotes never start a line (ICU treats “ ” as unbreakable on both sides),
    an opening bracket never ends one, and a Latin word or number is one unit, also with the
    punctuation before it (LibreOffice keeps `”，2022` together).
    """
    k = 0
    n = len(visible)
    while k + 1 < n:
        ch, nxt = visible[k][4], visible[k + 1][4]
        glued = nxt in _NO_BREAK_BEFORE or ch in _NO_BREAK_AFTER
        if glued or (_WORD.match(nxt) and (_WORD.match(ch) or ch in _NO_BREAK_BEFORE)):
            k += 1
        else:
            break
    return k


def _origin_y(tp: object, i: int, fallback: float) -> float:
    import ctypes

    import pypdfium2.raw as raw

    x, y = ctypes.c_double(), ctypes.c_double()
    if raw.FPDFText_GetCharOrigin(tp, i, ctypes.byref(x), ctypes.byref(y)):
        return y.value
    return fallback


def _line_text(gs: list[tuple[float, float, float, float, str, bool]]) -> str:
    """The glyphs of a line as text: generated spaces only between two Latin words, or where the gap
    is as wide as a typed space (LibreOffice: a space 0.31 em, a full-width space 1 em; its
    autospacing between Chinese and digits is 0.20 em, other producers' up to a third) — but not the tab after a list number that
    starts the line (`一、`, `（一）`, `1.`: Word's automatic numbering prints one)."""
    out: list[str] = []
    spread = _spread(gs)
    for k, (_, _, _, _, ch, generated) in enumerate(gs):
        if ch.isspace() and generated:
            before = out[-1] if out else ""
            nxt = next((g for g in gs[k + 1 :] if not g[4].isspace()), None)
            after = nxt[4] if nxt else ""
            if before.endswith(" ") or not before or nxt is None:
                continue
            latin = _WORD.match(before[-1:]) and _WORD.match(after or " ")
            if not latin and (not _typed_gap(gs, k, nxt, spread) or _LIST_NUMBER.match("".join(out))):
                continue
            out.append(" ")
            continue
        out.append(ch)
    # a lone UTF-16 surrogate (a broken character code in the text layer) is no text: shown as �
    return _SURROGATE.sub("\ufffd", "".join(out)).strip()


_SURROGATE = re.compile("[\ud800-\udfff]")
TYPED_GAP = 0.27  # ems: a gap this wide between two Chinese characters is a typed space (0.31 em)
MIXED_TYPED_GAP = 0.5  # ems: between Chinese and Latin, where autospacing puts 0.20-0.33 em
_LIST_NUMBER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十百\d]{1,4}[)）]|[一二三四五六七八九十百\d]{1,4}[、.．]?)$")


def _typed_gap(
    gs: list[tuple[float, float, float, float, str, bool]],
    k: int,
    nxt: tuple[float, float, float, float, str, bool],
    spread: float,
) -> bool:
    """The gap before glyph `nxt` is wider than autospacing and than the line's own letter-spacing
    (`spread`: a justified line stretches every gap alike, a typed space stands out of it)."""
    prev = next((g for g in reversed(gs[:k]) if not g[4].isspace()), None)
    if prev is None:
        return False
    # autospacing only ever stands between Chinese and Latin: there, only a wider gap was typed
    em = TYPED_GAP if not (_WORD.match(prev[4]) or _WORD.match(nxt[4])) else MIXED_TYPED_GAP
    return nxt[1] - prev[2] - spread >= em * max(prev[3], nxt[3], 1.0)


def _spread(gs: list[tuple[float, float, float, float, str, bool]]) -> float:
    """The usual gap between neighbouring glyphs of a line (0 unless it is letter-spaced or justified)."""
    visible = [g for g in gs if not g[4].isspace()]
    gaps = sorted(b[1] - a[2] for a, b in pairwise(visible))
    return max(0.0, gaps[len(gaps) // 2]) if gaps else 0.0


def unreadable_share(pages: list[list[Line]], bad: int) -> float:
    """The share of the text layer's glyphs that had no usable character code."""
    good = sum(len(x.text) for lines in pages for x in lines)
    return bad / (bad + good) if bad else 0.0


def drop_furniture(pages: list[list[Line]]) -> tuple[list[list[Line]], list[str]]:
    """Running headers, footers and page numbers removed from the top and bottom of each page.

    A repeated line is furniture where it repeats: at the same height and size on most pages. The same
    words elsewhere are text: a header that runs the document's title leaves the title itself, set
    larger below it on the first page, in place. A row of a ruled table is never furniture: a table's
    header row repeated at the top of each page it runs over stands where a running header would
    (`paragraphs` drops the repeats, keeping the first).
    """
    found: dict[str, list[Line]] = {}
    for lines in pages:
        for line in _edges(lines):
            if line.cells is not None:
                continue
            found.setdefault(repeat_key(line.text), []).append(line)
    need = max(2, int(len(pages) * REPEAT_SHARE + 0.999))
    repeated: set[int] = set()
    for key, lines in found.items():
        if not key:
            continue
        for group in _same_place(lines):
            # 附件1 atop the plan's page, 附件2 atop its 分工表's: each part's own caption, not a running header
            if len({x.page for x in group}) >= need and not own_captions([x.text for x in group]):
                repeated.update(id(x) for x in group)
    removed: list[str] = []
    kept_pages: list[list[Line]] = []
    for lines in pages:
        edges = {id(x) for x in _edges(lines)}
        kept: list[Line] = []
        for line in lines:
            if id(line) in edges and line.cells is None and (id(line) in repeated or PAGE_NUMBER.match(line.text)):
                removed.append(line.text)
            else:
                kept.append(line)
        kept_pages.append(kept)
    return kept_pages, removed


def _same_place(lines: list[Line]) -> list[list[Line]]:
    """Lines of the same words grouped by where they stand: the same size, baselines within an em."""
    groups: list[list[Line]] = []
    for line in sorted(lines, key=lambda x: (x.size, -x.y)):
        last = groups[-1][0] if groups else None
        if last is not None and abs(last.size - line.size) <= 0.5 and abs(last.y - line.y) <= max(line.size, 1.0):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _edges(lines: list[Line]) -> list[Line]:
    """The lines that can be a header or footer: the first two and the last two of the page."""
    if len(lines) <= 4:
        return list(lines)
    return [*lines[:2], *lines[-2:]]


def repeat_key(text: str) -> str:
    return re.sub(r"\d+", "#", "".join(text.split()))


NOTE_SIZE = 0.85  # a line this much smaller than the body text, below it on its page, is a footnote


def split_notes(pages: list[list[Line]]) -> tuple[list[list[Line]], list[str]]:
    """Footnotes out of the body: the smaller lines under a page's last body-size line.

    Consecutive note lines join (a note wraps like a paragraph) unless one starts with a note mark
    (①, [1], 1, 注). They are kept apart from the text, as a .docx's footnotes are.
    """
    sizes = [x.size for lines in pages for x in lines]
    if not sizes:
        return pages, []
    body = statistics.median(sizes)
    notes: list[str] = []
    out: list[list[Line]] = []
    for lines in pages:
        last_body = max(
            (k for k, x in enumerate(lines) if x.size > body * NOTE_SIZE or x.cells is not None), default=-1
        )
        tail = lines[last_body + 1 :]
        if last_body < 0 or not tail:
            out.append(lines)
            continue
        out.append(lines[: last_body + 1])
        for x in tail:
            if notes and not _NOTE_MARK.match(x.text) and x is not tail[0]:
                notes[-1] += x.text
            else:
                notes.append(x.text)
    return out, notes


_NOTE_MARK = re.compile(r"^(?:[①-⑳]|\[\d+\]|\d+[.．、 ]?|注[\d：:])")


def paragraphs(pages: list[list[Line]]) -> list[tuple[int, str]]:
    """Visual lines joined into paragraphs, each numbered by its first line. A table's rows stay one
    paragraph each; at the top of a page the table goes on over, a repeat of one of its first rows
    (the header row an office prints on every page) is dropped and a row cut by the page break joins
    the row above, cell by cell (`_join_row`); a cell merged down over rows on both sides of the break is one
    cell (`_merged_on`). Where a ruled table ends, an empty line (`TABLE_END`)."""
    body = [line for lines in pages for line in lines]
    if not body:
        return []
    body_size = statistics.median(line.size for line in body)
    # a ruled table is set to its own width, often past the text block: its rows' edges are no margins (a table
    # of eight rows made 9 of 47 lines "reach" its right edge and no line of text seemed to reach the margin)
    block = _margins([line for line in body if line.cells is None] or body)
    # a text column's lines wrap at its own edges (engine.ingest.pdf_columns)
    blocks = {c: _margins(col) for c in (pdf_columns.LEFT, pdf_columns.RIGHT) if (col := [x for x in body if x.column == c])}
    pitch = _pitch(pages)
    out: list[tuple[int, str]] = []
    prev: Line | None = None
    heads: list[str] = []  # the first rows of the table being read, which a new page may repeat
    for line in body:
        if line.cells is not None and (prev is None or prev.cells is None):
            heads = []
        if line.cells is not None and prev is not None and prev.cells is not None and line.page > prev.page:
            if _cells_key(line) in heads:
                continue  # a header row repeated at the top of the page: the table goes on
        elif line.cells is not None and len(heads) < HEAD_ROWS:
            heads.append(_cells_key(line))
        if (
            prev is not None
            and prev.cells is not None
            and line.cells is not None
            and (_row_goes_on(prev, line) or _header_goes_on(prev, line, heads))
        ):
            key = _cells_key(prev)
            _join_row(prev, line)
            if key in heads:  # the header as printed whole, which a later page may repeat
                heads[heads.index(key)] = _cells_key(prev)
            out[-1] = (out[-1][0], _row_text(prev))
            prev.page = line.page  # the row now ends on this page: only the next page's top may go on with it
            continue  # prev stays the row, which may go on over one more page
        if (
            prev is not None
            and prev.cells is None
            and line.cells is None
            and _continues(
                prev, line, (blocks.get(line.column, block)[0], blocks.get(prev.column, block)[1]), pitch, body_size,
                out[-1][1],
            )
        ):
            text = out[-1][1]
            out[-1] = (out[-1][0], text + _joiner(text, line.text) + line.text)
        else:
            if prev is not None and prev.cells is not None and line.cells is None:
                out.append((line.number, TABLE_END))
            if prev is not None and prev.cells is not None and line.cells is not None:
                if _numbered_by(prev, line):
                    out[-1] = (out[-1][0], _row_text(prev))
                    continue  # prev stays the row: the measure may take one more
                _merged_on(prev, line)
            out.append((line.number, _row_text(line)))
        prev = line
    return out


# what `paragraphs` puts where a ruled table's grid ends: an empty line, as one ends a table in a plain text. Only
# the grid says which lines are rows: a row of one merged cell (a section row across the table) and a heading just
# under the table ("三、保障措施") both come as a line without a tab, and the text-table reader took the heading for a
# section row of the table (engine.ingest.readers.read_pdf drops the mark once the tables are read)
TABLE_END = ""


HEAD_ROWS = 3  # a table's header is among its first rows (a title row may stand above it)


def _cells_key(line: Line) -> str:
    return "\t".join("".join(c.split()) for c in line.cells or [])


def _join_row(prev: Line, line: Line) -> None:
    """The part of a row on the next page into `prev`, cell by cell. A cell's part goes on the paragraph the
    page cut unless the author ended the cell's last line above (`_typed_break`: it stopped short with room for
    the first unit below, or it ends one body's name and the part below starts another's) — the test `_row_line`
    makes between two lines of a cell on one page — so two units the author put on lines of their own
    (`市农业农村局⏎市自然资源局`) stay two when the break falls between them. The cell's text limit is the
    farther of the two pages' (each page's rows only show how far that page's text reached)."""
    assert prev.cells is not None and line.cells is not None
    above = prev.edges or [CellEdge() for _ in prev.cells]
    below = line.edges or [CellEdge() for _ in line.cells]
    cells: list[str] = []
    edges: list[CellEdge] = []
    for a, b, top, bottom in zip(prev.cells, line.cells, above, below, strict=True):
        limit = max(top.limit, bottom.limit)
        typed = bool(a) and bool(b) and _typed_break(top.end, bottom.lead, limit, top.last, bottom.first)
        joiner = " " if typed else _joiner(a, b)
        cells.append(a + joiner + b)
        end = bottom.end if bottom.end is not None else top.end
        # the name being written where the joined cell stops: the lower part's own, or the upper's going on
        last = bottom.last if typed or bottom.last != b else top.last + joiner + b
        first = top.first if top.end is not None else bottom.first
        edges.append(CellEdge(top.lead if top.end is not None else bottom.lead, end, limit, first, last))
    prev.cells, prev.edges = cells, edges
    prev.text = "\t".join(cells)
    if prev.merged is not None and line.merged is not None:  # one with the rows above the break and below it
        prev.merged = [(a[0], b[1]) for a, b in zip(prev.merged, line.merged, strict=True)]


def _row_goes_on(prev: Line, line: Line) -> bool:
    """A table row cut by a page break: on the next page, as many cells, its own cell empty (`_own_cell`: the 序号
    stays on the first page, as does every short cell)."""
    assert prev.cells is not None and line.cells is not None
    if line.page != prev.page + 1 or len(line.cells) != len(prev.cells):
        return False
    own = _own_cell(prev, line)
    if not line.cells[own].strip():
        return True
    from engine.ingest.tables import numbers_a_row  # the task tables' row numbers, read where the tables are

    # `prev` numbered only by a merged cell (序号 merged down over a measure's rows, `_numbered_by`) and `line` by no
    # cell: the same measure going on over the break, whether the cut row's rest or the measure's next row
    numbers = [k for k, c in enumerate(prev.cells) if numbers_a_row(c)]
    return (
        bool(numbers) and own not in numbers and not line.cells[numbers[0]].strip()
        and not any(numbers_a_row(c) for c in line.cells)
    )  # fmt: skip


def _own_cell(prev: Line, line: Line) -> int:
    """The cell that tells whether `line`, atop the next page, goes on with the row `prev` or is a row of its own: of
    the cells that belong to neither row alone (merged down into `prev` from above, or from `line` into the rows below
    it: a 类别 cell over a group of rows, printed on one page, empty on the other), the one where `prev` prints its row
    number (序号 1, 2.3, （一）: engine.ingest.tables.numbers_a_row), else the first. The first cell alone misread a
    table whose first column is a merged group cell: every row under its empty part went on with the row above the
    break, and a cut row whose group cell went on over the break was read as a row of its own."""
    from engine.ingest.tables import numbers_a_row  # the task tables' row numbers, read where the tables are

    assert prev.cells is not None and line.cells is not None
    own = [
        k for k in range(len(line.cells))
        if not (prev.merged and prev.merged[k][0]) and not (line.merged and line.merged[k][1])
    ]  # fmt: skip
    return next((k for k in own if numbers_a_row(prev.cells[k])), own[0] if own else 0)


def _numbered_by(prev: Line, line: Line) -> bool:
    """`line`, a row under `prev` on the same page, goes on with it as one measure when the cell that numbers it is
    merged down from `prev` (序号 3 printed once beside two rows, each with a 具体措施 and a 配合单位 of its own) and
    no cell of its own numbers it: its own cells are then added to `prev`'s, cell by cell, the merged ones once — as
    the .docx reader reads a w:vMerge 序号 cell (engine/ingest/tables.py `_numbered_rows`) and a tab copy's row with an
    empty 序号 cell. A group cell (一、 over rows numbered 1, 2, 3 each) leaves its rows apart."""
    from engine.ingest.tables import numbers_a_row  # the task tables' row numbers, read where the tables are

    assert prev.cells is not None and line.cells is not None
    if line.page != prev.page or line.merged is None or len(line.cells) != len(prev.cells):
        return False
    above = [a for a, _ in line.merged]
    # a merged cell's text printed on an earlier page is not in the row: it is the row above's
    numbered = [k for k, c in enumerate(line.cells) if numbers_a_row(prev.cells[k] if above[k] else c)]
    if not numbered or not above[numbered[0]] or any(not above[k] for k in numbered):
        return False
    cells, edges = list(prev.cells), list(prev.edges or [CellEdge() for _ in prev.cells])
    for k, cell in enumerate(line.cells):
        if above[k] or not cell.strip():
            continue
        cells[k] = cell if not cells[k] else cells[k] + " " + cell
        if line.edges is not None:
            edges[k] = CellEdge(edges[k].lead, line.edges[k].end, max(edges[k].limit, line.edges[k].limit),
                                edges[k].first or line.edges[k].first, line.edges[k].last)  # fmt: skip
    prev.cells, prev.edges, prev.text = cells, edges, "\t".join(cells)
    if prev.merged is not None:  # one with the rows above it and, now, those below the last
        prev.merged = [(a[0], b[1]) for a, b in zip(prev.merged, line.merged, strict=True)]
    return True


def _merged_on(prev: Line, line: Line) -> None:
    """`line`, a row under the row `prev`, takes the text of each cell it shares with `prev` as `prev` now reads: a
    cell merged down over both on one page (pdf_tables `_merged_down` gave each row the text printed there; `prev`'s
    may since have been joined with its part over a page break), and, atop a new page, an empty cell that goes on a
    merged cell cut by the break — empty below the cell's text above it, where the cell spans more than one row on
    either page (a 牵头单位 merged over rows 5-7, printed at row 5, its part beside row 7 on the next page empty). A
    merged cell belongs to every row it spans, also across a page break, as the .docx reader gives a w:vMerge cell's
    text to each row. An empty cell of one row on each side is no merge to be seen: it stays empty here, and is
    marked (`Line.cut`) where the row above has text in it — the task-table reader reads it as that text where it is
    a lead field in a table that leaves no other lead field empty (engine.ingest.tables `_merged_leads`: blind87
    遂宁市, a 市医保局 merged over rows 5–6 that straddle the break)."""
    assert prev.cells is not None and line.cells is not None
    if len(line.cells) != len(prev.cells) or line.merged is None or prev.merged is None:
        return
    cells = list(line.cells)
    single: set[int] = set()
    for k, (above, below) in enumerate(line.merged):
        broken = line.page > prev.page and not cells[k].strip()
        cut = broken and (prev.merged[k][0] or below)
        if (above and line.page == prev.page) or cut:
            cells[k] = prev.cells[k]
            if line.edges is not None and prev.edges is not None:
                line.edges[k] = prev.edges[k]
        elif broken and prev.cells[k].strip():
            single.add(k)
    line.cut = frozenset(single)
    if cells != line.cells:
        line.cells = cells
        line.text = "\t".join(cells)


def _row_text(line: Line) -> str:
    """The line's text; for a row with cells a page break may have cut from merged cells above it (`Line.cut`), one
    that says which (engine.ingest.tables.PageTopRow: the task-table reader decides whether they are)."""
    return PageTopRow(line.text, line.cut) if line.cut else line.text


def _header_goes_on(prev: Line, line: Line, heads: list[str]) -> bool:
    """A table's header row cut by a page break where a narrow cell wraps its word (序⏎号, 完成时⏎限, 牵头单⏎位): the
    part on the next page has a first cell of its own, so `_row_goes_on` does not join it, and it would be read as the
    table's first row. It is the header's rest when `prev` is one of the table's first rows and the two joined cell by
    cell name more columns (engine.ingest.tables.column_role: the column words of rulesets/data/roles.yaml) and no
    cell naming one before names none after: a row of its own below a whole header (序号 | 1) spoils the word."""
    assert prev.cells is not None and line.cells is not None
    if line.page != prev.page + 1 or len(line.cells) != len(prev.cells) or _cells_key(prev) not in heads:
        return False
    from engine.ingest.tables import column_role  # the task tables' header words, read where the tables are

    before = [column_role(c) is not None for c in prev.cells]
    after = [column_role(a + b) is not None for a, b in zip(prev.cells, line.cells, strict=True)]
    return sum(after) > sum(before) and all(b <= a for b, a in zip(before, after, strict=True))


def _margins(lines: list[Line]) -> tuple[float, float]:
    """The text block's left and right edges: where many lines start and end, not the extremes.

    A page of a few short lines has no right margin that lines reach (infinity: no line is full).
    """
    em = statistics.median(x.size for x in lines)
    need = max(3, len(lines) // 10)

    def common(values: list[float]) -> list[float]:
        values = sorted(values)
        return [
            v
            for v in values
            if bisect_right(values, v + em / 2) - bisect_left(values, v - em / 2) >= need
        ]

    starts, ends = common([x.x0 for x in lines]), common([x.x1 for x in lines])
    return (starts[0] if starts else min(x.x0 for x in lines)), (ends[-1] if ends else float("inf"))


def _pitch(pages: list[list[Line]]) -> float:
    """The usual distance between the baselines of consecutive lines."""
    gaps = [a.y - b.y for lines in pages for a, b in pairwise(lines) if a.y > b.y]
    return statistics.median(gaps) if gaps else 0.0


def _continues(
    prev: Line, line: Line, block: tuple[float, float], pitch: float, body_size: float, para: str = ""
) -> bool:
    if abs(prev.size - line.size) > 0.5:
        return False
    if prev.page == line.page and pitch and prev.y - line.y > pitch * 1.3 * line.size / body_size:
        return False
    em = max(prev.size, 1.0)
    left, right = block
    if prev.text.endswith(_ENDS) and (_numbered(line.text) or _furniture_line(line.text)):
        # a numbered item after a finished sentence starts anew, however full the line; so does a line of the page's
        # furniture ("公开方式：主动公开" under the last safeguard, whose last line happened to reach the margin)
        return False
    short = line.x1 < right - 3 * em  # a heading's line, not a sentence's wrapped at the margin
    if (prev.text.endswith(_ENDS) or _FIELD.match(para)) and (
        (_SECTION.match(line.text) and short) or (_numbered(line.text) and _FIELD.match(para))
    ):
        return False  # so is a section line after one, and either after a field's unit list
    prev_full = prev.x1 + max(line.lead, em) > right - 0.5 * em  # the next line's start did not fit
    # a line breaker's rules are not all known here: a long line that stops mid-sentence goes on too
    prev_full = prev_full or (prev.x1 > right - 3 * em and not prev.text.endswith(_ENDS))
    indented = line.x0 > left + 0.8 * em
    if prev_full and not indented:
        return True
    if prev.size > body_size + 0.5:  # a title or heading set over lines: centred lines join
        return right < float("inf") and _centred(prev, left, right, em) and _centred(line, left, right, em)
    return False


def _centred(line: Line, left: float, right: float, em: float) -> bool:
    return abs((line.x0 - left) - (right - line.x1)) < em
