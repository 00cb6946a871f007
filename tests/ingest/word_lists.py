"""A .docx whose numbering part holds only the lists a test gives it (Word's automatic numbering, w:numPr).

Shared by the tests that build numbered Word documents in memory (tests/ingest/test_docx_numbering.py,
tests/ingest/test_fix58.py, tests/parse/test_entry_numbering.py).
"""

from __future__ import annotations

import docx
from docx.oxml import parse_xml

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def lvl(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    """One w:lvl of an abstract list: its number format (decimal, chineseCounting …) and level text ("%1、")."""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def numbered_document(abstracts: dict[int, str], nums: dict[int, str]) -> docx.document.Document:
    """A document whose numbering part holds these abstract lists (abstractNumId -> its w:lvl XML) and lists (numId ->
    inner XML); the template's own lists are taken out, so they play no part."""
    d = docx.Document()
    numbering = d.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for aid, levels in abstracts.items():
        numbering.append(parse_xml(f'<w:abstractNum {W} w:abstractNumId="{aid}">{levels}</w:abstractNum>'))
    for nid, inner in nums.items():
        numbering.append(parse_xml(f'<w:num {W} w:numId="{nid}">{inner}</w:num>'))
    return d
