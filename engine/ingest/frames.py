"""A page whose article is the document of an `<iframe srcdoc="…">`, read as part of the page where the frame stands.

Portals that embed a document in its own frame put its markup, HTML-escaped, into the frame's `srcdoc`
attribute (扎赉特旗's 政策文件 pages: the notice and the plan, nothing of them in the page's own DOM). A browser shows
that document in place of the frame, so it is read there: the frame's `<body>` content goes where the `<iframe>`
stood (the attribute's entities are decoded by the HTML parser, as a browser does), its `<head>` (title, style) left
out. A frame without `srcdoc` stays what it was, dropped with its fallback text; a `src` URL is never fetched (a
checker reads the file it is given, nothing else).

A srcdoc document may hold frames of its own, read the same way. Each srcdoc is checked against the HTML depth
budget before its tree is built (engine.ingest.readers.depth_within_budget), the number of srcdoc documents read
(all levels together) against the `frames` budget, and their text with the page's own against the `input_bytes`
budget, as if it had all been given as one file (engine.ingest.budgets)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engine.ingest import budgets


def inline_frames(tree: Any, page: str, path: str, markup: Callable[[str, str], str]) -> None:
    """Replace, in the lexbor `tree`, each `<iframe srcdoc>` by its document's body (its own frames inlined
    first). `markup(text, path)` readies a srcdoc for parsing as the page was: it refuses one nested too deep (the
    depth budget) before its tree is built, and takes out the reader's private-use markers (which the attribute's
    entities could spell). `page` is the page's own markup, which counts with its frames' against `input_bytes`."""
    if (tree.body or tree.root) is None or tree.css_first("iframe[srcdoc]") is None:
        return
    limits = budgets.current()
    seen = [
        0,
        len(page.encode("utf-8")),
    ]  # srcdoc documents read; bytes (UTF-8) of the page and them together
    _inline(tree, path, markup, limits, seen)


def _inline(
    tree: Any, path: str, markup: Callable[[str, str], str], limits: budgets.Budgets, seen: list[int]
) -> None:
    from selectolax.lexbor import LexborHTMLParser

    for frame in tree.css("iframe[srcdoc]"):
        text = frame.attributes.get("srcdoc") or ""
        seen[0] += 1
        seen[1] += len(text.encode("utf-8"))
        if seen[0] > limits.frames:
            raise budgets.exceeded(
                "frames", path, "> " + budgets.show("frames", limits.frames), limits.frames
            )
        if seen[1] > limits.input_bytes:
            raise budgets.exceeded(
                "input_bytes", f"{path} (iframe srcdoc)", "> " + budgets.show("input_bytes", limits.input_bytes),
                limits.input_bytes,
            )  # fmt: skip
        inner = LexborHTMLParser(markup(text, path))
        _inline(inner, path, markup, limits, seen)
        body = inner.body
        if body is None:
            frame.decompose()
            continue
        # the frame's document as a block of its own: its <body> element copied in (engine.ingest.readers reads a
        # body as a block), so the page's text before and after the frame stays on lines of its own
        frame.replace_with(body)
