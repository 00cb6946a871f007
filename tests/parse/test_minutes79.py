"""Documents whose tasks are no numbered plan: a 会议纪要's 议定事项 and a 督查 office's 交办单 / 督办函 (fixtures/minutes79,
see its README; the whole documents are read against their golds by tests/parse/test_fix_golds.py).

- the title is the document's own subject heading (关于…的会议纪要 / 督查交办单 / 督办函), not the masthead's kind name
  (专题会议纪要, 督查事项交办单) nor the 督查室's name above it (rulesets/data/minutes.yaml `title_endings`);
- a point that opens with its units as a request ("一是，请X牵头，Y配合，<task>；", "请X负责，…", "请X、Y按职责分工，…")
  has its own clause (rulesets/data/prose_roles.yaml `opening.requested`, inline_enumerations.yaml);
- a 督办 item's unit line "承办单位：X　　协办单位：Y　　办结时限：…" is the item's, no site's sponsor line, and its
  deadline field no unit (roles.yaml `due_part.labels`);
- an unnumbered 办理要求 heading after the items, and the meeting's "会议强调，<why>，各部门要…", close the list.
"""

from __future__ import annotations

from engine import extract
from engine.ingest import from_text, furniture
from engine.ingest.normalise import same_length_light
from engine.parse import closing, parse_plan


def _plan(text: str):
    return parse_plan(from_text(text))


def _units(text: str) -> tuple[list[str], list[str]] | None:
    found = extract.opening_clause(text)
    r = found.responsibility if found else None
    return ([u.name for u in r.lead], [u.name for u in r.support]) if r else None


def test_a_request_opening_the_text_names_its_units() -> None:
    assert _units("请州发展改革委牵头，州财政局、州商务局配合，编制冷链物流专项规划；") == (
        ["州发展改革委"],
        ["州财政局", "州商务局"],
    )
    assert _units("请市民政局负责，统筹养老服务补贴资金，年底前完成发放。") == (["市民政局"], [])
    assert _units("请县教育局、县卫生健康局按照职责分工，做好学生近视防控工作。") == (["县教育局", "县卫生健康局"], [])
    # asked, the units may make a sentence of their own before the task
    assert _units("请市民政局牵头，市财政局配合。统筹养老服务补贴资金。") == (["市民政局"], ["市财政局"])
    # no request word: the lead part alone, a comma straight after its verb, names the lead all the same (a 交办单's
    # "X负责，<task>"; tests/parse/test_open39.py)
    assert _units("市民政局负责，统筹养老服务补贴资金。") == (["市民政局"], [])
    # the verb goes on with its task (no comma after it), or the lead is no body: no clause
    assert _units("请市民政局牵头制定实施细则，年底前出台。") is None
    assert _units("请各有关部门负责，抓好落实。") is None


def test_inline_points_whose_units_come_first_are_the_measures() -> None:
    plan = _plan(
        "某市人民政府专题会议纪要\n"
        "　　会议议定：一是，请市农业农村局牵头，市财政局配合，制定茶叶品牌三年行动计划；二是，请市商务局负责，"
        "组织企业参加茶叶博览会；三是，请市市场监督管理局、市林业局按职责分工，开展茶园农药残留抽检。\n"
        "　　会议要求，各有关单位要按照会议议定事项抓好落实。\n"
        "　　出席：某某某　某某某\n"
    )
    assert [(m.label, m.lead_units, m.support_units) for m in plan.measures] == [
        ("一是", ["市农业农村局"], ["市财政局"]),
        ("二是", ["市商务局"], []),
        ("三是", ["市市场监督管理局", "市林业局"], []),
    ]
    assert plan.measures[0].text.startswith("请市农业农村局牵头")


def test_points_with_no_clause_of_their_own_stay_one_measure() -> None:
    plan = _plan(
        "某县农村供水保障实施方案\n"
        "一、重点任务\n"
        "（一）加强水源保护。一是，划定水源保护区；二是，开展水质监测。（县水利局负责）\n"
        "（二）完善管网。推进管网延伸。（县住房和城乡建设局负责）\n"
    )
    assert [m.label for m in plan.measures] == ["(一)", "(二)"]


def test_the_subject_heading_under_a_masthead_is_the_title() -> None:
    minutes = _plan(
        "某某县人民政府\n专 题 会 议 纪 要\n\n第3期\n\n关于加快推进电商产业园建设的会议纪要\n\n"
        "　　会议议定如下：\n　　一、关于园区招商。会议同意…。由县商务局负责。\n　　二、关于园区配套。会议明确…。由县住房和城乡建设局负责。\n"
    )
    assert minutes.title == "关于加快推进电商产业园建设的会议纪要"
    # a 纪要 with no subject heading keeps its masthead's name, as fixtures/fix40b reads it
    bare = _plan(
        "某某镇党政联席会议纪要\n\n　　会议议定如下：\n　　一、关于秋粮收购。会议同意…。由镇农业服务中心负责。\n"
        "　　二、关于秸秆禁烧。会议要求…。由镇综合行政执法队负责。\n"
    )
    assert bare.title == "某某镇党政联席会议纪要"
    # the 督查室's name right above the form's heading is the masthead, no part of the title
    form = _plan(
        "某某市人民政府督查室\n关于推进老旧小区加装电梯工作的督查交办单\n\n各县（区）人民政府：\n"
        "　　1.完成加装电梯摸底。对全市老旧小区逐栋摸底。\n　　主办单位：市住房和城乡建设局　　办结时限：2026年8月31日\n"
        "　　2.简化审批流程。实行联合审查。\n　　主办单位：市行政审批局　　办结时限：2026年9月30日\n"
        "\n某某市人民政府督查室\n2026年6月1日\n"
    )
    assert form.title == "关于推进老旧小区加装电梯工作的督查交办单"
    # a notice's issuer on the line above its heading stays the title's first words
    notice = _plan(
        "某某市人民政府办公室\n关于做好防汛工作的通知\n\n各区人民政府：\n"
        "　　一、加强巡查。（市水务局负责）\n　　二、做好转移。（市应急管理局负责）\n"
    )
    assert notice.title == "某某市人民政府办公室关于做好防汛工作的通知"


def test_a_task_s_sponsor_line_is_kept_and_a_site_s_is_cut() -> None:
    def cut(line: str) -> list[tuple[int, int]]:
        return furniture.inline_spans(same_length_light(line))

    assert cut("承办单位：区城市管理局　　协办单位：区财政局、各街道办事处　　办结时限：2026年9月30日") == []
    assert cut("主办单位：市卫生健康委员会　　办结时限：持续推进") == []
    # a site's footer: its sponsor, then more furniture (承办, 网站标识码; 地址 and 联系电话 of the footer)
    assert cut("主办：某某市人民政府办公室　承办：某某市大数据中心　网站标识码：1234000001") != []
    assert cut("主办单位：某某市人民政府办公室 地址：某某路1号 联系电话：0571-1234567") != []


def test_the_deadline_field_of_a_unit_line_is_no_unit() -> None:
    found = extract.find_responsibility(
        "对辖区农贸市场开展改造。\n承办单位：区商务局、区城市管理局协办单位：各街道办事处办结时限：2026年10月31日"
    )
    assert found is not None
    r = found.responsibility
    assert [u.name for u in r.lead] == ["区商务局", "区城市管理局"]
    assert [u.name for u in r.support] == ["各街道办事处"]


def test_an_unnumbered_requirements_heading_closes_the_items() -> None:
    plan = _plan(
        "关于规范城区户外广告设置的督查交办单\n\n"
        "1.拆除违规户外广告。对主干道两侧违规广告全面拆除。（市城市管理局负责）\n"
        "2.制定设置规划。编制户外广告设置专项规划。（市自然资源和规划局负责）\n"
        "办理要求\n"
        "1.各责任单位要明确专人负责。\n"
        "2.请于每月20日前报送进展情况。\n"
    )
    assert [m.label for m in plan.measures] == ["1", "2"]
    assert plan.closing.startswith("办理要求")
    assert closing.requirements_head("办理要求") and closing.requirements_head("工作要求：")
    assert not closing.requirements_head("办理要求如下，请各单位认真落实。")


def test_the_meeting_s_closing_request_after_its_reason() -> None:
    # 会议强调，<why>，各…要…: the meeting says why, then asks all the implementers: the minutes' closing
    assert closing.is_address("会议强调，秋粮收购事关农民增收，各村（社区）、镇直各部门要主动作为，确保颗粒归仓。")
    # spoken inside an item, to one named unit or to no one: the item's text
    assert not closing.is_address("会议强调，收购资金要及时到位，县财政局要在9月底前拨付。")
    assert not closing.is_address("秋粮收购事关农民增收，各村要主动作为。")
