"""Plans whose tasks or their units live in annexes (fixtures/annex96/, see its README).

1. A task table restating the body's tasks is read as far as its own attachment goes: a 名单/名录 numbered after it
   (附件2) no longer outvotes its rows, so the body's tasks stay the measures and take the rows' units.
2. A two-row header pasted from Excel as tabs ("序号⇥重点任务⇥责任单位⇥⇥完成时限" over "⇥⇥牵头单位⇥配合单位⇥") is one
   header: its second line is no row.
3. 关于印发X及Y的通知 (the plan and its 责任清单) is titled X where the notice names X alone (rulesets/data/titles.yaml
   `companion_joins`).
4. "上述任务的…详见重点任务责任清单。" after the last task is a note on the list (closing.yaml `item_notes`).
5. Attachments that are sub-plans (一、目标 二、任务 1.…（X牵头） 三、安排) hold the plan's tasks; the main body naming
   the actions ("具体任务见附件1") frames them (engine/parse/subplans.py).
The hand-counted golds of fixtures/annex96 are read by tests/parse/test_fix_golds.py.
"""

from __future__ import annotations

from engine.ingest import from_text
from engine.parse import closing, parse_plan, subplans
from engine.parse.frontmatter import read_front


def plan(text: str):
    return parse_plan(from_text(text, path="draft.txt"))


BODY = """某某县茶产业提升行动方案

　　为推动茶产业提质增效，制定本方案。
　　一、工作目标
　　到2028年，全县茶园面积稳定在10万亩。
　　二、重点任务
　　各项任务的牵头单位和配合单位见附件1。
　　（一）建设生态茶园。推广茶园绿色防控技术，每年建设生态茶园1万亩。
　　（二）提升茶叶加工水平。支持茶企购置清洁化加工设备，培育加工龙头企业5家。
　　（三）打造区域公用品牌。每年举办茶文化节，组织茶企参加国内外展会不少于5场。
　　三、保障措施
　　（一）加强组织领导。成立县茶产业发展工作专班。

附件：1.某某县茶产业提升重点任务分工表
　　　2.某某县重点茶企名单

某某县人民政府办公室
2026年3月1日

附件1

某某县茶产业提升重点任务分工表

序号\t重点任务\t牵头单位\t配合单位\t完成时限
1\t建设生态茶园\t县农业农村局\t县财政局\t2028年底前
2\t提升茶叶加工水平\t县工业和信息化局\t县农业农村局\t2027年底前
3\t打造区域公用品牌\t县文化和旅游局\t县商务局\t持续推进

附件2

某某县重点茶企名单

{names}
"""
NAMES = "\n".join(f"{k}.某某县第{k}茶业有限公司" for k in range(1, 9))


def test_a_restating_table_keeps_the_body_tasks_though_a_longer_list_follows_it():
    got = plan(BODY.format(names=NAMES))
    assert [m.title for m in got.measures] == ["建设生态茶园", "提升茶叶加工水平", "打造区域公用品牌"]
    assert [m.lead_units for m in got.measures] == [
        ["县农业农村局"],
        ["县工业和信息化局"],
        ["县文化和旅游局"],
    ]
    assert got.measures[2].support_units == ["县商务局"]


def test_finer_rows_than_the_body_names_are_the_measures_though_a_list_follows_them():
    # the other side: the body names areas (bare titles), the table's rows are finer tasks of its own
    text = BODY.format(names=NAMES)
    text = text.replace("1\t建设生态茶园", "1\t每年新建生态茶园1万亩并推广绿色防控")
    text = text.replace("2\t提升茶叶加工水平", "2\t支持茶企购置清洁化加工设备")
    text = text.replace("3\t打造区域公用品牌", "3\t组织茶企参加国内外展会不少于5场")
    for k, title in enumerate(["建设生态茶园", "提升茶叶加工水平", "打造区域公用品牌"]):
        start = text.index(f"（{'一二三'[k]}）{title}。")
        end = text.index("\n", start)
        text = text[:start] + f"（{'一二三'[k]}）{title}。" + text[end:]
    text = text.replace("各项任务的牵头单位和配合单位见附件1。", "具体任务见附件1。")
    got = plan(text)
    assert [m.ref for m in got.measures] == ["1", "2", "3"]
    assert [m.lead_units for m in got.measures] == [
        ["县农业农村局"],
        ["县工业和信息化局"],
        ["县文化和旅游局"],
    ]


EXCEL = """某某县竹笋产业行动方案

　　一、工作目标
　　到2028年，全县竹笋产值突破20亿元。
　　二、重点任务
　　实施3项重点任务，详见附件。
　　三、保障措施
　　（一）加强组织领导。成立县竹笋产业发展工作专班。
　　（二）加强资金保障。统筹相关资金支持竹笋产业发展。

附件

某某县竹笋产业重点任务清单

序号\t重点任务\t责任单位\t\t完成时限
\t\t{lead}\t{support}\t
1\t建设高效笋用林基地5万亩\t县林业局\t县财政局\t2028年底前
2\t培育竹笋加工龙头企业3家\t县经济和信息化局、县林业局\t\t2027年底前
3\t建设竹笋产地冷链仓储设施\t县商务局\t县林业局、县供销社\t2026年底前
"""


def test_a_two_row_header_pasted_from_excel_is_no_row():
    for lead, support in (("牵头单位", "配合单位"), ("牵头部门", "配合部门")):
        got = plan(EXCEL.format(lead=lead, support=support))
        assert [m.ref for m in got.measures] == ["1", "2", "3"]
        assert got.measures[1].lead_units == ["县经济和信息化局", "县林业局"]
        assert got.measures[1].support_units == []
        assert got.measures[2].support_units == ["县林业局", "县供销社"]


def front(lines: list[str]):
    return read_front(list(enumerate(lines)))


def test_a_notice_issuing_the_plan_and_its_list_is_titled_by_the_plan():
    fm = front(
        [
            "某某市人民政府办公室",
            "关于印发某某市茶产业提升行动方案及",
            "重点任务责任清单的通知",
            "某政办〔2026〕3号",
            "各县（区）人民政府，市直各单位：",
            "《某某市茶产业提升行动方案》及重点任务责任清单已经市政府同意，现印发给你们。",
        ]
    )
    assert fm.title == "某某市茶产业提升行动方案"


def test_a_pair_not_named_alone_keeps_the_notice_title():
    # nothing names the first paper on its own: no title is guessed from the heading's words
    fm = front(
        [
            "某某市人民政府办公室关于印发某某市茶产业提升行动方案及重点任务责任清单的通知",
            "某政办〔2026〕3号",
            "各县（区）人民政府，市直各单位：",
            "现将有关文件印发给你们，请认真贯彻执行。",
        ]
    )
    assert fm.title != "某某市茶产业提升行动方案"


def test_a_note_pointing_at_the_named_list_closes_the_list():
    assert closing.notes_items("上述任务的牵头单位、配合单位和完成时限，详见重点任务责任清单。")
    assert closing.notes_items("以上各项任务的责任分工，见重点任务分工表。")
    # a task that builds a list is no note on the list
    assert not closing.notes_items("建立重点任务清单，详见分工表要求逐项落实到人。")


def test_a_sub_plan_holds_tasks_by_depth():
    parts_and_tasks = [("cn_dun", False), ("cn_dun", False), ("arabic_dot", True), ("arabic_dot", True),
                       ("arabic_dot", True), ("cn_dun", False)]  # fmt: skip
    assert subplans.holds_tasks(parts_and_tasks)
    assert not subplans.holds_tasks([("arabic_dot", False)] * 8)  # a list of names
    assert not subplans.holds_tasks([("cn_dun", False), ("arabic_dot", True), ("arabic_dot", False),
                                     ("arabic_dot", False)])  # fmt: skip
    assert not subplans.holds_tasks([])


SUBPLANS = """某某省茶旅融合行动方案

　　一、总体目标
　　到2028年，全省茶旅融合综合收入突破100亿元。
　　二、重点行动
　　（一）茶园景区化行动。以生态茶园景区建设为重点。具体任务见附件1。
　　（二）茶文化传播行动。以茶文化节会和研学为重点。具体任务见附件2。
　　三、保障措施
　　（一）加强统筹协调。省文化和旅游厅会同有关部门建立工作协调机制。

附件：1.某某省茶园景区化专项行动方案
　　　2.某某省茶文化传播专项行动方案

附件1

某某省茶园景区化专项行动方案

　　一、行动目标
　　到2028年，建成茶园景区30个。
　　二、主要任务
　　1.建设生态茶园景区。每年认定省级茶园景区10个。（省文化和旅游厅牵头，省农业农村厅配合）
　　2.完善茶园旅游设施。建设茶园游步道和观景台，2027年底前实现重点茶园全覆盖。（省住房城乡建设厅负责）
　　三、时间安排
　　2026年启动，2028年完成。

附件2

某某省茶文化传播专项行动方案

　　一、行动目标
　　到2028年，打造茶文化节会品牌5个。
　　二、主要任务
　　1.办好茶文化节会。每年举办省级茶文化节1次。（省文化和旅游厅牵头，省商务厅配合）
　　2.开展茶文化研学。建设茶文化研学基地20个。（省教育厅牵头，省文化和旅游厅配合）
　　3.推进茶文化进校园。编写茶文化地方课程读本。（省教育厅负责）
　　三、时间安排
　　2026年启动，2028年完成。
"""


def test_sub_plan_attachments_hold_the_measures_in_document_order():
    got = plan(SUBPLANS)
    titles = [m.title for m in got.measures]
    assert titles == [
        "建设生态茶园景区",
        "完善茶园旅游设施",
        "办好茶文化节会",
        "开展茶文化研学",
        "推进茶文化进校园",
    ]
    assert got.title == "某某省茶旅融合行动方案"
    assert got.measures[1].lead_units == ["省住房城乡建设厅"]


def test_sub_plan_tasks_naming_no_units_leave_the_body_its_measures():
    # a plan whose attachment is a plan of its own with tasks naming no unit: nothing there holds the tasks
    text = SUBPLANS
    for clause in ("（省文化和旅游厅牵头，省农业农村厅配合）", "（省住房城乡建设厅负责）", "（省文化和旅游厅牵头，省商务厅配合）",
                   "（省教育厅牵头，省文化和旅游厅配合）", "（省教育厅负责）"):  # fmt: skip
        text = text.replace(clause, "")
    got = plan(text)
    assert "茶园景区化行动" in [m.title for m in got.measures]


def test_an_undated_plan_keeps_its_body_tasks_beside_a_restating_table():
    # a plan issued alone (or a draft): no signature or date above the annex, the table restates the tasks all the same
    undated = BODY.replace("某某县人民政府办公室\n2026年3月1日\n", "")
    for text in (undated.format(names=NAMES), undated.split("附件2")[0].format(names="")):
        got = plan(text)
        assert [m.title for m in got.measures] == ["建设生态茶园", "提升茶叶加工水平", "打造区域公用品牌"]
        assert got.measures[0].support_units == ["县财政局"]


POINTED = """某某县渔业资源保护行动方案

　　一、工作目标
　　到2028年，全县主要河流渔业资源明显恢复。
　　二、重点任务
　　（一）开展增殖放流。每年放流鱼苗不少于500万尾。
　　（二）加强禁渔执法。严厉打击电鱼、毒鱼等非法捕捞行为。
　　（三）修复水生生物栖息地。三年修复河道生态岸线20公里。
　　三、保障措施
　　（一）加强组织领导。成立县渔业资源保护工作专班。

附件1

重点任务责任清单

1．增殖放流（对应第二部分第（一）项）
牵头单位：县农业农村局
配合单位：县财政局
2．禁渔执法（对应第二部分第（二）项）
牵头单位：县农业农村局
配合单位：县公安局
3．栖息地修复（对应第二部分第（三）项）
牵头单位：县水利局
配合单位：县自然资源局

附件2

县渔业资源保护工作专班联络员名单

{names}
"""


def test_entries_pointing_back_are_judged_on_their_own_attachment():
    names = "\n".join(f"{k}.县第{k}单位　联络员{k}" for k in range(1, 9))
    got = plan(POINTED.format(names=names))
    assert [m.title for m in got.measures] == ["开展增殖放流", "加强禁渔执法", "修复水生生物栖息地"]
    assert [m.lead_units for m in got.measures] == [["县农业农村局"], ["县农业农村局"], ["县水利局"]]
    assert got.measures[1].support_units == ["县公安局"]
