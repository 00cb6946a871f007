"""Page furniture glued before the issuer's name or the title on a one-line scraped page (issue #16, a held-out
敦煌市 page: "字号：大 中 小 视力保护色敦煌市人民政府办公室关于印发…" gave the jurisdiction 大中小视力保护色敦煌市 and the
level city, where the page with its line breaks gives the county-level city 敦煌市). A furniture word
(rulesets/data/page_furniture.yaml) is never part of a place name, a font-size switch is furniture whether its
sizes are spaced (大 中 小) or not, and a one-line page's level and jurisdiction are those of the same page with
its line breaks (fixtures/oneline/lines/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import load_document, normalise_line
from engine.parse import parse_plan
from engine.parse.level import infer, named_by_bodies, places_in

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "oneline"
PAGES = ["dunhuang-county-city-tourism-aid-glued", "taishan-county-city-rice-traditional-aids"]


def _where(path: Path) -> tuple[str, str, str | None]:
    plan = parse_plan(load_document(str(path)))
    return plan.level, plan.jurisdiction, plan.parent_jurisdiction


@pytest.mark.parametrize("name", PAGES)
def test_a_one_line_page_has_the_level_and_place_of_the_page_with_its_line_breaks(name):
    one_line, lines = _where(ROOT / f"{name}.txt"), _where(ROOT / "lines" / f"{name}.txt")
    assert one_line == lines
    assert one_line[0] == "county" and one_line[2] in ("酒泉市", "江门市")


# the reader aids and buttons of portals' article pages, as scraped before the issuer (a page with a footer)
AIDS = ["字号：大 中 小 视力保护色", "【字体：大 中 小】", "字号 大中小 视力保护色", "字号：大 中 小 背景色",
        "字号：大中小 护眼模式", "打印 关闭", "分享到", "字號：大 中 小 視力保護色", "【字體：大 中 小】 護眼模式"]  # fmt: skip
NOTICE = ("敦煌市人民政府办公室关于印发2025年文化旅游融合发展工作方案的通知 各乡镇人民政府，市政府各部门： "
          "2025年文化旅游融合发展工作方案 为推进文旅融合，结合我市实际，制定本方案。 一、工作目标 全年接待游客1800万人次。 "
          "二、重点任务 （一）提升景区品质。推进景区智慧化改造。（市文体广电和旅游局负责） "
          "三、保障措施 加强组织领导。 主办单位：敦煌市人民政府办公室 甘ICP备05001234号")  # fmt: skip
TITLE = NOTICE[NOTICE.index("2025年文化旅游融合发展工作方案 为") :].replace("2025年文化", "敦煌市2025年文化", 1)


@pytest.mark.parametrize(
    ("body", "title"),
    [(NOTICE, "2025年文化旅游融合发展工作方案"), (TITLE, "敦煌市2025年文化旅游融合发展工作方案")],
    ids=["before-the-issuer", "before-the-title"],
)
def test_aids_glued_before_the_issuer_or_title_are_no_part_of_the_place(body, title, tmp_path):
    """Every variant of the aids (AIDS), glued right before the notice's issuer or the plan's title."""
    wrong = []
    for k, aids in enumerate(AIDS):
        path = tmp_path / f"page{k}.txt"
        path.write_text("发布时间：2025-04-18 浏览次数：1026 " + aids + body, "utf-8")
        plan = parse_plan(load_document(str(path)))
        got = (plan.level, plan.jurisdiction, plan.parent_jurisdiction, plan.title)
        if got != ("county", "敦煌市", "酒泉市", title):
            wrong.append((aids, got))
    assert wrong == []


@pytest.mark.parametrize(
    "issuer",
    ["大中小视力保护色敦煌市人民政府办公室", "中小视力保护色敦煌市人民政府办公室", "字号：大 中 小 视力保护色敦煌市人民政府办公室",
     "打印 关闭敦煌市人民政府", "護眼模式敦煌市人民政府辦公室"],
)  # fmt: skip
def test_an_issuer_with_furniture_glued_before_it_is_read_by_its_own_name(issuer):
    """The reader of names alone (engine/parse/level.py), whatever the ingest left: the furniture words and the
    tail of one whose head was cut (中小 of 大 中 小) before the name are skipped, never made part of it."""
    assert not [n for n in named_by_bodies([issuer]) if "视力" in n or "中小" in n or "打印" in n]
    assert infer(["2025年文化旅游融合发展工作方案", issuer], "") == ("敦煌市", "酒泉市", "county")
    assert places_in("视力保护色敦煌市文化旅游融合发展工作方案") == [("敦煌市", "city")]
    assert places_in("打印敦煌市文化旅游融合发展工作方案") == [("敦煌市", "city")]


def test_the_aids_are_cut_and_plan_sentences_with_those_words_stay(tmp_path):
    """The words of the switches are also words of sentences (大中小学, a design standard's 背景色 and 字号): inside
    the plan they stay, at the page's top they go."""
    sentences = "推进大中小学思政课一体化建设。背景色采用中国红，字号不小于三号。护眼模式产品推广行动。"
    page = TITLE.replace("制定本方案。", "制定本方案。" + sentences)
    path = tmp_path / "page.txt"
    path.write_text("字号：大 中 小 背景色 护眼模式" + page, "utf-8")
    plan = parse_plan(load_document(str(path)))
    assert plan.title.startswith("敦煌市2025年")
    text = "".join(p.text for p in load_document(str(path)).paragraphs)
    assert normalise_line(sentences)[0] in text


@pytest.mark.parametrize(
    ("title", "places"),
    [
        # a lone weak word (分享, 打印) opening a title is the title's own word, unless a place the gazetteer knows follows
        ("分享经济示范区建设方案", []),
        ("分享经济示范区建设三年行动方案（2025—2027年）", []),
        ("打印敦煌市文化旅游融合发展工作方案", [("敦煌市", "city")]),
        # a strong word, or two words, are furniture whatever follows
        ("视力保护色敦煌市文化旅游融合发展工作方案", [("敦煌市", "city")]),
        ("打印 关闭敦煌市文化旅游融合发展工作方案", [("敦煌市", "city")]),
    ],
)
def test_a_lone_weak_furniture_word_is_a_titles_own(title, places):
    assert places_in(title) == places
