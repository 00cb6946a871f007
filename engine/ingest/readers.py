"""Format readers: the bytes of one document -> raw lines `(line number, original text)`.

Readers only extract; normalisation and furniture removal happen once, for every format, in
`engine.ingest`. Each reader turns any failure of its library into `PlancheckError("input.corrupt")`
so a damaged file never surfaces as a traceback. Readers get bytes, never a path: the user's file
is opened once, read-only, by `engine.ingest.load_document`.

Line numbers:
- text: the line in the file (CRLF, CR and LF all end a line);
- .docx: the paragraph number, counting body paragraphs and table-cell paragraphs in document order;
- .pdf: the running line number over all pages;
- .html: the line of the extracted text (blank lines skipped), not of the HTML source.

A task-division table (engine.ingest.tables) becomes one raw line per row instead of one per cell:
a `TableRow` (the cells joined with a tab) carrying the synthetic line to normalise. In a .docx its
line is the paragraph number of the row's first cell and the count still moves past every cell
paragraph, so the paragraphs after the table keep the numbers engine/report/docx.py looks up.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any, NamedTuple

from engine.errors import PlancheckError
from engine.ingest import budgets, hidden, numbering, wrap
from engine.ingest.docx_toc import toc_paragraphs
from engine.ingest.emphasis import (
    BOLD_OFF,
    BOLD_ON,
    docx_bold_runs,
    docx_underline_runs,
    html_bold,
    html_bold_texts,
    split_bold,
)
from engine.ingest.frames import inline_frames
from engine.ingest.hanging import DUTY_MAX, LABEL_MAX, duty_clause, duty_row, hanging_label
from engine.ingest.line_numbers import LineNumbers
from engine.ingest.matrix import legend_from
from engine.ingest.tables import (
    HEADER_SCAN,
    Cell,
    FramedText,
    GridBudget,
    TableRow,
    TableRun,
    field_table_line,
    find_header,
    own_captions,
    table_lines,
    text_table_lines,
)

RawLine = tuple[int, str]
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CHUNK = 1024 * 1024


def split_lines(text: str) -> list[RawLine]:
    """Lines as an editor numbers them (not str.splitlines, which also splits on \\f, \\x1c, U+2028 …)."""
    return [(i + 1, line) for i, line in enumerate(_LINE_BREAK.split(text))]


# ---- text of a paged document (pdftotext's output: pages split by form feeds \f) ------------------------
def drop_page_furniture(lines: list[RawLine]) -> tuple[list[RawLine], list[str]]:
    """Running headers, footers and page numbers blanked out of a text whose pages a form feed separates.

    The same rule as a PDF read page by page (engine/ingest/pdf.drop_furniture): of the first two and the
    last two non-blank lines of each page, one that repeats (digits aside) on at least REPEAT_SHARE of the
    pages, or is a page number (— 3 —), is furniture. The line stays, blank (a form feed kept), so lines keep their numbers
    (a kept line keeps its form feed: normalising reads it as a space); a text without two pages is left alone."""
    from engine.ingest import pdf as layout

    if not any("\f" in line for _, line in lines):
        return page_number_lines(lines)
    pages: list[list[int]] = [[]]
    for k, (_, line) in enumerate(lines):
        if "\f" in line and pages[-1]:
            pages.append([])
        if line.replace("\f", "").strip():
            pages[-1].append(k)
    pages = [p for p in pages if p]
    if len(pages) < 2:
        return lines, []
    edges = [[*p[:2], *p[-2:]] if len(p) > 4 else list(p) for p in pages]
    text = [line.replace("\f", "").strip() for _, line in lines]
    on: dict[str, set[int]] = {}
    for n, page in enumerate(edges):
        for k in page:
            on.setdefault(layout.repeat_key(text[k]), set()).add(n)
    need = max(2, int(len(pages) * layout.REPEAT_SHARE + 0.999))
    repeated = {key for key, at in on.items() if key and len(at) >= need}
    # 附件1 atop the plan's page, 附件2 atop its 分工表's: each part's own caption, not a running header
    repeated -= {
        key for key in repeated
        if own_captions([text[k] for page in edges for k in page if layout.repeat_key(text[k]) == key])
    }
    drop = {
        k
        for page in edges
        for k in page
        if layout.repeat_key(text[k]) in repeated or layout.PAGE_NUMBER.match(text[k])
    }
    # a blanked line keeps its form feed: the page break the lines around it are joined over (unwrap)
    out = [(no, ("\f" if "\f" in line else "") if k in drop else line) for k, (no, line) in enumerate(lines)]
    return out, [text[k] for k in sorted(drop)]


# ---- a printed document saved as text without its form feeds: its page numbers left as lines ----------------
# A page number decorated as printed (— 3 —, -3-, 第3页, 3/12) alone on a line is furniture between blank lines or
# where it splits a sentence (a last line "—1—" right under the text stays: nothing shows it is the page's); a bare
# number (3) only between blank lines, and only when it splits a sentence or another page number stands in the text
# (a list of numbers, a table's 序号 cells, is no page number). Where it split a paragraph (the line above goes on
# mid-sentence, the line below opens no item), the paragraph is joined back.
_BARE_PAGE = re.compile(r"\d{1,3}")


def page_number_lines(lines: list[RawLine]) -> tuple[list[RawLine], list[str]]:
    """Page-number lines dropped from a text without form feeds, the paragraphs they split joined back."""
    from engine.ingest import pdf as layout

    text = [line.strip() for _, line in lines]
    filled = [k for k, t in enumerate(text) if t]

    def alone(k: int) -> bool:
        return (k == 0 or not text[k - 1]) and (k + 1 == len(text) or not text[k + 1])

    decorated = [
        k for k in filled
        if layout.PAGE_NUMBER.match(text[k]) and not text[k].isdigit() and (alone(k) or _splits(text, filled, k))
    ]  # fmt: skip
    bare = [k for k in filled if _BARE_PAGE.fullmatch(text[k]) and alone(k)]
    if not decorated and not bare:
        return lines, []
    out = list(lines)
    drop: set[int] = set(decorated)
    for k in bare:
        if len(decorated) + len(bare) >= 2 or _splits(text, filled, k):
            drop.add(k)
    heads = _running_heads(text, filled, drop)
    # a decorated number right under the page's last line (not alone, so not read above) with a running head below it
    drop |= {k for k in _numbers_over_heads(text, filled, heads) if k not in drop}
    if heads:  # out of the text before the joins: a page number and its running head split one sentence
        filled = [k for k in filled if k not in heads]
        for k in heads:
            text[k] = ""
    for k in sorted(drop):
        if not _splits(text, filled, k):
            continue
        pos = filled.index(k)
        above, below = filled[pos - 1], filled[pos + 1]
        if above in drop or below in drop:
            continue
        no, line = out[above]
        piece = out[below][1].strip()
        out[above] = (no, line.rstrip() + wrap.joiner(line.rstrip(), piece) + piece)
        out[below] = (out[below][0], "")
        text[below] = ""
    for k in drop | heads:
        out[k] = (out[k][0], "")
    return out, [lines[k][1].strip() for k in sorted(drop | heads)]


# A running head printed beside a page number (a gazette's 国务院公报　2026·20 or 陕西省人民政府公报　2026年第14期, a
# 红头's 省政府办公厅文件, odd and even pages alike): a short line with no sentence in it, next to a page number (blank
# lines aside), one of whose parts (split at wide spaces) stands beside another page number too.
_HEAD_MAX = 40
_HEAD_PARTS = re.compile(r"\s{2,}|\u3000+")
_HEAD_WORDS = re.compile(r"[\u4e00-\u9fff\w]{2,}")


def _running_heads(text: list[str], filled: list[int], numbers: set[int]) -> set[int]:
    from engine.ingest import pdf as layout

    beside: dict[int, set[str]] = {}  # line -> the keys of its parts
    for k in numbers:
        pos = filled.index(k)
        for q in (pos - 1, pos + 1):
            j = filled[q] if 0 <= q < len(filled) else -1
            t = text[j] if j >= 0 else ""
            if j in numbers or not t or len(t) > _HEAD_MAX or re.search("[。；;，,：:]", t) or wrap.starts_item(t):
                continue
            keys = {layout.repeat_key(p) for p in _HEAD_PARTS.split(t) if _HEAD_WORDS.search(re.sub(r"\d", "", p))}
            if keys:
                beside[j] = keys
    if len(beside) < 2:
        twins = _twins(text, filled, numbers, beside)
        return twins if not own_captions([text[j] for j in twins]) else set()
    seen: dict[str, int] = {}
    for keys in beside.values():
        for key in keys:
            seen[key] = seen.get(key, 0) + 1
    heads = {j for j, keys in beside.items() if any(seen[key] >= 2 for key in keys)}
    heads |= _twins(text, filled, numbers, beside)
    return heads if not own_captions([text[j] for j in heads]) else set()


def _twins(text: list[str], filled: list[int], numbers: set[int], beside: dict[int, set[str]]) -> set[int]:
    """A head beside a page number printed again, the very line (digits aside), elsewhere in the text: a gazette's
    秦皇岛市人民政府公报　　2026年第6期 atop each page, beside a number only where the page before ended on a blank line
    (a page number right under the last line of text is not read as one). Set apart by wide spaces in two parts or
    more, as a head is (name and issue); every copy is the head."""
    from engine.ingest import pdf as layout

    wanted = {layout.repeat_key(text[j]) for j in beside if len([p for p in _HEAD_PARTS.split(text[j]) if p]) >= 2}
    if not wanted:
        return set()
    copies: dict[str, set[int]] = {}  # one pass: a head is short, so only short lines are keyed
    for k in filled:
        if k not in numbers and len(text[k]) <= _HEAD_MAX and (key := layout.repeat_key(text[k])) in wanted:
            copies.setdefault(key, set()).add(k)
    where = {k: pos for pos, k in enumerate(filled)}

    def at_edge(k: int) -> bool:  # the text's first or last line, or next to a page number (read as one or not)
        pos = where[k]
        if pos == 0 or pos + 1 == len(filled):
            return True
        return any(
            j in numbers or layout.PAGE_NUMBER.match(text[j]) or _BARE_PAGE.fullmatch(text[j])
            for j in (filled[pos - 1], filled[pos + 1])
        )

    # a line of several parts printed again is no head by that alone: a responsibility line of units
    # (县交通运输局　　各乡镇人民政府) under each of two measures, one of them beside a page number, is the plan's
    # own. A head names its gazette or issue (…公报　2026年第6期, …文件), or stands at a page's edge on every copy.
    return {
        k
        for found in copies.values()
        if len(found) >= 2 and (_names_issue(text[min(found)]) or all(at_edge(k) for k in found))
        for k in found
    }


_ISSUE = re.compile(r"(?:公[报報]|文件|[简簡][报報]|通[讯訊]|\d{4}\s*年?\s*第\s*\d+\s*[期号號]|第\s*\d+\s*[期号號])")


def _names_issue(line: str) -> bool:
    """A running head's name of the gazette, issuer's 文件 or issue (南充市人民政府公报, 2026年第4期)."""
    return bool(_ISSUE.search(line))


def _numbers_over_heads(text: list[str], filled: list[int], heads: set[int]) -> set[int]:
    """Decorated page numbers (— 12 —) standing right above a running head (blank lines aside)."""
    from engine.ingest import pdf as layout

    out: set[int] = set()
    for pos, k in enumerate(filled[:-1]):
        if filled[pos + 1] in heads and layout.PAGE_NUMBER.match(text[k]) and not text[k].isdigit():
            out.add(k)
    return out


def _splits(text: list[str], filled: list[int], k: int) -> bool:
    """The line `k` stands inside a sentence: the line above ends mid-sentence, the line below opens no item."""
    pos = filled.index(k)
    if pos == 0 or pos + 1 == len(filled):
        return False
    above, below = text[filled[pos - 1]], text[filled[pos + 1]]
    return bool(above and below) and above[-1] not in wrap.CLOSED and not wrap.starts_item(below)


# ---- text hard-wrapped at a fixed width (a copy from a fixed-width viewer, a terminal, an e-mail) -----
WRAP_MIN_WIDTH = 20  # narrower lines are headings and short items, never a wrap width
WRAP_SHARE = 0.6  # of the lines (the last of the text excepted) that must end exactly at the width
_SENTENCE_END = frozenset("。；;：:！!？?）)】」』”")
# a table's columns: a tab, a run of spaces, or a table drawn with box characters (┌─┬─┐ │ or +---+ |),
# whose lines are all of one width and must never be joined as a wrap (engine/ingest/tables.py reads them)
_COLUMNS = re.compile(r"\t| {2,}|\u3000{2,}|[\u2500-\u257f]|^[+|].*[+|]$")


def _display_width(line: str) -> int:
    return sum(2 if ord(ch) >= 0x1100 and not 0xFF61 <= ord(ch) <= 0xFFDC else 1 for ch in line)


def unwrap(
    lines: list[RawLine], joins: dict[int, tuple[str, bool]] | None = None, *, measure: list[str] | None = None
) -> list[RawLine]:
    """Lines a copy broke inside a paragraph joined back into the lines they were.

    A text copied from a fixed-width viewer has every line but a paragraph's last exactly as wide as the
    viewer (in characters, or in columns where a Han character takes two), broken wherever that falls:
    inside a word, a unit's name or an item's label ("（一" / "）做强…"). Such a text is recognised when
    most of its lines (WRAP_SHARE) are of one width of at least WRAP_MIN_WIDTH and most of those end
    mid-sentence; then each line of that width is joined with the next, as nothing. A text copied out of
    a justified PDF breaks its lines at varying widths: there a line is joined with the next by what the
    two say (engine/ingest/wrap.py: a line ending mid-clause, a bracket left open, a next line that
    starts no new item). A document written one paragraph a line has lines of all lengths, ending their
    sentences, and is left alone. The joined line keeps the number of its first line (as a PDF paragraph
    does); a table's row (a `TableRow` engine.ingest.tables read, or a line with a tab or a run of spaces
    inside it) is never joined, nor counted.

    `joins`, when given, receives each joined line by its index in `lines`: (what goes before it, whether its
    leading white space was dropped) — how a page's <pre> text is joined where its markup stays (`_soft_breaks`).
    `measure`, when given, are the lines the wrap width is read from (a page's blocks together, of which `lines` is
    one); by default `lines` themselves.
    """
    body = [line.rstrip() for line in (measure if measure is not None else [x for _, x in lines]) if line.strip()]
    body = [line if not _columns(line) else "" for line in body]
    if len(body) < 3 or not any(line.strip() for _, line in lines[1:]):
        return lines
    fixed = _fixed_width(body)
    wide = wrap.wrap_width([line.strip() for line in body if line])
    if fixed is None and wide is None:
        return lines
    out: list[tuple[int, list[str]]] = []  # each line's pieces, joined once at the end
    blanks: list[RawLine] = []  # blank lines since the last line kept
    last: str | None = None  # the last line kept, when the next may join it
    para = ""  # the end of the paragraph `last` ends (its last wrap.TAIL characters)
    brackets = wrap.Brackets()  # what that paragraph leaves open
    for k, (no, line) in enumerate(lines):
        text = line.rstrip()
        if not text.strip():
            blanks.append((no, text if text else line))
            continue
        columns = _columns(line)
        page_break = "\f" in text or any("\f" in b for _, b in blanks)
        join = ""
        if last is not None and not columns:
            if fixed is not None and not blanks and fixed[0](last) in fixed[1]:
                join = text  # a line of the fixed width goes on, as nothing
                if joins is not None:
                    joins[k] = ("", False)
            elif wide is not None and (not blanks or page_break) and wrap.goes_on(brackets, para, last, text, wide):
                piece = text.strip()
                join = wrap.joiner(out[-1][1][-1], piece) + piece
                if joins is not None:
                    joins[k] = (join[: len(join) - len(piece)], True)
        if join:
            out[-1][1].append(join)
            para = (para + join)[-wrap.TAIL :]
            blanks = []
        else:
            out += [(n, [b]) for n, b in blanks]
            blanks = []
            out.append((no, [line if isinstance(line, TableRow) else text]))
            para = text[-wrap.TAIL :]
            brackets = wrap.Brackets()
        brackets.feed(join or text)
        last = None if columns else text
    return [(no, pieces[0] if len(pieces) == 1 else "".join(pieces)) for no, pieces in out] + blanks


SPREAD_MIN = 3  # one-character lines: fewer are a short word's letters or two cells, not a line spread out
_SPREAD_CHAR = re.compile("[\u4e00-\u9fff、，。：；]")


def unspread(lines: list[RawLine]) -> list[RawLine]:
    """A line set with distributed alignment (分散对齐: a title's second line "工  作  方  案", a heading "一 、工 作 目
    标" spread over the whole measure) as a PDF's text copy gives it: one character a line, with a blank line between
    each or none (pdftotext makes every far-apart glyph a block of its own). A run of at least SPREAD_MIN such lines,
    each one Han character or a Chinese stop, spaced alike, is joined back into the one line it was, numbered by its
    first (engine/ingest/pdf.py reads the same line from the PDF's glyphs as one). A table's row is never one of them;
    a lone character on a line (a seal's 印, a vertical 附 件 of two) stays as it is."""
    out: list[RawLine] = []
    k, n = 0, len(lines)

    def single(j: int) -> bool:
        text = lines[j][1]
        return not isinstance(text, TableRow) and len(text.strip()) == 1 and bool(_SPREAD_CHAR.match(text.strip()))

    while k < n:
        if not single(k):
            out.append(lines[k])
            k += 1
            continue
        # the run's step: the next one-character line right below (1) or after one blank line (2)
        step = 1 if k + 1 < n and single(k + 1) else 2 if k + 2 < n and not lines[k + 1][1].strip() and single(k + 2) else 0
        run = [k]
        while step and run[-1] + step < n and single(run[-1] + step) and (step == 1 or not lines[run[-1] + 1][1].strip()):
            run.append(run[-1] + step)
        chars = [lines[j][1].strip() for j in run]
        if len(run) < SPREAD_MIN or sum("\u4e00" <= c <= "\u9fff" for c in chars) < SPREAD_MIN - 1:
            out.append(lines[k])
            k += 1
            continue
        out.append((lines[k][0], "".join(chars)))
        k = run[-1] + 1
    return out


def _columns(line: str) -> bool:
    """A table's row: read by engine.ingest.tables already, or cells apart by tabs, space runs or bars."""
    return isinstance(line, TableRow) or bool(_COLUMNS.search(line.strip()))


def _fixed_width(body: list[str]) -> tuple[Callable[[str], int], tuple[int, ...]] | None:
    """(measure, widths) of a text hard-wrapped at one width: a line of one of those widths goes on."""
    for measure in (len, _display_width):
        widths = [measure(line) for line in body[:-1]]
        width, count = max(((w, widths.count(w)) for w in set(widths)), key=lambda x: (x[1], x[0]))
        if width < WRAP_MIN_WIDTH or count < max(2, WRAP_SHARE * len(widths)):
            continue
        # a wide character that no longer fits ends a line one column short
        fits = (width,) if measure is len else (width, width - 1)
        full = [line for line in body[:-1] if line and measure(line) in fits]
        if sum(line[-1] not in _SENTENCE_END for line in full) * 2 < len(full):
            continue
        return measure, fits
    return None


def _corrupt(path: str, fmt: str, exc: BaseException) -> PlancheckError:
    reason = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
    return PlancheckError("input.corrupt", path=path, format=fmt, reason=reason[:200])


# --------------------------------------------------------------------------- .docx


def read_docx(data: bytes, path: str) -> DocxText:
    """Body paragraphs and table cells in document order (merged cells once), as Word shows them
    with every tracked change accepted; text boxes after the paragraph that anchors them; footnotes
    and endnotes apart (`DocxText.notes`), never inside a measure's text, except a note that holds nothing but a
    measure's units ("牵头单位：X；配合单位：Y"): that one is also read as the clause "（牵头单位：X；配合单位：Y）" at
    the end of the paragraph holding its reference mark (`_note_units`)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "word/document.xml" not in names:
                raise PlancheckError(
                    "input.corrupt", path=path, format=".docx", reason="word/document.xml is missing"
                )
            _unpacked_within_budget(zf, path)
        import docx

        document = docx.Document(io.BytesIO(data))
        with hidden.reading(document) as shown:  # text formatted hidden or struck: not printed, not read
            counter = [0]
            _LABELS.set(numbering.labels(document))  # Word's automatic numbers, printed before the text
            _TOC.set(toc_paragraphs(document))  # a table of contents: navigation, read as empty (ingest/docx_toc.py)
            _GRIDS.set(GridBudget(path))
            _RUN.set(TableRun())
            bold: dict[int, list[str]] = {}
            underline: dict[int, list[str]] = {}
            _BOLD.set(bold)
            _UNDERLINE.set(underline)
            notes, units = _docx_notes(document)
            _NOTE_UNITS.set(units)
            printed: dict[int, int] = {}
            _PRINTED.set(printed)
            body = document.element.body
            # a responsibility matrix's marks are read by the legend the document states anywhere (ingest/matrix.py)
            with legend_from(lambda: (paragraph_text(p) for p in body.iter(f"{_W}p"))):
                lines = list(_docx_blocks(iter_docx_blocks(document), counter))
                for k, (n, text) in enumerate(lines):  # text boxes: numbered after the body, kept in place
                    if n == _BOX:
                        counter[0] += 1
                        lines[k] = (counter[0], text)
                lines = _pasted_tables(lines)
            tracked = any(True for _ in body.iter(*_TRACKED)) or shown.struck  # struck: ingest/hidden.py
            return DocxText(lines, notes, tracked, bold, underline, printed)
    except PlancheckError:
        raise
    except Exception as exc:  # zipfile, lxml, python-docx all raise their own types
        raise _corrupt(path, ".docx", exc) from exc
    finally:
        _LABELS.set({})
        _TOC.set(set())
        _GRIDS.set(None)
        _RUN.set(None)
        _BOLD.set(None)
        _UNDERLINE.set(None)
        _NOTE_UNITS.set({})
        _PRINTED.set(None)


def _pasted_tables(lines: list[RawLine], merged: bool = True) -> list[RawLine]:
    """A task table pasted into Word (or a page's editor) as text (a paragraph per row, cells split by tabs) read as in a
    .txt (engine.ingest.tables.text_table_lines): one row a line, the header dropped. Rows of real
    Word tables (already `TableRow`s) are left as they are. `merged`: as text_table_lines takes it."""
    out: list[RawLine] = []
    run: list[RawLine] = []
    for line in lines:
        if isinstance(line[1], TableRow):
            out += text_table_lines(run, merged)
            run = []
            out.append(line)
        else:
            run.append(line)
    return out + text_table_lines(run, merged)


def _unpacked_within_budget(zf: zipfile.ZipFile, path: str) -> None:
    """Unpack every part as a stream, counting real bytes (the sizes a zip declares may lie), and
    stop at the first budget exceeded: python-docx would otherwise inflate a bomb into memory."""
    limits = budgets.current()
    total = 0
    for info in zf.infolist():
        if info.is_dir():
            continue
        size = 0
        with zf.open(info) as part:
            while chunk := part.read(_CHUNK):
                size += len(chunk)
                total += len(chunk)
                if size > limits.part_bytes:
                    raise budgets.exceeded(
                        "part_bytes", f"{path}:{info.filename}", "> " + budgets.show("part_bytes", limits.part_bytes),
                        limits.part_bytes,
                    )
                if total > limits.unpacked_bytes:
                    raise budgets.exceeded(
                        "unpacked_bytes", path, "> " + budgets.show("unpacked_bytes", limits.unpacked_bytes),
                        limits.unpacked_bytes,
                    )


class DocxText(NamedTuple):
    lines: list[RawLine]
    notes: list[str]  # footnotes then endnotes, in the order of their numbers
    tracked_changes: bool  # the body has insertions, deletions or moves, read as accepted
    bold: dict[int, list[str]]  # the runs printed bold, by line (engine.ingest.emphasis)
    underline: dict[int, list[str]]  # the runs printed underlined, by line
    # by line, the length of the paragraph's own text where its notes' units clauses follow it (`_note_units`):
    # an edit past it would be one of a note's text, which is not in the paragraph (engine/fix/run.py)
    printed: dict[int, int]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_TRACKED = (f"{_W}ins", f"{_W}del", f"{_W}moveFrom", f"{_W}moveTo")
_RUN_TAG = f"{_W}r"
# subtrees whose text is not the paragraph's own: deleted or moved-away text, text boxes (read as
# paragraphs of their own), the fallback copy of a drawing, field codes
_SKIP = {f"{_W}del", f"{_W}moveFrom", f"{_W}txbxContent", f"{_MC}Fallback", f"{_W}instrText", f"{_W}delText"}
# the printed numbers (engine.ingest.numbering) of the .docx being read, by w:p element
_LABELS: ContextVar[dict[object, str]] = ContextVar("docx_labels", default={})  # noqa: B039 (never mutated)
# the paragraphs of the table of contents of the .docx being read (engine.ingest.docx_toc), read as empty
_TOC: ContextVar[set[object]] = ContextVar("docx_toc", default=set())  # noqa: B039 (never mutated)
_BOX = -1  # line number of a text-box paragraph until read_docx numbers it
# the cells of the table grids built for the .docx being read, within budget (a merged cell repeats its text)
_GRIDS: ContextVar[GridBudget | None] = ContextVar("docx_grids", default=None)
# the last task table of the .docx being read, which the next may go on with (a 续表: engine.ingest.tables.TableRun)
_RUN: ContextVar[TableRun | None] = ContextVar("docx_table_run", default=None)
# the runs printed bold of the .docx being read, by line number (engine.ingest.emphasis)
_BOLD: ContextVar[dict[int, list[str]] | None] = ContextVar("docx_bold", default=None)
_UNDERLINE: ContextVar[dict[int, list[str]] | None] = ContextVar("docx_underline", default=None)
# the units clause of each footnote or endnote of the .docx being read that holds nothing but units, by
# (w:footnoteReference or w:endnoteReference, w:id) (`_docx_notes`)
_NOTE_UNITS: ContextVar[dict[tuple[str, str], str]] = ContextVar("docx_note_units", default={})  # noqa: B039
_PRINTED: ContextVar[dict[int, int] | None] = ContextVar("docx_printed", default=None)  # DocxText.printed
_NOTE_REFS = (f"{_W}footnoteReference", f"{_W}endnoteReference")
_CONTAINERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag"}


def iter_docx_blocks(parent: object) -> Iterator[object]:
    """Paragraphs and tables of a body or cell in order, also inside content controls (w:sdt).

    python-docx's iter_inner_content() skips the paragraphs of a block-level content control;
    engine/report/docx.py numbers paragraphs with this same walk.
    """
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    element = parent._element  # type: ignore[attr-defined]
    if element.tag == f"{_W}document":
        element = element.body
    stack = list(reversed(list(element)))
    while stack:
        child = stack.pop()
        if child.tag == f"{_W}p":
            yield Paragraph(child, parent)  # type: ignore[arg-type]
        elif child.tag == f"{_W}tbl":
            yield Table(child, parent)  # type: ignore[arg-type]
        elif child.tag in _CONTAINERS:
            stack.extend(reversed(list(child)))


def paragraph_text(p: object) -> str:
    """A paragraph's text with tracked changes accepted: insertions in, deletions out, tabs as tabs.

    python-docx's Paragraph.text leaves out inserted runs and reads the text boxes' text nowhere.
    """
    out: list[str] = []
    for el in _kept(p):
        tag = el.tag
        if tag == f"{_W}t":
            out.append(el.text or "")
        elif tag == f"{_W}tab":
            out.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            out.append(" " if el.get(f"{_W}type") in (None, "textWrapping") else "")
        elif tag == f"{_W}noBreakHyphen":
            out.append("-")
    return "".join(out)


def _kept(p: object) -> Iterator[Any]:
    """The elements of paragraph `p` in document order, those of the tracked deletions, text boxes and other `_SKIP`
    parts left out (with all they hold), and the runs formatted hidden (engine/ingest/hidden.py: not printed)."""
    shown = hidden.CURRENT.get()
    stack = list(reversed(list(p)))  # type: ignore[call-overload]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or el.tag in _SKIP or (el.tag == _RUN_TAG and shown.run(el, p)):
            continue
        yield el
        stack.extend(reversed(list(el)))


def _text_boxes(p: object) -> list[object]:
    """The w:txbxContent of the text boxes anchored in a paragraph (the mc:Fallback copy skipped)."""
    boxes: list[object] = []
    stack = list(p)  # type: ignore[call-overload]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or el.tag == f"{_MC}Fallback":
            continue
        if el.tag == f"{_W}txbxContent":
            boxes.append(el)
            continue
        stack.extend(el)
    boxes.reverse()
    return boxes


def _docx_notes(document: object) -> tuple[list[str], dict[tuple[str, str], str]]:
    """Footnote and endnote texts (separators skipped); and, by (reference tag, w:id), the units clause
    "（牵头单位：X；配合单位：Y）" of each note that holds nothing but a measure's units (one clause by the one reader of
    clauses: engine/ingest/hanging.py `duty_clause`). A plan that leaves its body free of units names them in a
    note on the measure ("牵头单位：X；配合单位：Y", "责任单位：A、B"); a definition, a source or any sentence is no
    such note and stays only in the notes."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    notes: list[str] = []
    units: dict[tuple[str, str], str] = {}
    part = document.part  # type: ignore[attr-defined]
    for reltype, tag in ((RT.FOOTNOTES, "footnote"), (RT.ENDNOTES, "endnote")):
        for rel in part.rels.values():
            if rel.reltype != reltype or rel.is_external:
                continue
            from lxml import etree

            root = etree.fromstring(rel.target_part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
            for note in root.iter(f"{_W}{tag}"):
                if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                paras = [t for t in (paragraph_text(x).strip() for x in note.iter(f"{_W}p")) if t]
                if paras:
                    notes.append(" ".join(paras))
                    if (clause := duty_clause(paras)) is not None:
                        units[(f"{_W}{tag}Reference", note.get(f"{_W}id", ""))] = clause
    return notes, units


def _note_units(p: object) -> str:
    """The units clauses of the notes whose reference marks stand in paragraph `p` (not in its deleted text nor in
    its text boxes, read as paragraphs of their own), in order: added at the paragraph's end, the columns of its own
    text stay those of the page."""
    units = _NOTE_UNITS.get()
    if not units:
        return ""
    out: list[str] = []
    for el in _kept(p):
        if el.tag in _NOTE_REFS:
            clause = units.get((el.tag, el.get(f"{_W}id", "")))
            if clause is not None and clause not in out:
                out.append(clause)
    return "".join(out)


def _docx_blocks(blocks: Iterator[object], counter: list[int], tables: bool = True) -> Iterator[RawLine]:
    from docx.table import Table, _Cell

    held: tuple[int, str] | None = None  # a paragraph whose mark was deleted: its text runs on into the next
    held_units = ""  # the units clauses of its notes (`_note_units`)
    held_shown = False  # the held paragraph's mark is hidden, not deleted: the next keeps its own number
    for block in blocks:
        if isinstance(block, Table):
            if held is not None:
                yield held
                held = None
            rows = _docx_rows(block) if tables else None
            field = field_table_line(rows) if rows else None
            run = _RUN.get() if tables else None
            if field is not None and rows is not None:
                if run is not None:
                    run.broken()
                # a measure's own table of fields (牵头单位 | X; 完成时限 | Z): one line, numbered by its first cell
                first = counter[0] + 1
                counter[0] += sum(c.lines for row in rows for c in row)
                _note_bold(first, block._tbl.tr_lst)  # type: ignore[attr-defined]
                yield first, field
                continue
            found = table_lines(rows, run) if rows else None
            if found is not None and rows is not None:
                yield from _docx_task_table(block, rows, found, counter)
                continue
            if run is not None:
                run.broken()  # a table that is no task table: the next one continues none
            # a table of one column: a box set in a frame (专栏1　…), its paragraphs read as any text but told apart
            # from the text around it (engine/parse/boxes.py: where the box ends), by the number of its first one
            trs = block._tbl.tr_lst  # type: ignore[attr-defined]
            frame = counter[0] + 1 if tables and trs and all(len(tr.tc_lst) == 1 for tr in trs) else 0
            for tr in trs:
                label: tuple[int, str] | None = None  # a hanging-indent row's label (engine/ingest/hanging.py)
                two = len(tr.tc_lst) == 2
                left: list[RawLine] = []  # a two-cell row's left cell, held while its right cell is read
                for k, tc in enumerate(tr.tc_lst):
                    # a vertically merged cell repeats as vMerge="continue" cells below it: read it once
                    if tc.vMerge == "continue":
                        continue
                    cell = _docx_blocks(iter_docx_blocks(_Cell(tc, block)), counter, tables)
                    if k == 0 and two:
                        lines = list(cell)
                        if len(lines) == 1 and hanging_label(lines[0][1]):
                            label = (lines[0][0], lines[0][1].strip(" \t\u3000\xa0"))
                            continue  # numbered by the paragraph its text stands in (where a fix edits it)
                        if label is None:
                            left = lines
                            continue
                        cell = iter(lines)
                    elif k == 1 and two and left:
                        right = list(cell)
                        yield from _with_duty_cell(left, right)
                        left = []
                        continue
                    for n, text in cell:
                        if label is not None and text.strip():
                            n, text, label = n, label[1] + text.lstrip(" \t\u3000\xa0"), None
                        yield n, FramedText(text, frame) if frame and type(text) is str and n != _BOX else text
                yield from left  # a left cell whose right one was merged from above
                if label is not None:  # the label beside an empty cell: as it was read
                    yield label
        else:
            counter[0] += 1
            p = block._p  # type: ignore[attr-defined]
            toc = p in _TOC.get()  # counted, as engine/report/docx.py counts it, but not text
            if tables and not toc:  # the document's own count (a cell read for its table's grid counts from 0)
                _note_bold(counter[0], [p])
            own = "" if toc else paragraph_text(p)
            # a paragraph mark formatted hidden (engine/ingest/hidden.py): on the page the text runs on into the next
            # paragraph's; a paragraph all hidden prints nothing, nor its number
            mark_hidden = not toc and hidden.CURRENT.get().mark(p)
            label = "" if toc or (mark_hidden and not own.strip()) else _LABELS.get().get(p, "")
            line = (counter[0], label + own)
            units = "" if toc else _note_units(p)  # its notes' units clauses, after all of its own text
            if tables and (run := _RUN.get()) is not None:
                run.text(line[1])
            if held is not None:  # the text of a paragraph whose mark went, under this one's number
                line = (held[0], held[1] + line[1] if held_shown else label + held[1] + line[1][len(label) :])
                units = held_units + units
                held = None
            removed = numbering.mark_removed(p)
            if (removed or mark_hidden) and line[1].strip():
                held, held_units = line, units  # its mark deleted or moved away: the text runs on into the next
                held_shown = not removed  # its mark only hidden: still its own paragraph, with its own number
            else:
                yield _with_units(line, units, tables)
            for box in _text_boxes(p):
                # numbered after the body (read_docx): body paragraphs keep the numbers report/docx counts
                for inner in box.iter(f"{_W}p"):
                    yield _with_units((_BOX, _LABELS.get().get(inner, "") + paragraph_text(inner)), _note_units(inner))
    if held is not None:
        yield _with_units(held, held_units, tables)


def _with_units(line: RawLine, units: str, record: bool = False) -> RawLine:
    """The paragraph `line` with its notes' units clauses (`_note_units`) at its end; `record`: a line of the
    document's own count, whose own text's length goes to `DocxText.printed`."""
    if not units:
        return line
    text = line[1].rstrip(" \t\u3000\xa0")
    if record and (printed := _PRINTED.get()) is not None:
        printed[line[0]] = len(text)
    return (line[0], text + units)


def _with_duty_cell(left: list[RawLine], right: list[RawLine]) -> list[RawLine]:
    """A two-cell row's lines: where the right cell holds only the measure's units and the left cell text that is no
    such clause (engine/ingest/hanging.py, `duty_row`), the units as a clause at the end of the left
    cell's last line of text; any other row cell by cell, as it was read."""
    texts = [k for k, (n, t) in enumerate(left) if n != _BOX and isinstance(t, str) and t.strip()]
    words = [t for n, t in right if n != _BOX and isinstance(t, str)]
    clause = duty_row([left[k][1] for k in texts], words)  # type: ignore[misc]
    if clause is None:
        return left + right
    k = texts[-1]
    n, text = left[k]
    return [*left[:k], (n, text.rstrip(" \t\u3000\xa0") + clause), *left[k + 1 :], *[x for x in right if x[0] == _BOX]]


def _docx_rows(table: object) -> list[list[Cell]]:
    """The table as grid cells; a vertically merged continuation carries the text of the cell above."""
    from docx.table import _Cell

    rows: list[list[Cell]] = []
    above: dict[int, Cell] = {}
    grids = _GRIDS.get() or GridBudget("")
    for tr in table._tbl.tr_lst:  # type: ignore[attr-defined]
        row: list[Cell] = []
        col = tr.grid_before or 0
        for tc in tr.tc_lst:
            span = tc.grid_span or 1
            if tc.vMerge == "continue":
                up = above.get(col)
                cell = Cell(col, span, list(up.parts) if up else [], inherited=True)
            else:
                paras = [0]  # paragraphs the cell holds, as the cell-by-cell reading counts them
                lines = list(_docx_blocks(iter_docx_blocks(_Cell(tc, table)), paras, tables=False))
                cell = Cell(col, span, [t for _, t in lines], lines=paras[0])
            row.append(grids.add(cell))
            above[col] = cell
            col += span
        rows.append(row)
    return rows


def _docx_task_table(
    table: object, rows: list[list[Cell]], found: tuple[int, list[TableRow | None]], counter: list[int]
) -> Iterator[RawLine]:
    """Rows before the header cell by cell (as any table), the header dropped, then one line per row.

    Each row's line is the paragraph number of its first cell, and the counter moves past every
    cell paragraph as the cell-by-cell reading would, so later paragraphs keep their numbers.
    """
    from docx.table import _Cell

    h, lines = found
    trs = table._tbl.tr_lst  # type: ignore[attr-defined]
    for tr in trs[: max(h, 0)]:
        for tc in tr.tc_lst:
            if tc.vMerge == "continue":
                continue
            yield from _docx_blocks(iter_docx_blocks(_Cell(tc, table)), counter)
    if h >= 0:  # -1: a 续表 printed without its header, every row a row
        counter[0] += sum(c.lines for c in rows[h])
    for row, tr, line in zip(rows[h + 1 :], trs[h + 1 :], lines, strict=True):
        first = counter[0] + 1
        counter[0] += sum(c.lines for c in row)
        if line is not None:
            _note_bold(first, [tr])
            yield first, line


def _note_bold(line: int, elements: list[object]) -> None:
    """Record the bold and the underlined runs of the paragraphs in `elements` (a paragraph, a table row) as those
    of `line`."""
    for store, runs_of in ((_BOLD.get(), docx_bold_runs), (_UNDERLINE.get(), docx_underline_runs)):
        if store is None:
            continue
        found = [
            run
            for el in elements
            for p in ([el] if el.tag == f"{_W}p" else el.iter(f"{_W}p"))  # type: ignore[attr-defined]
            for run in runs_of(p, _SKIP)
        ]
        if found:
            store.setdefault(line, []).extend(found)


# --------------------------------------------------------------------------- .pdf


class PdfText(NamedTuple):
    lines: list[RawLine]  # paragraphs, numbered by their first printed line
    removed: list[str]  # running headers, footers and page numbers
    notes: list[str]  # footnotes, kept out of the text


def read_pdf(data: bytes, path: str) -> PdfText:
    """The text layer as paragraphs (engine.ingest.pdf), the furniture dropped and the footnotes."""
    try:
        import pypdfium2 as pdfium

        from engine.ingest import pdf as layout
        from engine.ingest import pdf_columns

        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise PlancheckError("input.encrypted", path=path) from None
            raise
        try:
            count = len(document)
            budgets.check("pages", path, count)
            limit = budgets.current().paragraphs
            pages: list[list[layout.Line]] = []
            n = unreadable = 0
            numbers = LineNumbers()  # Word's line numbers, found on one page, looked for on the next
            for i in range(count):
                page = document[i]
                textpage = page.get_textpage()
                try:
                    lines, bad = layout.page_lines(textpage, i, page, numbers)
                    unreadable += bad
                finally:
                    textpage.close()
                    page.close()
                for line in lines:
                    n += 1
                    line.number = n
                pages.append(lines)
                if n > limit * 2:  # blank lines included: an early stop, ingest counts exactly after
                    raise budgets.exceeded("paragraphs", path, "> " + budgets.show("paragraphs", limit), limit)
        finally:
            document.close()
        share = layout.unreadable_share(pages, unreadable)
        if share >= layout.GARBLED_SHARE:
            raise PlancheckError("input.garbled_text", path=path, share=round(share * 100))
        pdf_columns.continue_columns(pages)
        kept, removed = layout.drop_furniture(pages)
        body, notes = layout.split_notes(kept)
        lines = _table_cells(_pasted_tables(layout.paragraphs(body), merged=False))  # merged cells read by their rules
        return PdfText([line for line in lines if line[1] != layout.TABLE_END], removed, notes)
    except PlancheckError:
        raise
    except Exception as exc:  # PdfiumError for damaged or encrypted files
        raise _corrupt(path, ".pdf", exc) from exc


def _table_cells(lines: list[RawLine]) -> list[RawLine]:
    """Rows of a ruled table that is no task table, cell by cell (as the .docx reader reads one):
    in a PDF's lines only table rows hold tabs (engine.ingest.pdf joins their cells with them)."""
    out: list[RawLine] = []
    run: list[RawLine] = []  # the rows of one ruled table, as they come
    for n, text in [*lines, (0, "")]:
        if "\t" in text and not isinstance(text, TableRow):
            run.append((n, text))
            continue
        if run:
            # a measure's own table of fields (牵头单位 | X; 完成时限 | Z): one line, as in a .docx
            grid = [[Cell(k, 1, [c]) for k, c in enumerate(t.split("\t"))] for _, t in run]
            field = field_table_line(grid)
            if field is not None:
                out.append((run[0][0], field))
            else:
                out += [(m, cell) for m, t in run for cell in t.split("\t") if cell.strip()]
            run = []
        out.append((n, text))
    return out[:-1]


# --------------------------------------------------------------------------- .html

_DROP_TAGS = {
    "script", "style", "nav", "header", "footer", "aside", "noscript", "template", "iframe",
    "select", "button", "svg", "object", "embed", "head", "title", "meta", "link",
    # text struck through on a revised draft's page (<del>, <s>, <strike>): words the draft deletes, no text of it, as a
    # .docx's struck runs (engine/ingest/hidden.py)
    "del", "s", "strike",
}  # fmt: skip
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "blockquote", "pre", "dd", "dt", "dl", "hr", "center", "address", "main", "figure",
    "figcaption", "caption", "tbody", "thead", "tfoot", "body",  # body: also an <iframe srcdoc>'s (ingest/frames.py)
}  # fmt: skip
_CELL_TAGS = {"td", "th"}
_CHROME_WORDS = {
    "nav", "navbar", "menu", "footer", "foot", "header", "breadcrumb", "crumb", "crumbs", "share",
    "bdshare", "sidebar", "side", "bottom", "copyright", "related", "relevant", "toolbar", "print", "login",
    "search",
}  # fmt: skip
_BREAK = "\ue000"  # private-use marker for a line break; stripped from the page text first
_ROW = "\ue001"  # private-use marker around the number of a task-table row line
_GLUE = "\ue004"  # private-use marker after a hanging-indent row's label: the line breaks after it are dropped
# private-use marker for a line break INSIDE a block: a <br>, or a line end of preformatted text (<pre>, a
# white-space: pre style). Such breaks may be a copy's hard wrap, not the author's: `_soft_breaks` joins them back
# as engine/ingest/readers.unwrap joins a .txt's, and makes the others line breaks (_BREAK)
_SOFT = "\ue005"
_BR = "\ue006"  # private-use marker for a <br>: a _SOFT break whose white space either side is the markup's, not the text's
_PRE_END = object()  # on the stack of _html_lines: where a preformatted element ends
# a style keeping the line ends of the text (CSS white-space: pre, pre-wrap, pre-line, break-spaces)
_PRE_STYLE = re.compile(r"white-space\s*:\s*(?:pre|break-spaces)", re.IGNORECASE)
_GLUE_END = object()  # on the stack of _html_lines: where a hanging-indent row's label cell ends
_TERM_END = object()  # on the stack of _html_lines: where a definition list's labelling term ends (`_term_label`)
_TERM_MAX = 12  # characters of a term read as a label: 牵头单位, 配合单位, 责任单位, 完成时限
_GLUE_HEAD = re.compile(f"(?:[\\s{_BREAK}]|{BOLD_ON}|{BOLD_OFF})*")  # anchored at a glue: linear


def _spaceless_end(text: str) -> int:
    """Where TEXT's closing run of white space and line-break markers starts (a scan back, linear)."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] == _BREAK):
        end -= 1
    return end


def _glued(text: str) -> str:
    """A hanging-indent row's label glued to its text: the white space and line breaks on both sides of each _GLUE
    mark dropped, bold marks kept. Written as a split and two anchored scans, not one regex with a leading
    `[\\s…]*`, which retried from every offset of a long run of spaces (100 000 &nbsp; took 30 s)."""
    if _GLUE not in text:
        return text
    parts = text.split(_GLUE)
    out = [parts[0][: _spaceless_end(parts[0])]]
    for k, part in enumerate(parts[1:], 1):
        head = _GLUE_HEAD.match(part)
        rest = part[head.end() :]  # type: ignore[union-attr]
        if k < len(parts) - 1:
            rest = rest[: _spaceless_end(rest)]
        out.append(re.sub(f"[\\s{_BREAK}]", "", head.group(0)) + rest)  # type: ignore[union-attr]
    return "".join(out)


_WS = re.compile(r"[\t\n\r\f\v ]+")
_BOLD_END = object()  # on the stack of _html_lines: where a bold element ends


class HtmlText(NamedTuple):
    lines: list[RawLine]
    bold: dict[int, list[str]]  # the text printed bold, by line (engine.ingest.emphasis)


def read_html(text: str, path: str) -> HtmlText:
    """The article text of a saved page: chrome dropped, block elements become line breaks; what it prints bold
    apart (`HtmlText.bold`).

    Every step is linear in the page: the text lengths chrome detection weighs are summed once, bottom
    up (`_Sizes`); a table is tried as a task table on its first rows' short text before its grid is
    built (`_html_task_table`); grids count against the budgets as they grow (`GridBudget`)."""
    try:
        from selectolax.lexbor import LexborHTMLParser

        text = _markup(text, path)
        tree = LexborHTMLParser(text)
        inline_frames(tree, text, path, _markup)  # an <iframe srcdoc>'s document, read where the frame stands
        root = tree.body or tree.root
        if root is None:
            return HtmlText([], {})
        sizes = _Sizes(root)
        total = sizes.text(root)
        grids = GridBudget(path)
        with legend_from(lambda: [root.text(deep=True, separator="\n")]):  # type: ignore[attr-defined]
            lines, runs = _html_lines(root, total, sizes, grids)
        kept = [(x, b) for x, b in zip(lines, runs, strict=True) if x]
        bold = {i + 1: b for i, (_, b) in enumerate(kept) if b}
        # a task table pasted into the page's editor as text, a <p> or <br> a row: read as in a .txt
        return HtmlText(_pasted_tables([(i + 1, x) for i, (x, _) in enumerate(kept)]), bold)
    except PlancheckError:
        raise
    except Exception as exc:
        raise _corrupt(path, ".html", exc) from exc


def _markup(text: str, path: str) -> str:
    """A page's (or an <iframe srcdoc>'s) markup ready for the tree: nested within the depth budget, this reader's
    private-use markers taken out."""
    depth_within_budget(text, path)
    for marker in (_BREAK, _ROW, BOLD_ON, BOLD_OFF, _GLUE, _SOFT, _BR):
        text = text.replace(marker, "")
    return text


def _html_lines(
    root: object, total: int, sizes: _Sizes, grids: GridBudget
) -> tuple[list[str | TableRow], list[list[str]]]:
    """The page's lines: blocks and cells become line breaks, chrome is dropped, a task table's rows are rows;
    and each line's text printed bold (engine.ingest.emphasis)."""
    stack: list[tuple[object, bool]] = [(root, True)]
    metadata_rows: dict[int, bool] = {}
    hanging_rows: dict[int, int | None] = {}
    duty_rows: dict[int, tuple[int, str] | None] = {}
    run = TableRun()  # the last task table, which the next may go on with (a 续表)
    out: list[str] = []
    rows: list[TableRow] = []
    row_bold: list[list[str]] = []  # the bold text of each of `rows`
    pre = 0  # how many preformatted elements the text stands in: its line ends are kept (as _SOFT)
    while stack:
        node, entering = stack.pop()
        if not entering:
            if node is _PRE_END:
                pre -= 1
                continue
            if node is _TERM_END:
                out.extend(("：", _GLUE))  # a definition list's term, then its description on its line
                continue
            out.append(BOLD_OFF if node is _BOLD_END else _GLUE if node is _GLUE_END else _BREAK)
            continue
        tag = node.tag  # type: ignore[attr-defined]
        if tag == "-text":
            raw = node.text_content or ""  # type: ignore[attr-defined]
            out.append(_pre_text(raw) if pre else _WS.sub(" ", raw))
            continue
        if tag in ("-comment", "_comment") or tag in _DROP_TAGS or _is_chrome(node, total, sizes):
            continue
        if tag == "table" and _html_task_table(node, out, rows, grids, row_bold, run):
            continue
        if tag == "br":
            out.append(_BR)  # a break inside its block: a line break, or a hard wrap (_soft_breaks)
            continue
        if tag == "dt" and (colon := _term_label(node)) is not None:
            out.append(_BREAK)
            stack.append((_GLUE_END if colon else _TERM_END, False))  # its own colon, or one put after it
        elif tag in _BLOCK_TAGS:
            out.append(_BREAK)
            stack.append((node, False))
        elif tag in _CELL_TAGS:
            if _is_metadata_row(node, metadata_rows):
                out.append(" ")
            elif (clause := _duty_cell(node, duty_rows)) is not None:
                out.extend((_GLUE, clause, _BREAK))  # glued to the end of the left cell's text (_glued)
                continue
            else:
                out.append(_BREAK)
                stack.append((_GLUE_END if _is_hanging_label(node, hanging_rows) else node, False))
        if tag == "pre" or _PRE_STYLE.search(node.attributes.get("style") or ""):  # type: ignore[attr-defined]
            pre += 1
            stack.append((_PRE_END, False))
        if html_bold(node):
            out.append(BOLD_ON)
            stack.append((_BOLD_END, False))
        children = list(node.iter(include_text=True))  # type: ignore[attr-defined]
        stack.extend((child, True) for child in reversed(children))
    text = _glued(_soft_breaks(_BR_SPACE.sub(_SOFT, "".join(out))))
    plain, runs = split_bold(text.split(_BREAK))
    lines: list[str | TableRow] = [line.strip() for line in plain]
    if rows:
        for k, x in enumerate(lines):
            if x.startswith(_ROW):
                lines[k], runs[k] = rows[int(x[1:-1])], row_bold[int(x[1:-1])]
    return lines, runs


def _term_label(dt: object) -> bool | None:
    """Whether a definition list's term labels its description as a field's label does (<dt>牵头单位</dt><dd>X</dd>
    after a task, a 兵团 portal's `<dl class="zrdw">`, blind90): short, with a <dd> right after it. Such a term is read
    with its description as the line "牵头单位：X", the form a .txt or .docx prints the field in. None for any other
    term; else whether it has a colon of its own (<dt>配合单位：</dt>)."""
    text = _WS.sub("", dt.text(deep=True) or "")  # type: ignore[attr-defined]
    if not text or len(text) > _TERM_MAX:
        return None
    nxt = dt.next  # type: ignore[attr-defined]
    while nxt is not None and nxt.tag == "-text" and not (nxt.text_content or "").strip():
        nxt = nxt.next
    return text.endswith(("：", ":")) if nxt is not None and nxt.tag == "dd" else None


def _pre_text(raw: str) -> str:
    """The text of a preformatted element as a .txt holds it: each line end a _SOFT break, the white space inside a
    line kept (a tab or a run of spaces between a table's cells, engine/ingest/tables.py)."""
    return raw.replace("\r\n", "\n").replace("\r", "\n").replace("\n", _SOFT)


_BR_SPACE = re.compile(f" *{_BR} *")  # a <br> and the markup's white space around it (the source's line end)


_MARKS = re.compile(f"[{_ROW}{BOLD_ON}{BOLD_OFF}{_GLUE}]")


def _soft_breaks(text: str) -> str:
    """The breaks inside each block (`_SOFT`: a <br>, a line end of a <pre>) that a copy made by wrapping the text
    at a fixed width or a page's measure joined back, the others made line breaks.

    A page that holds a plan as a plain-text copy (one <pre> block, or a <p> a paragraph with a <br> every line)
    keeps the copy's hard wrap: lines of one width, broken inside words and units' names (法规 / 司). They are
    joined as a .txt's are (`unwrap`, engine/ingest/wrap.py: by width and by what the lines say; Han text joined
    with nothing, a first-line indent, a blank line and a finished paragraph kept). A block whose lines are no
    such wrap (a paragraph a line, a signature over two lines) keeps every break."""
    if _SOFT not in text:
        return text
    chunks = text.split(_BREAK)
    # the width the copy wrapped at is the page's, read from the lines of all its blocks broken so: a portal's editor
    # body with a <br> at every printed line end holds each paragraph in a <p> of two or three lines, too few to show
    # a width of their own ("…配合单位：市公安<br/>局。")
    measure = [_MARKS.sub("", part) for chunk in chunks if _SOFT in chunk for part in chunk.split(_SOFT)]
    return _BREAK.join(_joined_block(chunk, measure) if _SOFT in chunk else chunk for chunk in chunks)


def _joined_block(chunk: str, measure: list[str]) -> str:
    parts = chunk.split(_SOFT)
    joins: dict[int, tuple[str, bool]] = {}
    unwrap([(k, _MARKS.sub("", part)) for k, part in enumerate(parts)], joins, measure=measure)
    if not joins:
        return chunk.replace(_SOFT, _BREAK)
    lines = [parts[0]]
    for k in range(1, len(parts)):
        if k not in joins:
            lines.append(parts[k])
            continue
        lead, stripped = joins[k]
        marks = ""
        while len(lines) > 1 and not _MARKS.sub("", lines[-1]).strip():  # blank lines unwrap joined over
            marks = "".join(_MARKS.findall(lines.pop())) + marks
        part = _trim(parts[k], left=True) if stripped else parts[k]
        lines[-1] = _trim(lines[-1], left=False) + marks + lead + part
    return _BREAK.join(lines)


def _trim(text: str, left: bool) -> str:
    """`text` without its white space at one end, this reader's markers there kept (a scan, linear)."""
    order = range(len(text)) if left else range(len(text) - 1, -1, -1)
    kept: list[str] = []
    edge = len(text) if left else 0
    for k in order:
        ch = text[k]
        if ch.isspace():
            continue
        if _MARKS.match(ch):
            kept.append(ch)
            continue
        edge = k if left else k + 1
        break
    marks = "".join(kept if left else reversed(kept))
    return marks + text[edge:] if left else text[:edge] + marks


_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)[^>]*?(/?)>|<!--")
_RAW_TEXT = {"script", "style", "textarea", "title", "xmp", "plaintext"}  # their content is not markup
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
         "wbr", "keygen", "frame", "basefont", "bgsound", "image", "isindex", "nobr"}  # fmt: skip
# an open tag of these closes the nearest open one of the same group (HTML's implied end tags)
_SCOPES = {"table", "ul", "ol", "dl", "select", "div", "td", "th", "html", "body"}  # an implied end stops here
_SIBLINGS = {"p": "p", "li": "li", "dt": "d", "dd": "d", "td": "cell", "th": "cell", "tr": "tr", "option": "option"}


def depth_within_budget(text: str, path: str) -> None:
    """Refuse a page nested deeper than the depth budget, by a linear scan of its tags.

    Needed before the tree is built: an HTML parser's scope checks walk the stack of open
    elements for every start tag, so 100,000 nested elements take lexbor half a minute. The scan
    keeps its own stack of open tags (void and self-closed tags never open; an end tag closes up to
    its open tag; p, li, dt/dd, td/th, tr and option close an open one of their kind). The parser's
    tree can still be deeper than that stack (implied tbody and tr, reconstructed formatting
    elements): tests/fuzz checks it is never more than 3 x + 3 deep, so the budget bounds it.
    """
    limit = budgets.current().depth
    if depth_bound(text, limit) > limit:
        raise budgets.exceeded("depth", path, "> " + budgets.show("depth", limit), limit)


def depth_bound(text: str, limit: int) -> int:
    """The deepest the scan's stack of open tags gets (it stops once past `limit`)."""
    deepest = 0
    lower = text.lower()
    stack: list[str] = []
    pos = 0
    while m := _TAG.search(text, pos):
        pos = m.end()
        closing, name = m.group(1), (m.group(2) or "").lower()
        if not name:  # a comment: skip to its end (none: the rest is comment)
            pos = lower.find("-->", pos)
            if pos < 0:
                break
            continue
        if name in _RAW_TEXT and not closing and not m.group(3):
            pos = lower.find("</" + name, pos)
            if pos < 0:
                break
            continue
        if name in _VOID or m.group(3):
            continue
        if closing:
            for k in range(len(stack) - 1, -1, -1):
                if stack[k] == name:
                    del stack[k:]
                    break
            continue
        group = _SIBLINGS.get(name)
        if group is not None:
            for k in range(len(stack) - 1, max(-1, len(stack) - 8), -1):  # the nearest few open tags
                if _SIBLINGS.get(stack[k]) == group:
                    del stack[k:]
                    break
                if stack[k] in _SCOPES:
                    break
        stack.append(name)
        deepest = max(deepest, len(stack))
        if deepest > limit:
            break
    return deepest


def _html_task_table(
    table: object, out: list[str], rows: list[TableRow], grids: GridBudget, row_bold: list[list[str]],
    run: TableRun | None = None,
) -> bool:
    """A task table: its rows go to `out` as row markers (the lines in `rows`); False for any other. `run`: the
    page's last task table, which this one goes on with where only blank lines or a 续表 line stand between them
    and its header is that one's again (engine.ingest.tables.TableRun).

    Its header is looked for first in the short text of its first rows (a header cell is a column's
    name): a layout table holding a whole page, or tables nested in tables, cost that little each."""
    trs = _own_rows(table)
    head = _html_rows(trs[: HEADER_SCAN + 1], grids, HEAD_CELL_CHARS)
    if not head:
        return False
    if run is not None:
        for line in re.split(f"[{_BREAK}{_SOFT}{_BR}]", "".join(out[run.mark :])):  # the page's text since that table
            run.text(line.replace(BOLD_ON, "").replace(BOLD_OFF, ""))
        run.mark = len(out)
    if find_header(head) is None and (run is None or run.headless(head) is None):
        return False  # no task table, nor the rows of one going on under a 续表 line without its header
    grid = _html_rows(trs, grids)
    field = field_table_line(grid) if grid else None  # a measure's own table of fields: one line
    found = (0, [field]) if field is not None else table_lines(grid, run) if grid else None
    if found is None:
        return False
    h, lines = found
    out.append(_BREAK)
    for row in grid[: max(h, 0)]:  # a title row above the header: cell by cell, as any table
        out.extend(_BREAK + c.text for c in row if not c.inherited)
    for tr, line in zip(trs[h + 1 :] if field is None else [table], lines, strict=False):
        if line is not None:
            out.append(f"{_BREAK}{_ROW}{len(rows)}{_ROW}")
            rows.append(line)
            row_bold.append(html_bold_texts(tr))
    out.append(_BREAK)
    if run is not None:
        if field is not None:
            run.broken()
        run.mark = len(out)
    return True


_ROW_GROUPS = {"thead", "tbody", "tfoot"}
HEAD_CELL_CHARS = 64  # text of a cell read to find a header: a column's name is far shorter


def _own_rows(table: object) -> list[object]:
    """The table's own <tr>s (in its thead, tbody, tfoot or itself), never those of a table nested in a cell."""
    trs: list[object] = []
    for child in table.iter():  # type: ignore[attr-defined]
        if child.tag == "tr":
            trs.append(child)
        elif child.tag in _ROW_GROUPS:
            trs.extend(tr for tr in child.iter() if tr.tag == "tr")
    return trs


def _html_rows(trs: list[object], grids: GridBudget, cap: int | None = None) -> list[list[Cell]]:
    """Rows as grid cells; rowspan carries text down. `cap`: read at most about that much of a cell's text."""
    rows: list[list[Cell]] = []
    pending: dict[int, tuple[Cell, int]] = {}  # grid column -> (cell spanning down, rows left)
    for tr in trs:
        row: list[Cell] = []
        col = 0
        for td in tr.iter():  # type: ignore[attr-defined]
            if td.tag not in _CELL_TAGS:
                continue
            col = _fill_pending(row, col, pending, grids)
            span = _int_attr(td, "colspan")
            down = _int_attr(td, "rowspan")
            text = " ".join(_cell_text(td, cap).split())
            cell = grids.add(Cell(col, span, [text] if text else []))
            row.append(cell)
            if down > 1:
                pending[col] = (cell, down - 1)
            col += span
        _fill_pending(row, col, pending, grids)
        rows.append(row)
    return rows


def _fill_pending(row: list[Cell], col: int, pending: dict[int, tuple[Cell, int]], grids: GridBudget) -> int:
    """Cells of rows above that span down into this row at `col`; returns the next free column."""
    while col in pending:
        cell, left = pending[col]
        row.append(grids.add(Cell(col, cell.span, list(cell.parts), inherited=True)))
        if left <= 1:
            del pending[col]
        else:
            pending[col] = (cell, left - 1)
        col += cell.span
    return col


def _int_attr(node: object, name: str) -> int:
    value = (node.attributes or {}).get(name) or "1"  # type: ignore[attr-defined]
    try:
        return max(1, min(int(value.strip()), 100))
    except ValueError:
        return 1


def _cell_text(node: object, cap: int | None = None) -> str:
    """A cell's text; <br>, <p> and other blocks inside it become spaces (unit lists stay apart).
    `cap`: stop once about that many characters (spaces aside) are read, or 50 times as many nodes
    visited (children are taken one at a time: an element with a million children costs no more)."""
    out: list[str] = []
    got = visits = 0
    stack: list[Iterator[object]] = [iter((node,))]
    while stack:
        n = next(stack[-1], None)
        if n is None:
            stack.pop()
            continue
        if cap is not None:
            visits += 1
            if got > cap or visits > cap * 50:
                break
        if isinstance(n, str):
            out.append(n)
            continue
        tag = n.tag  # type: ignore[attr-defined]
        if tag == "-text":
            piece = n.text_content or ""  # type: ignore[attr-defined]
            if cap is not None:
                piece = piece[: cap * 8]
                got += len(_WS.sub("", piece))
            out.append(piece)
            continue
        if tag in ("-comment", "_comment") or tag in _DROP_TAGS:
            continue
        if tag in _BLOCK_TAGS:
            out.append(" ")
            stack.append(iter((" ",)))  # after the block's own text
        stack.append(n.iter(include_text=True))  # type: ignore[attr-defined]
    return "".join(out)


class _Sizes:
    """Per element: its text's length, and the length and number of the links in it (an <a> counts
    itself), summed once bottom up; `node.text()` and `node.css("a")` at every element of a deeply
    nested page would read its text once per enclosing element."""

    def __init__(self, root: object) -> None:
        self._text: dict[int, int] = {}
        self._links: dict[int, tuple[int, int]] = {}
        stack: list[tuple[object, bool]] = [(root, True)]
        while stack:
            node, entering = stack.pop()
            if entering:
                stack.append((node, False))
                stack.extend((child, True) for child in node.iter())  # type: ignore[attr-defined]
                continue
            own = sum(len(t.text_content or "") for t in node.iter(include_text=True) if t.tag == "-text")  # type: ignore[attr-defined]
            text, linked, count = own, 0, 0
            for child in node.iter():  # type: ignore[attr-defined]
                key = child.mem_id
                text += self._text.get(key, 0)
                a, c = self._links.get(key, (0, 0))
                linked, count = linked + a, count + c
            if node.tag == "a":  # type: ignore[attr-defined]
                linked, count = linked + text, count + 1
            self._text[node.mem_id] = text  # type: ignore[attr-defined]
            self._links[node.mem_id] = (linked, count)  # type: ignore[attr-defined]

    def text(self, node: object) -> int:
        return self._text.get(node.mem_id, 0)  # type: ignore[attr-defined]

    def links(self, node: object) -> tuple[int, int]:
        """(characters of link text, number of links) inside `node`."""
        return self._links.get(node.mem_id, (0, 0))  # type: ignore[attr-defined]


_LINK_BLOCKS = {"div", "ul", "ol", "table", "tr", "td", "section", "dl", "span"}
LINK_SHARE = 0.7  # a block whose text is mostly link text (a menu, a list of related articles) is chrome


def _is_chrome(node: object, total: int, sizes: _Sizes) -> bool:
    """Navigation/share/footer blocks by class or id, and blocks that are mostly links (menus and
    lists of other articles on pages without such names) — unless they hold most of the page's text."""
    attrs = node.attributes or {}  # type: ignore[attr-defined]
    words = set(re.split(r"[\s_-]+", f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()))
    named = bool(words & _CHROME_WORDS)
    if not named and node.tag not in _LINK_BLOCKS:  # type: ignore[attr-defined]
        return False
    own = sizes.text(node)
    if own * 2 >= total:
        return False
    if named:
        return True
    linked, links = sizes.links(node)
    if links < 3 or not own:
        return False
    return linked >= LINK_SHARE * own


_METADATA_HEAD = 40  # characters of a row's text that say whether it is a metadata row


def _is_hanging_label(cell: object, seen: dict[int, int | None]) -> bool:
    """`cell` is the label cell of a hanging-indent row (engine/ingest/hanging.py): the first of its row's two cells,
    holding only a numbering label; its row is then one line, the label glued to the text after it.
    `seen`: per row, its label cell (or None), each row's cells counted once."""
    row = cell.parent  # type: ignore[attr-defined]
    if row is None or row.tag != "tr":
        return False
    key = row.mem_id
    if key not in seen:
        cells = [c for c in row.iter() if c.tag in _CELL_TAGS]
        first = cells[0] if len(cells) == 2 else None
        seen[key] = first.mem_id if first is not None and hanging_label(_head_text(first, LABEL_MAX)) else None
    return seen[key] == cell.mem_id  # type: ignore[attr-defined]


def _duty_cell(cell: object, seen: dict[int, tuple[int, str] | None]) -> str | None:
    """The units clause "（X牵头，Y配合）" when `cell` is the right cell of a two-cell row holding only the measure's
    units beside a left cell of text that is no such clause (engine/ingest/hanging.py, `duty_row`); else None.
    Only the first `DUTY_MAX` characters of each cell are read (`_duty_paras`). `seen`: per row, its right cell and clause (or
    None), each row's cells read once."""
    row = cell.parent  # type: ignore[attr-defined]
    if row is None or row.tag != "tr":
        return None
    key = row.mem_id
    if key not in seen:
        seen[key] = None
        cells = [c for c in row.iter() if c.tag in _CELL_TAGS]
        if len(cells) == 2 and (clause := duty_row(*(_duty_paras(c) for c in cells))) is not None:
            seen[key] = (cells[1].mem_id, clause)
    found = seen[key]
    return found[1] if found is not None and found[0] == cell.mem_id else None  # type: ignore[attr-defined]


def _duty_paras(cell: object) -> list[str] | None:
    """A layout row's cell as `duty_row` reads it: its words apart by white space, from its first `DUTY_MAX`
    characters; None for a cell with text that runs on past them (read only in part)."""
    text = _head_text(cell, DUTY_MAX)
    words = text.split()
    return words if len(text) < DUTY_MAX or not words else None


def _is_metadata_row(cell: object, seen: dict[int, bool]) -> bool:
    """A cell in a 索引号 | … | 公开日期 | … row: keep the row on one line so furniture removal sees it.
    `seen`: the answer per row, each row's text read once (and only its beginning)."""
    from engine.ingest.furniture import starts_metadata_row

    row = cell.parent  # type: ignore[attr-defined]
    while row is not None and row.tag != "tr":
        row = row.parent
    if row is None:
        return False
    key = row.mem_id
    if key not in seen:
        seen[key] = starts_metadata_row(" ".join(_head_text(row, _METADATA_HEAD).split()))
    return seen[key]


def _head_text(node: object, cap: int) -> str:
    """The first text of `node`, its text nodes apart by a space, up to about `cap` characters."""
    out: list[str] = []
    got = visits = 0
    stack: list[Iterator[object]] = [iter((node,))]
    while stack and got <= cap and visits <= cap * 50:
        n = next(stack[-1], None)
        if n is None:
            stack.pop()
            continue
        visits += 1
        if n.tag == "-text":  # type: ignore[attr-defined]
            piece = (n.text_content or "")[: cap * 8]  # type: ignore[attr-defined]
            got += len(_WS.sub("", piece))
            out.append(piece)
        elif n.tag not in ("-comment", "_comment"):  # type: ignore[attr-defined]
            stack.append(n.iter(include_text=True))  # type: ignore[attr-defined]
    return " ".join(out)
