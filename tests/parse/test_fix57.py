"""Two classes blind57 showed (fixtures/fix57/README.md).

1. A box (专栏　重点工程, 专栏：…) of numbered project lines set between two measures numbered in the same style: its
   lines are no measures and no parts of the measure above, whether its list stops short of the number the measures
   resume at, reaches it (the 黑龙江 .pdf: a box 1.–3. between 3. and 4.) or runs past it (a box 1.–4. between 2. and
   3.), and whether the measure above ends in parts of its own ((1)(2)) or in its text.
2. An item whose line is its heading alone ("（一）加强…" / "1.优化…") and whose body is ONE paragraph of sub-points
   run together (①…；②…；③…（X牵头，Y配合）, or (1)…；(2)…, 1.…；2.…): the item is the measure, the points its text.
"""

from __future__ import annotations

import pytest

from engine.parse import enumerations
from engine.parse.boxes import _open_styles
from engine.parse.numbering import fold, marker_at_start
from engine.pipeline import load_plan

_HEAD = ["某市人民政府办公室关于印发某市河湖治理行动方案的通知", "各县（区）人民政府，市政府各部门：",
         "　　现将《某市河湖治理行动方案》印发给你们，请认真贯彻执行。", "", "某市河湖治理行动方案",
         "　　为改善河湖生态环境，制定本方案。", "　　一、工作目标", "　　到2027年，河湖水质达标率达到95%。", "　　二、重点任务"]
_TAIL = ["　　三、保障措施", "　　（一）加强组织领导。市政府统筹推进各项工作。", "　　（二）强化资金保障。市财政统筹安排资金。"]
_TASKS = ["开展河道清淤", "推进截污纳管", "建设生态缓冲带", "强化水质监测", "严格岸线管控", "推进水系连通"]


def _boxed(tmp_path, after: int, lines: int, *, parts: bool) -> str:
    out = list(_HEAD)
    for i, task in enumerate(_TASKS, 1):
        if parts:
            out += [f"　　{i}.{task}。", f"　　（1）每年完成{task}任务不少于{i}0处。",
                    f"　　（2）建立{task}长效机制。（市水利局牵头，市财政局配合）"]
        else:
            out.append(f"　　{i}.{task}。每年完成任务不少于{i}0处。（市水利局牵头，市财政局配合）")
        if i == after:
            out.append("　　专栏　河湖治理重点工程")
            out += [f"　　{k}.第{k}号重点工程。建设湿地{k}处。（责任单位：市生态环境局）" for k in range(1, lines + 1)]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(out + _TAIL) + "\n", "utf-8")
    return str(path)


@pytest.mark.parametrize("parts", [True, False], ids=["parts", "flat"])
@pytest.mark.parametrize("after", [2, 3, 5])
@pytest.mark.parametrize("lines", [2, 3, 4, 6])
def test_a_box_between_measures_keeps_its_lines_to_itself(tmp_path, parts, after, lines):
    plan = load_plan(_boxed(tmp_path, after, lines, parts=parts))
    assert [m.ref for m in plan.measures] == ["1", "2", "3", "4", "5", "6"]
    assert all(m.lead_units == ["市水利局"] and "重点工程" not in m.text for m in plan.measures)


def test_the_numberings_open_where_a_box_stands():
    # 一、 goals 1. 2., 二、 measures 1. with parts (1)(2): the measures' 1. is open under 二、, and so is (1)
    assert _open_styles(["cn", "d", "d", "cn", "d", "p", "p"]) == {"cn", "d", "p"}
    # 一、 goals 1. 2., then 二、: the goals' list is closed
    assert _open_styles(["cn", "d", "d", "cn"]) == {"cn"}
    # a part (1) under 1., then 2.: the parts' numbering is closed, the measures' open
    assert _open_styles(["cn", "d", "p", "d"]) == {"cn", "d"}


@pytest.mark.parametrize(
    ("text", "more"),
    [
        ("①支持企业扩能；②引导签订合同；③推进改造。（县工信局牵头）", 2),
        ("❶引导连片种植；❷推广共作模式。", 1),
        ("（1）推行绿色防控；（2）实施低产改造；（3）推广机械作业。", 2),
        ("1.推行绿色防控；2.实施低产改造。（县农业农村局负责）", 1),
        ("①支持企业扩能；③推进改造。", 0),  # no ②: no run
        ("①支持企业扩能，②引导签订合同。", 0),  # ② after a comma: no point's boundary
        ("①按照第②项要求推进。", 0),
        ("①支持企业扩能；❷引导签订合同。", 0),  # another class of circled marks
        ("（1）推行绿色防控，落实第（2）项要求。", 0),
        ("1.新增面积2.5万亩；3.实施改造。", 0),  # 2.5 is a figure
    ],
)
def test_the_points_a_part_runs_on_into(text, more):
    text = fold(text)
    assert enumerations.continued(text, marker_at_start(text)) == more


_HEADED = """某县人民政府办公室关于印发某县茶产业提升方案的通知
各乡镇人民政府，县直各部门：
　　现将《某县茶产业提升方案》印发给你们，请认真贯彻执行。

某县茶产业提升方案
　　一、工作目标
　　到2027年，全县茶园面积达到20万亩。
　　二、主要措施
　　（一）提升茶园管理。
　　{a}推行绿色防控；{b}实施低产茶园改造；{c}推广机械作业。（县农业农村局牵头，县林业局配合）
　　（二）壮大加工主体。
　　{a}支持企业改造生产线；{b}培育精深加工企业。（县工业和信息化局牵头，县农业农村局配合）
　　（三）拓展销售渠道。
　　{a}布局专卖店；{b}发展电商直播。（县商务局负责）
　　三、保障措施
　　（一）加强组织领导。县领导小组统筹推进。
　　（二）加大资金投入。县财政每年安排专项资金。
"""


@pytest.mark.parametrize("marks", ["①②③", "❶❷❸", ["（1）", "（2）", "（3）"], ["1.", "2.", "3."]], ids=str)
def test_a_heading_line_whose_body_runs_its_points_together_is_the_measure(tmp_path, marks):
    path = tmp_path / "plan.txt"
    path.write_text(_HEADED.format(a=marks[0], b=marks[1], c=marks[2]), "utf-8")
    plan = load_plan(str(path))
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)"]
    assert [m.lead_units for m in plan.measures] == [["县农业农村局"], ["县工业和信息化局"], ["县商务局"]]
    assert "电商直播" in plan.measures[2].text
