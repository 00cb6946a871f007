import pytest

from engine.models import Paragraph, Responsibility
from engine.rules.kinds import format as k

from ._drafting_helpers import ctx, measure, plan, run


def _resp(bracket: str, line: int, col: int, text: str, detached: bool = False) -> Responsibility:
    return Responsibility(
        style="牵头单位", bracket=bracket, text=text, line=line, column=col, detached=detached
    )


def test_bracket_minority_is_reported() -> None:
    lines = [
        "1.推进。（牵头单位：区司法局）",
        "2.推进。（牵头单位：区司法局）",
        "3.推进。［牵头单位：区委办］",
    ]
    ms = [
        measure(str(i + 1), t[2:], line=i + 1, paragraphs=[i], resp=_resp("()", i + 1, 6, t[5:]))
        for i, t in enumerate(lines)
    ]
    hits = run(k, ctx(plan(ms, lines=lines)), detached=False, spaces=False, widths=False, citations=False)
    assert [h.local_item for h in hits] == ["3"]


def test_detached_and_broken_clauses() -> None:
    lines = [
        "1.推进。(牵头单位:甲)",
        "2.推进。(牵头单位:乙",
        "、丙按职责分工负责)",
        "3.推进。",
        "(牵头单位:丁)",
    ]
    ms = [
        measure("1", "推进。(牵头单位:甲)", line=1, paragraphs=[0], resp=_resp("()", 1, 6, "(牵头单位:甲)")),
        measure(
            "2",
            "推进。(牵头单位:乙\n、丙按职责分工负责)",
            line=2,
            paragraphs=[1, 2],
            resp=_resp("()", 2, 6, "(牵头单位:乙"),
        ),
        measure(
            "3",
            "推进。(牵头单位:丁)",
            line=4,
            paragraphs=[3, 4],
            resp=_resp("()", 5, 1, "(牵头单位:丁)", detached=True),
        ),
    ]
    hits = run(k, ctx(plan(ms, lines=lines)), brackets=False, spaces=False, widths=False, citations=False)
    assert sorted(h.local_item for h in hits) == ["2", "3"]


def test_stray_spaces_from_the_original_text() -> None:
    d = plan([measure("1", "2022年年底前完成。", line=1, paragraphs=[0])], lines=[""])
    d.paragraphs = [
        Paragraph(
            index=0,
            line=1,
            text="1.2022年年底前完成法治政府建设。",
            orig="    1．2022 年年底前完成法治 政府建设。",
        )
    ]
    hits = run(k, ctx(d), brackets=False, detached=False, widths=False, citations=False)
    assert len(hits) == 2 and all(h.line == 1 for h in hits)


def test_citation_dash_against_parent_title_and_default_dash() -> None:
    parent = plan(
        [],
        jurisdiction="广西",
        level="province",
        parent_j=None,
        title="广西法治政府建设实施方案(2021—2025年)",
    )
    lines = [
        "为确保《广西法治政府建设实施方案(2021-2025年)》落实，根据《法治政府建设实施纲要(2021-2025年)》，制定本方案。"
    ]
    d = plan([], lines=lines)
    hits = run(k, ctx(d, parent), brackets=False, detached=False, spaces=False, widths=False)
    assert len(hits) == 2 and all(h.local_item is None for h in hits)
    assert (
        run(k, ctx(d), brackets=False, detached=False, spaces=False, widths=False, year_range_dash="") == []
    )


def test_cells_of_a_pasted_task_table_are_not_stray_spaces() -> None:
    """A table pasted with single spaces between its cells (its rows read cell by cell) gave one
    多余空格 finding per row; a sentence with the same spaces in running text is still reported."""
    from engine.pipeline import check

    table = (
        "某某市统计局关于印发数据质量提升工作要点的通知\n"
        "一、工作要求\n1.各单位要高度重视，认真落实。（牵头单位：市统计局）\n"
        "附件：重点任务分工表\n"
        "序号 工作任务 牵头单位 配合单位 完成时限\n"
        "1 建立统计数据质量责任制 市统计局 各县市区 2025年6月底前\n"
        "2 开展统计执法检查 市统计局 市司法局 2025年9月底前\n"
    )
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "d.txt"
        path.write_text(table, encoding="utf-8")
        found = [f for f in check(str(path), allow_no_parent=True, fail_on="none").report.findings
                 if f.check == "format" and "空格" in f.message]
        assert found == []
        path.write_text(table.replace("认真落实。", "认真 落实 统计 工作。"), encoding="utf-8")
        found = [f for f in check(str(path), allow_no_parent=True, fail_on="none").report.findings
                 if f.check == "format" and "空格" in f.message]
        assert len(found) == 1


def test_the_space_after_a_chapter_or_article_label_is_the_norm() -> None:
    """第一章　总则 / 第三条　… set the label off by a space (a blind 沛县 plan got 18 多余空格 findings)."""
    import tempfile
    from pathlib import Path

    from engine.pipeline import check

    text = (
        "某某县全民健身实施办法\n第一章　总则\n第一条　为推动全民健身，制定本办法。（牵头单位：县体育局）\n"
        "第二章 设施建设\n第二条 新建社区健身中心10个。（牵头单位：县体育局）\n"
        "第三条 建设 健身 步道20公里。（牵头单位：县住建局）\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "d.txt"
        path.write_text(text, encoding="utf-8")
        found = [f.evidence.local for f in check(str(path), allow_no_parent=True, fail_on="none").report.findings
                 if f.check == "format" and "空格" in f.message]
    assert len(found) == 1 and "健身" in (found[0] or ""), found  # the stray spaces inside the text still count


def _format_findings(text: str) -> list[tuple[str | None, str]]:
    """(item, message) of the format findings of `text` checked alone, through the whole pipeline."""
    import tempfile
    from pathlib import Path

    from engine.pipeline import check

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "d.txt"
        path.write_text(text, encoding="utf-8")
        findings = check(str(path), allow_no_parent=True, fail_on="none").report.findings
    return [(f.local_item, f.message) for f in findings if f.check == "format"]


def test_a_membership_list_aligned_by_spaces_is_layout() -> None:
    """A 领导小组 list pads 组　长 to 副组长's width, a two-character name to three (王　勇), sets the post off
    by spaces and aligns the lines under a role (blind4/5/7 town plans: 10 多余空格 findings). A stray space
    in a measure's text is still reported."""
    text = (
        "某某镇花椒产业提质增效工作方案\n"
        "一、重点任务\n"
        "　　1.扩大种植规模。新增花椒种植面积2000亩。镇农业服务中心负责。\n"
        "　　2.加强市场监管。开展收购市场秩序专项整治 行动。镇市场监管所负责。\n"
        "二、组织领导\n"
        "　　成立某某镇花椒产业提质增效工作领导小组：\n"
        "　　组　长：刘建华　镇党委副书记、镇长\n"
        "　　　　　　张　敏　镇党委书记\n"
        "　　副组长：王　勇　镇党委委员、副镇长\n"
        "            次仁央宗  镇党委委员\n"
        "　　成　员：镇农业服务中心、镇财政所主要负责人，各村党组织书记。\n"
        "　　领导小组办公室设在镇农业服务中心，负责日常工作。\n"
        "三、工作要求\n"
        "　　各村要高度重视，确保各项任务落到实处。\n"
    )
    found = [m for _, m in _format_findings(text) if "空格" in m]
    assert len(found) == 1 and "专项整治" in found[0], found


def test_the_space_between_two_labelled_fields_of_a_line_is_layout() -> None:
    """责任单位：…　　完成时限：… and 牵头单位：…  配合单位：… are two fields of one line, set apart by spaces
    (a blind6 provincial plan: 8 多余空格 findings); a space inside a date is still reported."""
    text = (
        "某某省非物质文化遗产保护工作方案\n"
        "（一）完善代表性项目名录体系。开展全省资源补充调查。\n"
        "责任单位：省文化和旅游厅、各设区市人民政府　　完成时限：2025年12月底前\n"
        "（二）加强传承人队伍建设。完善传承人认定与管理办法。\n"
        "牵头单位：省文化和旅游厅  配合单位：省财政厅  责任人：李明\n"
        "（三）推进整体性保护。2025 年建成文化生态保护区3个。\n"
        "责任单位：省文化和旅游厅　　完成时限：2025年底前\n"
    )
    found = [m for _, m in _format_findings(text) if "空格" in m]
    assert len(found) == 1 and "2025" in found[0], found


def test_a_box_or_table_caption_set_off_by_a_space_is_the_norm() -> None:
    """专栏1　海洋牧场重点建设工程 is set off like 第一章　总则 (blind7/8 plans: 5 多余空格 findings); 表1 and
    附件2 captions too. A space inside the box's text is still reported."""
    text = (
        "某某省海洋牧场建设实施方案\n"
        "（一）推进人工鱼礁建设。每年投放人工鱼礁10万空方。（牵头单位：省农业农村厅）\n"
        "专栏1　海洋牧场重点建设工程\n"
        "1.深远海养殖平台工程。布局建设深远海养殖平台集群。\n"
        "（二）发展休闲渔业。建设休闲渔业基地20个。（牵头单位：省文化和旅游厅）\n"
        "专栏2　休闲渔业 提升工程\n"
        "表1　主要指标\n"
        "附件2　重点任务分工表\n"
    )
    found = [m for _, m in _format_findings(text) if "空格" in m]
    assert len(found) == 1 and "休闲渔业 提升" in found[0], found


def test_a_clause_after_the_measures_sub_points_stands_on_its_own_line() -> None:
    """A measure closing with sub-points （1）（2）（3） puts its clause on a line of its own after them: it answers
    for the whole measure (blind4/6 plans: 4 detached findings). A clause set apart from a measure with no
    sub-points, where the document's others close their measures, is still reported."""
    text = (
        "某某市食品安全专项整治实施方案\n"
        "一、重点任务\n"
        "　　（一）加强源头治理。严格农药兽药使用监管。市农业农村局牵头，市市场监管局配合。\n"
        "　　（二）强化生产企业风险管控。\n"
        "　　（1）督促企业建立健全风险管控清单；\n"
        "　　（2）对重点行业企业开展体系检查；\n"
        "　　（3）对风险等级高的企业每年至少开展2次监督检查。\n"
        "　　市市场监管局负责。\n"
        "　　（三）规范经营环节管理。加强农贸市场监管。市市场监管局牵头，市商务局配合。\n"
        "　　（四）守牢校园食品安全防线。\n"
        "　　一是全面落实陪餐制度；\n"
        "　　二是开展校园周边联合检查。\n"
        "　　市教育局牵头，市市场监管局配合。\n"
        "　　（五）提升检验检测能力。加强检验检测机构建设。\n"
        "\n"
        "　　市市场监管局牵头，市财政局配合。\n"
        "　　（六）推进社会共治。实施有奖举报制度。市委宣传部牵头，市市场监管局配合。\n"
    )
    found = [(item, m) for item, m in _format_findings(text) if "分离" in m]
    assert [item for item, _ in found] == ["(五)"], found


def test_a_heading_s_line_break_on_a_one_line_page_is_no_stray_space() -> None:
    """A page delivered on one line (its line breaks became spaces): the space after a numbered heading
    (四、工作要求 各单位要…) is where the heading's line ended (blind8 Lhasa page, judged false). A space inside
    a measure's sentence on the same page is still reported."""
    lines = [
        "某某县城镇燃气安全专项整治工作方案",
        "一、整治任务",
        "（一）排查用户隐患。对全县餐饮用户开展入户安全检查，建立隐患 台账。（牵头单位：县住房和城乡建设局）",
        "（二）整治违规经营。依法查处无证经营燃气行为。（牵头单位：县市场监管局）",
        "二、工作要求",
        "各单位要高度重视，每月25日前报送工作进展情况。",
    ]
    found = [m for _, m in _format_findings(" ".join(lines)) if "空格" in m]
    assert len(found) == 1 and "隐患 台账" in found[0], found


def test_a_signature_s_date_set_apart_from_the_signing_body_is_layout() -> None:
    """北京市西城区人民政府什刹海街道办事处 2025年5月8日: a signature and its date, apart by spaces or (on a page
    delivered on one line) by what was a line break (blind10 什刹海 page). A space before a deadline inside a
    sentence is still reported."""
    lines = [
        "某某街道背街小巷整治工作方案",
        "一、重点任务",
        "（一）清理占道经营。由街道城管执法队 2025年6月30日前完成清理。（街道城管执法队负责）",
        "（二）规范车辆停放。施划停车泊位200个。（街道城市管理科负责）",
        "二、保障措施",
        "（一）加强组织领导。成立工作专班，统筹推进治理工作。",
        "（二）加强考核评估。每季度通报各社区工作进展情况。",
        "某某市某某区人民政府某某街道办事处 2025年5月8日",
        "【打印本页】 【关闭窗口】",
    ]
    found = [m for _, m in _format_findings(" ".join(lines)) if "空格" in m]
    assert len(found) == 1 and "执法队 2025" in found[0], found


def test_a_signing_body_ends_as_an_issuer_does() -> None:
    """The signing body before its date may be any issuer (rulesets/data/units.yaml `issuer_suffixes`: a 中心, a
    支行, a 联社 signs as a 局 does): the space before the date is layout. A space before a deadline inside a
    sentence is still reported."""
    lines = [
        "某某县融媒体建设工作方案",
        "一、重点任务",
        "（一）建设融媒体平台。融媒体平台在 2025年6月30日前建成。（县融媒体中心负责）",
        "（二）完善采编流程。建立统一采编机制。（县融媒体中心负责）",
        "某某县融媒体中心 2025年5月8日",
        "【打印本页】 【关闭窗口】",
    ]
    found = [m for _, m in _format_findings("\n".join(lines)) if "空格" in m]
    assert len(found) == 1 and "平台在 2025" in found[0], found


def test_the_printing_line_of_a_copy_list_is_layout() -> None:
    """The 版记's last line sets the printing office and the date it printed apart (GB/T 9704: 某某市人民政府办公室
    2026年3月13日印发), as a signature does, on its own line or on a page delivered on one line (blind72 新乡, blind73
    土默特左旗 judged false). A space before a deadline inside a sentence is still reported."""
    lines = [
        "某某市公共法律服务体系建设工作方案",
        "一、重点任务",
        "（一）建设服务平台。市公共法律服务中心在 2026年6月30日前建成。（市司法局负责）",
        "（二）规范服务流程。制定服务事项清单。（市司法局负责）",
        "抄送：市委办公室，市人大常委会办公室。",
        "某某市人民政府办公室　　　　　　　　2026年3月13日印发",
    ]
    for text in ("\n".join(lines), " ".join(lines)):
        found = [m for _, m in _format_findings(text) if "空格" in m]
        assert len(found) == 1 and "中心在 2026" in found[0], found


def test_the_space_after_a_word_label_the_parser_read_by_its_run_is_layout() -> None:
    """工程二　处理设施提升工程: 处 after a space alone reads as a count (任务 1 处), but the parser reads 工程二 as the
    entry between 工程一 and 工程三; the space after it is the heading's layout (blind75 宁夏, judged false). A space
    inside a sentence is still reported."""
    lines = [
        "某某市餐厨废弃物治理三年行动方案",
        "一、重点工程",
        "工程一　收运体系建设工程",
        "（1）推行定点收集。（市城市管理局牵头）",
        "（2）规范收运车辆。（市城市管理局牵头）",
        "工程二　处理设施提升工程",
        "（1）建成集中处理 设施2座。（市城市管理局牵头）",
        "（2）实施提标改造。（市城市管理局牵头）",
        "工程三　源头减量工程",
        "（1）推行光盘行动。（市商务局牵头）",
        "（2）开展餐饮单位培训。（市商务局牵头）",
    ]
    found = [m for _, m in _format_findings("\n".join(lines)) if "空格" in m]
    assert len(found) == 1 and "处理 设施" in found[0], found


def test_a_time_of_day_keeps_its_ascii_colon() -> None:
    """工作日9:00—17:00: a time of day is written with the ASCII colon whatever the text's punctuation (blind10
    奉贤区 征求意见 notice, judged false); a half-width colon after a label in a text of full-width ones is still
    reported."""
    text = (
        "某某区化妆品产业高质量发展行动方案（征求意见稿）\n"
        "联系电话：021-67180000（工作日9:00—17:00）。\n"
        "一、重点任务\n"
        "（一）培育龙头企业。支持企业做大做强。（牵头单位：区经委）\n"
        "（二）优化审批服务。压缩审批时限。（牵头单位：区市场监管局；配合单位：区行政服务中心）\n"
        "（三）加强人才引育。完善人才政策。（牵头单位：区人社局；配合单位：区经委）\n"
        "（四）强化品牌推广。举办品牌活动。(牵头单位:区商务委)\n"
    )
    found = [m for _, m in _format_findings(text) if "全角半角" in m]
    colons = [m for m in found if "“:”" in m]
    assert len(colons) == 1, found  # the label's colon in (四), not the time's


def test_a_box_caption_with_no_number_set_off_by_a_space_is_the_norm() -> None:
    """专栏　2025年汛前重点整治易涝积水点 (a 专栏 with no number, its title opening with a year; blind11 蚌埠市) is set
    off like 专栏1　…; a space inside the box's title is still reported."""
    text = (
        "某某市城市排水防涝能力提升行动方案\n"
        "1.整治易涝积水点。逐一制定整治方案。（市城管局牵头，各县区人民政府配合）\n"
        "专栏　2025年汛前重点整治易涝积水点\n"
        "1．东风路与建设路交叉口；\n"
        "2.强化监测预警。建设积水监测站点20个。（市气象局牵头，市城管局配合）\n"
        "专栏　2026年 重点改造泵站\n"
    )
    found = [m for _, m in _format_findings(text) if "空格" in m]
    assert len(found) == 1 and "年 重点改造" in found[0], found


def test_the_space_after_a_decimal_label_is_the_norm() -> None:
    """2.1 实施封山育林: a decimally numbered plan (GB/T 1.1 style) sets its labels off by a space, as 第一章
    (blind11 贵州省: 13 多余空格 findings once its numbering was read). A space inside the title is still
    reported."""
    text = (
        "某某省石漠化综合治理实施方案\n"
        "1 总体要求\n"
        "1.1 指导思想。坚持生态优先。\n"
        "2 重点任务\n"
        "2.1 实施封山育林。每年封山育林10万亩。（责任单位：省林业局）\n"
        "2.2 推进人工造林。每年人工造林5万亩。（责任单位：省林业局）\n"
        "2.3 加强坡耕地 治理。每年治理坡耕地2万亩。（责任单位：省水利厅）\n"
    )
    found = [m for _, m in _format_findings(text) if "空格" in m]
    assert len(found) == 1 and "坡耕地 治理" in found[0], found


def test_the_format_check_takes_its_labels_from_the_parser() -> None:
    """The space after a numbering label is layout for every label the parser reads as one, numberings read
    from data included (任务1 from rulesets/data/entry_numbering.yaml, 第一部分): one definition serves both. A
    space inside the title is still reported."""
    text = (
        "某某市老旧小区改造工作方案\n"
        "第一部分 总体要求\n"
        "各区要加快改造。\n"
        "第二部分 重点任务\n"
        "任务1 开展小区普查\n"
        "牵头单位：市住建局\n"
        "任务2 建立改造台账\n"
        "牵头单位：市住建局\n"
        "任务3 推进管网 改造\n"
        "牵头单位：市水务局\n"
    )
    found = [m for _, m in _format_findings(text) if "空格" in m]
    assert len(found) == 1 and "管网 改造" in found[0], found


def test_label_end_is_where_the_parser_s_marker_ends() -> None:
    """label_end (what the format check skips) agrees with the parser's markers, on the original line's widths."""
    from engine.parse.numbering import fold, label_end, marker_at_start

    for line in ("一、 总体要求", "（一） 加强领导", "1． 推进", "（1）　推进", "① 推进", "第三条　为推动", "2.1 实施",
                 "任务1： 开展普查", "第3项任务 开展", "第一部分　总体要求"):
        mk = marker_at_start(fold(line))
        assert mk is not None and label_end(line) == mk.end, line
    assert label_end("2 重点任务") == 2  # a section's bare number (decimal1)
    assert label_end("2025 年完成") is None and label_end("推进 改造") is None


def test_the_full_width_space_after_an_action_s_label_is_layout() -> None:
    """"行动一　种质资源保护行动" (blind14 寿光市; 工程二　, 举措三　 likewise): the label of a numbering read from data,
    set off by a full-width space as printed: no stray space."""
    text = (
        "某县蔬菜种业振兴行动计划\n"
        "一、重点行动\n"
        "行动一　种质资源保护行动\n"
        "开展种质资源普查和收集。\n"
        "牵头单位：县农业农村局\n"
        "行动二　良种繁育基地建设行动\n"
        "建设良种繁育基地。\n"
        "牵头单位：县农业农村局\n"
    )
    assert [m for _, m in _format_findings(text) if "空格" in m] == []


def test_a_caption_title_opening_with_a_numeral_is_set_off_by_the_captions_space() -> None:
    """表1　四川省川剧… : the title after a caption's number may open with a numeral of its own (四川, 三州, 十大,
    一带一路), which the caption's number must not swallow (blind37 四川省 got “表1　四川省川”中有多余空格). The space
    after 表1/图1/专栏1/附表1 is the caption's, full width or two half-width; a stray space inside the title or a
    measure is still reported (fixtures/misc37)."""
    from pathlib import Path

    from engine.pipeline import check

    path = Path(__file__).resolve().parents[2] / "fixtures" / "misc37" / "sichuan-province-caption-numerals.txt"
    findings = check(str(path), allow_no_parent=True, fail_on="none").report.findings
    spaces = sorted(f.message for f in findings if f.check == "format" and "空格" in f.message)
    assert spaces == ["“一团一策 扶持计划”中有多余空格", "“青年演员 100名”中有多余空格"], spaces


@pytest.mark.parametrize(
    ("caption", "stray"),
    [
        ("表1　四川省川剧传承发展主要指标", None),
        ("图2　十四五时期演出场次", None),
        ("专栏1　三江源生态保护工程", None),
        ("附表1  一带一路演出交流计划", None),
        ("表一　三农工作主要指标", None),
        ("表 1　二〇二五年主要指标", None),
        ("专栏　一县一品培育工程", None),
        # a plan's one table, its caption word with no number (blind94's 农业农村部 plan, fixtures/runs94)
        ("表　饲用豆粕减量替代主要指标", None),
        ("图　全省冬早蔬菜生产布局", None),
        ("表　饲用豆粕 减量替代主要指标", "豆粕 减量"),
        ("表1　四川省川剧 传承发展主要指标", "川剧 传承"),
        ("表1四川省川剧 传承发展主要指标", "川剧 传承"),
    ],
)
def test_caption_numbers_end_where_the_original_sets_the_title_off(caption: str, stray: str | None) -> None:
    text = (
        "某某省川剧传承发展行动方案\n"
        "（一）完善名录体系。开展全省资源补充调查。（牵头单位：省文化和旅游厅）\n"
        f"{caption}\n"
        "（二）加强人才培养。培养青年演员。（牵头单位：省文化和旅游厅）\n"
    )
    found = [m for _, m in _format_findings(text) if "空格" in m]
    if stray is None:
        assert found == [], found
    else:
        assert len(found) == 1 and stray in found[0], found
