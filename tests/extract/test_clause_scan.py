"""`_Scan` reads a measure once and answers "the clause of text[:end]" for every end `_facts` asks: the
same answers as reading each prefix anew (tests/extract/clause_reference.py, the plain definition), and
a measure of thousands of clauses no longer reads its text once per clause."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.extract import fill_measure
from engine.extract.responsibility import all_responsibilities, find_responsibility
from engine.models import Measure
from tests.extract import clause_reference as ref

# pieces of clauses and of the text around them, brackets left open or closed, keys with and
# without colons, heading labels, stops, line breaks
_PIECES = [
    "（", "）", "(", ")", "【", "】", "[", "]", "［", "］", "“", "”", "《", "》", "。", "；", "，", "、", "：", ":",
    "\n", " ", "\t", "牵头单位：", "配合单位：", "责任单位:", "负责部门：", "【牵头单位】", "【配合单位】",
    "【完成时限】", "责任领导：张三；", "县财政局", "县教育局", "区住房和城乡建设局", "各镇人民政府", "各有关部门",
    "负责", "牵头", "配合", "参与", "按职责分工负责", "由", "会同", "加快推进基础设施建设", "到2025年底完成",
    "建立由县财政局牵头、县教育局配合的工作机制", "由县财政局牵头，县教育局配合", "县财政局牵头，县教育局配合",
    "县财政局负责", "（县财政局、县教育局负责）", "（牵头单位：县财政局；配合单位：县教育局）", "等", "请",
    "——", "──", "—", "推进校园安全建设",  # fix43: a heading line's dash before its division of labour
]  # fmt: skip


def _key(found):
    if found is None:
        return None
    r, s, e = found if isinstance(found, tuple) else (found.responsibility, found.start, found.end)
    return r.model_dump_json(), s, e


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_scan_reads_every_prefix_as_the_plain_definition(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [_key(f) for f in all_responsibilities(text)] == [_key(f) for f in ref.chain(text)]
    assert _key(find_responsibility(text)) == _key(ref.find(text))
    assert _key(find_responsibility(text, prose=True)) == _key(ref.find(text, prose=True))


def _items(n: int, sep: str) -> str:
    units = ["县财政局", "县教育局", "县民政局", "县交通运输局", "县水利局"]
    return sep.join(
        f"{i}.推进第{i}项工作。到2025年底完成。（牵头单位：{units[i % 5]}；配合单位：{units[(i + 2) % 5]}）"
        for i in range(1, n + 1)
    )


def test_many_clauses_in_one_measure_each_cut() -> None:
    """A measure that holds hundreds of items (its numbering was lost): every clause is found, in text
    order, as the plain definition finds them; each cut from the sentences."""
    for sep in ("\n", " "):
        text = _items(300, sep)
        found = all_responsibilities(text)
        assert len(found) == 300
        assert [_key(f) for f in found] == [_key(f) for f in ref.chain(text)]
        m = Measure(ref="1", label="1", style="arabic_dot", ordinal=1, depth=1, title="", text=text)
        fill_measure(m)
        assert m.responsibility is not None and len(m.responsibility.clauses) == 300
        assert not any("牵头单位" in s.text for s in m.sentences)
