"""A page scraped as one line whose items each carry a run of fields (责任领导：… 牵头单位：… 责任人：… 配合单位：…
联系电话：…): the phone number does not swallow the next item's number (engine/ingest/normalise.py keeps the space
before an item's label), and 联系电话 ends the unit list (rulesets/data/units.yaml `field_labels`). blind82's 建平县
page showed the class; this text is another county's."""

from __future__ import annotations

from engine.ingest import from_text
from engine.parse import parse_plan

PAGE = (
    "首页 > 政务公开 > 通知公告 某县设施蔬菜提质增效工作方案 一、重点任务 "
    "1.推广水肥一体化。2026年新增面积500亩。 责任领导：王明（副县长） 牵头单位：县农业农村局 责任人：李强 "
    "配合单位：县水利局、各乡镇人民政府 联系电话：0391-5512345 "
    "2.建设冷链设施。新建产地冷库3座。 责任领导：王明（副县长） 牵头单位：县商务局 责任人：赵平 "
    "配合单位：县发展和改革局 联系电话：0391-5523456 "
    "3.培育蔬菜品牌。打造区域公用品牌1个。 责任领导：王明（副县长） 牵头单位：县市场监督管理局 责任人：孙悦 "
    "配合单位：县农业农村局 联系方式：0391-5534567 二、保障措施 加强组织领导。"
)


def test_each_item_of_a_one_line_field_run_keeps_its_number_and_its_units():
    plan = parse_plan(from_text(PAGE, "page.txt"))
    assert [m.label for m in plan.measures] == ["1", "2", "3"]
    assert [m.lead_units for m in plan.measures] == [["县农业农村局"], ["县商务局"], ["县市场监督管理局"]]
    assert [m.support_units for m in plan.measures] == [
        ["县水利局", "各乡镇人民政府"], ["县发展和改革局"], ["县农业农村局"],
    ]
