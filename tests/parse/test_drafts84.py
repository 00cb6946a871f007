"""Plans as they are published while still drafts (blind84 showed the class; fixtures/drafts84 models it with other
offices, see its README):

1. the stage mark (（征求意见稿）, （第二次征求意见稿）, （征求意见稿修改稿）, （修改稿）, （送审稿）… : rulesets/data/drafts.yaml
   `stages`) says the plan is a draft and is no part of its own title;
2. a portal's heading of a 征求意见 notice, written whole without 的通知 (X公开征求《Y》意见, 《Y》公开征求意见), names Y;
3. a paper about the draft after it (修改对照表, 征求意见采纳情况表, 意见反馈表: drafts.yaml `papers`) ends the plan;
4. revisions left in the text are read as accepted: inline 【删除：…】 / 【新增】 marks (engine/ingest/revisions.py), Word
   runs struck through (engine/ingest/hidden.py), <del>/<s> on a page;
5. the notice carrying the plan in an attachment (反馈时间, 联系人, 通信地址) is no preamble of the plan, and the entries
   of its attachment list (2.起草说明) start no explanation.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE

from engine.ingest import from_text, revisions
from engine.ingest.normalise import normalise_line
from engine.parse import drafts, frontmatter, parse_plan
from engine.pipeline import check

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "drafts84"


@pytest.mark.parametrize(
    ("title", "bare", "mark"),
    [
        ("安平县丝网产业提升方案(修改稿)", "安平县丝网产业提升方案", "修改稿"),
        ("某市智慧停车实施方案(第二次征求意见稿)", "某市智慧停车实施方案", "第二次征求意见稿"),
        ("某县油茶产业实施方案（征求意见稿修改稿）", "某县油茶产业实施方案", "征求意见稿修改稿"),
        ("某省行动方案(2026—2028年)(送审稿)", "某省行动方案(2026—2028年)", "送审稿"),
        ("某省行动方案(征求意见稿)(2026—2028年)", "某省行动方案(2026—2028年)", "征求意见稿"),
        ("某某管理办法（修订草案征求意见稿）", "某某管理办法", "修订草案征求意见稿"),
        ("某区工作方案（再次征求意见稿）", "某区工作方案", "再次征求意见稿"),
        ("某市实施意见（代拟稿）", "某市实施意见", "代拟稿"),
        ("某镇规划（公示稿）", "某镇规划", "公示稿"),
        ("某县实施方案征求意见稿", "某县实施方案", "征求意见稿"),
        ("某县实施方案(试行)(讨论稿)", "某县实施方案(试行)", "讨论稿"),
        # no stage: a period, 试行, a revision year are the title's own
        ("某市管理办法(2023年修订)", "某市管理办法(2023年修订)", None),
        ("某县实施方案(试行)", "某县实施方案(试行)", None),
        ("某市三年行动方案(2026—2028年)", "某市三年行动方案(2026—2028年)", None),
    ],
)
def test_the_stage_mark_is_known_and_no_part_of_the_title(title, bare, mark):
    assert drafts.without_stage(title) == bare
    assert drafts.stage_mark(title) == mark
    fm = frontmatter.read_front([(1, title)])  # a title line with its mark, bracketed or run on (…方案征求意见稿)
    assert fm.title == title and fm.is_draft == (mark is not None)


def test_a_title_with_its_stage_mark_run_on_heads_the_plan():
    """A draft whose title runs its mark on without brackets (…实施方案征求意见稿, as a portal's page or a Word file's
    first line often prints it) has that title; it was read as no title at all."""
    text = "\n\n".join([
        "百色市乡村振兴示范带建设实施方案征求意见稿",
        "为加快推进乡村振兴示范带建设，制定本方案。",
        "一、重点任务",
        "（一）建设产业示范园。到2027年底前建成示范园10个。（市农业农村局牵头，市财政局配合）",
        "（二）改善村容村貌。完成300个村庄人居环境整治。（市住房城乡建设局牵头，市生态环境局配合）",
        "二、保障措施",
        "加强组织领导。",
    ])
    plan = parse_plan(from_text(text))
    assert plan.title == "百色市乡村振兴示范带建设实施方案征求意见稿"
    assert plan.is_draft
    assert [m.ref for m in plan.measures] == ["(一)", "(二)"]


def test_a_stage_mark_on_its_own_line_makes_a_draft():
    fm = frontmatter.read_front([(1, "某县生猪产业实施方案"), (2, "（第二次征求意见稿）")])
    assert fm.is_draft and drafts.without_stage(fm.title) == "某县生猪产业实施方案"
    assert frontmatter.plain_title("某县生猪产业实施方案修改稿") == frontmatter.plain_title("某县生猪产业实施方案")


@pytest.mark.parametrize(
    ("heading", "inner"),
    [
        ("国家林草局办公室公开征求《古树名木保护工作方案（征求意见稿）》意见", "古树名木保护工作方案（征求意见稿）"),
        ("《某省林下经济工作方案（第二次征求意见稿）》公开征求意见", "某省林下经济工作方案（第二次征求意见稿）"),
        ("关于《某市停车设施建设方案（征求意见稿）》公开征求意见的公告", "某市停车设施建设方案（征求意见稿）"),
        ("某局关于再次公开征求《某市实施方案（征求意见稿）》意见的公告", "某市实施方案（征求意见稿）"),
        ("某县自然资源局关于《某镇国土空间规划（公示稿）》的公示", "某镇国土空间规划（公示稿）"),
        ("某市发展改革委关于召开《某市停车收费管理办法（草案）》听证会的公告", "某市停车收费管理办法（草案）"),
    ],
)
def test_a_portal_heading_of_a_call_for_comment_names_the_draft(heading, inner):
    assert frontmatter.wrapper_inner(heading) == inner


@pytest.mark.parametrize(
    "text",
    ["现向社会公开征求《某市实施方案（征求意见稿）》意见", "各单位要认真研究，对《某方案》征求意见"],
)
def test_a_sentence_of_a_call_for_comment_is_no_heading(text):
    """Only a heading whole (its issuer before it, nothing more) names the draft without 的通知: a sentence goes on."""
    assert frontmatter.wrapper_inner(text + "，请于5月10日前反馈。") is None


@pytest.mark.parametrize(
    ("text", "paper"),
    [
        ("修改对照表", True),
        ("附件2 新旧条文对照表", True),
        ("《某市实施方案》修改对照表", True),
        ("征求意见采纳情况表", True),
        ("附件：意见反馈表", True),
        ("修改说明：", True),
        ("主要指标对照表", False),
        ("加强意见反馈", False),
        ("（三）建立征求意见采纳情况反馈机制。", False),
    ],
)
def test_a_paper_about_the_draft(text, paper):
    assert drafts.paper_head(text) is paper


def _lines(*texts: str) -> list[tuple[str, list[int]]]:
    return [normalise_line(t) for t in texts]


def test_inline_revision_marks_are_read_as_accepted():
    out, changed = revisions.accept(
        _lines(
            "（县水务局牵头，【删去：县财政局、】【增加：县农业农村局、】各镇人民政府配合）",
            "产值达到【原为：20亿元】【修改为：25亿元】，【新增】建设冷库3座。",
        )
    )
    assert changed
    assert [t for t, _ in out] == ["(县水务局牵头，县农业农村局、各镇人民政府配合)", "产值达到25亿元，建设冷库3座。"]
    text, cols = out[0]
    assert len(cols) == len(text) and cols[text.index("县农业农村局")] > cols[text.index("县水务局")] + 10


def test_a_deletion_over_lines_is_dropped_whole_and_a_legend_kept():
    legend = "说明：“【新增】”后为新增内容，“【删除：……】”内为删除内容。"
    out, changed = revisions.accept(
        _lines(legend, "【删除：（五）建设产业园区。规划建设产业园区。", "（县发展改革局牵头）】", "（五）打造区域品牌。")
    )
    assert changed
    assert [t for t, _ in out] == [normalise_line(legend)[0], "", "", "(五)打造区域品牌。"]


def test_a_mark_that_never_closes_is_left_as_written():
    texts = ["【删除：（五）建设产业园区。", "（六）打造区域品牌。", "（县商务局牵头）"]
    out, changed = revisions.accept(_lines(*texts))
    assert not changed and [t for t, _ in out] == [normalise_line(t)[0] for t in texts]


def _struck_docx() -> bytes:
    doc = Document()
    style = doc.styles.add_style("删去", WD_STYLE_TYPE.CHARACTER)
    style.font.strike = True
    doc.add_paragraph("某市养老服务实施方案（送审稿）")
    doc.add_paragraph("一、重点任务")
    for n, (kind, unit) in enumerate((("strike", "市财政局、"), ("dstrike", "市卫生健康委、"), ("style", "市医保局、")), 1):
        p = doc.add_paragraph(f"（{'一二三'[n - 1]}）建设养老服务设施。每年新建站点10个。（市民政局牵头，")
        r = p.add_run(unit)
        if kind == "strike":
            r.font.strike = True
        elif kind == "dstrike":
            r.font.double_strike = True
        else:
            r.style = style
        off = p.add_run("市住房城乡建设局、")
        off.font.strike = False  # said off: read
        p.add_run("各区人民政府配合）")
    doc.add_paragraph("二、保障措施")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_struck_runs_of_a_docx_are_deleted_words(tmp_path):
    path = tmp_path / "struck.docx"
    path.write_bytes(_struck_docx())
    run = check(str(path), allow_no_parent=True, fail_on="none")
    assert [m.support_units for m in run.draft.measures] == [["市住房城乡建设局", "各区人民政府"]] * 3
    assert run.draft.tracked_changes and run.draft.is_draft


def test_struck_text_of_a_page_is_no_text_of_it(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><p>某县工作方案（第二次征求意见稿）</p><p>一、重点任务</p>"
        "<p>（一）整治河道。（县水利局牵头，<del>县财政局、</del><s>县林业局、</s><strike>县交通运输局、</strike>"
        "<u>各乡镇人民政府</u>配合）</p><p>（二）建设公园。（县住房城乡建设局负责）</p><p>二、保障措施</p></body></html>",
        "utf-8",
    )
    plan = check(str(path), allow_no_parent=True, fail_on="none").draft
    assert [(m.lead_units, m.support_units) for m in plan.measures] == [
        (["县水利局"], ["各乡镇人民政府"]),
        (["县住房城乡建设局"], []),
    ]


def test_the_notice_carrying_the_plan_is_no_preamble_of_it():
    plan = parse_plan(from_text((HERE / "baoji-city-titanium-comparison-table.txt").read_text("utf-8")))
    assert plan.preamble == "为巩固提升“中国钛谷”产业优势，推动钛产业集群化发展，制定本实施方案。"
    assert any("宝鸡市工业和信息化局关于" not in c for c in plan.cited)


def test_a_notice_s_attachment_list_starts_no_explanation():
    plan = parse_plan(from_text((HERE / "jinghu-district-elevators-comment-child.txt").read_text("utf-8")))
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)", "(四)", "(五)"]


def test_a_district_draft_published_for_comment_raises_nothing_against_its_parent():
    """The child keeps every measure; its notice's postal address (芜湖市镜湖区…) and its 起草说明 name the parent city:
    no self-reference, nor anything else at warning or error."""
    run = check(
        str(HERE / "jinghu-district-elevators-comment-child.txt"),
        parent_path=str(HERE / "wuhu-city-elevators-parent.txt"),
        fail_on="none",
    )
    loud = [f.message for f in run.report.findings if f.severity in ("error", "warning")]
    assert loud == []
