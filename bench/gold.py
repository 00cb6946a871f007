"""How a parse is compared with a hand-counted gold file (NAME.expected.yaml of fixtures/unseen, heldout, blind*, fix*,
the prose fixtures): one comparison for the acceptance tests (tests/acceptance/test_unseen.py, the fixes' own golds) and for
bench.metamorphic, which compares transformed copies of a document with the same gold.

Representation only is normalised on both sides (full-width ↔ ASCII brackets, traditional ↔ simplified
characters, the punctuation after a number, the draft's stage mark closing the title: （征求意见稿）, （第二次征求意见稿）,
（修改稿） …, as the engine knows them from rulesets/data/drafts.yaml), never content.
"""

from __future__ import annotations

import opencc

from engine.parse import drafts
from engine.parse import level as levels

_T2S = opencc.OpenCC("t2s")
# full-width brackets, punctuation and digits written ASCII (a gold ref "５．" is the item 5., "［一］" the item [一])
_WIDTH = str.maketrans(
    {"（": "(", "）": ")", "［": "[", "］": "]", "，": ",", "：": ":", "；": ";", "\u3000": " "}
    | {chr(0xFF10 + d): str(d) for d in range(10)}
)


def norm(text: str) -> str:
    """The same characters, written one way: simplified, ASCII brackets, no spaces."""
    return _T2S.convert(text).translate(_WIDTH).replace(" ", "")


def norm_ref(ref: str) -> str:
    return norm(ref).rstrip("、.．")


def norm_title(title: str) -> str:
    return drafts.without_stage(norm(title))


def first_document(got: dict) -> dict:
    """The parse as the gold counts it: a notice issuing several plans at once is read as all of them (`documents`,
    each measure saying its document); a gold counts the first plan in printed order (blind103's README: "the gold
    is the first plan ... the second plan is not part of the gold"), so it is compared with that plan's title and
    measures. A parse of one document is returned as it is."""
    titles = got.get("documents") or []
    if len(titles) < 2:
        return got
    return got | {"title": titles[0], "measures": [m for m in got["measures"] if not m.get("document")]}


def compare(gold: dict, got: dict) -> list[str]:
    """Every way `got` (the JSON of `plancheck parse --format json`) differs from `gold` in the title,
    the measures (numbering as printed, in order, and the start of each text) and each measure's lead
    and support units. Empty: read exactly as counted by hand."""
    out = []
    got = first_document(got)
    if norm_title(got.get("title") or "") != norm_title(gold["title"]):
        out.append(f"title: got {got.get('title')!r}, expected {gold['title']!r}")
    want = gold["measures"]
    have = got["measures"]
    refs_want = [norm_ref(m["ref"]) for m in want]
    refs_have = [norm_ref(m["label"]) for m in have]  # the numbering as printed (ref is made unique)
    if refs_want != refs_have:
        out.append(f"measures: got {len(have)} {refs_have}, expected {len(want)} {refs_want}")
        return out
    for i, (w, h) in enumerate(zip(want, have, strict=True), 1):
        text = norm(h.get("text") or "")
        head = norm(w["starts"])
        if head not in text[: len(head) + 12]:
            out.append(
                f"measure #{i} {w['ref']}: text starts {h.get('text', '')[:24]!r}, expected {w['starts']!r}"
            )
        lead = [norm(u) for u in h.get("lead_units") or []]
        support = [norm(u) for u in h.get("support_units") or []]
        # a gold row may leave out a role it has none of ({ref, starts, lead: [X]}: no support unit)
        want_lead, want_support = w.get("lead") or [], w.get("support") or []
        if lead != [norm(u) for u in want_lead] or support != [norm(u) for u in want_support]:
            out.append(
                f"measure #{i} {w['ref']}: lead {h.get('lead_units')} support {h.get('support_units')}, "
                f"expected lead {want_lead} support {want_support}"
            )
    return out


def closing_overrun(gold: dict, got: dict) -> list[str]:
    """Measures whose text runs on into what follows the last measure (gold `after_last`, if any).

    The closing stands after the last measure's start (gold `starts` of the last measure): a measure runs on into
    it when `after_last` occurs in its text after that start, or, for the parse's last measure, anywhere in its
    text (the last measure itself lost). The same words inside an earlier measure's own text (a 纪要's 一、关于…。
    会议要求，确保… before its closing 会议要求，各相关单位要…) are that measure's, not the closing."""
    if gold.get("after_last") is None:
        return []
    tail = norm(gold["after_last"])
    got = first_document(got)
    starts = [norm(str(m.get("starts") or "")) for m in gold.get("measures") or []]
    last = starts[-1] if starts and starts[-1] else ""
    got_measures = got["measures"]
    out = []
    for i, m in enumerate(got_measures, 1):
        text = norm(m.get("text") or "")
        at = text.find(last) if last else 0
        if at < 0:
            if i < len(got_measures):
                continue  # neither the last measure nor holding its start: the closing is not in it
            at = 0
        if tail in text[at:]:
            out.append(f"measure #{i} {m['label']}: its text runs on into the closing text {gold['after_last']!r}")
    return out


def same_jurisdiction(gold: str, place: str | None, parent: str | None) -> bool:
    """The gold jurisdiction names the code's `place` (with its `parent`), as tests/acceptance/test_unseen.py
    `level_difference` states: the same name, a province's or an autonomous unit's short form, or a gold chain of
    divisions as the place with its parent — nothing else."""
    want, place = norm(gold), norm(place or "")
    if place == want:  # the same name (a town 湖南路街道 is no chain 湖南 > 路街道)
        return True
    chain = [n for n, _ in levels.places_in(want)]  # the gold's own divisions, outermost first
    if len(chain) > 1:
        above = norm(parent or "")
        return place == chain[-1] and above in {norm(chain[-2]), norm(levels.short_name(chain[-2]))}
    return bool(place) and (place in {want, norm(levels.short_name(want))} or _without_peoples(want, place))


# the 56 peoples' names (GB/T 3304—1991 中国各民族名称的罗马字母拼写法和代码), as an autonomous unit's name writes them
# before 族: what an autonomous prefecture's or county's usual short form leaves out (黔东南苗族侗族自治州 -> 黔东南州)
_PEOPLES = frozenset(
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 "
    "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 "
    "塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺".split()
)


def _without_peoples(name: str, short: str) -> bool:
    """`short` is the autonomous prefecture or county `name` as usually written, without its peoples and 自治:
    黔东南州 for 黔东南苗族侗族自治州, 长阳县 for 长阳土家族自治县 — the same place (two characters at least), then
    only peoples' names, each with its 族 (`_PEOPLES`)."""
    for suffix in ("自治州", "自治县"):
        stem = short.removesuffix(suffix[-1])
        if name.endswith(suffix) and short.endswith(suffix[-1]) and len(stem) >= 2 and name.startswith(stem):
            parts = name[len(stem) : -len(suffix)].split("族")
            return len(parts) > 1 and parts[-1] == "" and all(x in _PEOPLES for x in parts[:-1])
    return False
