"""Role wordings met in blind24–27 (issue 16), read as classes: a support qualifier before a support stem
(协同配合单位), whole labels 主管单位/协管单位, a lead named again after the list with 其中 (责任单位：A、B、C，其中A牵头),
and 支持 before a support verb (支持配合)."""

from __future__ import annotations

import pytest

from engine.extract.responsibility import parse_clause_content


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        ("牵头单位：市海洋局；协同配合单位：市自然资源局、市生态环境局", ["市海洋局"], ["市自然资源局", "市生态环境局"]),
        ("牵头单位：县农业农村局；协同配合单位：各乡镇人民政府", ["县农业农村局"], ["各乡镇人民政府"]),
        ("牵头部门：省商务厅；协同配合部门：省财政厅、省市场监管局", ["省商务厅"], ["省财政厅", "省市场监管局"]),
        ("主管单位：镇影视产业服务办；协管单位：镇综合行政执法队、横店派出所", ["镇影视产业服务办"],
         ["镇综合行政执法队", "横店派出所"]),
        ("主管单位：县文化和旅游局；协管单位：县公安局", ["县文化和旅游局"], ["县公安局"]),
        ("责任单位：市农业农村局、市林业和竹业局、泸县人民政府，其中市农业农村局牵头", ["市农业农村局"],
         ["市林业和竹业局", "泸县人民政府"]),
        ("责任单位：县商务局、县供销社、县发展改革局，其中由县商务局牵头", ["县商务局"], ["县供销社", "县发展改革局"]),
        ("责任单位：镇经济发展办、镇财政所、各村，其中镇经济发展办、镇财政所牵头", ["镇经济发展办", "镇财政所"], ["各村"]),
        ("镇农业农村服务中心牵头，各村民委员会、镇财政所支持配合", ["镇农业农村服务中心"], ["各村民委员会", "镇财政所"]),
        ("省工业和信息化厅牵头，省科技厅支持配合", ["省工业和信息化厅"], ["省科技厅"]),
    ],
)
def test_the_form_is_read(text: str, lead: list[str], support: list[str]) -> None:
    got = parse_clause_content(text)
    assert got is not None and (list(got[0]), list(got[1])) == (lead, support)


def test_a_unit_named_after_qizhong_leads_whether_or_not_the_list_holds_it() -> None:
    """其中 naming a body the list does not hold: that body leads and the list supports, never with 其中 in a name."""
    got = parse_clause_content("责任单位：市农业农村局、市林业局，其中市林业局牵头")
    assert got is not None and (list(got[0]), list(got[1])) == (["市林业局"], ["市农业农村局"])
    other = parse_clause_content("责任单位：市农业农村局、市林业局，其中市商务局牵头")
    assert other is not None and (list(other[0]), list(other[1])) == (["市商务局"], ["市农业农村局", "市林业局"])
