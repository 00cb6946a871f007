"""A page's declared charset is a hint: one that is not a text encoding (rot13, base64) or that
decodes the page into nonsense is ignored and the bytes are decoded by detection."""

from __future__ import annotations

import pytest

from engine.ingest.encoding import decode_text

PAGE = "<p>一、总体要求</p><p>（一）加快推进法治政府建设，由区司法局牵头。</p>" * 20


@pytest.mark.parametrize("declared", ["rot13", "rot_13", "base64", "zlib", "hex", "utf-16", "utf-32", "no-such-charset"])
def test_a_false_declaration_falls_back_to_detection(declared: str) -> None:
    text, encoding = decode_text(PAGE.encode("utf-8"), "page.html", declared=declared)
    assert text == PAGE and encoding == "utf-8"


def test_a_true_declaration_is_used() -> None:
    text, encoding = decode_text(PAGE.encode("gb18030"), "page.html", declared="gb2312")
    assert text == PAGE and encoding == "gb18030"
