"""How units are named and labelled in responsibility clauses (fixtures/units83/README.md; shown by blind82, blind83):

1. a request word opening a part of a clause, "（X牵头，Y配合，请A、B支持）" / "（请X牵头，Y配合）": 请 asks bodies outside the
   issuer's command and is no part of their names (prose_roles.yaml `requests`, engine/extract/responsibility.py);
2. the labels 共建单位 and 监管部门 / 监管单位 / 监管责任单位 beside 责任科室, 责任主体, 主体责任单位: support
   (rulesets/data/roles.yaml stems.support, qualifiers);
3. a unit named by its head's post (市民政局局长, 团市委书记, 各县（市、区）政府县（市、区）长) is that unit; a deputy or the official
   in charge (省政府分管副秘书长, 常务副市长), a member (县委常委) is a person, no unit, also as a clause's first part
   (rulesets/data/posts.yaml, engine/extract/posts.py);
4. a task table whose unit column is merged over sub-columns naming KINDS of body (配合单位 over 市级部门 | 驻市单位及企业)
   reads each sub-column as that column, in a grid (.docx, .html, a PDF's ruled table) and in text (engine/ingest/tables.py
   `kind_columns`, `_kinds_of_units`, `_spread_sub_line`); a responsibility matrix under a merged 责任单位 stays one.
The golds of the fixtures are read by tests/parse/test_fix_golds.py.
"""

from __future__ import annotations

import pytest

from engine.extract.posts import unit_of
from engine.extract.responsibility import find_responsibility, parse_clause_content, reads_as_unit
from engine.ingest.tables import TableRow, text_table_lines


def _roles(content: str) -> tuple[list[str], list[str]] | None:
    got = parse_clause_content(content)
    return (list(got[0]), list(got[1])) if got else None


# ---- 1. 请 opening a part ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "lead", "support"),
    [
        ("省林业局牵头，省应急管理厅配合，请省军区、武警福建省总队支持", ["省林业局"], ["省应急管理厅", "省军区", "武警福建省总队"]),
        ("省气象局牵头，请民航福建监管局予以支持", ["省气象局"], ["民航福建监管局"]),
        ("市民政局牵头，请市中级人民法院、市人民检察院协助", ["市民政局"], ["市中级人民法院", "市人民检察院"]),
        ("市民政局负责，请市税务局配合", ["市民政局"], ["市税务局"]),
        ("请省消防救援总队牵头，省林业局配合", ["省消防救援总队"], ["省林业局"]),
        ("省通信管理局牵头，省工业和信息化厅配合，请中国电信股份有限公司福建分公司大力支持", ["省通信管理局"],
         ["省工业和信息化厅", "中国电信股份有限公司福建分公司"]),
    ],
)
def test_a_request_word_is_no_part_of_a_name(content, lead, support):
    assert _roles(content) == (lead, support)


def test_a_request_sentence_in_running_text_is_still_none():
    assert find_responsibility("请各县（市、区）人民政府于6月底前报送工作进展。") is None


# ---- 2. 共建单位, 监管部门 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "lead", "support"),
    [
        ("责任科室：街道党建办　　共建单位：中国地质大学（武汉）、武汉理工大学", ["街道党建办"], ["中国地质大学（武汉）", "武汉理工大学"]),
        ("牵头科室：街道社区建设办；共建单位：湖北省妇幼保健院、各社区", ["街道社区建设办"], ["湖北省妇幼保健院", "各社区"]),
        ("责任主体：各镇（街道）人民政府；监管部门：县住房城乡建设局、县应急管理局", ["各镇（街道）人民政府"],
         ["县住房城乡建设局", "县应急管理局"]),
        ("责任主体：县教育局　　监管部门：县住房城乡建设局", ["县教育局"], ["县住房城乡建设局"]),
        ("主体责任单位：湄潭县燃气有限责任公司；监管责任单位：县住房城乡建设局", ["湄潭县燃气有限责任公司"], ["县住房城乡建设局"]),
        ("责任主体：湄潭县人民医院；监管单位：县卫生健康局", ["湄潭县人民医院"], ["县卫生健康局"]),
        # the other pairs offices use, read already: kept so
        ("主责单位：市民政局；协同单位：市财政局", ["市民政局"], ["市财政局"]),
        ("责任处室：综合处；协办处室：规划处、财务处", ["综合处"], ["规划处", "财务处"]),
        ("牵头单位：市商务局；参与单位：市财政局", ["市商务局"], ["市财政局"]),
        ("牵头单位：市商务局　支持单位：市财政局、市税务局", ["市商务局"], ["市财政局", "市税务局"]),
    ],
)
def test_the_support_labels_of_co_building_and_supervision(content, lead, support):
    assert _roles(content) == (lead, support)


@pytest.mark.parametrize(
    "text",
    [
        "街道每季度召开一次共建单位联席会议，研究解决共建中的问题。",
        "行业监管部门：要依法履行监管责任。",
        "（一）加强监管。各行业监管部门要落实监管责任。",
    ],
)
def test_the_words_in_prose_are_no_labels(text):
    assert find_responsibility(text) is None


# ---- 3. posts ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("市民政局局长", "市民政局"),
        ("市民政局局长（牵头）", "市民政局（牵头）"),
        ("团市委书记", "团市委"),
        ("市妇联主席", "市妇联"),
        ("市残联理事长", "市残联"),
        ("市卫生健康委主任", "市卫生健康委"),
        ("县委组织部部长", "县委组织部"),
        ("中国农业银行临泽县支行行长", "中国农业银行临泽县支行"),
        ("国网临泽县供电公司总经理", "国网临泽县供电公司"),
        ("县市场监管局主要负责同志", "县市场监管局"),
        ("各县(市、区)政府县(市、区)长", "各县(市、区)政府"),
        ("各乡镇乡镇长", "各乡镇"),
        # no post: as written
        ("市民政局", "市民政局"),
        ("市长江航道局", "市长江航道局"),
        ("县委书记处", "县委书记处"),
        ("河长", "河长"),
    ],
)
def test_a_unit_named_by_its_head(name, unit):
    assert unit_of(name, reads_as_unit) == unit


@pytest.mark.parametrize(
    "name", ["省政府分管副秘书长", "市政府常务副市长", "市民政局副局长", "分管领导", "市政府联系副秘书长", "县委常委", "局长", "副县长"]
)
def test_a_deputy_a_member_or_a_post_alone_is_a_person(name):
    assert unit_of(name, reads_as_unit) is None


@pytest.mark.parametrize(
    ("content", "lead", "support"),
    [
        ("责任单位：市民政局局长（牵头）、团市委书记、市妇联主席", ["市民政局"], ["团市委", "市妇联"]),
        ("责任单位：县农业农村局局长（牵头）、县自然资源局局长、各乡镇乡镇长", ["县农业农村局"], ["县自然资源局", "各乡镇"]),
        ("责任单位：县农业农村局主要负责同志", ["县农业农村局"], []),
        ("责任单位：省政府分管副秘书长，省地方志办公室牵头，省统计局配合", ["省地方志办公室"], ["省统计局"]),
        ("责任单位：市政府分管副秘书长，市自然资源和规划局、市住房和城乡建设局按职责分工负责",
         ["市自然资源和规划局", "市住房和城乡建设局"], []),
        ("市政府联系副秘书长，市文化旅游广电体育局牵头，市教育局配合", ["市文化旅游广电体育局"], ["市教育局"]),
        ("责任单位：市委常委、市政府常务副市长，市交通运输局牵头，市公安局配合", ["市交通运输局"], ["市公安局"]),
    ],
)
def test_posts_in_a_clause(content, lead, support):
    assert _roles(content) == (lead, support)


# ---- 4. a unit column merged over kinds of body --------------------------------------------------------------------


def _rows(lines: list[str]) -> list[str]:
    return [t.text for _, t in text_table_lines(list(enumerate(lines))) if isinstance(t, TableRow)]


def test_a_spreadsheet_copy_of_a_merged_support_column():
    rows = _rows([
        "序号\t重点任务\t牵头单位\t配合单位\t\t完成时限",
        "\t\t\t县直部门\t驻县单位及企业\t",
        "1\t加强保供。确保供应稳定。\t县发展和改革局\t县商务局、县财政局\t国网某县供电公司\t6月30日前",
        "2\t做好抢修。确保及时。\t县应急管理局\t县交通运输局\t—\t持续推进",
    ])  # fmt: skip
    assert len(rows) == 2
    assert "配合单位:县商务局、县财政局、国网某县供电公司" in rows[0]
    assert "配合单位:县交通运输局" in rows[1]


def test_a_word_copy_of_a_merged_support_column():
    rows = _rows([
        "序号\t重点任务\t牵头单位\t配合单位\t完成时限",
        "\t\t\t市级部门\t驻市单位及企业\t",
        "1\t加强保供。确保供应稳定。\t市发展改革委\t市商务局\t国网某市供电公司\t6月30日前",
    ])  # fmt: skip
    assert len(rows) == 1 and "配合单位:市商务局、国网某市供电公司" in rows[0]


def test_a_matrix_under_a_merged_unit_column_stays_a_matrix():
    rows = _rows([
        "序号\t重点任务\t责任单位\t\t\t完成时限",
        "\t\t省能源局\t省应急厅\t各市人民政府\t",
        "1\t加强电力保供。确保供应稳定。\t牵头\t配合\t配合\t6月30日前",
    ])  # fmt: skip
    assert len(rows) == 1
    assert "牵头单位:省能源局" in rows[0] and "省应急厅" in rows[0] and "各市人民政府" in rows[0]
