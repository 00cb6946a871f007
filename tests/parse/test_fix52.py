"""Classes of fixtures/fix52 (see its README), shown by blind52: a 通知 whose 附件2 task table carries the units of
附件1's measures, in a .pdf and its pdftotext -layout text (the 附件N captions atop their pages were dropped as a running
header); a development zone's own body as issuer, ranked with the divisions right below the government that set the
zone up (rulesets/data/levels.yaml `zones`); 金融办 since the 2023 reform (the party committee's, not the government's
地方金融管理局); an English chrome's labels (Source:, Attachment:, Prev:) as page furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract.unitnames import Where, load_registry, own_words, read_unit
from engine.ingest import load_document
from engine.ingest.readers import drop_page_furniture, split_lines
from engine.ingest.tables import own_captions
from engine.parse import parse_plan
from engine.parse.level import infer
from engine.pipeline import check

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "fix52"

HUZHOU = [
    ("(一)", ["市民政局"], ["市数据局", "市卫生健康委", "市医保局"]),
    ("(二)", ["市民政局"], ["市应急管理局", "湖州市消防救援支队", "各区县人民政府"]),
    ("(三)", ["各区县人民政府"], ["市民政局", "市住房城乡建设局"]),
    ("(四)", ["市卫生健康委", "市民政局"], ["市医保局"]),
    ("(五)", ["市经信局"], ["市科技局", "市商务局", "湖州市南太湖新区管委会"]),
    ("(六)", ["市人力社保局"], ["市教育局", "湖州职业技术学院"]),
    ("(七)", ["市数据局"], ["市经信局", "市交通运输局", "市卫生健康委"]),
    ("(八)", ["市民政局"], ["市市场监管局"]),
    ("(九)", ["市民政局"], ["市农业农村局", "各区县人民政府"]),
    ("(十)", ["市民政局", "市财政局"], []),  # the row a page break splits
]


def _plan(name: str):
    return parse_plan(load_document(str(HERE / name)))


def _units(name: str) -> list[tuple[str, list[str], list[str]]]:
    return [(m.label, m.lead_units, m.support_units) for m in _plan(name).measures]


@pytest.mark.parametrize("name", ["huzhou-city-smart-elderly-care-annex2.pdf",
                                  "huzhou-city-smart-elderly-care-annex2-layout.txt"])
def test_each_measure_takes_the_units_of_its_row_in_the_annexed_table(name: str) -> None:
    assert _units(name) == HUZHOU


@pytest.mark.parametrize("name", ["huzhou-city-smart-elderly-care-annex2.pdf",
                                  "huzhou-city-smart-elderly-care-annex2-layout.txt"])
def test_the_captions_atop_their_pages_are_kept_as_text(name: str) -> None:
    texts = [p.text.replace(" ", "") for p in load_document(str(HERE / name)).paragraphs]
    assert {"附件1", "附件2", "附件3"} <= set(texts)


def test_a_zone_s_plan_reads_its_table_and_ranks_under_its_province() -> None:
    plan = _plan("dianzhong-newarea-low-altitude-annex2.pdf")
    assert (plan.level, plan.jurisdiction) == ("city", "滇中新区")
    assert [(m.lead_units, m.support_units) for m in plan.measures] == [
        (["新区规划建设局"], ["新区自然资源局", "各片区管理局"]),
        (["新区经济发展局"], ["新区应急管理局", "云南电网公司滇中新区供电局"]),
        (["新区投资促进局", "新区经济发展局"], []),
        (["新区交通运输局"], ["民航云南监管局"]),
        (["新区公安局"], ["新区交通运输局", "空军有关部门"]),
    ]


@pytest.mark.parametrize(("texts", "own"), [
    (["附件1", "附件2"], True),
    (["附件 1", "附件2　重点任务分工表", "附件3"], True),
    (["附表1", "附表2"], True),
    (["附件1", "附件1"], False),  # one attachment's running header
    (["湖州市人民政府公报 2026年第3期", "湖州市人民政府公报 2026年第4期"], False),  # no caption
    (["附件1"], False),
])
def test_own_captions_are_numbered_captions_each_with_a_number_of_its_own(texts: list[str], own: bool) -> None:
    assert own_captions(texts) is own


def _form_fed(pages: list[list[str]]) -> list[tuple[int, str]]:
    """The lines of a text whose pages a form feed separates, as split_lines numbers them."""
    return split_lines("\f".join("\n".join(page) + "\n" for page in pages))


def test_a_form_fed_text_keeps_part_captions_and_drops_a_running_header() -> None:
    # 附件1 and 附件2 atop two of four pages: each part's caption, kept; the notice's page number stays furniture
    pages = [["某某通知", "— 1 —"], ["附件1", "方案的开头", "— 2 —"], ["方案的结尾", "— 3 —"], ["附件2", "分工表", "— 4 —"]]
    kept, removed = drop_page_furniture(_form_fed(pages))
    assert {"附件1", "附件2"} <= {t.strip("\f") for _, t in kept}
    assert removed == ["— 1 —", "— 2 —", "— 3 —", "— 4 —"]
    # one attachment's running header (附件1 atop each of its pages) is still dropped
    header = [["附件1", "甲"], ["附件1", "乙"], ["附件1", "丙"]]
    assert drop_page_furniture(_form_fed(header))[1] == ["附件1", "附件1", "附件1"]


@pytest.mark.parametrize(("name", "level", "jurisdiction"), [
    ("teda-zone-hydrogen.txt", "county", "天津经济技术开发区"),  # a 直辖市's zone
    ("yangpu-zone-english-chrome.html", "city", "洋浦经济开发区"),  # a province's zone
    ("nanning-city-wuxiang-newarea.txt", "city", "南宁市"),  # a city's own plan for its zone
    ("dianzhong-newarea-low-altitude-annex2.pdf", "city", "滇中新区"),
])
def test_a_zone_ranks_below_the_government_that_set_it_up(name: str, level: str, jurisdiction: str) -> None:
    plan = _plan(name)
    assert (plan.level, plan.jurisdiction) == (level, jurisdiction)


@pytest.mark.parametrize(("candidates", "texts", "reading"), [
    (["赣州新区方案", "江西赣江新区管理委员会"], "", None),  # the title names another place: the title's
    (["西安高新区数字经济行动方案", "西安高新区管委会"], "", ("西安高新区", "西安市", "county")),
    (["苏州工业园区人工智能行动方案", "苏州工业园区管理委员会"], "", ("苏州工业园区", "苏州市", "county")),
    (["雄安新区数字城市行动方案", "河北雄安新区管理委员会"], "", ("雄安新区", "河北", "city")),
    (["氢能方案", "长兴县经济开发区管理委员会"], "", ("长兴县经济开发区", "长兴县", "town")),
    (["中国（广西）自由贸易试验区南宁片区跨境金融方案", "中国（广西）自由贸易试验区南宁片区管理委员会"], "",
     ("南宁片区", "南宁市", "county")),  # a 片区 of a province's zone, run by its city
    (["前海国际人才港建设方案", "深圳市前海管理局"], "建设前海深港现代服务业合作区", ("前海", "深圳市", "county")),
    # no zone: a city's departments named 管理局, an ordinary district called 新区, a city plan naming its zone
    (["公共数据开放行动方案", "深圳市数据管理局"], "推进数据要素综合试验区建设", ("深圳市", None, "city")),
    (["城市管理示范区建设方案", "深圳市城市管理局"], "城市管理示范区", ("深圳市", None, "city")),
    (["前海国际人才港建设方案", "深圳市前海管理局"], "", ("深圳市", None, "city")),  # never named in full as a zone
    (["天津市滨海新区融资租赁行动方案", "天津市滨海新区人民政府办公室"], "", ("滨海新区", "天津", "county")),
    (["城南街道产业发展方案", "中共南京市城南街道工作委员会"], "建设城南街道产业园区", ("城南街道", "南京市", "town")),
    (["苏州工业园区人工智能行动方案", "江苏省苏州工业园区管理委员会"], "", ("苏州工业园区", "苏州市", "county")),
    (["珠海市支持珠海高新区高质量发展的若干措施", "珠海市人民政府"], "", ("珠海市", None, "city")),
])
def test_a_zone_is_read_from_its_own_body_only(candidates: list[str], texts: str, reading) -> None:
    got = infer(candidates, texts)
    if reading is None:
        assert got[0] != "赣江新区"
    else:
        assert got == reading


def test_a_zone_names_its_own_bodies_with_its_kind() -> None:
    assert own_words(Where("city", "赣江新区", "江西"))[0] == "新区"
    assert own_words(Where("county", "滨海新区", "天津"))[0] == "区"  # a 市辖区 writes 区 first, 新区 too
    assert "新区" in own_words(Where("county", "滨海新区", "天津"))
    assert own_words(Where("county", "城中区", "柳州市")) == ("区",)


@pytest.mark.parametrize(("one", "other", "same"), [
    ("省委金融办", "省地方金融管理局", False),  # the party committee's office, the government's bureau (2023)
    ("中共海南省委金融办", "省地方金融管理局", False),
    ("县金融办", "县金融工作办公室", True),  # the government's, two names of one body
    ("省委金融办", "省委金融委员会办公室", True),
])
def test_jinrongban_is_read_by_its_prefix(one: str, other: str, same: bool) -> None:
    reg, where = load_registry(), Where("province", "海南", "")
    a, b = read_unit(one, where, reg), read_unit(other, where, reg)
    assert a.body is not None and b.body is not None
    assert (a.body.id == b.body.id) is same


def _findings(name: str, kind: str) -> list:
    run_ = check(str(HERE / name), allow_no_parent=True, fail_on="none")
    return [f for f in run_.report.findings if f.check == kind]


def test_two_finance_bodies_are_not_one_unit_written_two_ways() -> None:
    assert _findings("hainan-province-finance-two-offices.txt", "unit_naming") == []


def test_an_english_chrome_s_labels_are_furniture_not_text() -> None:
    doc = load_document(str(HERE / "yangpu-zone-english-chrome.html"))
    texts = " ".join(p.text for p in doc.paragraphs)
    for label in ("Source:", "Attachment:", "Prev:", "Next:", "Print"):
        assert label not in texts
    assert _findings("yangpu-zone-english-chrome.html", "format") == []
    assert [m.lead_units for m in _plan("yangpu-zone-english-chrome.html").measures] == [
        ["开发区交通运输和港航局"], ["洋浦海事局"], ["开发区金融服务局"], ["开发区规划建设局"],
    ]
