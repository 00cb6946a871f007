"""A gazette or 红头 saved as text without form feeds: its running heads stand beside the page numbers
("— 4 —", "·3·") and are furniture like them, even where odd and even pages print different heads; the sentence a
page number and its head split is joined back. Written for this test (广东省人民政府公报, 湖南 红头); blind73 showed it
("国务院公报　2026·20" inside a measure, reported as a spacing slip)."""

from __future__ import annotations

from engine.ingest.readers import page_number_lines, split_lines


def _read(text: str) -> tuple[list[str], list[str]]:
    lines, removed = page_number_lines(split_lines(text))
    return [t for _, t in lines if t.strip()], removed


GAZETTE = "\n".join([
    "广东省人民政府公报",
    "　　（一）完善农村寄递网络。推进县乡村三级物流节点建设，",
    "",
    "— 12 —",
    "",
    "广东省人民政府公报　2026年第9期",
    "",
    "到2027年实现建制村快递服务全覆盖。（省邮政管理局、省交通运输厅负责）",
    "　　（二）发展农村电商。培育农村电商主体。（省商务厅负责）",
    "",
    "— 13 —",
    "",
    "广东省人民政府公报　2026年第9期",
    "",
    "　　（三）强化冷链设施。建设产地冷藏保鲜设施。（省农业农村厅负责）",
])  # fmt: skip


def test_a_gazettes_running_head_goes_with_its_page_number_and_the_sentence_is_joined():
    kept, removed = _read(GAZETTE)
    assert removed == ["— 12 —", "广东省人民政府公报　2026年第9期", "— 13 —", "广东省人民政府公报　2026年第9期"]
    assert kept[1] == "　　（一）完善农村寄递网络。推进县乡村三级物流节点建设，到2027年实现建制村快递服务全覆盖。（省邮政管理局、省交通运输厅负责）"
    assert kept[0] == "广东省人民政府公报"  # the masthead atop the text is no page's head


def test_odd_and_even_heads_sharing_the_gazettes_name_are_both_furniture():
    text = "\n".join([
        "　　（一）加强组织领导。", "", "·2·", "", "省政府办公厅文件　　　　　　湖南省人民政府公报", "",
        "　　（二）强化督查考核。", "", "·3·", "", "湖南省人民政府公报　　　　　　2026年第5期", "",
        "　　（三）做好宣传引导。", "", "·4·", "", "省政府办公厅文件　　　　　　湖南省人民政府公报", "",
        "　　（四）抓好总结评估。",
    ])  # fmt: skip
    kept, removed = _read(text)
    assert kept == ["　　（一）加强组织领导。", "　　（二）强化督查考核。", "　　（三）做好宣传引导。", "　　（四）抓好总结评估。"]
    assert len(removed) == 6


def test_a_line_beside_one_page_number_only_or_a_sentence_stays():
    text = "\n".join([
        "　　（一）加强组织领导。", "", "— 2 —", "", "附件", "", "重点任务分工表", "",
        "　　1.建立工作台账，", "", "— 3 —", "", "每月更新一次。", "", "— 4 —", "", "每月更新一次。",
    ])  # fmt: skip
    kept, removed = _read(text)
    # beside one page number: no running head; a sentence beside two is none either (and is joined where it was split)
    assert kept == ["　　（一）加强组织领导。", "附件", "重点任务分工表", "　　1.建立工作台账，每月更新一次。", "每月更新一次。"]
    assert removed == ["— 2 —", "— 3 —", "— 4 —"]
