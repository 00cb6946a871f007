"""Acceptance on documents the code had not seen (issue #16): fixtures/unseen/ and fixtures/heldout/.

The eleven plans and their NAME.expected.yaml gold files were written and counted by hand BEFORE the
engine was read (see fixtures/unseen/README.md). Each test compares `plancheck parse --format json` with
the gold file: the title, the measures (numbering as printed, in order, and the start of each text) and each
measure's lead and support units; and, apart, that no measure runs on into the closing text or the
signature. A document the engine reads wrongly today is marked
xfail(strict=True) with the cause as seen in the output; the gold files are never adjusted to the code.

Representation only is normalised on both sides (full-width ↔ ASCII brackets, traditional ↔ simplified
characters, the punctuation after a number; a jurisdiction's short form, and a gold jurisdiction written as a
chain of divisions read as the code's jurisdiction with its parent: `level_difference`), never content.

fixtures/heldout/ is a second blind set (same schema, written by another examiner after the code had been
fixed against fixtures/unseen/); its names are "heldout/NAME". It is a measure: its failures are xfail with
the cause, and the code is not tuned on it.

fixtures/blind3/ is a third blind set (same schema, written by a third examiner after the code had been
fixed against both; see fixtures/blind3/README.md); its names are "blind3/NAME", its pair is
fixtures/blind3/pair/ (gold in pair/expected.yaml). It is a measure too: failures are xfail with the cause seen.

fixtures/blind4/ is a fourth (a fourth examiner, other provinces, domains and forms: GBK, .docx with Word
numbering and a task table, .pdf, .html, traditional, one line; see its README); names "blind4/NAME", pair
fixtures/blind4/pair/. Measured blind first (4 of 11, the pair both defects and nothing else), then the classes
it showed fixed (BENCHMARKS.md).

Later blind sets (fixtures/blindN/, same schema, each with a README saying how it was written) are found by
their folder; each is measured blind first and its figure recorded in BENCHMARKS.md before anything is fixed.

`python tests/acceptance/test_unseen.py` prints the per-document comparison and the tally (`--heldout`: of the
held-out set; `--blindN`: of the Nth set; several flags, `--blind39 --blind40`: each set in turn, then each set's
figures); a flag naming no set is refused.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

_ROOT = str(Path(__file__).resolve().parents[2])
# bench/ is beside the package, not installed (as in tests/bench); this also serves a run as a script
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)
from bench.gold import closing_overrun, compare, norm, norm_ref, same_jurisdiction  # noqa: E402
from engine.cli import main  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
UNSEEN = ROOT / "fixtures" / "unseen"
HELDOUT = ROOT / "fixtures" / "heldout"
PAIR = UNSEEN / "pair"
# Every later blind set is a folder fixtures/blindN/ (N = 3, 4, …) of eleven NAME.expected.yaml gold files and a
# pair/expected.yaml; a new set is measured by adding its folder, nothing else.
BLIND_SETS = {
    p.name: p
    for p in sorted((ROOT / "fixtures").glob("blind[0-9]*"), key=lambda p: int(p.name[5:]))
    if p.is_dir()
}


def run_cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


_SETS = {"heldout/": HELDOUT} | {f"{name}/": where for name, where in BLIND_SETS.items()}


def _split(name: str) -> tuple[Path, str]:
    """The folder of a name and the name within it ("heldout/X" → fixtures/heldout/, "blind3/X" → blind3/)."""
    for prefix, where in _SETS.items():
        if name.startswith(prefix):
            return where, name.removeprefix(prefix)
    return UNSEEN, name


def folder(name: str) -> Path:
    """The fixture folder of a document name ("heldout/NAME" is in fixtures/heldout/, NAME in unseen/)."""
    return _split(name)[0]


def fixture(file: str) -> Path:
    """FILE is relative to fixtures/unseen/, or "heldout/FILE" / "blind3/FILE" for the other sets."""
    where, rest = _split(file)
    return where / rest


@cache
def parsed(file: str) -> dict:
    code, out = run_cli("parse", "--format", "json", str(fixture(file)))
    assert code == 0, out
    return json.loads(out)


def expected(name: str) -> dict:
    where, rest = _split(name)
    gold = yaml.safe_load((where / f"{rest}.expected.yaml").read_text("utf-8"))
    prefix = name.removesuffix(rest)
    gold["file"] = f"{prefix}{gold['file']}"
    return gold


NAMES = sorted(p.name.removesuffix(".expected.yaml") for p in UNSEEN.glob("*.expected.yaml"))
HELDOUT_NAMES = sorted(
    f"heldout/{p.name.removesuffix('.expected.yaml')}" for p in HELDOUT.glob("*.expected.yaml")
)
BLIND_NAMES = {
    name: sorted(f"{name}/{p.name.removesuffix('.expected.yaml')}" for p in where.glob("*.expected.yaml"))
    for name, where in BLIND_SETS.items()
}
ALL_BLIND_NAMES = [n for names in BLIND_NAMES.values() for n in names]


def differences(name: str) -> list[str]:
    """Every way the parse of NAME differs from its gold file (empty: exactly right; bench.gold.compare)."""
    gold = expected(name)
    return compare(gold, parsed(gold["file"]))


# What is wrong today, as seen in the output (filled in from the first run; see the report).
KNOWN: dict[str, str] = {
    "county-city-jobs-scraped": "units: the examiners disagree on “各镇人民政府、街道办事处”: this one counts one "
    "group name, three blind examiners (blind3 沛县, 清镇; blind4 渝北区) count two kinds of body, each a whole name. "
    "The code follows the three (responsibility._joins_group); this gold is not changed",
    # blind18–19, held out, first run (2026-12-06, main at ef1c7bc): 6 and 10 of 11
    "blind18/sichuan-province-baijiu": "units: (七) prints “（X、Y、Z负责）” (no 牵头, no first-listed convention) and is read as three leads; the gold gives X lead, Y、Z support ((一)'s “X牵头，Y、Z等按职责分工负责” is read right)",
    # blind28–29, held out, first run (2026-12-06, main at 00ead37): 6 and 8 of 11 — all fixed the same session
    # blind30–33, held out, first run (2026-12-06, main at 61c8974): 9, 8, 4 (7 but for a gold slip), 10 of 11
    "blind32/macheng-county-city-chrysanthemum": "gold slip: its flow list splits the collective name 各乡镇（区、街道） at the 、 inside its brackets, where its own header comment counts it one unit (as the code reads it); the gold is not changed",
    "blind32/miyun-district-reservoir-oneline": "gold slip: its flow list splits the collective name 各镇（街道、地区） at the 、 inside its brackets, where its own header comment counts it one unit (as the code reads it); the gold is not changed",
    "blind32/ningbo-city-mould-table-continued": "gold slip: its flow list splits the collective name 各区（县、市）人民政府 at the 、 inside its brackets, where its own header comment counts it one unit (as the code reads it); the gold is not changed",
    "blind32/xianning-city-osmanthus-gbk": "gold slip: its flow list splits the collective name 各县（市、区）人民政府 at the 、 inside its brackets, where its own header comment counts it one unit (as the code reads it); the gold is not changed",
    # blind34–35, held out, first run (2026-12-06, main at d419ae6, the end of the session): 9 and 10 of 11
    # blind36, held out, first run (2026-12-06, main at 41d6043): 5 of 11, level 10 of 11, closing 11 of 11, pair right
    # blind37, held out, first run (2026-12-06, main at 09a591e, after labels36/prose36/tables36/pointers36/fix36): 8 of 11, level 11/11, closing 11/11, pair right
    # blind38, held out, first run (2026-12-07, main at c767528, after labels36b/prose36b): 9 of 11, level 11/11, closing 11/11, pair right
    # blind39, held out, first run (2026-12-07, main at 287a4e5, after report39/tables39/fix40b/debt39/fix40a/open39): 10 of 11, level 11/11, closing 11/11, pair right
    # (bortala's 配合单位 cell 州发展改革委 / 中国铁路乌鲁木齐局集团有限公司, two names one a line: read apart since fix39)
    # blind41, held out, first run (2026-12-07, main at 14408ea, before fix39): 10 of 11, level 11/11, closing 11/11, pair right
    # (xiamen's 责任单位 cell 市工业和信息化局（牵头）/ 市商务局 / 湖里区人民政府, a name closed by its role mark: read apart since fix41b)
    # blind43, held out, first run (2026-12-07, main at a6d6b13, after fix39): 8 of 11, level 11/11, closing 10/11, pair right
    # (cnca's heading-line dash clause, qianan's 主要/次要责任单位, maoming's 以上措施自…施行 closing and guigang's title
    # quoting the plan it carries out since fix43)
    # blind42 and blind44, held out, first run (2026-12-07, main at 9f031b3, every fix of the session merged): 9 and 8 of 11, level 10/11 and 11/11, closing 11/11, pairs both defects (blind42's with one more warning)
    # (blind42's chizhou principles and suixi 转发 notice read since fix42; blind44's fujian two-column table since fix44b, its gansu title label and yongzhou bare （X） units since fix44a)
    # blind45, held out, first run (2026-12-07, main at 8768769): 11 of 11, level 10/11, closing 10/11, pair: clause missed
    # blind46, held out, first run (2026-12-07, main at 9db0819, after blind45's similarity fix): 11 of 11, level 11/11, closing 11/11, pair right, alone no finding
    # blind47, held out, first run (2026-12-07, main at 97cd246): 11 of 11, level 11/11, closing 11/11, pair right, alone no finding
    # blind48, held out, first run (2026-12-07, main at 68b685b): 9 of 11, level 11/11, closing 11/11, pair right
    # (ggj's “措施一：” labels read since fix48 (entry_numbering.yaml words); guoluo's （牵头） on its own <br> line since fix48)
    # blind49, held out, first run (2026-12-07, main at 8411366): 10 of 11, level 11/11, closing 11/11, pair right
    # (chongming's safeguards （一）…（三） with “（X负责）” after 三、实施步骤: no measures since fix49)
    # blind50, held out, first run (2026-12-07, main at 2c3e9ce): 10 of 11, level 10/11, closing 11/11, pair right
    # (sanjiang's deadline-first clause read since fix50)
    # blind51, held out, first run (2026-12-07, main at 26788e2): 8 of 11, level 11/11, closing 11/11, pair right
    # (hebi's units set apart by spaces and its wrapped list, shenjishu's “A和B”: fixed after measuring, fixtures/fix51)
    "blind51/hebei-province-gas-cylinders": "gold error, not changed: the gold's header counts 各市（含定州、辛集市）人民政府 as ONE collective unit, its list splits it at the 、 inside the bracket; the code reads the one unit the header describes",
    # blind52, held out, first run (2026-12-07, main at d21ef1e): 10 of 11, level 9/11, closing 11/11, pair right
    # (liangjiang's .pdf 附件2 分工表 read since fix52: the 附件 captions atop their pages are kept)
    # blind53, held out, first run (2026-12-07, main at dbdd7f2): 8 of 11, level 11/11, closing 11/11, pair right
    # (guangxi's 附：责任分工 table, jieyang's units before the task and xingcun's 包村领导 field first: read since fix53)
    # blind54, held out, first run (2026-12-07, main at 02b5666): 8 of 10, level 10/10, closing 9/10, pair one extra warning
    # (items labelled “第一项　…” and “【一】…” read since fix54: rulesets/data/entry_numbering.yaml `frames`)
    # blind56, held out, first run (2026-12-07, main at 06be8cb): 8 of 11, level 10/11, closing 10/11, pair right — the
    # three (a .docx TOC field, an <iframe srcdoc> page, a two-column .pdf) fixed after measuring (fixtures/fix56)
    # blind55, held out, first run (2026-12-07, main at 0b22dae, after fix50): 9 of 11, level 11/11, closing 11/11, pair right, alone no finding
    # (datong's * header legend and xihua's 第一个单位为牵头单位 read since fix55)
    # blind61, held out, first run (2026-12-07, main at 77a5745): 8 of 11, level 11/11, closing 11/11, pair right — the
    # three (a 规划's background and safeguards 节 or (一), a 附表 and a 名词解释 after the safeguards) fixed after measuring (fixtures/fix61)
    # blind63, held out, first run (2026-12-07, main at 17c402a): 9 of 11, level 10/11 (a harness slip: 湖南路街道 read as the chain 湖南 > 路街道 by the gold comparison, mended in bench.gold), closing 11/11
    # (qingdao's unit-keyed 职责分工 and shapingba's “责任主体　主责：X　协同：Y” line read since fix63)
    # blind64, held out, first run (2026-12-07, main at 2ad862b): 9 of 11, level 11/11, closing 11/11
    # (gongcheng's 支持单位 read since fix64; shuolong's “（牵头：X　配合：Y、Z）” fields parted by a full-width space since fix63)
    # blind57, held out, first run (2026-12-07, main at 81e31cd): 9 of 11, level 11/11, closing 11/11, pair right — the
    # two (a 专栏 box between measures, a heading line whose body is ①② points) fixed after measuring (fixtures/fix57)
    # blind59, held out, first run (2026-12-07, main at f270252): 9 of 11, level 11/11, closing 11/11, pair one extra error
    # (youxi's “Y、Z协同推进” and ncac's “Z提供技术支撑” read as support since fix59)
    # blind62, held out, first run (2026-12-07, main at a65e87f): 9 of 11, level 11/11, closing 11/11, pair right; alone 0 findings
    # (hunan's 支持单位 field paragraphs read since fix64; luan's 责任单位 beside 牵头单位 and its vertically centred merged
    # .pdf cell since fix58)
    # blind60, held out, first run (2026-12-07, main at bf46ecf): 7 of 11, level 11/11, closing 11/11, pair one extra error
    # (dehong's clause above each measure, dulongjiang's clause after the number, guiyang's wrapped 各区（市、县）人民政府 and
    # weishan's 第一，… paragraphs read since fix60)
    # blind58, held out, first run (2026-12-07, main at the blind58 merge): 8 of 11, level 10/11, closing 11/11, pair right
    # (jiangsu's and gaoyou's tracked deletion / move, dongying's Word line numbers read since fix58)
    # blind40, held out, first run (2026-12-07, main at cc60af5 = the last session's end + the set): 6 of 11, level 11/11, closing 10/11, pair right
    # (lijiang's (一) 主办单位 line, dropped as a site's header among the first lines: read since fix40b; songtao's 纪要 title and closing since fix40b, its 由X统筹 units, shigu's 责任：, xishuangbanna's articles and xizang's 按職責 tail since fix40a)
    # blind65–71, held out, first run (2026-12-07, each at its own merge: 67 6115f17, 71 f21acd5, 68 cde1fc3, then 66, 70, 65
    # with ca7352f's sections.yaml change (规划实施) in the tree, 69 ddae63b), in that order:
    # 67 10 of 11, 71 11, 68 10, 66 9, 70 9, 65 9, 69 5; level 11/11 each but 69 10/11 (nhc's 边境县 plan read as a county);
    # closing 11/11 each; the seven pairs right (both defects, nothing else)
    # (69's ●/—— measures since bullets69, its 边境县 title and one-line crumb since head69; 70's joint issuers and
    # deadline-first clause since clause70; 68's 规划实施 chapter since ca7352f, its 专栏 inside a 节 since box68;
    # 65's tab-pasted merged lead cells since tabs65)
    # blind72–78, held out, first run (2026-12-07, main at the sets' merges: 72 73 75 77 at fbdbfc6, 78, 76, 74 after),
    # in that order: 72 6 of 11, 73 11, 75 8, 77 9, 78 7, 76 9, 74 8; level 11/11 but 77 10 (小市镇 read as a city), 76 9
    # (双江…自治县, 民乐朝鲜族乡 not read), 78 10, 74 10 (中心城区 taken for a county); closing 11/11 but 78 10; the pairs
    # right but 74's (an identical 分别下降15%和20%以上 goal reported as lowered, fixed in f7c6361)
    # (72's annex task lists since annex72, its cell-per-line table since cells72; 74's stages since stages74; 75's 工程一/
    # 第一项 entries since ordinals75; 76's names since names76, its Korean pairs since bilingual76; 77's hidden run and
    # merged 序号 since docx77; 78's 1.2026年… items since digits78; 78's —— notice since notices78)
    # blind79–85, held out, first run (2026-12-07, main after 6fc19c7's notices78 fix): 79 5 of 11, 80 6, 81 9, 82 2,
    # 83 7, 84 6, 85 9; level 11/11 but 79 9, 80 8; closing 11/11 but 79 9, 81 10; the pairs right but 82's (units only
    # in its 责任分工 section) and 84's (德阳市 in the 公告's address) — all read right since minutes79, bullets79, ocr80,
    # plans81, duties82, units83, drafts84, wechat85 and the lead's de2dfe2 / 1fae908
    # blind86–92, held out, first run (2026-12-07, main at 2c0d4dff = 0a800ad + the sets): 86 0 of 11, 87 8, 88 11, 89 9,
    # 90 9, 91 6, 92 10; level 11/11 but 86 10 (a 部际联席会议's rules), 90 7 (苏木乡镇, 兵团, 团场, 兰州新区); closing 11/11
    # but 86 10; the pairs right but 86's (both defects missed: an article excused as the parent's own body's act) and 89's
    # (广西's brand read as a kept place name)
    # (86 since genres86a/genres86b; 87's 江西省 two-row header and 遂宁市's lead merged across the page break since tables87;
    # 89 since plans89; 90 and 92's 部内 bracket since places90; 91 since marks91). 87's 德州市 and 遂宁市: gold slips (below)
    # blind93–99, held out, first run (2026-12-08, main at e86327c4 + the sets): 93 7 of 11, 94 9, 95 10, 96 8, 97 10,
    # 98 10, 99 10; level 11/11 but 93 8 (.xlsx titles under 附件), 99 10 (a 图解 page's title); closing 11/11 but 93 6
    # (notes rows), 96 10, 99 10 (【解读】); the pairs right but 93's (task cards read as tables) and 95's (a dropped measure
    # read as merged) — all read right since xlsx93, runs94, annex96, units97 and pages99
    # blind100–103, held out, first run (2026-12-08, main at 6d53e46c = the above + xlsx93, runs94, units97): 100 11 of
    # 11, 101 9, 102 9, 103 2; level 11/11 but 101 10, 102 10; closing 11/11 but 101 10; the pairs right but 100's (a
    # level_scope warning judged unclear: PAIR_KNOWN) — 101 to 103 read right since tiers101, files103a and files103b
    "blind87/suining-city-tb-points-table": "gold slip and document slip: its flow lists split the collective name 各县（市、区）人民政府 at the comma typed inside the brackets (its header comment counts it one unit), and the .pdf prints the name of rows 1 and 3 WITHOUT its 、 besides (各县（市⏎区）人民政⏎府: soffice dropped the 、 at the cell line's end; it is neither in the page's text objects nor on the rendered page), so it is read as printed, 各县(市区)人民政府; the gold is not changed",
    "blind87/dezhou-city-air-points-merged-table": "gold slip: its flow lists split the collective name 各县（市、区）人民政府 at the comma typed inside the brackets, where its own header comment counts it one unit (as the code reads it, from the .docx that prints it whole); the gold is not changed",
    "blind72/xinxiang-city-blood-donation-gbk": "gold slip: its flow list splits the collective name 各县（市、区）人民政府 at the comma it wrote inside the brackets, where its own header comment counts it one unit (as the code reads it); the gold is not changed",
}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=KNOWN[n])) if n in KNOWN else n
        for n in NAMES + HELDOUT_NAMES + ALL_BLIND_NAMES
    ],
)
def test_document_is_read_as_counted_by_hand(name):
    assert differences(name) == []


# documents whose level or jurisdiction is read wrongly today (strict xfail with the cause)
LEVEL_KNOWN: dict[str, str] = {
    # blind58, held out, first run (2026-12-07, main at the blind58 merge): dongying's line numbers read since fix58
    # blind56, held out, first run (2026-12-07, main at 06be8cb): the <iframe srcdoc> page, refused, was not levelled —
    # fixed after measuring (its srcdoc document read; fixtures/fix56)
    # blind45, held out, first run (2026-12-07, main at 8768769): 黑龙江省黑土区侵蚀沟… was read as a county 黑土区 under
    # 黑龙江 — fixed after measuring (a 区 by its form right below a province, levels.yaml `area_endings`; fixtures/fix45)
    # blind52, held out, first run (2026-12-07, main at d21ef1e): ganjiang's 新区 under 江西 read as city and qianhai's
    # 深圳市前海管理局 as the zone 前海 since fix52 (a zone ranks one level below whoever set it up; levels.yaml `zones`)
    # blind50, held out, first run (2026-12-07, main at 2c3e9ce): danzhou's bare stem 儋州 read as 儋州市 since fix50
}


def level_difference(name: str) -> str | None:
    """How the level or jurisdiction read from NAME differs from its gold file, or None.

    Representation only is normalised, not content (`same_jurisdiction`): the names must be the same, written
    one way (bench.gold.norm: simplified, one width), except
    - the jurisdiction may be given in its short form: a province's (湖北 for 湖北省, 广西 for 广西壮族自治区,
      engine.parse.level.short_name), or an autonomous prefecture's or county's without its peoples (黔东南州 for
      黔东南苗族侗族自治州, 楚雄州 for 楚雄彝族自治州). Nothing else: a name that only begins the gold's (乌镇 for
      乌镇镇, 苏州 for 苏州市, 吉林 for 吉林市) is another name;
    - a gold jurisdiction written as a chain of divisions ending in the name (天津市蓟州区下营镇, as its issuer
      signs) names the same place as the code's jurisdiction plus parent_jurisdiction: it is accepted ONLY
      when the code's jurisdiction is the chain's last division (下营镇) AND its parent_jurisdiction the division
      right before it (蓟州区, or that division's short form). A chain is never matched by its first name
      (天津), nor by its last one without the parent.
    """
    gold = expected(name)
    got = parsed(gold["file"])
    if got["level"] == gold["level"] and same_jurisdiction(
        gold["jurisdiction"], got["jurisdiction"], got["parent_jurisdiction"]
    ):
        return None
    return (
        f"got {got['level']} {got['jurisdiction']} (parent {got['parent_jurisdiction']}), "
        f"expected {gold['level']} {gold['jurisdiction']}"
    )


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=LEVEL_KNOWN[n]))
        if n in LEVEL_KNOWN
        else n
        for n in NAMES + HELDOUT_NAMES + ALL_BLIND_NAMES
    ],
)
def test_level_and_jurisdiction_are_read_from_the_content(name):
    """The level, and the jurisdiction as `level_difference` compares it: in its short form (湖北 for 湖北省), or a
    gold chain of divisions (天津市蓟州区下营镇) as the code's jurisdiction (下营镇) with its parent (蓟州区) —
    representation, not content."""
    assert level_difference(name) is None


@pytest.mark.parametrize(
    ("gold", "place", "parent", "same"),
    [
        ("天津市蓟州区下营镇", "下营镇", "蓟州区", True),
        ("宜昌市西陵区学院街道", "学院街道", "西陵区", True),
        ("北京市朝阳区", "朝阳区", "北京", True),  # the parent in its short form
        ("天津市蓟州区下营镇", "下营镇", None, False),  # the last division without the one above
        ("天津市蓟州区下营镇", "下营镇", "天津", False),  # the parent is not the division right above
        ("天津市蓟州区下营镇", "天津", None, False),  # a chain is not matched by its first name
        ("天津市蓟州区下营镇", "蓟州区", "天津", False),
        ("湖北省", "湖北", None, True),  # a short form
        ("黔东南苗族侗族自治州", "黔东南州", None, True),
        ("湖北省", "湖南", None, False),
        ("广西壮族自治区", "广西", None, True),
        ("楚雄彝族自治州", "楚雄州", None, True),  # without its peoples
        ("长阳土家族自治县", "长阳县", None, True),
        ("黔东南苗族侗族自治州", "黔东南", None, False),  # the suffix is part of the short form
        ("黔东南苗族侗族自治州", "黔东州", None, False),
        # a name that only begins the gold's is another name: 乌镇 is no 乌镇镇, 苏州 no 苏州市 (nor 苏州市 苏州)
        ("乌镇镇", "乌镇", None, False),
        ("乌镇镇", "乌镇镇", None, True),
        ("苏州市", "苏州", None, False),
        ("苏州", "苏州市", None, False),
        ("吉林市", "吉林", None, False),  # the city is not the province
        ("湖北省", "湖北省孝感", None, False),
        ("湖北省", "", None, False),
    ],
)
def test_a_gold_chain_is_the_code_s_place_with_its_parent(gold, place, parent, same):
    assert same_jurisdiction(gold, place, parent) is same


def test_there_are_eleven_documents_of_eleven_kinds():
    golds = [expected(n) for n in NAMES]
    assert len(golds) == 11
    assert len({g["jurisdiction"] for g in golds}) >= 10
    assert {g["level"] for g in golds} == {"national", "province", "city", "county"}
    assert {Path(g["file"]).suffix for g in golds} == {".txt", ".docx"}


def test_the_heldout_set_is_eleven_documents_of_eleven_kinds():
    golds = [expected(n) for n in HELDOUT_NAMES]
    assert len(golds) == 11
    assert len({g["jurisdiction"] for g in golds}) == 11
    assert {g["level"] for g in golds} == {"national", "province", "city", "county"}
    assert all(fixture(g["file"]).is_file() for g in golds)


# the forms each blind set was written to cover (its README's table)
# blind93 was written for task lists kept in Excel: five of its documents are .xlsx workbooks (its README)
_BLIND_FORMS = {"blind3": {".txt", ".docx"}, "blind93": {".txt", ".docx", ".pdf", ".html", ".xlsx"}}
# a set written with fewer documents than asked (its examiner's README lists them): blind54's has ten
_BLIND_COUNT = {"blind54": 10}


@pytest.mark.parametrize("which", list(BLIND_SETS))
def test_a_blind_set_is_eleven_documents_of_eleven_kinds(which):
    golds = [expected(n) for n in BLIND_NAMES[which]]
    count = _BLIND_COUNT.get(which, 11)
    assert len(golds) == count
    # eleven places; two national documents (blind92's two ministries) both speak for 全国
    assert len({g["file"] if g["level"] == "national" else g["jurisdiction"] for g in golds}) == count
    assert {g["level"] for g in golds} == {"national", "province", "city", "county", "town"}
    forms = {Path(g["file"]).suffix for g in golds}
    assert forms == _BLIND_FORMS.get(which, {".txt", ".docx", ".pdf", ".html"})
    assert all(fixture(g["file"]).is_file() for g in golds)


def closing_differences(name: str) -> list[str]:
    """Measures whose text runs on into what follows the last measure (closing paragraph, signature)."""
    gold = expected(name)
    return closing_overrun(gold, parsed(gold["file"]))


CLOSING_KNOWN: dict[str, str] = {
    # blind56, held out, first run (2026-12-07, main at 06be8cb): the <iframe srcdoc> page was refused — fixed after
    # measuring (fixtures/fix56)
    # blind54, held out, first run (2026-12-07, main at 02b5666)
    # blind54, held out, first run (2026-12-07, main at 02b5666): the note under the .docx task table, “注：标★的为牵头
    # 单位…”, was read into the last row's measure — fixed since fix54 (conventions.reading_note; fixtures/fix54)
    # blind45, held out, first run (2026-12-07, main at 8768769): the note after the last task, “上述任务的牵头单位、配合
    # 单位和完成时限详见附件。”, was read into item 6 — fixed after measuring (closing.yaml `item_notes`; fixtures/fix45)
    # blind43, held out, first run (2026-12-07, main at a6d6b13): maoming's 以上措施自印发之日起施行 paragraph was read into
    # the last item — fixed after measuring (rulesets/data/articles.yaml `closing`, `self_heads`; fixtures/fix43)
    # blind40, held out, first run (2026-12-07, main at cc60af5): songtao's 纪要 closing (“会议要求，各相关单位…”, the
    # 出席/列席 lines) ran on into the last 议定事项 — fixed after measuring (rulesets/data/minutes.yaml, fixtures/fix40b)
    # measured blind, the third set's closing requirements (保障措施/工作要求 （一）…, a 附则 article) were read
    # as measures in five documents: fixed after measuring (tree._framing)
}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=CLOSING_KNOWN[n]))
        if n in CLOSING_KNOWN
        else n
        for n in NAMES + [h for h in HELDOUT_NAMES + ALL_BLIND_NAMES if expected(h)["after_last"] is not None]
    ],
)
def test_the_closing_text_is_no_measures(name):
    assert closing_differences(name) == []


# ---- the pair: a city child of a national parent -------------------------------------------------------


def check_json(*args: str) -> dict:
    code, out = run_cli("check", "--format", "json", "--fail-on", "none", *args)
    assert code == 0, out
    return json.loads(out)


# The pairs: fixtures/unseen/pair (a city child of a national parent; its gold names the removed sentence
# `missing`) and each blind set's pair/ (gold pair/expected.yaml, written blind, names it `clause`):
# blind3 银川市 of 国务院办公厅, blind4 德清县 of 浙江省, later sets as their READMEs say.
PAIRS = {"unseen": PAIR / "pair.expected.yaml"} | {
    name: where / "pair" / "expected.yaml"
    for name, where in BLIND_SETS.items()
    if (where / "pair" / "expected.yaml").is_file()
}


@cache
def _pair(which: str) -> tuple[dict, list[dict]]:
    gold_file = PAIRS[which]
    gold = yaml.safe_load(gold_file.read_text("utf-8"))
    report = check_json(
        str(gold_file.parent / gold["child"]), "--parent", str(gold_file.parent / gold["parent"])
    )
    return gold, report["findings"]


@pytest.fixture(scope="module")
def pair_findings():
    return _pair("unseen")


@cache
def _items(path: str) -> dict[str, tuple[str, str]]:
    """ref -> (enclosing section labels joined, label) of each measure `plancheck parse` reads in `path`."""
    code, out = run_cli("parse", "--format", "json", path)
    assert code == 0, out
    return {norm_ref(m["ref"]): ("".join(norm_ref(x) for x in m["path"]), norm_ref(m["label"]))
            for m in json.loads(out)["measures"]}  # fmt: skip


def same_item(got: str | None, gold: str, path: Path) -> bool:
    """`got` names the gold's item: the same ref, or the same label qualified by its enclosing sections
    only (二(三), where 三、保障措施 numbers (一)…(三) again: the engine's refs stay unique over everything
    the document numbers, so a reader meets no second "(三)"). A representation, like the brackets; a
    parent measure's qualification (26(1), a sub-item) is another item and does not match."""
    g, want = norm_ref(got or ""), norm_ref(gold)
    if g == want:
        return True
    item = _items(str(path)).get(g)
    if item is None or item[1] != want or not g.endswith(want):
        return False
    qualifier = g[: -len(want)]
    return bool(qualifier) and item[0].endswith(qualifier)


def _defects(gold: dict) -> tuple[dict, dict]:
    """The pair gold's (clause-dropped, measure-dropped) defects, by their kind (blind57's lists the dropped measure
    first); the unseen set's gold, written before `kind`, lists the clause first."""
    by_kind = {d.get("kind"): d for d in gold["defects"]}
    if {"clause-dropped", "measure-dropped"} <= by_kind.keys():
        return by_kind["clause-dropped"], by_kind["measure-dropped"]
    clause, dropped = gold["defects"]
    return clause, dropped


# pairs whose planted defects are not both found today (strict xfail with the cause)
DEFECTS_KNOWN: dict[str, str] = {
    # blind45, held out, first run (2026-12-07, main at 8768769): the clause was taken as moved to the child's
    # 9-character heading 新建改造烘干设施 (the windowed match of the shorter text scored 0.86) — found since the
    # windowed match counts only the share of the clause the shorter sentence can hold (similarity._similarity)
}


@pytest.mark.parametrize(
    "which",
    [
        pytest.param(w, marks=pytest.mark.xfail(strict=True, reason=DEFECTS_KNOWN[w])) if w in DEFECTS_KNOWN else w
        for w in PAIRS
    ],
)
def test_pair_finds_both_defects(which):
    """The two planted defects of each pair (the unseen set's gold names the removed sentence `missing`,
    the blind sets', written blind, `clause`)."""
    gold, findings = _pair(which)
    child, parent = PAIRS[which].parent / gold["child"], PAIRS[which].parent / gold["parent"]
    clause, dropped = _defects(gold)
    removed = clause.get("missing") or clause["clause"]
    carried = [f for f in findings if f["check"] == "clause_carried"]
    assert any(
        same_item(f["local_item"], clause["child_ref"], child)
        and same_item(f["parent_item"], clause["parent_ref"], parent)
        and norm(removed).rstrip("。") in norm(json.dumps(f, ensure_ascii=False))
        for f in carried
    ), carried
    covered = [f for f in findings if f["check"] == "parent_covered"]
    assert len(covered) == 1 and same_item(covered[0]["parent_item"], dropped["parent_ref"], parent), covered


# pairs whose child gets another warning or error, kept as strict xfails with their causes (blind8's, a
# tier list 市、旗县区、乡镇、村四级 written for the county read as a list missing “村四级”, fixed on b8pair)
PAIR_KNOWN: dict[str, str] = {
    # blind54, held out, first run (2026-12-07, main at 02b5666): both defects found, and one more warning
    "blind54": "level_scope warns on “每周通报各地采集管理情况” kept word for word in the county child (理塘县): below a county stand its 乡镇, so 各地 may mean them (judged unclear)",
    # blind59, held out, first run (2026-12-07, main at f270252): both defects found, and one more error
    "blind59": "level_scope errs on “各地要把山塘安全整治作为…” kept word for word in the county child (弋阳县) of a city parent: below a county stand its 乡镇, so 各地 may mean them (judged unclear, as blind54's)",
    # blind100, first run (2026-12-08, main at 6d53e46c): both defects found, and one more warning
    "blind100": "level_scope warns on “各地各部门要把蒙医药服务能力提升纳入…” kept word for word in the 旗 child (科尔沁右翼前旗) of a 盟 parent: below a county-level 旗 stand its 苏木乡镇, so 各地 may mean them (judged unclear, as blind54's and blind59's)",
    # blind60's (clause-not-carried on the centre's own 中央财政 subsidy sentence, adapted by the 自治州 child) went on
    # fix60: a parent clause whose actor stands above the child need not be carried (rulesets/data/beyond_level.yaml)
    # blind42's (reference_outdated warned on a 《…（2023—2025年）》 basis in 2026, claiming a successor it could not
    # know) went on period45: an ended period with no successor in the data is reference_period_ended's info
}


@pytest.mark.parametrize(
    "which",
    [
        pytest.param(w, marks=pytest.mark.xfail(strict=True, reason=PAIR_KNOWN[w])) if w in PAIR_KNOWN else w
        for w in PAIRS
    ],
)
def test_pair_raises_nothing_else_at_warning_or_error(which):
    gold, findings = _pair(which)
    child, parent = PAIRS[which].parent / gold["child"], PAIRS[which].parent / gold["parent"]
    clause, dropped = _defects(gold)

    def expected(f: dict) -> bool:
        if f["check"] == "clause_carried":
            return same_item(f["local_item"], clause["child_ref"], child) and same_item(
                f["parent_item"], clause["parent_ref"], parent
            )
        return (
            f["check"] == "parent_covered"
            and f["local_item"] is None
            and same_item(f["parent_item"], dropped["parent_ref"], parent)
        )

    loud = [f for f in findings if f["severity"] in ("error", "warning")]
    assert all(expected(f) for f in loud), [f["message"] for f in findings if f["severity"] != "info"]


def test_pair_raises_no_finding_at_all_beyond_the_two_defects(pair_findings):
    gold, findings = pair_findings
    clause, dropped = _defects(gold)
    others = [
        (f["check"], f["local_item"], f["parent_item"])
        for f in findings
        if not (
            f["check"] == "parent_covered" and norm_ref(f["parent_item"]) == norm_ref(dropped["parent_ref"])
        )
        and not (
            f["check"] == "clause_carried"
            and norm_ref(f["local_item"] or "") == norm_ref(clause["child_ref"])
        )
    ]
    assert others == []


# ---- documents checked alone ---------------------------------------------------------------------------

NATIONAL = [
    "national-rehab-yijian.txt",
    "ministry-farmland-tongzhi.txt",
    "pair/national-youth-jobs-parent.txt",
    "heldout/national-rural-water-supply.txt",
    "blind3/cea-ministry-earthquake-risk.txt",
    "blind3/pair/national-accessibility-parent.txt",
    "blind4/gov-office-national-fire-safety.html",
]


@pytest.mark.parametrize("file", NATIONAL)
def test_a_national_document_naming_every_unit_gets_no_missing_unit_error(file):
    report = check_json("--no-parent", str(fixture(file)))
    assert [f for f in report["findings"] if f["check"] == "lead_unit_required"] == []


@pytest.mark.parametrize(
    "file",
    [
        "city-business-gongzuofangan.txt",
        "city-culture-tourism-traditional.txt",
        "pair/luoyang-youth-jobs-child.txt",
        "heldout/changde-transport-work-points.txt",
        "heldout/weifang-statistics-quality.txt",
        "heldout/tianshui-culture-tourism-traditional.txt",
        "blind3/shenyang-city-archives.txt",
        "blind4/tianshui-city-food-safety.txt",
        "blind3/hefei-city-intellectual-property-scraped.txt",
        "blind3/pair/yinchuan-city-accessibility-child.txt",
    ],
)
def test_a_city_plan_saying_woshi_gets_no_self_reference_finding(file):
    assert "我市" in norm(fixture(file).read_text("utf-8"))
    report = check_json("--no-parent", str(fixture(file)))
    assert parsed_level(file) == "city"
    assert [f for f in report["findings"] if f["check"] == "self_reference"] == []


def parsed_level(file: str) -> str:
    return parsed(file)["level"]


def test_a_county_level_city_saying_woshi_gets_no_self_reference_finding_at_county_level():
    """义乌市 is a 县级市: “我市” is its own voice. Read as county (the gazetteer knows 义乌市 only as a
    county-level division) or with its level given, the check must not call 我市 another level's word."""
    file = "heldout/yiwu-old-residential-renovation.txt"
    assert "我市" in norm(fixture(file).read_text("utf-8"))
    for args in (["--level", "county"], []):
        report = check_json("--no-parent", *args, str(fixture(file)))
        assert [f for f in report["findings"] if f["check"] == "self_reference"] == []


def test_a_county_level_city_in_gbk_saying_woshi_gets_no_self_reference_finding():
    """清镇市 (贵州, under 贵阳市) is a 县级市 whose plan, saved in GBK, says 我市/全市 and names its own 市X局
    (measured blind, it was read as a town called 清镇, with 3 false self-reference errors)."""
    file = "blind3/qingzhen-county-city-postal-gbk.txt"
    assert "我市" in fixture(file).read_bytes().decode("gbk")
    for args in (["--level", "county"], []):
        report = check_json("--no-parent", *args, str(fixture(file)))
        assert [f["message"] for f in report["findings"] if f["check"] == "self_reference"] == []


def _measure(names: list[str]) -> tuple[int, int, int]:
    """Print the comparison of each document of a set; (exactly right, closing kept out, level and jurisdiction
    right)."""
    ok = closed = placed = 0
    for n in names:
        gold = expected(n)
        try:
            diff = differences(n)
        except AssertionError as e:  # the parse itself failed (exit 2)
            print(f"FAIL {n}\n     parse failed: {str(e).splitlines()[0]}")
            continue
        tail = closing_differences(n) if gold["after_last"] is not None else []
        ok += not diff
        closed += not tail
        print(("OK   " if not diff else "FAIL ") + n)
        for d in diff + tail:
            print("     " + d)
        wrong = level_difference(n)
        placed += not wrong
        if wrong:
            print(f"     level/jurisdiction: {wrong}")
    return ok, closed, placed


def _figures(names: list[str], ok: int, closed: int, placed: int, label: str = "") -> None:
    print(f"{label}{placed} of {len(names)} level and jurisdiction right")
    print(f"{label}{ok} of {len(names)} exactly right (title, measures, units)")
    print(f"{label}{closed} of {len(names)} keep the closing text out of the measures")


if __name__ == "__main__":
    # no flag: fixtures/unseen; --heldout; --blindN, as many as given (--blind39 --blind40), each set in turn
    sets = {"--heldout": HELDOUT_NAMES} | {f"--{name}": names for name, names in BLIND_NAMES.items()}
    flags = [a for a in sys.argv[1:] if a.startswith("--")]
    unknown = [a for a in flags if a not in sets]
    if unknown:
        sys.exit(f"no such set: {' '.join(unknown)} (fixtures/heldout, fixtures/blindN)")
    chosen = list(dict.fromkeys(flags)) or [""]
    results = []
    for flag in chosen:
        names = sets[flag] if flag else NAMES
        if len(chosen) > 1:
            print(f"== {flag.removeprefix('--')} ==")
        measured = _measure(names)
        _figures(names, *measured)
        results.append((flag.removeprefix("--"), names, measured))
    if len(results) > 1:
        print("== each set ==")
        for name, names, measured in results:
            _figures(names, *measured, label=f"{name}: ")
    sys.exit(0)
