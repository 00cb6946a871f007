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
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

from engine.errors import PlancheckError

RawLine = tuple[int, str]
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # a .docx whose XML unpacks to more is a zip bomb, not a plan


def split_lines(text: str) -> list[RawLine]:
    """Lines as an editor numbers them (not str.splitlines, which also splits on \\f, \\x1c, U+2028 …)."""
    return [(i + 1, line) for i, line in enumerate(_LINE_BREAK.split(text))]


def _corrupt(path: str, fmt: str, exc: BaseException) -> PlancheckError:
    reason = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
    return PlancheckError("input.corrupt", path=path, format=fmt, reason=reason[:200])


# --------------------------------------------------------------------------- .docx


def read_docx(data: bytes, path: str) -> list[RawLine]:
    """Body paragraphs and table cells in document order; merged cells once."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "word/document.xml" not in names:
                raise PlancheckError(
                    "input.corrupt", path=path, format=".docx", reason="word/document.xml is missing"
                )
            if sum(i.file_size for i in zf.infolist()) > MAX_UNPACKED_BYTES:
                raise PlancheckError(
                    "input.corrupt", path=path, format=".docx", reason="unpacks to over 512 MB"
                )
        import docx

        document = docx.Document(io.BytesIO(data))
        return list(_docx_blocks(document.iter_inner_content(), [0]))
    except PlancheckError:
        raise
    except Exception as exc:  # zipfile, lxml, python-docx all raise their own types
        raise _corrupt(path, ".docx", exc) from exc


def _docx_blocks(blocks: Iterator[object], counter: list[int]) -> Iterator[RawLine]:
    from docx.table import Table, _Cell

    for block in blocks:
        if isinstance(block, Table):
            for tr in block._tbl.tr_lst:
                for tc in tr.tc_lst:
                    # a vertically merged cell repeats as vMerge="continue" cells below it: read it once
                    if tc.vMerge == "continue":
                        continue
                    yield from _docx_blocks(_Cell(tc, block).iter_inner_content(), counter)
        else:
            counter[0] += 1
            yield counter[0], block.text  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- .pdf


def read_pdf(data: bytes, path: str) -> list[RawLine]:
    """The text layer, page by page; each text line is a raw line."""
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        try:
            lines: list[RawLine] = []
            n = 0
            for i in range(len(pdf)):
                page = pdf[i]
                textpage = page.get_textpage()
                text = textpage.get_text_range()
                textpage.close()
                page.close()
                for line in _LINE_BREAK.split(text):
                    n += 1
                    lines.append((n, line))
            return lines
        finally:
            pdf.close()
    except PlancheckError:
        raise
    except Exception as exc:  # PdfiumError for damaged or encrypted files
        raise _corrupt(path, ".pdf", exc) from exc


# --------------------------------------------------------------------------- .html

_DROP_TAGS = {
    "script", "style", "nav", "header", "footer", "aside", "noscript", "template", "iframe",
    "select", "button", "svg", "object", "embed", "head", "title", "meta", "link",
}  # fmt: skip
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "blockquote", "pre", "dd", "dt", "dl", "hr", "center", "address", "main", "figure",
    "figcaption", "caption", "tbody", "thead", "tfoot",
}  # fmt: skip
_CELL_TAGS = {"td", "th"}
_CHROME_WORDS = {
    "nav",
    "navbar",
    "menu",
    "footer",
    "header",
    "breadcrumb",
    "crumb",
    "crumbs",
    "share",
    "bdshare",
}
_BREAK = "\ue000"  # private-use marker for a line break; stripped from the page text first
_WS = re.compile(r"[\t\n\r\f\v ]+")


def read_html(text: str, path: str) -> list[RawLine]:
    """The article text of a saved page: chrome dropped, block elements become line breaks."""
    try:
        from selectolax.lexbor import LexborHTMLParser

        tree = LexborHTMLParser(text.replace(_BREAK, ""))
        root = tree.body or tree.root
        if root is None:
            return []
        total = len(root.text(deep=True, separator="") or "")
        out: list[str] = []
        stack: list[tuple[object, bool]] = [(root, True)]
        while stack:
            node, entering = stack.pop()
            tag = node.tag  # type: ignore[attr-defined]
            if not entering:
                out.append(_BREAK)
                continue
            if tag == "-text":
                out.append(_WS.sub(" ", node.text_content or ""))  # type: ignore[attr-defined]
                continue
            if tag in ("-comment", "_comment") or tag in _DROP_TAGS or _is_chrome(node, total):
                continue
            if tag in _BLOCK_TAGS:
                out.append(_BREAK)
                stack.append((node, False))
            elif tag in _CELL_TAGS:
                if _is_metadata_row(node):
                    out.append(" ")
                else:
                    out.append(_BREAK)
                    stack.append((node, False))
            children = list(node.iter(include_text=True))  # type: ignore[attr-defined]
            stack.extend((child, True) for child in reversed(children))
        lines = [line.strip() for line in "".join(out).split(_BREAK)]
        return [(i + 1, line) for i, line in enumerate(x for x in lines if x)]
    except PlancheckError:
        raise
    except Exception as exc:
        raise _corrupt(path, ".html", exc) from exc


def _is_chrome(node: object, total: int) -> bool:
    """Navigation/share/footer blocks by class or id — unless they hold most of the page's text."""
    attrs = node.attributes or {}  # type: ignore[attr-defined]
    words = set(re.split(r"[\s_-]+", f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()))
    if not words & _CHROME_WORDS:
        return False
    own = len(node.text(deep=True, separator="") or "")  # type: ignore[attr-defined]
    return own * 2 < total


def _is_metadata_row(cell: object) -> bool:
    """A cell in a 索引号 | … | 公开日期 | … row: keep the row on one line so furniture removal sees it."""
    from engine.ingest.furniture import METADATA_ROW

    row = cell.parent  # type: ignore[attr-defined]
    while row is not None and row.tag != "tr":
        row = row.parent
    if row is None:
        return False
    first = row.text(deep=True, separator=" ").strip()
    return bool(METADATA_ROW.match(" ".join(first.split())))
