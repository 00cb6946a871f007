"""Task tables copied from a web page and pasted as text ONE CELL PER LINE: the header cells (序号 / 重点任务 /
牵头单位 / 配合单位 / 完成时限 / 责任领导 / 备注 …, any order, some absent) each on a line of their own, then
each row's cells (engine/ingest/cell_tables.py). Each row is a measure with its units and deadline, as the
same table gives in a .docx or a tab-separated text. The documents are written here: a prefecture-level
city (广东), a province (甘肃) with a 责任单位 and a 备注 column, a town with a 分管领导 column, section rows
and a task cell in two paragraphs, a county (四川) with a 责任领导 column whose cells are a title and a name.
"""

from __future__ import annotations

from engine.ingest import from_text
from engine.parse import parse_plan

CITY = """韶关市预制菜产业高质量发展行动方案

一、发展目标
到2027年，全市预制菜产业产值达到200亿元。
二、重点任务
序号
重点任务
牵头单位
配合单位
完成时限
1
建设预制菜产业园
市农业农村局
市发展改革局、市自然资源局
2026年12月底前
2
培育龙头企业
市工业和信息化局

2027年6月底前
3
打造区域公用品牌
市市场监管局
市商务局
长期坚持

三、保障措施
（一）加强组织领导。各县（市、区）要建立工作机制。
"""

PROVINCE = """甘肃省中医药产业发展三年行动计划（2025—2027年）

一、重点工作任务
序号
工作任务
责任单位
完成时间
备注
1
推进道地药材标准化种植
省农业农村厅、省林业和草原局
2025年底前
—
2
建设中药材现代物流体系
省商务厅
2026年底前
与中药材市场建设同步推进
3
培育中医药龙头企业
省工业和信息化厅、省药品监督管理局
2027年底前


二、保障措施
各地要加强组织领导。
"""

TOWN = """某某镇人居环境整治工作方案

二、重点任务
任务分工如下：
序号
主要任务
分管领导
牵头部门
配合部门
（一）环境整治
1
开展村庄清洁行动
党委委员、副镇长 李明
镇农业农村办公室
各村（社区）
2
治理农村生活污水
推进厕所粪污与生活污水协同治理
副镇长 王芳
镇生态环境办公室
镇村镇建设办公室、各村（社区）
（二）长效管护
3
建立长效管护机制
镇长 张强
镇党政综合办公室
镇财政所
三、工作要求
各村要高度重视。
"""

COUNTY = """苍溪县红心猕猴桃产业提升实施方案

一、重点任务
序号
重点任务
牵头单位
配合单位
完成时限
责任领导
1
建设标准化示范园
县农业农村局
县财政局
2026年底前
县委常委、副县长 刘志强
2
发展冷链物流
县商务局
县交通运输局
2027年底前
副县长 王振东
二、保障措施
县财政每年安排专项资金。
"""


def _measures(text: str) -> list[tuple]:
    plan = parse_plan(from_text(text))
    return [(m.label, m.lead_units, m.support_units, [d.date for d in m.deadlines]) for m in plan.measures]


def test_a_city_table_one_cell_a_line_gives_its_rows_with_an_empty_cell_as_an_empty_line():
    assert _measures(CITY) == [
        ("1", ["市农业农村局"], ["市发展改革局", "市自然资源局"], ["2026-12-31"]),
        ("2", ["市工业和信息化局"], [], ["2027-06-30"]),
        ("3", ["市市场监管局"], ["市商务局"], []),
    ]


def test_a_province_table_with_a_duty_and_a_remarks_column():
    got = _measures(PROVINCE)
    assert got == [
        ("1", ["省农业农村厅", "省林业和草原局"], [], ["2025-12-31"]),
        ("2", ["省商务厅"], [], ["2026-12-31"]),
        ("3", ["省工业和信息化厅", "省药品监督管理局"], [], ["2027-12-31"]),
    ]
    plan = parse_plan(from_text(PROVINCE))
    assert "同步推进" not in plan.measures[1].text  # a remark is no part of the task


def test_a_town_table_with_a_person_column_section_rows_and_a_task_in_two_paragraphs():
    plan = parse_plan(from_text(TOWN))
    got = [(m.label, m.lead_units, m.support_units) for m in plan.measures]
    assert got == [
        ("1", ["镇农业农村办公室"], ["各村(社区)"]),
        ("2", ["镇生态环境办公室"], ["镇村镇建设办公室", "各村(社区)"]),
        ("3", ["镇党政综合办公室"], ["镇财政所"]),
    ]
    assert "协同治理" in plan.measures[1].text  # the task's second paragraph, not a person
    assert not any("李明" in m.text or "王芳" in m.text for m in plan.measures)  # a person is no task text


def test_rows_point_at_their_lines():
    lines = COUNTY.splitlines()
    plan = parse_plan(from_text(COUNTY))
    assert [(m.label, m.lead_units, m.support_units) for m in plan.measures] == [
        ("1", ["县农业农村局"], ["县财政局"]),
        ("2", ["县商务局"], ["县交通运输局"]),
    ]
    by_line = {p.line: p for p in plan.paragraphs}
    for m in plan.measures:
        assert lines[m.line - 1] == m.label  # the row starts at its 序号 line
        r = m.responsibility
        row = by_line[r.line].orig  # the row's lines, as the file has them
        assert row == "\n".join(lines[m.line - 1 : m.line + 5])
        assert row[r.column - 1 :].startswith(m.lead_units[0])  # the clause points at the lead cell


def test_a_row_whose_line_break_cannot_be_placed_ends_the_table_and_keeps_its_lines():
    # row 2's units run over two lines: 牵头 and 配合 cells alike could have taken the break
    text = TOWN.replace(
        "治理农村生活污水\n推进厕所粪污与生活污水协同治理\n副镇长 王芳\n镇生态环境办公室\n镇村镇建设办公室、各村（社区）",
        "治理农村生活污水\n副镇长 王芳\n镇生态环境办公室\n镇村镇建设办公室\n各村（社区）",
    )
    plan = parse_plan(from_text(text))
    assert [m.label for m in plan.measures][:1] == ["1"]
    assert not any(m.label == "2" and m.lead_units for m in plan.measures)  # not guessed
    assert any(p.text == "镇村镇建设办公室" for p in plan.paragraphs)  # kept as it was


def test_a_number_out_of_turn_ends_the_table():
    text = CITY.replace("\n3\n打造区域公用品牌", "\n5\n打造区域公用品牌")
    got = _measures(text)
    assert [g[0] for g in got][:2] == ["1", "2"] and ("5", ["市市场监管局"], ["市商务局"], []) not in got
