"""Translations printed with the Chinese (engine/ingest/translations.py, rulesets/data/scripts.yaml): a paragraph wholly
(or nearly) in a minority script beside Chinese paragraphs — a bilingual 红头 or 落款 line, or one half of a paragraph
pair — is set aside as removed, so the title, the measures and the checks read the Chinese alone. Latin letters (壮文,
and English) count only where the document is printed in pairs; a Chinese document's Latin names, a quoted minority
word inside a Chinese sentence and an English abstract stay. The documents are fixtures/bilingual76 (README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import from_text, load_document
from engine.ingest.readers import split_lines
from engine.ingest.translations import _scripts, cut
from engine.pipeline import check

FIX = Path(__file__).resolve().parents[2] / "fixtures" / "bilingual76"

KOREAN_PAIRS = """\
연길시 인민정부 판공실
延吉市人民政府办公室
연길시 로인식당 건설 사업방안
延吉市老年食堂建设工作方案
一、중점과업
一、重点任务
1. 사회구역 로인식당을 건설한다.(시민정국 주도)
1.建设社区老年食堂。（市民政局负责）
2. 배송봉사를 발전시킨다.(시상무국 주도)
2.发展助餐配送服务。（市商务局负责）
2026년 6월 1일
2026年6月1日
"""


def _texts(text: str) -> list[str]:
    return [p.text for p in from_text(text).paragraphs]


def test_the_minority_half_of_each_pair_is_set_aside():
    doc = from_text(KOREAN_PAIRS)
    assert [p.text for p in doc.paragraphs] == [
        "延吉市人民政府办公室", "延吉市老年食堂建设工作方案", "一、重点任务", "1.建设社区老年食堂。(市民政局负责)",
        "2.发展助餐配送服务。(市商务局负责)", "2026年6月1日",
    ]  # fmt: skip
    assert doc.removed[:2] == ["연길시 인민정부 판공실", "연길시 로인식당 건설 사업방안"]
    assert "2026년 6월 1일" in doc.removed  # a date in Korean: three letters, no Han
    assert [p.line for p in doc.paragraphs][:2] == [2, 4]  # lines keep their numbers


def test_chinese_first_pairs_and_a_masthead_line_alike():
    yi = "\n".join(["县人民政府办公室", "ꊿꂷꍩꃅ ꀊꇁꄀ", "1.建设基地。（县农业农村局负责）", "1. ꀑꄸ ꏃꊂ ꆏꀉ꒱ (ꏦ ꇁꄀ)"])
    assert _texts(yi) == ["县人民政府办公室", "1.建设基地。(县农业农村局负责)"]
    tibetan = "\n".join(["བོད་རང་སྐྱོང་ལྗོངས་མི་དམངས་སྲིད་གཞུང་།", "西藏自治区人民政府文件", "藏政发〔2026〕3号", "一、总体要求"])
    assert _texts(tibetan)[0] == "西藏自治区人民政府文件"


@pytest.mark.parametrize(
    "line",
    [
        "蒙古文：ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ",  # a label and a word in the script: more Han than a quarter of its letters
        "在牧区设置蒙汉双语标识牌（“ᠰᠡᠷᠭᠡᠶᠢᠯᠡ”），提醒注意防火。",
        "设置维吾尔文“ئېھتىيات قىلىڭ”警示牌。",
        "1.推广“한글”教学。",
    ],
)
def test_a_chinese_line_quoting_a_minority_word_stays(line):
    text = "\n".join(["某县工作方案", "为做好工作，制定本方案。", line, "二、保障措施"])
    assert line.replace("（", "(").replace("）", ")") in _texts(text)


def test_a_text_in_the_minority_language_alone_is_left_whole():
    uyghur = ["شىنجاڭ ئۇيغۇر ئاپتونوم رايونى", "خىزمەت پىلانى", "بىرىنچى، نىشان", "ئىككىنچى، ۋەزىپە", "新疆维吾尔自治区"]
    assert len(_texts("\n".join(uyghur))) == 5


ZHUANG = [
    "Gvangjsih Bouxcuengh Swcigih Yinzminz Cwngfuj", "广西壮族自治区人民政府",
    "（一）Guh ndei hong ndaem faex gak dieg.", "（一）做好植树造林工作。",
    "（二）Gya'gvangq roen gai doxgaiq ndaw mbanj.", "（二）拓宽农产品销售渠道。",
]  # fmt: skip


def test_latin_letters_are_a_translation_only_in_a_document_printed_in_pairs():
    assert _texts("\n".join(ZHUANG)) == ["广西壮族自治区人民政府", "(一)做好植树造林工作。", "(二)拓宽农产品销售渠道。"]
    one_pair = ZHUANG[:4]  # one numbered pair is no evidence: the Latin lines stay
    assert len(_texts("\n".join(one_pair))) == 4


def test_latin_names_and_an_english_abstract_stay():
    lines = [
        "某市智慧医疗行动方案", "（一）在公共场所配置AED。", "AED", "（二）推进5G网络覆盖。", "5G", "（三）通过ISO 9001认证。",
        "ISO 9001", "（四）建设数据中心。", "www.example.gov.cn", "三、保障措施", "各部门要抓好落实。",
        "Abstract", "This plan sets out four actions for smart health care in the city by 2027.",
        "Keywords: smart health care; AED; 5G",
    ]  # fmt: skip
    doc = from_text("\n".join(lines))
    assert doc.removed == []
    assert len(doc.paragraphs) == len(lines)
    english = from_text((FIX / "qiongzhong-county-rainforest-trails-english-abstract.txt").read_text("utf-8"))
    assert english.removed == [] and english.paragraphs[-1].text.startswith("Keywords:")


def test_a_bilingual_plan_draws_no_finding_from_its_translation():
    """Read as text, each Korean paragraph was the plan's: "一" numbered twice, a Korean item without a lead unit, its
    half-width brackets and commas against the Chinese full-width ones. Now none of it is checked."""
    run = check(str(FIX / "changbai-county-forest-ginseng-korean-pairs.txt"), allow_no_parent=True, fail_on="none")
    assert run.report.findings == []
    doc = load_document(str(FIX / "changbai-county-forest-ginseng-korean-pairs.txt"))
    assert len(doc.removed) == 14  # issuer, title, preamble, 3 headings, goal, 4 items, 保障措施, 落款, date
    assert not any("\uac00" <= ch <= "\ud7af" for p in doc.paragraphs for ch in p.text)


def test_a_quoted_word_stays_in_its_measure_and_the_masthead_line_goes():
    run = check(str(FIX / "wuqia-county-winter-migration-kyrgyz-header.txt"), allow_no_parent=True, fail_on="none")
    assert run.draft.title == "乌恰县牧民冬季转场安全保障工作方案"
    assert "ساق بولۇڭۇز" in run.draft.measures[1].text
    doc = load_document(str(FIX / "wuqia-county-winter-migration-kyrgyz-header.txt"))
    assert len(doc.removed) == 3  # the 红头, 落款 and title lines in Kyrgyz


def test_the_docx_and_the_html_are_read_the_same_way():
    docx = load_document(str(FIX / "abag-banner-grassland-fire-mongolian-pairs.docx"))
    assert not any("\u1800" <= ch <= "\u18af" for p in docx.paragraphs for ch in p.text)
    assert len(docx.removed) == 14  # the 红头, 11 paragraphs of the text (title to 工作要求), 落款 and date
    page = load_document(str(FIX / "jingxi-city-embroidered-ball-zhuang-pairs.html"))
    assert not any("Cingsih" in p.text or "daezdaeuz" in p.text for p in page.paragraphs)
    assert any("Sawcuengh" in p.text for p in page.paragraphs) or any("Sawcuengh" in r for r in page.removed)


def test_every_script_of_the_data_is_read():
    names = [s.name for s in _scripts()]
    assert len(names) >= 8 and any(s.paired for s in _scripts())
    assert all(s.letters.pattern.startswith("[") for s in _scripts())


def test_a_long_page_and_many_lines_are_read_whole():
    """Every translated line of a long page and of many lines is cut (speed is a benchmark's business, not a test's:
    the brief keeps timings out of unit tests)."""
    lines = split_lines(("（一）做好工作。（县农业农村局负责）" * 20000 + "\n" + "ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ\n") * 3)
    many = split_lines("（一）做好工作。（县农业农村局负责）\nᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ\n" * 20000)
    (_, long_removed), (_, many_removed) = cut(lines), cut(many)
    assert long_removed.count("ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ") == 3 and len(many_removed) == 20000
