"""A printed plan saved as text without its form feeds keeps its page numbers as lines of their own (— 3 —, -3-,
第3页, or a bare 3 between blank lines). Such a line is no part of the plan: where it fell inside a paragraph it split
a sentence, and the paragraph is joined back (fixtures/blind18 徐州 shows the class; written here for other places)."""

from __future__ import annotations

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan

HEAD = """洛川县苹果产业提质增效行动方案

　　为推动苹果产业提质增效，制定本方案。
　　一、重点任务
　　（一）建设矮化密植果园。新建矮化自根砧果园2万亩，推广水肥一体化，到2027年带动果农户均增收
"""
TAIL = """
8000元以上。（县果业中心牵头，县财政局、县水利局配合）
　　（二）完善冷链仓储设施。新建气调库10座。（县商务局负责）
"""


@pytest.mark.parametrize("mark", ["— 3 —", "-3-", "- 3 -", "第3页", "3"])
def test_a_page_number_inside_a_sentence_is_dropped_and_the_sentence_joined(mark: str) -> None:
    doc = from_text(HEAD + "\n" + mark + "\n" + TAIL)
    texts = [p.text for p in doc.paragraphs]
    assert not any(t.strip() == mark.replace(" ", "") or t.strip() == mark for t in texts), texts
    assert any("户均增收8000元以上。" in t for t in texts), texts
    first = parse_plan(doc).measures[0]
    assert "增收8000元" in first.text
    assert first.support_units == ["县财政局", "县水利局"]


def test_page_numbers_between_paragraphs_are_dropped_and_nothing_joined() -> None:
    text = ("　　（一）整治河道。清理河道淤泥3万方。（县水利局负责）\n\n— 2 —\n\n"
            "　　（二）修复湿地。修复湿地500亩。（县林业局负责）\n\n— 3 —\n\n"
            "　　（三）治理面源污染。推广测土配方施肥。（县农业农村局负责）\n")
    texts = [p.text for p in from_text(text).paragraphs]
    assert len(texts) == 3 and all(t.startswith("(") or t.startswith("（") for t in texts), texts


def test_a_column_of_numbers_stays_beside_a_page_number() -> None:
    """Beside a page number that split a sentence, bare numbers one a line with no blank between them (a table's 序号
    cells pasted one a line) are no page numbers."""
    text = ("　　1.整治河道。清理河道淤泥，到年底完成\n\n-5-\n\n3万方。\n　　2.修复湿地。修复湿地500亩。\n"
            "序号\n1\n2\n3\n重点任务\n")
    texts = [p.text for p in from_text(text).paragraphs]
    assert "-5-" not in texts and any("完成3万方。" in t for t in texts), texts
    assert texts[-5:-1] == ["序号", "1", "2", "3"], texts
