"""Properties over arbitrary text: from_text never raises, and the column map stays in its line."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from engine.ingest import from_text, load_document, normalise_line

# Characters that exercise every normalisation step, mixed with anything Unicode has
_TRICKY = (
    "建設法治政府綱要專家國務院一二三（）()［］[]０１２９0129ＡａAa％%．.＋－ 　\xa0\t\r\n"
    "?？shèguīgānǵǎ1234\u200b\u00ad\ufeff\ufffd&nbsp;&amp;，。；：、“”《》〔〕【】索引号字体打印关闭窗口来源:"
)
text_strategy = st.text(
    alphabet=st.one_of(st.sampled_from(_TRICKY), st.characters(codec="utf-8")),
    max_size=300,
)


def _check_map(doc) -> None:
    for i, p in enumerate(doc.paragraphs):
        assert p.index == i
        assert p.text and p.text == p.text.strip()
        assert len(p.cols) == len(p.text)
        assert all(1 <= c <= len(p.orig) for c in p.cols), (p.orig, p.text, p.cols)
        assert p.cols == sorted(p.cols)
        assert p.orig_span(0, len(p.text))  # some original text stands behind every paragraph


@settings(max_examples=300, deadline=None)
@given(text_strategy)
@example("!©")  # a footer mark cut from the end of the only line (hypothesis found it)
def test_from_text_never_raises_and_cols_stay_in_the_line(text: str) -> None:
    doc = from_text(text)
    _check_map(doc)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for p in doc.paragraphs:
        # the line as printed; where a page's closing was cut from the line's end (engine.ingest.footer: ©,
        # ICP备 …), its start: the paragraph's text never comes from the footer
        assert lines[p.line - 1] == p.orig or (p.orig and lines[p.line - 1].startswith(p.orig) and doc.removed)


@settings(max_examples=200, deadline=None)
@given(text_strategy)
def test_normalising_is_idempotent_on_its_own_output(text: str) -> None:
    once, _ = normalise_line(text.replace("\n", " ").replace("\r", " "))
    twice, cols = normalise_line(once)
    # a second pass may only find junk the first one exposed (e.g. spaces freed by a deletion)
    assert len(twice) <= len(once)
    assert all(1 <= c <= len(once) for c in cols)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([".txt", ".md", ".html", ".docx", ".pdf"]))
def test_load_document_raises_only_plancheck_errors(tmp_path_factory, data: bytes, ext: str) -> None:
    from engine.errors import PlancheckError

    path = tmp_path_factory.mktemp("b") / f"x{ext}"
    path.write_bytes(data)
    try:
        doc = load_document(str(path))
    except PlancheckError as exc:
        assert exc.code != "internal", exc
    else:
        _check_map(doc)
    assert path.read_bytes() == data
