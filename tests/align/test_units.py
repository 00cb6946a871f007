"""Pieces of the aligner on small hand-made inputs."""

from __future__ import annotations

from engine.align import AlignOptions, align_plans, format_table
from engine.align.diff import char_diff, list_items
from engine.align.table import width
from engine.align.tokenize import Vocabulary, tokens, units_in_clause, using
from engine.models import Measure, Plan, Section


def _m(label: str, title: str, body: str, **kw) -> Measure:
    return Measure(
        label=label,
        ref=kw.pop("ref", label),
        style="arabic_dot",
        ordinal=1,
        depth=kw.pop("depth", 1),
        title=title,
        text=f"{title}。{body}",
        **kw,
    )


def _changes(ops):
    return [(o.parent, o.local) for o in ops if o.op != "equal"]


# ------------------------------------------------------------------ tokenizer


def test_user_dictionary_keeps_unit_names_whole():
    assert "区发展和改革局" in tokens("由区发展和改革局牵头负责")
    assert "行政执法" in tokens("深化行政执法体制改革")
    assert "，" not in tokens("加强，推进。") and "。" not in tokens("加强，推进。")


def test_units_from_responsibility_clauses_are_learnt():
    names = units_in_clause("(牵头单位：区委编办、区乡村振兴办；配合单位：区政府其他有关部门)")
    assert "区委编办" in names and "区乡村振兴办" in names
    with using(Vocabulary(["某某区网格化服务管理中心负责"])):  # learnt by one run, its 负责 dropped
        assert "某某区网格化服务管理中心" in tokens("由某某区网格化服务管理中心负责")
    assert "某某区网格化服务管理中心" not in tokens("由某某区网格化服务管理中心负责")  # by that run only


# ------------------------------------------------------------------ diff and items


def test_diff_reads_as_words():
    assert _changes(char_diff("全面推行审批服务", "逐步推行审批服务")) == [("全面推行", "逐步推行")]
    assert _changes(char_diff("每人每年接受不少于60学时的培训", "每人每年接受不少于40学时的培训")) == [
        ("60", "40")
    ]
    assert _changes(char_diff("县级以上各级政府负责", "市级以上各级政府负责")) == [("县级", "市级")]
    ops = char_diff("加强领导,狠抓落实。", "加强领导，狠抓落实。")  # half/full-width punctuation is no change
    assert _changes(ops) == []


def test_diff_rebuilds_both_texts():
    a, b = (
        "完善行政执法与刑事司法衔接机制,加强“两法衔接”信息平台建设。",
        "完善行政执法与刑事司法衔接机制，推动“两法衔接”平台接入使用。",
    )
    ops = char_diff(a, b)
    assert "".join(o.parent for o in ops) == a and "".join(o.local for o in ops) == b


def test_list_items():
    dropped, added = list_items(
        "推动完善信访、调解、仲裁、行政裁决、行政复议、诉讼等社会矛盾纠纷多元预防调处化解综合机制。",
        "推动完善信访、调解、行政裁决、行政复议、诉讼等社会矛盾纠纷多元预防调处化解综合机制。",
    )
    assert dropped == ["仲裁"] and added == []
    dropped, added = list_items(
        "充分保障老年人、残疾人等特殊群体", "充分保障老年人、残疾人、未成年人等特殊群体"
    )
    assert dropped == [] and added == ["未成年人"]
    # 、 inside brackets is no list separator
    assert list_items("县(市、区)一般实行“局队合一”体制", "城区一般实行“局队合一”体制") == ([], [])


# ------------------------------------------------------------------ measures

BODIES = {
    "a": "全面厘清政府法定职责，进一步完善政府权责清单，加强标准化建设。严格执行市场准入负面清单，普遍落实非禁即入。",
    "b": "健全行政规范性文件制定制度，严禁越权发文、严控发文数量、严格制发程序。加强合法性审核，确保文件依法制定。",
    "c": "加强突发事件应急处置知识宣传和法治教育，增强风险防范意识。定期开展应急演练，注重提升先期处置和快速反应能力。",
    "d": "完善行政执法程序，严格落实行政执法公示、执法全过程记录、重大执法决定法制审核制度。依法保障行政相对人陈述、申辩、听证等权利。",
}


def _parent():
    return Plan(
        source="p",
        measures=[
            _m("(一)", "总体目标", "到2025年，法治政府基本建成。", general=True),
            _m("(二)", "实行权责清单", BODIES["a"]),
            _m("(三)", "规范文件管理", BODIES["b"]),
            _m("(四)", "提高应急能力", BODIES["c"]),
            _m("(五)", "完善执法程序", BODIES["d"]),
        ],
    )


def test_relations_on_a_small_pair():
    a_parts = BODIES["a"].split("。")
    draft = Plan(
        source="d",
        sections=[
            Section(
                label="一",
                style="cn_dun",
                ordinal=1,
                depth=1,
                title="总体目标",
                text="到2025年，法治政府基本建成。",
            )
        ],
        measures=[
            _m("1", "规范文件管理和提高应急能力", BODIES["b"] + BODIES["c"]),  # merged
            _m("2", "实行权责清单", a_parts[0] + "。"),  # split …
            _m("3", "落实准入负面清单", a_parts[1] + "。"),  # … over 2 and 3
            _m("4", "开展社区文艺汇演", "每年举办社区文艺汇演不少于4场，丰富群众文化生活。"),  # added
        ],
    )
    got = {p.parent_item: (p.local_items, p.relation) for p in align_plans(_parent(), draft).alignment}
    assert got["(一)"] == (["§一"], "general")
    assert got["(二)"] == (["2", "3"], "split")
    assert got["(三)"] == (["1"], "merged") and got["(四)"] == (["1"], "merged")
    assert got["(五)"] == ([], "dropped")
    assert got[None] == (["4"], "added")


def test_general_absent_is_not_an_obligation_unless_asked():
    draft = Plan(source="d", measures=[_m("1", "实行权责清单", BODIES["a"])])
    by = {p.parent_item: p for p in align_plans(_parent(), draft).alignment}
    assert (by["(一)"].relation, by["(一)"].local_items) == ("general", [])
    strict = align_plans(_parent(), draft, AlignOptions(general_absent_dropped=True))
    assert {p.parent_item: p.relation for p in strict.alignment}["(一)"] == "dropped"
    assert strict.options["general_absent_dropped"] == 1.0


def test_sub_measures_align_on_their_own_text():
    parent = Plan(
        source="p",
        measures=[
            _m("(一)", "加强制度建设", ""),
            _m("1", "权责清单", BODIES["a"], ref="(一)1", depth=2, parent_measure="(一)"),
            _m("2", "文件管理", BODIES["b"], ref="(一)2", depth=2, parent_measure="(一)"),
        ],
    )
    draft = Plan(
        source="d", measures=[_m("1", "实行权责清单", BODIES["a"]), _m("2", "规范文件管理", BODIES["b"])]
    )
    got = {p.parent_item: (p.local_items, p.relation) for p in align_plans(parent, draft).alignment}
    assert got["(一)1"] == (["1"], "same") and got["(一)2"] == (["2"], "same")
    assert got["(一)"] == (["1", "2"], "split")  # a title-only container: through its sub-measures
    assert None not in got


def test_deterministic_and_options_recorded(parent_plan, draft_plan):
    a = align_plans(parent_plan, draft_plan)
    b = align_plans(parent_plan, draft_plan, AlignOptions(workers=-1))
    assert a.model_dump_json(exclude={"options"}) == b.model_dump_json(exclude={"options"})
    assert a.options["same_max_edited"] == AlignOptions().same_max_edited
    assert set(a.options) == set(AlignOptions.model_fields)


def test_format_table_lines_up(parent_plan, draft_plan):
    text = format_table(align_plans(parent_plan, draft_plan), parent_plan, draft_plan)
    lines = text.splitlines()
    assert len(lines) == 2 + len(parent_plan.measures)
    assert "(十七)" in text and "13, 14" in text and "split" in text and "§一" in text
    # the relation column starts at the same display column on every row
    col = {
        width(line[: line.index(rel)])
        for line in lines[2:]
        for rel in ("same", "adapted", "split", "general")
        if f"  {rel} " in line
    }
    assert len(col) == 1


def test_one_requirements_section_may_hold_all_general_parts():
    parts = {
        "指导思想": "坚持以习近平法治思想为指导，全面贯彻党的精神，加快构建职责明确、依法行政的政府治理体系。",
        "主要原则": "坚持党的全面领导，坚持以人民为中心，坚持问题导向，坚持改革创新，坚持统筹推进。",
        "总体目标": "到2025年，政府行为全面纳入法治轨道，行政执法体制机制基本完善，突发事件应对能力显著增强。",
    }
    parent = Plan(
        source="p",
        measures=[_m(f"({k})", t, b, general=True) for k, (t, b) in zip("一二三", parts.items(), strict=True)]
        + [_m("(四)", "实行权责清单", BODIES["a"])],
    )
    section = Section(
        label="一", style="cn_dun", ordinal=1, depth=1, title="总体要求", text="".join(parts.values())
    )
    draft = Plan(source="d", sections=[section], measures=[_m("1", "实行权责清单", BODIES["a"])])
    got = {p.parent_item: (p.local_items, p.relation) for p in align_plans(parent, draft).alignment}
    assert got["(一)"] == got["(二)"] == got["(三)"] == (["§一"], "general")
