"""Tasks written as paragraphs each opening with an ordinal word (blind15 海伦市): under 二、工作措施, "一是稳定扩大…。
（责任单位：X）", "二是…", each its own paragraph, are the section's items, ref "一是" as printed. 一是/二是 inside an
item's text, or on paragraphs under a numbered item (its sub-points), stay that item's text (blind17 库尔勒市)."""

from __future__ import annotations

from engine.ingest import from_text
from engine.parse import parse_plan


def _plan(lines: list[str]):
    return parse_plan(from_text("\n".join(lines), path="d.txt"))


HEAD = ["某县茶叶产业提升工作方案", "为推动茶叶产业提质增效，制定本方案。", "一、工作目标", "到2026年，全县茶园面积稳定在10万亩。"]


def test_paragraphs_opening_with_ordinal_words_are_the_section_s_items():
    plan = _plan([*HEAD,
        "二、主要任务",
        "一是建设标准化茶园。新建生态茶园5000亩，改造低产茶园3000亩。（县农业农村局牵头，各乡镇人民政府配合）",
        "二是培育加工龙头企业。支持企业技术改造，新增精制加工生产线3条。（责任单位：县工业和信息化局）",
        "三是打响区域公用品牌。组织企业参加茶博会，开展品牌宣传推介。（县商务局负责）",
        "三、保障措施",
        "一是加强组织领导，成立工作专班；二是强化资金保障，统筹涉农资金；三是严格督查考核。",
    ])  # fmt: skip
    assert [(m.ref, m.title, m.lead_units, m.support_units) for m in plan.measures] == [
        ("一是", "建设标准化茶园", ["县农业农村局"], ["各乡镇人民政府"]),
        ("二是", "培育加工龙头企业", ["县工业和信息化局"], []),
        ("三是", "打响区域公用品牌", ["县商务局"], []),
    ]
    # not where they are sub-points of a numbered item: on paragraphs under it, or inside its text
    plan = _plan([*HEAD,
        "二、主要任务",
        "（一）建设标准化茶园。（县农业农村局牵头）",
        "一是新建生态茶园5000亩。",
        "二是改造低产茶园3000亩。",
        "（二）培育加工龙头企业。（县工业和信息化局牵头）",
        "一是支持企业技术改造。",
        "二是新增精制加工生产线3条。",
        "三、保障措施",
        "（一）加强组织领导。成立工作专班。",
    ])  # fmt: skip
    assert [m.label for m in plan.measures] == ["(一)", "(二)"]
    assert "二是改造低产茶园3000亩" in plan.measures[0].text
    plan = _plan([*HEAD,
        "二、主要任务",
        "（一）建设标准化茶园。一是新建生态茶园5000亩；二是改造低产茶园3000亩。（县农业农村局牵头）",
        "（二）培育加工龙头企业。一是支持企业技术改造；二是新增生产线3条。（县工业和信息化局牵头）",
    ])  # fmt: skip
    assert [m.label for m in plan.measures] == ["(一)", "(二)"]


def test_the_forms_that_number_paragraphs_are_those_the_data_file_marks(monkeypatch):
    """One reading of the point forms (rulesets/data/inline_enumerations.yaml) for points run together in a paragraph
    and for paragraphs opening with one: the file's `paragraphs` mark says which forms number paragraphs, and
    `paragraphs: clause` (第一，) only where each point closes with its own clause (blind60 巍山县, fixtures/fix60)."""
    import dataclasses

    from engine.parse import enumerations
    from engine.parse.numbering import marker_at_start

    texts = ["二、主要任务", "第一，建设标准化茶园。（县农业农村局牵头）", "第二，培育加工龙头企业。（县工业和信息化局负责）",
             "三、保障措施"]  # fmt: skip
    markers = [marker_at_start(t) for t in texts]
    forms, boundaries = enumerations._forms()
    assert [(f.style, f.clauses) for f in forms if f.opening is not None] == [
        ("cn_shi", False), ("cn_di", True), ("cn_seq", True)]
    got = enumerations.paragraph_runs(texts, markers)
    assert [(mk.style, mk.label, mk.ordinal) for mk in got[1:3]] == [("cn_di", "第一", 1), ("cn_di", "第二", 2)]
    assert got[0] == markers[0] and got[3] == markers[3]
    # a speech's 第一，/第二， paragraphs, no clause of their own: text
    plain = [texts[0], "第一，建设标准化茶园。要高标准推进。", "第二，培育加工龙头企业。要抓好落实。", texts[3]]
    assert enumerations.paragraph_runs(plain, [marker_at_start(t) for t in plain])[1:3] == [None, None]
    # the same run read without the clause condition numbers them (the data file decides, not the code)
    loose = tuple(dataclasses.replace(f, clauses=False) for f in forms)
    monkeypatch.setattr(enumerations, "_forms", lambda: (loose, boundaries))
    got = enumerations.paragraph_runs(plain, [marker_at_start(t) for t in plain])
    assert [mk.label for mk in got[1:3]] == ["第一", "第二"]
