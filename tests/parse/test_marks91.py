"""Measures numbered or marked in styles other than （一）/1. (fixtures/marks91; blind91 showed the class):

- letters as labels: Roman numerals Ⅰ. Ⅱ. and Latin capitals A. B. (or with a 顿号), at a paragraph's start and in a page
  scraped as one line (rulesets/data/numbering_marks.yaml `letters`; engine/parse/numbering.py `letter_markers`);
- 一是…七是 paragraphs whose ordinals go on across group headings （一）（二）, each with its own clause
  (engine/parse/enumerations.py `_paragraph_run`);
- 首先/其次/…/最后 paragraphs, each with its own clause (inline_enumerations.yaml form cn_seq);
- unnumbered paragraphs opening with a run-in heading, each with its own clause (engine/parse/runin.py).

And what must stay as it was: a lone letter, a letter run on a word or a number, 一是 runs that start again under each
heading or share one clause, 首先…其次 in prose, run-in headings under safeguards or with no clauses. The golds of
fixtures/marks91 are read by tests/parse/test_fix_golds.py.
"""

from __future__ import annotations

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.numbering import inline_markers, letter_markers, marker_at_start

HEAD = "某县人民政府办公室关于印发某县茶产业发展方案的通知\n\n各乡镇人民政府，县直各单位：\n\n　　现印发给你们，请认真落实。\n\n某县茶产业发展方案\n\n"
GOALS = "一、工作目标\n\n　　到2028年，全县茶园面积达到10万亩。\n\n"
TAIL = "三、保障措施\n\n（一）加强组织领导。成立工作专班。\n\n（二）强化资金保障。县财政安排专项资金。\n\n某县人民政府办公室\n2026年5月6日\n"


def _plan(text: str):
    return parse_plan(from_text(text, "plan.txt"))


def _labels(body: str) -> list[str]:
    return [m.label for m in _plan(HEAD + GOALS + body + TAIL).measures]


# ---------------------------------------------------------------- letters


def test_a_letter_is_a_label_only_before_han_text_and_not_run_on_a_word():
    assert marker_at_start("Ⅲ.改造老旧柑园。") is not None and marker_at_start("Ⅲ.改造老旧柑园。").label == "Ⅲ"
    assert marker_at_start("B、推动企业扩能改造。").ordinal == 2
    assert marker_at_start("C.“一码通”建设。").style == "latin_dot"
    assert marker_at_start("A股上市企业达到5家。") is None  # no stop after the letter
    assert marker_at_start("A.I. 应用场景") is None  # no Han text after it
    assert marker_at_start("Ⅲ类水质断面占比达到90%。") is None
    assert marker_at_start("5A.级景区") is None


def test_letters_at_paragraph_starts_count_only_in_a_run():
    texts = ["二、重点任务", "B.推进集雨设施建设。（县水利局负责）", "三、保障措施"]
    assert letter_markers([marker_at_start(t) for t in texts])[1] is None  # a lone B. is text
    texts = ["二、重点任务", "A.实施沟头防护。（县水利局负责）", "B.推进集雨设施建设。（县水利局负责）", "三、保障措施"]
    assert [mk.label for mk in letter_markers([marker_at_start(t) for t in texts])[1:3]] == ["A", "B"]
    # a letter left out: the run goes on (the numbering check reports the gap), a letter far on is text
    texts = ["A.实施沟头防护。", "B.推进集雨设施建设。", "D.开展治沟造地。", "K.加强植被恢复。"]
    assert [mk and mk.label for mk in letter_markers([marker_at_start(t) for t in texts])] == ["A", "B", "D", None]


def test_roman_measures_under_a_task_heading_are_the_measures():
    body = (
        "二、重点任务\n\n　　Ⅰ．建设生态茶园。新建生态茶园5000亩。（责任单位：县农业农村局牵头，县林业局配合）\n\n"
        "　　Ⅱ．培育加工企业。培育龙头企业3家。（责任单位：县工业和信息化局负责）\n\n"
    )
    plan = _plan(HEAD + GOALS + body + TAIL)
    assert [m.label for m in plan.measures] == ["Ⅰ", "Ⅱ"]
    assert [m.lead_units for m in plan.measures] == [["县农业农村局"], ["县工业和信息化局"]]


def test_letters_inside_a_page_run_on_one_line_cut_it():
    line = "二、主要任务 A.建设生态茶园。新建茶园5000亩。（县农业农村局负责） B.培育加工企业。（县工业和信息化局负责） 三、保障措施"
    found = [mk.label for mk in inline_markers(line) if mk.style == "latin_dot"]
    assert found == ["A", "B"]
    assert [mk.label for mk in inline_markers("到2028年培育A股上市企业1家。") if mk.style == "latin_dot"] == []


# ---------------------------------------------------------------- 一是 across group headings


def test_yishi_points_counting_on_across_group_headings_are_the_measures():
    body = (
        "二、重点任务\n\n（一）夯实基础\n\n　　一是建设生态茶园。新建茶园5000亩。（县农业农村局牵头，县林业局配合）\n\n"
        "　　二是改良茶树品种。（县农业农村局负责）\n\n（二）做强加工\n\n"
        "　　三是培育加工企业。培育龙头企业3家。（县工业和信息化局负责）\n\n"
    )
    assert _labels(body) == ["一是", "二是", "三是"]


def test_yishi_points_that_start_again_under_each_heading_stay_the_headings_parts():
    body = (
        "二、重点任务\n\n（一）夯实基础\n\n　　一是建设生态茶园。新建茶园5000亩。（县农业农村局牵头，县林业局配合）\n\n"
        "　　二是改良茶树品种。（县农业农村局负责）\n\n（二）做强加工\n\n"
        "　　一是培育加工企业。培育龙头企业3家。（县工业和信息化局负责）\n\n"
        "　　二是建设加工园区。（县工业和信息化局负责）\n\n"
    )
    assert _labels(body) == ["(一)", "(二)"]


def test_yishi_sub_points_under_a_heading_with_its_own_clause_stay_its_text():
    body = (
        "二、重点任务\n\n（一）夯实基础（县农业农村局牵头，县林业局配合）\n\n　　一是建设生态茶园。新建茶园5000亩。（县农业农村局负责）\n\n"
        "　　二是改良茶树品种。（县农业农村局负责）\n\n（二）做强加工（县工业和信息化局负责）\n\n"
        "　　三是培育加工企业。培育龙头企业3家。（县工业和信息化局负责）\n\n"
    )
    assert _labels(body) == ["(一)", "(二)"]


def test_yishi_points_sharing_one_clause_stay_their_headings_text():
    body = (
        "二、重点任务\n\n（一）夯实基础\n\n　　一是建设生态茶园。新建茶园5000亩。\n\n"
        "　　二是改良茶树品种。\n\n（二）做强加工\n\n"
        "　　三是培育加工企业。培育龙头企业3家。（县工业和信息化局负责）\n\n"
    )
    assert _labels(body) == ["(一)", "(二)"]


# ---------------------------------------------------------------- 首先 / 其次 / 最后


def test_sequence_word_paragraphs_each_with_a_clause_are_the_measures():
    body = (
        "二、工作举措\n\n　　重点抓好三个方面工作。\n\n　　首先，建设生态茶园。新建茶园5000亩。（县农业农村局负责）\n\n"
        "　　此外，培育加工企业。（县工业和信息化局牵头，县财政局配合）\n\n"
        "　　最后，打响区域品牌。（县市场监督管理局负责）\n\n"
    )
    plan = _plan(HEAD + GOALS + body + TAIL)
    assert [m.label for m in plan.measures] == ["首先", "此外", "最后"]
    assert plan.measures[1].support_units == ["县财政局"]


def test_sequence_words_in_prose_stay_prose():
    body = (
        "二、工作举措\n\n　　首先，要提高思想认识，明确专人负责。\n\n　　其次，要加强统筹协调。\n\n"
        "　　最后，要强化督查考核，县农业农村局负责牵头。\n\n"
    )
    assert "首先" not in _labels(body)
    # a run must open with 首先: 其次/最后 alone number nothing
    body = "二、工作举措\n\n　　其次，建设生态茶园。（县农业农村局负责）\n\n　　最后，培育加工企业。（县工业和信息化局负责）\n\n"
    assert "其次" not in _labels(body)


# ---------------------------------------------------------------- run-in headings


def test_unnumbered_run_in_headed_paragraphs_with_clauses_are_the_measures():
    body = (
        "二、做强茶叶加工\n\n　　培育加工企业。培育龙头企业3家。（县工业和信息化局牵头，县财政局配合）\n\n"
        "　　建设加工园区。2027年底前建成茶叶加工园区1个。（县发展和改革局负责）\n\n"
    )
    plan = _plan(HEAD + GOALS + body + TAIL)
    assert [m.label for m in plan.measures] == ["培育加工企业", "建设加工园区"]
    assert plan.measures[0].text.startswith("培育加工企业。")


def test_run_in_headings_without_clauses_or_under_safeguards_stay_text():
    no_clause = "二、做强茶叶加工\n\n　　培育加工企业。培育龙头企业3家。\n\n　　建设加工园区。建成茶叶加工园区1个。\n\n"
    assert _labels(no_clause) == ["一", "二", "三"]
    safeguards = (
        "二、保障措施\n\n　　加强组织领导。成立工作专班。（县农业农村局负责）\n\n"
        "　　强化资金保障。安排专项资金。（县财政局负责）\n\n"
    )
    assert "加强组织领导" not in [m.label for m in _plan(HEAD + GOALS + safeguards).measures]
    numbered = (
        "二、重点任务\n\n（一）做强加工\n\n　　一是培育加工企业。（县工业和信息化局负责）\n\n　　二是建设园区。（县发展和改革局负责）\n\n"
        "（二）打响品牌\n\n　　一是开展推介。（县商务局负责）\n\n　　二是建设展馆。（县文化和旅游局负责）\n\n"
    )
    assert _labels(numbered) == ["(一)", "(二)"]  # paragraphs numbered in words are no unnumbered run-in headings


def test_one_sentence_paragraphs_or_a_single_paragraph_under_headings_are_no_run_in_items():
    one_sentence = (
        "二、做强茶叶加工\n\n　　培育加工企业3家。（县工业和信息化局负责）\n\n　　建成茶叶加工园区1个。（县发展和改革局负责）\n\n"
    )
    assert "培育加工企业3家" not in _labels(one_sentence)
    single = (
        "二、做强茶叶加工\n\n　　培育加工企业。培育龙头企业3家。（县工业和信息化局负责）\n\n"
        "三、打响茶叶品牌\n\n　　开展品牌推介。每年举办推介会2场。（县商务局负责）\n\n"
    )
    assert "培育加工企业" not in _labels(single)
