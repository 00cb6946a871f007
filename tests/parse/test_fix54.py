"""Two classes blind54 showed (fixtures/fix54/README.md).

1. Measures labelled by a frame around their number alone: "第一项　标题" and "【一】" "〔一〕" "［一］" — entries of
   rulesets/data/entry_numbering.yaml `frames`, their ref the label as printed; the space between a 第一项 label and its
   title is a separator, no stray space. "第一项任务是…", "第一项至第五项…" and "按照第一项要求" are prose.
2. A note right after a task table or a list's last item that says how to read its units ("注：标★的为牵头单位…",
   "备注：带*的为…", "说明：…排在第一位的为牵头单位…") is no part of the last measure; its convention still applies.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.parse.conventions import reading_note
from engine.parse.numbering import ENTRY_STYLE, fold, inline_markers, marker_at_start
from engine.pipeline import check, load_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "fix54"


@pytest.mark.parametrize(
    ("text", "label", "style"),
    [
        ("第一项\u3000伊玛堪说唱传承", "第一项", "第项"),  # a full-width space for the separator
        ("第二项：鱼皮制作技艺保护", "第二项", "第项"),
        ("第十二项 非遗档案数字化", "第十二项", "第项"),
        ("第3项:建设传习所", "第3项", "第项"),
        ("【一】改善学生宿舍条件。", "【一】", "【】"),  # a bracket closes its label: nothing need follow it
        ("【十一】：做好供暖保障。", "【十一】", "【】"),
        ("〔二〕培育庭院民宿。", "〔二〕", "〔〕"),
        ("［三］\u3000建设传习场所。", "[三]", "[]"),  # read folded, as (一) is
        ("【4】加强健康管理。", "【4】", "【】"),
    ],
)
def test_a_framed_number_labels_an_entry(text, label, style):
    mk = marker_at_start(fold(text))
    assert mk is not None and mk.style == ENTRY_STYLE + style
    assert mk.label == label


def test_frames_are_numberings_of_their_own_and_words_keep_theirs():
    assert marker_at_start(fold("第一项任务：开展普查。")).style == ENTRY_STYLE + "任务"
    assert marker_at_start(fold("第一条 为了加强管理，制定本办法。")).style == "cn_article"
    styles = {marker_at_start(fold(t)).style for t in ("【一】甲。", "〔一〕乙。", "［一］丙。", "第一项 丁")}
    assert len(styles) == 4


@pytest.mark.parametrize(
    "text",
    ["第一项任务是守住梯田面积，其余各项围绕传承展开。", "第一项工作由县农业农村局负责。", "第一项至第五项的完成情况纳入考评。",
     "第一项、第二项由县财政局保障。", "第一项 是基础。", "按照第一项要求同步做好景观保护。", "【一】", "〔2026〕3号文件要求…",
     "第一项。"],
)  # fmt: skip
def test_prose_naming_an_item_is_no_label(text):
    mk = marker_at_start(fold(text))
    assert mk is None or not mk.style.startswith(ENTRY_STYLE)


def test_bracketed_items_on_one_line_are_cut_where_they_stand(tmp_path):
    """A page that lost its line breaks: each 〔N〕 after a sentence's end or a clause's bracket is an item."""
    text = (HERE / "xiangshui-town-courtyard-economy-shell-brackets.txt").read_text("utf-8").replace("\n", " ")
    path = tmp_path / "one-line.txt"
    path.write_text(text, "utf-8")
    plan = load_plan(str(path))
    assert [m.label for m in plan.measures] == ["〔一〕", "〔二〕", "〔三〕", "〔四〕"]
    assert [mk.label for mk in inline_markers(fold("目标。【一】甲乙。【二】丙丁。"))] == ["【一】", "【二】"]


def _space_findings(path: Path) -> list[int]:
    run = check(str(path), allow_no_parent=True, fail_on="none")
    return sorted(f.line for f in run.report.findings if f.check == "format" and "多余空格" in f.message)


def test_the_space_after_a_label_is_a_separator_and_a_stray_one_is_still_found(tmp_path):
    source = HERE / "longsheng-county-terrace-farming-item-labels.txt"
    assert _space_findings(source) == []
    lines = source.read_text("utf-8").split("\n")
    at = next(k for k, line in enumerate(lines) if "开展梯田垮塌隐患排查" in line)
    lines[at] = lines[at].replace("梯田垮塌", "梯田 垮塌")
    path = tmp_path / "stray.txt"
    path.write_text("\n".join(lines), "utf-8")
    assert _space_findings(path) == [at + 1]


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("注：标★的为牵头单位，其余为配合单位。", True),
        ("备注：带*的为牵头单位，其余为配合单位。", True),
        ("说明：以上各项任务的责任单位中，排在第一位的为牵头单位，其余为配合单位。", True),
        ("注1：●为牵头单位，○为配合单位", True),
        ("注：以上数据为2025年统计数据。", False),  # a note, but not of how to read the units
        ("说明：由县财政局牵头，县审计局配合。", False),  # a clause, no convention
        ("责任单位中排在第一位的为牵头单位。", False),  # a convention, but no note word
    ],
)
def test_a_reading_note_is_a_note_word_before_a_convention(text, note):
    assert reading_note(text) is note


@pytest.mark.parametrize("ext", ["docx", "html"])
def test_the_note_under_a_table_is_its_section_text_and_its_marks_still_lead(ext):
    plan = load_plan(str(HERE / f"qinghai-province-yak-industry-asterisk-table.{ext}"))
    assert all("备注" not in m.text for m in plan.measures)
    assert plan.measures[2].lead_units == ["省工业和信息化厅", "省农业农村厅"]  # two * units: both lead
    assert plan.measures[-1].lead_units == ["省市场监督管理局"]
    assert any("备注：带*的为牵头单位" in s.text for s in plan.sections)


def test_a_note_after_the_plans_last_item_closes_it_and_its_convention_holds(tmp_path):
    """The list is the plan's last: the note after its last item goes to the closing, first-listed still leads."""
    lines = (HERE / "mabian-county-tea-garden-first-listed-note.txt").read_text("utf-8").split("\n")
    cut = next(k for k, line in enumerate(lines) if "三、保障措施" in line)
    path = tmp_path / "last.txt"
    path.write_text("\n".join([*lines[:cut], "", "马边彝族自治县人民政府办公室　　　　2026年3月30日印发"]), "utf-8")
    plan = load_plan(str(path))
    assert [m.label for m in plan.measures] == ["1", "2", "3", "4"]
    assert "说明" not in plan.measures[-1].text
    assert plan.closing.startswith("说明：以上各项任务")
    assert (plan.measures[-1].lead_units, plan.measures[-1].support_units) == (["县市场监督管理局"], ["县农业农村局"])
