"""Four classes the last session left out (fixtures/open39/README.md):

1. the division of labour OPENING a measure's text without 由 — "X牵头，Y、Z配合，做好…" as the first sentence (or the
   one after its title), more sentences after it; ordinary prose ("各地牵头组织…", "以X为牵头单位…") is none
   (rulesets/data/prose_roles.yaml `opening`);
2. closing items numbered 一、 / （一） (not 第X条) whose text opens as a closing article's does — "六、本方案自印发之日起施行，
   由县发展改革局负责解释。", "五、本方案由X负责解释。": no measures, the last measure ends before them
   (rulesets/data/articles.yaml, as struct37 reads 第X条 articles);
3. a field inside a responsibility value that is no role — "牵头单位：X；技术支持：Y", "…；完成时限：2027年底",
   "…；资金来源：…；备注：…", "…；工作要求：…" — ends the unit list; its value is no unit;
4. a prose clause whose support part names no body: the public (广大群众, 社会力量) is read as naming no support, the
   bodies beside it are read, and names that are neither leave the whole sentence unread — never the lead kept and the
   support dropped without a word.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract.responsibility import find_responsibility
from engine.pipeline import load_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "open39"


def _read(name: str) -> list[tuple[str, list[str], list[str]]]:
    plan = load_plan(str(FIXTURES / name))
    return [(m.label, m.lead_units, m.support_units) for m in plan.measures]


def _roles(text: str) -> tuple[list[str], list[str], str] | None:
    found = find_responsibility(text, prose=True)
    if found is None:
        return None
    r = found.responsibility
    return [u.name for u in r.lead], [u.name for u in r.support], text[found.start : found.end]


# ---- 1. the opening clause ---------------------------------------------------------------------------------------


def test_a_county_plan_whose_measures_open_with_their_division_of_labour():
    # each measure: a title sentence, then "X牵头，Y、Z配合，做好/抓好/落实…", then more sentences; （四） is prose
    # ("各地牵头组织…", "以村民小组为牵头单位…"): no unit; 四、本方案自印发之日起施行… closes the plan
    assert _read("anxi-county-tea-garden-opening.txt") == [
        ("(一)", ["县农业农村局"], ["县林业局", "县自然资源局"]),
        ("(二)", ["县茶业发展中心"], ["县农业农村局"]),
        ("(三)", ["县水利局"], ["县林业局", "各乡镇人民政府"]),
        ("(四)", [], []),
        ("(五)", ["县财政局"], ["县农业农村局", "县茶业发展中心"]),
    ]


def test_the_opening_clause_is_cut_from_the_task_and_the_task_stays():
    plan = load_plan(str(FIXTURES / "anxi-county-tea-garden-opening.txt"))
    first = plan.measures[0]
    assert first.responsibility is not None
    assert first.responsibility.text == "县农业农村局牵头，县林业局、县自然资源局配合"
    assert "做好茶园" in first.text and "2027年再完成5万亩" in first.text


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        ("县农业农村局牵头，县卫生健康局、县住房城乡建设局配合，做好农村户厕改造。到2026年底完成改造3000户。",
         ["县农业农村局"], ["县卫生健康局", "县住房城乡建设局"]),
        ("推进农村厕所革命。县农业农村局牵头，县卫生健康局配合，抓好户厕改造。每年开展一次评估。",
         ["县农业农村局"], ["县卫生健康局"]),
        ("推进农村厕所革命。\n县农业农村局牵头，县卫生健康局积极配合，抓好户厕改造。每年开展一次评估。",
         ["县农业农村局"], ["县卫生健康局"]),
        ("市公安局负责，市消防救援支队、各区人民政府配合，做好住宅小区充电设施排查。每季度通报一次。",
         ["市公安局"], ["市消防救援支队", "各区人民政府"]),
        # the lead part alone before the task: a 交办单's item, a county plan's (open39 read it as no clause; the lead
        # part is a unit list and a lead verb and nothing more, as above, so it names who leads)
        ("统筹推进。县农业农村局牵头，做好资金保障。每季度开展一次。", ["县农业农村局"], []),
        ("市农业农村局负责，牵头制定茶园提质改造实施细则，2027年3月底前完成500亩示范茶园改造。", ["市农业农村局"], []),
        ("潮安区人民政府负责，统筹推进凤凰镇茶旅融合示范点建设。", ["潮安区人民政府"], []),
    ],
)  # fmt: skip
def test_the_division_of_labour_opening_a_measure(text, lead, support):
    got = _roles(text)
    assert got is not None and got[:2] == (lead, support)


@pytest.mark.parametrize(
    "text",
    [
        "开展清洁行动。各地牵头，有关部门配合，做好宣传发动。每季度开展一次。",  # every place: no body
        "开展清洁行动。各地牵头组织开展村庄清洁行动，县农业农村局配合做好指导。每季度开展一次。",  # the verb goes on
        "开展评比。以村民小组为牵头单位，县农业农村局配合，做好评比。每季度开展一次。",  # 以…为牵头
        "健全机制。建立县农业农村局牵头，县财政局配合，各乡镇落实的工作机制。每年召开一次联席会议。",  # a mechanism
        "各有关部门牵头，县财政局配合，做好资金保障。每季度开展一次。",  # a generic lead
        "县农业农村局牵头建立联席会议制度，县财政局配合，做好资金保障。每季度开展一次。",  # 牵头 with its task
        "强化宣传。近年来，县农业农村局牵头，县财政局配合，做好了大量工作。今年要再接再厉。",  # not the opening
    ],
)
def test_prose_that_speaks_of_a_lead_opens_no_clause(text):
    assert _roles(text) is None


# ---- 2. closing items numbered 一、 ------------------------------------------------------------------------------


def test_closing_items_of_a_flat_town_plan_are_no_measures():
    # 一、…四、 the measures (each opening with its division of labour); 五、本方案由X负责解释 and 六、本方案自印发之日起施行，
    # 有效期至… close it: before, both were measures without units (and 五's unit could have been read as a lead)
    assert _read("liujiang-town-old-street-fire-flat.txt") == [
        ("一", ["镇应急管理办公室"], ["镇综合行政执法办公室", "柳江派出所"]),
        ("二", ["镇综合行政执法办公室"], ["各村(社区)"]),
        ("三", ["镇社会事务服务中心"], ["镇应急管理办公室"]),
        ("四", ["柳江派出所"], ["镇应急管理办公室", "各村(社区)"]),
    ]


def test_closing_items_under_a_section_of_their_own_are_no_measures():
    # 四、有关事项 over （一）本实施方案由…负责解释 （二）本实施方案自印发之日起施行: the section's title says nothing, the
    # wording of its items does
    assert [label for label, _, _ in _read("baise-city-mango-fields.txt")] == ["(一)", "(二)", "(三)", "(四)", "(五)"]


def test_an_item_in_the_middle_that_speaks_of_the_plan_stays_a_measure(tmp_path):
    # only the run of closing items that ends the plan frames it; 二、 opens with 本方案 but is a task
    path = tmp_path / "plan.txt"
    path.write_text(
        "\n".join([
            "某县2026年村庄清洁行动方案",
            "一、县农业农村局牵头，县住房城乡建设局配合，做好村庄清洁。每月一次。",
            "二、本方案由各乡镇负责解释到村、宣传到户，县农业农村局牵头，县财政局配合，做好督导。每季度一次。",
            "三、县财政局牵头，县农业农村局配合，落实清洁经费。每年一次。",
            "四、本方案自印发之日起施行。",
        ]),
        encoding="utf-8",
    )  # fmt: skip
    assert [m.label for m in load_plan(str(path)).measures] == ["一", "二", "三"]


# ---- 3. a field that is no role ends the unit list ---------------------------------------------------------------


def test_fields_beside_the_units_name_no_unit():
    assert _read("baise-city-mango-fields.txt") == [
        ("(一)", ["市农业农村局"], ["市财政局", "各县(市、区)人民政府"]),  # 完成时限：2028年底
        ("(二)", ["市水果生产技术指导站"], []),  # 技术支持：广西大学、百色学院
        ("(三)", ["市商务局"], ["市农业农村局", "市供销社"]),  # 资金来源：…；备注：…
        ("(四)", ["市市场监管局"], ["市农业农村局"]),  # 联系人：…，联系电话：…
        ("(五)", ["市商务局"], ["市农业农村局", "市文化广电体育和旅游局"]),  # 完成时限：…；工作要求：… (in no list)
    ]


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        ("做好。（牵头单位：县农业农村局；技术支撑：省农业科学院；配合单位：县财政局）", ["县农业农村局"], ["县财政局"]),
        ("做好。（牵头单位：县农业农村局；督导要求：每月调度一次）", ["县农业农村局"], []),
        ("做好。（牵头单位：县农业农村局；配合单位：县财政局；预算金额：50万元）", ["县农业农村局"], ["县财政局"]),
        ("做好。（责任单位：县农业农村局；协办单位：县财政局）", ["县农业农村局"], ["县财政局"]),  # role labels read
    ],
)
def test_any_short_label_after_a_semicolon_that_is_no_role_opens_a_field(text, lead, support):
    got = _roles(text)
    assert got is not None and got[:2] == (lead, support)


# ---- 4. a support part naming no body ----------------------------------------------------------------------------


def test_a_province_plan_whose_closing_sentences_name_the_public_or_no_body():
    # （二）"由X牵头，广大群众积极参与。": the lead, no support; （三）"此项工作由X负责，Y、社会力量广泛参与。": Y supports;
    # （四）"由X牵头，社会体育指导员协助。": neither a body nor the public: unread (lead-unit-required reports it) — before,
    # （二）（三）（四） all kept the lead alone and dropped the support part without a word
    assert _read("zhejiang-province-fitness-closing.docx") == [
        ("(一)", ["省体育局"], ["省发展改革委", "省自然资源厅"]),
        ("(二)", ["省体育局"], []),
        ("(三)", ["省教育厅"], ["省体育局"]),
        ("(四)", [], []),
        ("(五)", ["省自然资源厅"], ["省住房城乡建设厅", "省体育局"]),
    ]


def test_a_support_part_of_the_public_is_read_whole():
    got = _roles("做好户厕改造。由县农业农村局牵头，广大群众积极参与。")
    assert got == (["县农业农村局"], [], "由县农业农村局牵头，广大群众积极参与")


@pytest.mark.parametrize(
    "text",
    [
        "做好户厕改造。此项工作由县农业农村局负责，张三、李四协助。",  # people
        "做好户厕改造。由县农业农村局牵头，行业专家配合。",
        "由县农业农村局牵头，行业专家配合，做好户厕改造。每年评估一次。",  # running text (由…): the same
    ],
)
def test_a_support_part_naming_no_body_leaves_the_sentence_unread(text):
    assert _roles(text) is None


def test_a_verb_after_the_lead_is_the_task_not_a_support_part():
    # "支持企业参加…" opens with a verb: the task goes on, the lead stands (tests/extract/test_clause_verbs.py)
    assert _roles("组织参展。由市商务局牵头，支持企业参加展会。")[:2] == (["市商务局"], [])


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        ("做好户厕改造。（县农业农村局牵头，广大群众配合）", ["县农业农村局"], []),
        ("做好户厕改造。（县农业农村局牵头，社会各界、县妇联积极参与）", ["县农业农村局"], ["县妇联"]),
        ("做好户厕改造。（责任单位：县农业农村局牵头，志愿者配合）", ["县农业农村局"], []),
    ],
)
def test_the_public_in_a_bracketed_clause_is_no_support_unit(text, lead, support):
    # the bracket form of the sentences above: 广大群众 takes part, it is not a 配合单位 (prose_roles.yaml `participants`)
    assert _roles(text)[:2] == (lead, support)
