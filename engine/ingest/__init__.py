"""Ingest: bytes -> normalised paragraphs with a map back to the original file.

`load_document(path)` reads .txt/.md, .docx, .pdf (text layer) and .html/.htm, or `-` for stdin;
`from_text(text)` does the same normalisation on a string. Both return a `SourceDoc` whose
paragraphs are the non-blank, non-furniture lines, each with `text` (normalised, see
`engine.ingest.normalise`), `orig` (verbatim) and `cols` (original column of every text char).

Every problem with the input is raised as `PlancheckError(code, ...)` (codes `input.*` in
`engine.i18n`); nothing else escapes `load_document`. The user's file is opened once, read-only.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
import stat
import sys
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from engine.errors import PlancheckError
from engine.ingest import (
    budgets,
    chat,
    field_lines,
    footer,
    furniture,
    markdown,
    revisions,
    script_residue,
    translations,
    unit_spaces,
    xlsx,
)
from engine.ingest.encoding import decode_text, html_charset
from engine.ingest.normalise import light, normalise_line, normalise_parts, same_length_light
from engine.ingest.readers import (
    RawLine,
    drop_page_furniture,
    read_docx,
    read_html,
    read_pdf,
    split_lines,
    unspread,
    unwrap,
)
from engine.ingest.tables import BoxLine, FramedText, TableRow, drop_continued_captions, text_table_lines
from engine.models import Paragraph, SourceDoc
from engine.outputs import note_input

__all__ = ["from_text", "load_document", "normalise_line"]

TRADITIONAL_SHARE = 0.15
"""The document counts as traditional (and t2s applies to all of it) when t2s changes at least this
share of its non-ASCII characters."""

EDGE_LINES = 15  # `来源：…` is furniture among the first EDGE_LINES and the last 3 lines, outside the numbered lines
_EXTENSIONS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".docx": "docx", ".pdf": "pdf",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html", ".xlsx": "xlsx",
}  # fmt: skip
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def from_text(text: str, path: str = "<text>", fmt: str = "txt", encoding: str = "utf-8") -> SourceDoc:
    """A SourceDoc from text already decoded (tests, stdin, examples in rulesets). Never raises."""
    lines, removed = drop_page_furniture(split_lines(text))
    return build(unwrap(unspread(text_table_lines(lines))), path, fmt, encoding, removed, marked=markdown.marked_up(text))


def build(
    lines: list[RawLine], path: str, fmt: str, encoding: str, removed: list[str] | None = None,
    bold: Mapping[int, Sequence[str]] | None = None, underline: Mapping[int, Sequence[str]] | None = None,
    marked: bool = False,
) -> SourceDoc:
    """Normalise raw lines, drop blank and furniture lines, and flag traditional-character sources. `bold`: the
    runs printed bold, by raw line number (.docx, .html), given to the paragraphs they stand in (`_bold_runs`);
    `underline` likewise the runs printed underlined (.docx). `marked`: a text file whose lines carry markdown's marks
    (engine/ingest/markdown.py), read as a .md is."""
    # a task-table row (engine.ingest.tables.TableRow) is normalised from its synthetic line, whose
    # columns are then mapped through the row's own map back to the tab-joined cells
    removed = list(removed or [])
    lines, captions = drop_continued_captions(lines)  # 续表 between the two parts of a task table
    removed.extend(captions)
    # a page's script and style residue first: its `;` and brackets would stop the closing's walk at the page's end
    lines, scripts = script_residue.cut(lines)
    removed.extend(scripts)
    # a paragraph in a minority script beside the Chinese is its translation (a bilingual 红头, 落款, paragraph pairs)
    lines, translated = translations.cut(lines)
    removed.extend(translated)
    # a plan pasted into a work group and saved as its chat export: the app's stamps, senders and cards
    lines, chatter = chat.cut(lines)
    removed.extend(chatter)
    lines, closing = footer.closing_cut(lines)
    parts = [
        (line_no, orig, piece, normalise_parts(piece.text))
        for line_no, orig in lines
        for piece in ([Piece(0, orig.text)] if isinstance(orig, TableRow) else _unfurnished(orig, removed))
    ]
    non_ascii = sum(p.non_ascii for *_, p in parts)
    changed = sum(p.changed for *_, p in parts)
    traditional = changed > 0 and changed >= TRADITIONAL_SHARE * non_ascii
    normalised: list[tuple[int, str, str, str, list[int]]] = []
    for line_no, orig, piece, p in parts:
        text, cols = (
            (p.simplified, p.simplified_cols) if traditional or p.line_is_traditional else (p.text, p.cols)
        )
        if isinstance(orig, TableRow):
            cols = [orig.cols[c - 1] for c in cols]
        else:
            text, cols = unit_spaces.separate(piece.text, text, cols)  # 责任单位：A　B　C
        if piece.start and not isinstance(orig, TableRow):
            cols = [c + piece.start for c in cols]
        if (fmt == "md" or marked) and text and not isinstance(orig, TableRow):
            text, cols = markdown.strip_marks(text, cols)
        if text:
            normalised.append((line_no, orig, piece.text, text, cols))
    # a revised draft's inline marks (【删除：X】, 【新增】) read as if the revisions were accepted (ingest/revisions.py)
    accepted, revised = revisions.accept([(text, cols) for *_, text, cols in normalised])
    if revised:
        normalised = [(n, o, p, *kept) for (n, o, p, _, _), kept in zip(normalised, accepted, strict=True) if kept[0]]
    normalised = field_lines.join_continuations(normalised)  # a unit list going on under its field
    n = len(normalised) + len(closing)  # the page's last lines are still its closing's (`来源：…` at the edge)
    # a page's header stands above the text and its footer below it: the top edge ends at the plan's first numbered
    # line and the bottom one starts after its last, so a measure's own field line near either end (（一）… /
    # 主办单位：市文化和旅游局 in a short plan's first lines; （三）… / 主办单位：… / 二、工作要求) is never the site's
    items = [k for k, (_, orig, _, text, _) in enumerate(normalised)
             if not isinstance(orig, TableRow) and footer.opens_item(text)]  # fmt: skip
    top, bottom = min(EDGE_LINES, items[0] if items else EDGE_LINES), max(n - 3, items[-1] + 1 if items else 0)
    paragraphs: list[Paragraph] = []
    for k, (line_no, orig, piece_text, text, cols) in enumerate(normalised):
        if len(piece_text) <= furniture.MAX_LEN * 2 and not isinstance(orig, TableRow):
            lite = light(piece_text)
            edge = k < top or k >= bottom
            if furniture.is_furniture(lite, at_edge=edge, pdf=fmt == "pdf"):
                kept = _doc_number_part(lite, text, cols)
                if kept is None:
                    removed.append(piece_text.strip())  # the piece, not the whole line it was cut from
                    continue
                text, cols = kept
        paragraphs.append(
            Paragraph(index=len(paragraphs), line=line_no, text=text, orig=str(orig), cols=cols,
                      table_row=isinstance(orig, TableRow) and not isinstance(orig, BoxLine),
                      frame=orig.frame if isinstance(orig, (BoxLine, FramedText)) else 0)
        )
    if bold:
        _bold_runs(paragraphs, bold, traditional)
    if underline:
        _bold_runs(paragraphs, underline, traditional, "underline")
    removed.extend(closing)  # the page's end, after all else
    return SourceDoc(
        path=path,
        format=fmt,  # type: ignore[arg-type]
        encoding=encoding,
        paragraphs=paragraphs,
        traditional=traditional,
        removed=removed,
        tracked_changes=revised,
    )


def _bold_runs(
    paragraphs: list[Paragraph], bold: Mapping[int, Sequence[str]], traditional: bool, attr: str = "bold"
) -> None:
    """Each paragraph's `bold` (or `attr`: `underline`, of the runs printed underlined): the bold runs of the raw lines from its own up to the next paragraph's (a paragraph
    joined from several lines, a task-table row numbered by its first cell), normalised as its text is and kept
    where they stand in it. Formatting carries no meaning here: only a document that says what bold print means
    ("加粗的为牵头单位") reads it (engine/parse/conventions.py)."""
    keys = sorted(bold)
    for k, p in enumerate(paragraphs):
        nxt = paragraphs[k + 1].line if k + 1 < len(paragraphs) else None
        hi = nxt if nxt is not None and nxt > p.line else p.line + 1
        lo_at = bisect.bisect_left(keys, p.line)
        flat = "".join(p.text.split())
        runs: list[str] = []
        for key in keys[lo_at : bisect.bisect_left(keys, hi)]:
            for run in bold[key]:
                parts = normalise_parts(run)
                text = "".join((parts.simplified if traditional else parts.text).split())
                if text and text in flat and text not in runs:
                    runs.append(text)
        if runs:
            setattr(p, attr, tuple(runs))


PIECE_MIN_HAN = 6  # a stretch left between furniture with fewer Han characters is no title or sentence
_HAN_CHAR = re.compile("[\u4e00-\u9fff]")


class Piece(NamedTuple):
    """A stretch of an original line between the page furniture cut out of it (offset, text)."""

    start: int
    text: str


def _unfurnished(line: str, removed: list[str]) -> list[Piece]:
    """The line's stretches between the page furniture inside it, the pieces cut out added to `removed`.

    Furniture stood on lines of its own on the page: where it is cut, the line is cut too, so a title or
    a notice after a breadcrumb starts a paragraph of its own as it did on the page. Columns stay the
    original line's (`Piece.start`). A line that is furniture as a whole, or whose text around the
    furniture is too short to be a title or a sentence, is left to `is_furniture`."""
    lite = light(line)
    if not lite:
        return [Piece(0, line)]
    spans = furniture.inline_spans(same_length_light(line))
    if not spans:
        return [Piece(0, line)]
    bounds = [0, *(x for span in spans for x in span), len(line)]
    rest = "".join(line[bounds[k] : bounds[k + 1]] for k in range(0, len(bounds), 2))
    if (  # the short test first: counting a 2 MB line's Han characters costs more than the whole cut
        len(line) <= furniture.MAX_LEN * 2
        and furniture.is_furniture(lite, at_edge=True)
        and len(_HAN_CHAR.findall(rest)) < PIECE_MIN_HAN
    ):
        return [Piece(0, line)]
    out: list[Piece] = []
    last = 0
    for a, b in spans:
        removed.append(" ".join(line[a:b].split()))
        if line[last:a].strip():
            out.append(Piece(last, line[last:a]))
        last = b
    if line[last:].strip():
        out.append(Piece(last, line[last:]))
    return out or [Piece(0, "")]


def _doc_number_part(lite: str, text: str, cols: list[int]) -> tuple[str, list[int]] | None:
    """The `文号宁发〔2017〕10号` part of a furniture line, if it carries a document number.

    Found in the light text (spaces still separate label, value and the next label), then located
    in the normalised text so its columns come along.
    """
    m = furniture.DOC_NUMBER.search(lite)
    if m is None:
        return None
    parts = normalise_parts(m.group())
    for wanted in (parts.text, parts.simplified):
        start = text.find(wanted)
        if start >= 0:
            return text[start : start + len(wanted)], cols[start : start + len(wanted)]
    return None


def load_document(path: str, *, stdin: bytes | None = None) -> SourceDoc:
    """Read a document from disk (or `-` for stdin: `stdin` bytes if given, else sys.stdin)."""
    try:
        if path == "-":
            stream = getattr(sys.stdin, "buffer", None)
            if stdin is None and stream is None:  # started with standard input closed (`<&-`)
                raise PlancheckError("input.stdin_closed")
            data = stdin if stdin is not None else _read_stream(stream, path)
            return _from_bytes(data, "<stdin>", None)
        ext = os.path.splitext(path)[1].lower()
        data = _read_file(path)
        return _from_bytes(data, path, ext)
    except PlancheckError:
        raise
    except Exception as exc:  # a bug in ingest must still reach the user as an actionable message
        raise PlancheckError("internal", reason=f"{type(exc).__name__}: {exc}") from exc


def reread(path: str, sha256: str) -> bytes:
    """A draft's bytes read again (a Word report or tracked changes are built on the original .docx),
    provided they are still the bytes that were checked: placed by line on a file edited meanwhile,
    comments and changes would land on the wrong words."""
    try:
        with open(path, "rb") as fh:
            note_input(path, fh.fileno())
            data = fh.read()
    except OSError as exc:
        raise PlancheckError("input.unreadable", path=path, reason=exc.strerror or str(exc)) from None
    if sha256 and hashlib.sha256(data).hexdigest() != sha256:
        raise PlancheckError("input.changed", path=path)
    return data


def _read_stream(stream, path: str) -> bytes:  # type: ignore[no-untyped-def]
    """At most the input budget and one byte more: a stream's true size is never known (nor read)."""
    limit = budgets.current().input_bytes
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise budgets.exceeded("input_bytes", path, "> " + budgets.show("input_bytes", limit), limit)
    return data


def _read_file(path: str) -> bytes:
    """The file's bytes; the size is checked from stat before anything is read."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise PlancheckError("input.not_found", path=path) from None
    except OSError as exc:
        raise PlancheckError("input.unreadable", path=path, reason=exc.strerror or str(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise PlancheckError("input.is_dir", path=path)
    if stat.S_ISREG(st.st_mode):
        budgets.check("input_bytes", path, st.st_size)
    fifo = stat.S_ISFIFO(st.st_mode)
    try:
        with _open_input(path, fifo) as fh:
            data = _read_stream(fh, path)
            if fifo and not data:  # a named pipe nobody writes into: said at once, not waited on
                raise PlancheckError("input.pipe_unwritten", path=path)
            return data
    except PlancheckError:
        raise
    except FileNotFoundError:  # gone between the look and the read
        raise PlancheckError("input.not_found", path=path) from None
    except OSError as exc:
        raise PlancheckError("input.unreadable", path=path, reason=exc.strerror or str(exc)) from None


def _open_input(path: str, fifo: bool):  # type: ignore[no-untyped-def]
    """The file opened for reading. A named pipe is opened without waiting for a writer (a plain
    open blocks until one comes, for ever if none does), then read as usual: from a program already
    writing into it (`<(pdftotext …)`), or an end of file at once when there is none. Noted as an
    input, so that no output can overwrite it."""
    if fifo:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        os.set_blocking(fd, True)
        fh = os.fdopen(fd, "rb")
    else:
        fh = open(path, "rb")  # the caller's `with` closes it
    note_input(path, fh.fileno())
    return fh


def _within_budget(lines: list[RawLine], path: str) -> list[RawLine]:
    """The raw lines, once their count and longest line are known to be within budget (before
    normalisation, the first stage whose cost grows with them)."""
    limits = budgets.current()
    count = longest = total = 0
    for _, line in lines:
        total += len(line)
        if len(line) > longest:
            longest = len(line)
        if line and not line.isspace():
            count += 1
    if total > limits.chars:
        raise budgets.exceeded("chars", path, total, limits.chars)
    if count > limits.paragraphs:
        raise budgets.exceeded("paragraphs", path, count, limits.paragraphs)
    if longest > limits.paragraph_chars:
        raise budgets.exceeded("paragraph_chars", path, longest, limits.paragraph_chars)
    return lines


def _sniff(data: bytes) -> str | None:
    """The format the bytes announce, for stdin (no extension to go by)."""
    if data.startswith(_OLE_MAGIC):
        return "doc"
    if data.startswith(b"PK\x03\x04"):
        return "xlsx" if xlsx.is_workbook(data) else "docx"
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head:
        return "html"
    return None


def _from_bytes(data: bytes, path: str, ext: str | None) -> SourceDoc:
    budgets.check("input_bytes", path, len(data))
    if data.startswith(_OLE_MAGIC):
        # Word keeps a password-protected .docx in an OLE container too, as an EncryptedPackage stream
        encrypted = "EncryptedPackage".encode("utf-16-le") in data
        raise PlancheckError("input.encrypted" if encrypted else "input.doc_legacy", path=path)
    if ext is None:
        fmt = _sniff(data) or "stdin"
        if fmt == "doc":
            raise PlancheckError("input.doc_legacy", path=path)
    elif ext == ".doc":
        # .doc files served by government sites are often HTML or .docx renamed; OLE was refused above
        fmt = _sniff(data) or "doc"
        if fmt == "doc":
            raise PlancheckError("input.doc_legacy", path=path)
    else:
        fmt = _EXTENSIONS.get(ext, "")
        if not fmt:
            raise PlancheckError("input.unsupported", path=path, ext=ext or "(none)")
        if fmt in ("txt", "md"):
            fmt = _sniff(data) or fmt  # a .docx/.pdf/.html saved under a text name: read what it is
    if not data.strip():
        raise PlancheckError("input.empty", path=path)

    if fmt == "docx":
        docx_text = read_docx(data, path)
        doc = build(
            _within_budget(docx_text.lines, path), path, "docx", "utf-8",
            bold=docx_text.bold, underline=docx_text.underline,
        )  # fmt: skip
        doc.tracked_changes = doc.tracked_changes or docx_text.tracked_changes
        doc.notes = [normalise_line(n)[0] for n in docx_text.notes]
    elif fmt == "xlsx":
        doc = build(_within_budget(xlsx.read_xlsx(data, path), path), path, "xlsx", "utf-8")
    elif fmt == "pdf":
        pdf_text = read_pdf(data, path)
        doc = build(_within_budget(pdf_text.lines, path), path, "pdf", "utf-8", pdf_text.removed)
        doc.notes = [normalise_line(n)[0] for n in pdf_text.notes]
        if not doc.paragraphs:
            raise PlancheckError("input.no_text", path=path)
    elif fmt == "html":
        text, encoding = decode_text(data, path, declared=html_charset(data))
        html = read_html(text, path)
        doc = build(_within_budget(html.lines, path), path, "html", encoding, bold=html.bold)
    else:
        text, encoding = decode_text(data, path)
        lines, removed = drop_page_furniture(_within_budget(split_lines(text), path))
        marked = fmt != "md" and markdown.marked_up(text)  # a markdown export saved as .txt
        doc = build(unwrap(unspread(text_table_lines(lines))), path, fmt, encoding, removed, marked=marked)
    if not doc.paragraphs:
        raise PlancheckError("input.empty", path=path)
    doc.sha256 = hashlib.sha256(data).hexdigest()  # of the bytes parsed: derive records it
    return doc
