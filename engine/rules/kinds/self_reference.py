"""self_reference: the draft speaks for another level or names another place where its own belongs.

Drafts are made by copying the parent's (or a sibling's) text; what survives the edit is 我市 in a
district plan, 全省 in a city plan, the parent's place name kept (不断提高广西经济发展…) or swapped for
the wrong place (柳州治理体系 in a 城中区 plan). Three checks:

1. another level's self-words (levels.yaml `self_words`, chosen by the jurisdiction's suffix):
   我市/全市/本市 in a 区 plan. Not when the words refer to that level on purpose (按照全市统一部署,
   走在全市前列: `reference_before`/`reference_after`), nor inside 《》. Nor a self-word of a level above
   the draft (its ancestors in the gazetteer) naming a system of that level the draft connects to
   (依托全市…信息平台 in a district: `connect_verbs` before it, `higher_things` after it), nor one naming that level's
   whole as the frame the draft's area stands in (是全市防汛防台的前沿阵地: `higher_whole`). A district of a
   直辖市 (天津市河西区) is county-level under a province-level 市: its 全市 is the municipality's, as a
   prefecture-level city's district's 全市 is the city's; 全市 for the district's own area is still a slip.
2. words whose meaning changes: a 自治区 parent says 全区 for the whole region; a district says 全区
   for itself. In the district's plan 全区 is right — except where the draft connects to something
   that is not its own (积极对接全区…平台, 接入全区…数据库: `connect_verbs`), because there 全区 still
   means the region while every reader now reads the district. Decision: only those are reported;
   a district's 全区 elsewhere is its own word.
3. another jurisdiction's name (the parent's, the draft's parent jurisdiction, or any division of
   the gazetteer rulesets/data/places.tsv that is not the draft's own place, above it or below it:
   a sibling district, another province) where the aligned parent clause had the parent's own name:
   kept (the copy was not edited) or replaced by a place that is not the draft's own; and, without
   alignment, in the phrases where a plan names itself (`self_contexts`: 结合X实际, X治理体系 …).
   Naming a place anywhere else (学习借鉴深圳经验, 与南宁市交流合作) is not speaking for it.
   Legitimate references to higher levels (严格执行国家、自治区、柳州市…的规定, 按照自治区和柳州市
   部署) and quoted titles are never reported.
4. the parent's own name in a plan of a LOWER level (a county implementing the region's plan):
   a lower plan names its parent only to refer to it — connecting to it (对接广西…平台, 报…备案),
   enumerating levels (国家、广西、梧州市), citing its rules (依据广西有关规定, 按照广西统一部署;
   levels.yaml `place_reference_*`). Anywhere else the name is a slip (根据广西实际需要, 纳入广西政府
   工作人员培训), reported as kept from the parent where the aligned parent clause had its name there.
Places inside proper names (中国（广西）自由贸易试验区, 广西大学, a 条例 written without 《》:
levels.yaml `proper_name_heads`) are nobody's self-reference. The draft's own name is read from its
title with the longest level suffix at its end (宜州区 is a 区: 全区 is its own word).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from pydantic import Field

from engine.parse.level import names_road
from engine.parse.places import Place, gazetteer
from engine.rules import places
from engine.rules import textunits as tu
from engine.rules.kinds.base import CheckContext, CheckKind, Edit, Hit, KindOptions

_ENUM_AFTER = re.compile(
    r"^(、|和|及|与|或|有关|相关|市委|市政府|区委|区政府|省委|省政府|党委|人民政府|政府|部署|规定|要求|统一)"
)


class Options(KindOptions):
    self_words: bool = Field(True, description="report another level's self-words (我市 in a district plan)")
    changed_meaning: bool = Field(
        True,
        description="report the parent's self-word kept where it still means the parent's area (对接全区…平台)",
    )
    place_names: bool = Field(
        True, description="report another jurisdiction's name used where the draft's own belongs"
    )
    gazetteer: bool = Field(
        True,
        description="look for every division in rulesets/data/places.tsv (a sibling district, another "
        "province), not only the parent's names; the draft's own place, its ancestors and descendants excepted",
    )
    context_chars: int = Field(
        6, ge=3, description="characters of unchanged parent text around a place name that show it was copied"
    )


class SelfReference(CheckKind):
    name = "self_reference"
    description = (
        "方案要以本级口吻表述。照抄上级或兄弟单位文本时，常残留“我市”“全省”等其他层级的自称，或把上级地名"
        "原样保留、换成了别处地名（区级方案写“柳州治理体系”）。本检查按层级表（levels.yaml）找出其他层级的"
        "自称，按对齐的上级条文找出保留或错换的地名，并找出含义已变的词（自治区方案的“全区”照抄到区级方案"
        "后，“对接全区平台”读者会理解为本区）。“严格执行国家、自治区、柳州市的规定”“按照自治区部署”等对上级"
        "的正当引用和《》内的文件名不报告。"
    )
    description_en = (
        "A plan must speak for its own level. Copying leaves another level's self-words (我市 in a district "
        "plan), the parent's place name kept or swapped for the wrong place, and words whose meaning changed "
        "(a region's 全区 copied into a district plan). Uses the level table (levels.yaml) and the aligned "
        "parent clauses; legitimate references to higher levels and quoted titles are not reported."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "“{word}”{reason}",
        "en": "'{word}' {reason}",
    }
    suggestion: ClassVar[dict[str, str]] = {"zh": "改为“{right}”", "en": "write '{right}'"}

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        lv = ctx.table("levels")
        draft = ctx.draft
        jname = places.jurisdiction(draft)
        own = places.self_words(lv, jname, draft.level)
        foreign = sorted(places.all_self_words(lv) - set(own) - _addressee_words(lv, ctx), key=len, reverse=True)
        # 各市…本市 in a province's text, 全国性和本省 in a national one: each lower government's own area
        distributive = set((lv.get("distributive_words") or {}).get(draft.level) or ())
        higher = _higher_words(ctx, lv, own) if options.self_words else frozenset()
        ambiguous = self._ambiguous(ctx, lv, own)
        names = places.other_names(ctx)
        foreign_places = _foreign_places(ctx) if options.place_names and options.gazetteer else frozenset()
        gaz = gazetteer() if foreign_places else None
        own_names = places.own_names(draft)
        parent_own = places.name_variants(ctx.parent.jurisdiction) if ctx.parent else []
        lower = self._lower(lv, ctx)
        qualifiers = _qualifier_patterns(lv) if lower and _inside_parent(ctx, parent_own) else []
        own_name = own_names[-1] if own_names else ""
        if draft.level in (None, "unknown"):
            # no level, no own words: every 我市 would be "another level's"; say so once instead
            yield from self._unknown_level(ctx, foreign)
            foreign, ambiguous = [], []
        seen: set[tuple[str | None, str, int]] = set()
        for unit in tu.units(ctx):
            if unit.ref is None and unit.text == draft.title:
                continue  # the title names the issuer and quotes the parent: nothing to check
            text = unit.text
            unit_names = names
            if gaz is not None:
                elsewhere = gaz.find(text) & foreign_places
                if elsewhere:
                    unit_names = sorted(set(names) | elsewhere, key=len, reverse=True)
            qmask = tu.quoted_mask(text)
            omask = _mask_of(text, own_names)
            pmask = _proper_mask(lv, text, unit_names)
            hits: list[
                tuple[int, int, str, str, str, str | None]
            ] = []  # start, end, word, reason-key, right, parent
            if options.self_words:
                for w in foreign:
                    for m in tu.find_all(w, text):
                        if self._skip_word(lv, text, m.start(), m.end(), qmask):
                            continue
                        if w in distributive and _distributive(lv, w, text, m.start(), draft.level):
                            continue
                        if w in higher and (
                            _names_higher_thing(lv, text, m.start(), m.end()) or _in_higher_whole(lv, text, m.start(), w)
                        ):
                            continue
                        hits.append((m.start(), m.end(), w, "foreign", _swap(w, own), None))
            if options.changed_meaning and ambiguous:
                verbs = tu.compiled(lv.get("connect_verbs") or r"(对接|接入)$")
                for w in ambiguous:
                    for m in tu.find_all(w, text):
                        if qmask[m.start()]:
                            continue
                        cs, _ = tu.clause_around(text, m.start())
                        if verbs.search(text[cs : m.start()]):
                            parent_name = (parent_own[-1] if parent_own else "") or "上级"
                            hits.append((m.start(), m.end(), w, "changed", parent_name, None))
            if options.place_names and unit_names:
                hits.extend(
                    self._place_hits(
                        ctx,
                        lv,
                        unit,
                        unit_names,
                        parent_own if lower else [],
                        qualifiers,
                        own_name,
                        qmask,
                        omask,
                        pmask,
                        options,
                        parent_own,
                    )
                )
            for start, end, word, why, right, parent_item in sorted(hits):
                cs, ce = tu.clause_around(text, start)
                raw = text[cs:ce]
                quote = raw.strip() or word
                key = (unit.ref, why + word, cs)
                if key in seen:
                    continue
                seen.add(key)
                line, col = tu.position(ctx, unit, quote)
                if why not in ("foreign", "changed"):
                    right = _fitted(word, right, own_names, [*names, *parent_own])
                q0 = cs + len(raw) - len(raw.lstrip())
                edits: tuple[Edit, ...] = ()
                if right and raw.strip() and not _powers_missing(lv, draft.level, text[end:ce]):
                    edits = (Edit(start - q0, end - q0, right),)
                fields = {
                    "word": word,
                    "reason": _reason(why, ctx.lang, jname, right),
                    "right": right,
                }
                yield Hit(
                    local_item=unit.ref,
                    quote=quote,
                    parent_item=parent_item,
                    parent_quote=None,
                    fields=fields,
                    suggestion=self.suggest(ctx.lang, fields)
                    if right
                    else None,
                    key=f"{why}:{word}",
                    line=line,
                    column=col,
                    fix=edits,
                )

    # ----------------------------------------------------------------- pieces

    @staticmethod
    def _unknown_level(ctx: CheckContext, words: list[str]) -> Iterator[Hit]:
        """One note for a plan whose level could not be read, naming the option that supplies it: the
        self-words and the level's scope (level_scope) are left unchecked rather than guessed."""
        found: list[tuple[int, int, tu.TextUnit, str]] = []  # (unit order, offset, unit, word)
        for k, unit in enumerate(tu.units(ctx)):
            for w in words:
                found += [(k, m.start(), unit, w) for m in tu.find_all(w, unit.text)]
        en = ctx.lang == "en"
        if found:
            _, _, unit, word = min(found, key=lambda f: (f[0], f[1]))
            local, quote = unit.ref, word
            reason = (
                f" and {len(found) - 1} other self-references were not checked, nor the level's scope: the plan's "
                "level could not be read from its title, issuer, addressees or text"
                if en
                else f"等{len(found)}处自称和层级范围未检查：本方案的层级未能从标题、发文机关、主送机关或正文判断"
            )
        else:
            local, quote, word = None, None, ("this plan" if en else "本方案")
            reason = (
                ": its level could not be read from its title, issuer, addressees or text; self-references and "
                "the level's scope were not checked"
                if en
                else "的层级未能从标题、发文机关、主送机关或正文判断，自称用语和层级范围未检查"
            )
        fields = {"word": word, "reason": reason, "right": ""}
        suggestion = (
            "set the level with --level (e.g. --level city) and, if needed, --jurisdiction"
            if en
            else "用 --level 指定本方案的层级（如 --level city），必要时用 --jurisdiction 指定地区"
        )
        yield Hit(local_item=local, quote=quote, fields=fields, suggestion=suggestion, severity="warning",
                  key="unknown-level")  # fmt: skip

    @staticmethod
    def _ambiguous(ctx: CheckContext, lv: dict, own: list[str]) -> list[str]:
        """Own self-words that a higher level of the same draft also uses for itself (全区: 自治区 and 区)."""
        draft = ctx.draft
        jname = places.jurisdiction(draft)
        higher: set[str] = set()
        if ctx.parent is not None and places.suffix_of(ctx.parent.jurisdiction, ctx.parent.level) != places.suffix_of(
            jname, draft.level
        ):
            higher |= set(places.self_words(lv, ctx.parent.jurisdiction, ctx.parent.level))
        if places.suffix_of(jname, draft.level) == "区" and draft.level != "province":
            if any("自治区" in m.text for m in draft.measures) or "自治区" in (draft.preamble or ""):
                higher |= set((lv.get("self_words") or {}).get("自治区", []))
        return [w for w in own if w in higher]

    @staticmethod
    def _skip_word(lv: dict, text: str, s: int, e: int, qmask: bytes) -> bool:
        if qmask[s]:
            return True
        nf = lv.get("not_followed_by")
        if nf and e < len(text) and tu.compiled(nf).match(text, e):  # a lookbehind may read the word's end (本乡|镇)
            return True
        npb = lv.get("not_preceded_by")
        if npb and s > 0 and tu.compiled(npb).match(text, s - 1):  # a lookahead may read the word's head (样本县)
            return True
        cs, ce = tu.clause_around(text, s)
        rb, ra = lv.get("reference_before"), lv.get("reference_after")
        if rb and tu.compiled(rb).search(text[cs:s]):
            return True
        return bool(ra and tu.compiled(ra).search(text[e:ce]))

    @staticmethod
    def _lower(lv: dict, ctx: CheckContext) -> bool:
        """The draft is of a lower level than its parent (a county implementing a region's plan)."""
        if ctx.parent is None:
            return False
        levels = lv.get("levels") or {}
        rank = {k: (v or {}).get("rank") for k, v in levels.items()}
        a, b = rank.get(ctx.draft.level), rank.get(ctx.parent.level)
        return a is not None and b is not None and a > b

    def _place_hits(
        self, ctx, lv, unit, names, lower_parent, qualifiers, own_name, qmask, omask, pmask, options, parent_own
    ):
        """Other jurisdictions' names where the draft's own belongs.

        `lower_parent`: the parent's name variants when the draft is of a lower level; there any use
        of the parent's name that is not a reference to the parent is a slip, confirmed as `kept`
        where the aligned parent clause had its own name at the same place. `parent_own`: the
        parent's name variants always (what a copied parent clause may hold at that place).
        `qualifiers`: where the draft lies inside its parent's place, the patterns (levels.yaml
        `place_qualifier`) in which the parent's name qualifies what the draft shares with it (“云南咖啡”,
        广西特色水果, 位于云南西南部): no slip there.
        """
        text = unit.text
        contexts = [c for c in (lv.get("self_contexts") or [])]
        rb = tu.compiled(lv.get("reference_before") or "$^")
        # (folded text, its aligned parent texts), read once a name is found: most units have none
        def copied_from() -> tuple[str, list[tuple[str | None, str]]]:
            return ctx.remember(  # per run: the aligned parents depend on the run's alignment
                ("self_reference.copied_from", unit.ref, text), lambda: (tu.fold(text), ctx.aligned_parents(unit.ref))
            )

        taken = bytearray(len(text))
        k = options.context_chars
        for n in names:
            for m in tu.find_all(n, text):
                s, e = m.start(), m.end()
                if qmask[s] or omask[s] or pmask[s] or taken[s]:
                    continue
                taken[s:e] = b"\x01" * (e - s)
                cs, _ = tu.clause_around(text, s)
                if n in lower_parent:
                    if _refers_to_higher(lv, text, s, e) or _qualifies(qualifiers, n, text, s):
                        continue
                    found = None
                    ftext, parents = copied_from()
                    for pref, ptext in parents:
                        if _copied(ftext, s, e, n, tu.fold(ptext), parent_own, k):
                            found = pref
                            break
                    yield (s, e, n, "kept" if found else "parent_name", own_name, found)
                    continue
                before = text[max(cs, s - 12) : s]
                if before.endswith("、") or _ENUM_AFTER.match(text[e:]) or rb.search(text[cs:s]):
                    continue
                found = None
                ftext, parents = copied_from()
                for pref, ptext in parents:
                    verdict = _copied(ftext, s, e, n, tu.fold(ptext), parent_own, k)
                    if verdict:
                        found = (verdict, pref)
                        break
                if found:
                    yield (s, e, n, found[0], own_name, found[1])
                    continue
                for c in contexts:
                    rx = tu.compiled(c.replace("{name}", re.escape(n)))
                    for cm in rx.finditer(text):
                        if cm.start() <= s < cm.end():
                            found = ("context", None)
                if found:
                    yield (s, e, n, "context", own_name, None)


def _own_places(ctx: CheckContext) -> list[Place]:
    """The draft's division(s) in the gazetteer, looked up by its name at its level; where the name is
    shared (城中区 in 柳州 and in 西宁) the one under a place the draft or its parent names (柳州市, 广西),
    all of them if none is. A town's plan stands in its county. Unknown place or level, or national: none."""
    draft = ctx.draft
    own, level = places.jurisdiction(draft), draft.level
    if level == "town":  # towns are not in the gazetteer: their county is the place to stand in, the one its
        # parent plan is of when the draft names none (金渠镇 implementing 眉县's plan lies in 眉县)
        above = ctx.parent.jurisdiction if ctx.parent is not None and ctx.parent.level == "county" else ""
        own, level = draft.parent_jurisdiction or above or "", "county"
    if not own or level not in ("province", "city", "county"):
        return []
    g = gazetteer()
    # by a searchable name, or by its full name where that is no searchable one (眉县, 沛县: a one-character stem)
    found = {p.code: p for v in places.name_variants(own) for p in (*g.lookup(v), *g.named(v)) if p.level == level}
    hints = " ".join(
        x or "" for x in (draft.parent_jurisdiction, ctx.parent.jurisdiction if ctx.parent else "", draft.title)
    )
    placed = [
        p for p in found.values() if any(n in hints for a in p.ancestors if (up := g.places.get(a)) for n in up.names)
    ]
    return placed or list(found.values())


def _higher_words(ctx: CheckContext, lv: dict, own: list[str]) -> frozenset[str]:
    """Self-words of the jurisdictions above the draft, not its own: those of its ancestors in the
    gazetteer (河西区 -> 天津市, a 直辖市: 全市; 城中区 -> 柳州市, 广西壮族自治区: 全市 — 全区 is its own),
    else of the parent jurisdictions the draft and its parent name. A district of a 直辖市 is county-level
    under a province-level 市, so 全市 there names the level above, as in a prefecture-level city's district;
    全省 in a 天津 district names nothing above it."""
    g = gazetteer()
    mine = _own_places(ctx)
    above = [(up.name, up.level) for p in mine for a in p.ancestors if (up := g.places.get(a)) is not None]
    if ctx.draft.level == "town":  # a town stands in its county (`_own_places`): the county is above it too (全县)
        above += [(p.name, p.level) for p in mine]
    if not above:
        draft = ctx.draft
        above = [(draft.parent_jurisdiction or "", "")]
        if ctx.parent is not None:
            above.append((ctx.parent.jurisdiction or "", ctx.parent.level))
    words = {w for name, level in above if name for w in places.self_words(lv, name, level)}
    if not words:
        # no ancestor named anywhere (a town plan saying only 九资河镇): the kinds of division above the draft's
        # level say how those levels name themselves (a town's 全县, a county's 全市/全省)
        words = _words_of_levels_above(lv, ctx.draft.level)
    return frozenset(words - set(own))


def _words_of_levels_above(lv: dict, level: str) -> set[str]:
    """The self-words (levels.yaml `self_words`, by suffix) of every kind of division ranked above `level`."""
    from engine.parse.level import PLACE_SUFFIXES

    ranks = {k: v.get("rank") for k, v in (lv.get("levels") or {}).items() if isinstance(v, dict)}
    mine = ranks.get(level)
    if mine is None:
        return set()
    table = lv.get("self_words") if isinstance(lv.get("self_words"), dict) else {}
    return {
        w
        for suffix, words in table.items()
        if (r := ranks.get(PLACE_SUFFIXES.get(suffix, ""))) is not None and r < mine
        for w in words
    }


def _distributive(lv: dict, word: str, text: str, s: int, level: str | None) -> bool:
    """The lower level's 本X at `s` names each reader's own area (levels.yaml `distributive_contexts`): the sentence
    addresses each of them before it (各市…本市), or pairs it with the plan's own whole right before it (全国性和本省 in
    a national plan; 全市和本县 in a city plan is no such pair but a county's text copied)."""
    contexts = lv.get("distributive_contexts") or {}
    before = text[max(0, s - 80) : s]
    each, paired = contexts.get("each"), contexts.get("paired")
    if each and tu.compiled(str(each).replace("{kind}", re.escape(word[1:]))).search(before):
        return True
    whole = (contexts.get("wholes") or {}).get(level or "")
    return bool(paired and whole and tu.compiled(str(paired).replace("{whole}", str(whole))).search(before))


def _names_higher_thing(lv: dict, text: str, s: int, e: int) -> bool:
    """The word at [s, e) names a thing of the level above that the draft connects to (依托全市低收入人口
    动态监测信息平台, 接入全市统一的…系统): a connect verb before it and a shared system after it
    (levels.yaml `connect_verbs`, `higher_things`). Elsewhere (全市低保对象…, 推动全市…) it is a slip."""
    things = lv.get("higher_things")
    if not things:
        return False
    cs, ce = tu.clause_around(text, s)
    verbs = tu.compiled(lv.get("connect_verbs") or r"(对接|接入)$")
    return bool(verbs.search(text[cs:s]) and tu.compiled(things).search(text[e:ce]))


def _in_higher_whole(lv: dict, text: str, s: int, word: str) -> bool:
    """The word at `s`, a self-word of a level above the draft, names that level's whole as the frame the draft's
    area stands in (是全市防汛防台的前沿阵地, 为全市…提供保障: levels.yaml `higher_whole`): it speaks of the level
    above, not as it."""
    whole = lv.get("higher_whole") or {}
    frames = whole.get("frames") or ()
    if not frames or not tu.compiled(str(whole.get("word") or "$^")).search(word):
        return False
    cs, ce = tu.clause_around(text, s)
    clause = text[cs:ce]
    for frame in frames:
        for m in tu.compiled(str(frame).replace("{word}", re.escape(word))).finditer(clause):
            if m.start() <= s - cs < m.end():
                return True
    return False


def _foreign_places(ctx: CheckContext) -> frozenset[str]:
    """Gazetteer names of places that are neither the draft's own, nor above it, nor below it
    (the draft's division: `_own_places`). A draft whose place is unknown gets none: nothing is
    foreign where the draft's own place is not known."""
    g = gazetteer()
    mine = _own_places(ctx)
    if not mine:
        return frozenset()
    related = g.family(mine)
    own_words = {n for c in related if (p := g.places.get(c)) for n in p.names}
    return frozenset(
        n for n, ps in g.by_name.items() if n not in own_words and all(p.code not in related for p in ps)
    )


def _inside_parent(ctx: CheckContext, parent_own: list[str]) -> bool:
    """The draft's place lies inside its parent's (普洱市 in 云南省): one of its gazetteer ancestors bears a
    name of the parent's; a town's place is its county (`_own_places`), so the county bears it itself (金渠镇 in
    眉县). Unknown places: no."""
    g = gazetteer()
    names = set(parent_own)
    town = ctx.draft.level == "town"
    return any(
        names.intersection((up.name, *up.names))
        for p in _own_places(ctx)
        for a in (p.code, *p.ancestors) if (a != p.code or town) and (up := g.places.get(a))
    )


def _qualifier_patterns(lv: dict) -> list[str]:
    """levels.yaml `place_qualifier` (the name qualifying what the two share) and `place_fact` (a fact about the
    parent's place: 榆中县是…基地, 作为榆中县的…)."""
    return [str(c) for key in ("place_qualifier", "place_fact") for c in (lv.get(key) or [])]


def _qualifies(patterns: list[str], name: str, text: str, s: int) -> bool:
    """The parent's name at `s` qualifies a product, brand or region the draft shares with it (levels.yaml
    `place_qualifier`, `{name}` the name as found)."""
    for c in patterns:
        for m in tu.compiled(c.replace("{name}", re.escape(name))).finditer(text):
            if m.start() <= s < m.end():
                return True
    return False


def _refers_to_higher(lv: dict, text: str, s: int, e: int) -> bool:
    """The name at [s, e) refers to the higher jurisdiction: connected to, enumerated, its rules."""
    cs, ce = tu.clause_around(text, s)
    before, after = text[cs:s], text[e:ce]
    if tu.compiled(lv.get("place_reference_after") or "$^").search(after):
        return True
    verb, obj = lv.get("place_reference_verb"), lv.get("place_reference_object")
    vm = tu.compiled(verb).search(before) if verb else None
    cm = tu.compiled(lv.get("place_reference_before") or "$^").search(before)
    if cm and (vm is None or cm.start() > vm.start()):
        return True  # the nearest verb connects to the higher level (配合广西…)
    # 依据/按照/根据 … X … 规定/部署: a reference; 协助配合根据广西实际需要: not
    return bool(vm and obj and tu.compiled(obj).search(after))


def _proper_mask(lv: dict, text: str, names: list[str]) -> bytearray:
    """1 on place names that are part of a proper name: 中国（广西）自由贸易试验区, 广西大学, and a road's (湖南路, 北京东路,
    湖南路街道: levels.yaml `road_names`)."""
    mask = bytearray(len(text))
    heads = lv.get("proper_name_heads")
    span = int(lv.get("proper_name_span") or 12)
    head_rx = tu.compiled(heads) if heads else None
    for n in names:
        for m in tu.find_all(n, text):
            s, e = m.start(), m.end()
            proper = 0 < s and e < len(text) and text[s - 1] in "（(" and text[e] in "）)"
            proper = proper or names_road(text, e, n)
            if not proper and head_rx is not None:
                _, ce = tu.clause_around(text, s)
                window = text[e : min(ce, e + span + 8)]
                hm = head_rx.search(window)
                if hm and hm.start() <= span:
                    between = window[: hm.start()]
                    proper = not re.search(r"(?<!人民)政府|的", between)
            if proper:
                mask[s:e] = b"\x01" * (e - s)
    return mask


def _copied(ftext: str, s: int, e: int, n: str, ptext: str, parent_own: list[str], k: int) -> str | None:
    """'kept' / 'replaced' when the name at [s, e) sits where the parent clause had its own name."""
    dl, dr = ftext[max(0, s - 8) : s], ftext[e : e + 8]
    for pn in parent_own:
        for pm in tu.find_all(pn, ptext):
            pl, pr = ptext[max(0, pm.start() - 8) : pm.start()], ptext[pm.end() : pm.end() + 8]
            a = _common_suffix(dl, pl)
            b = _common_prefix(dr, pr)
            if n == pn or n in parent_own:
                if a >= 2 and b >= 2 and a + b >= k:
                    return "kept"
            elif a >= 1 and b >= 1 and a + b >= k:
                return "replaced"
    return None


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def _mask_of(text: str, names: list[str]) -> bytearray:
    mask = bytearray(len(text))
    for n in names:
        if len(n) < 2:
            continue
        for m in tu.find_all(n, text):
            mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return mask


_SUFFIX = "省市区县州盟旗"
_LEGISLATIVE = re.compile("地方性法规|政府规章|规章|立法")


def _fitted(word: str, right: str, own: list[str], names: list[str]) -> str:
    """The draft's own name in the form of the replaced word: 柳州市 -> 城中区, 柳州 -> 城中
    (a word carries a suffix when it is a known name's short form plus 市/区/县 …, not 柳州's 州)."""
    if word[-1:] in _SUFFIX and word[:-1] in names:
        full = [n for n in own if n[-1:] in _SUFFIX]
        return max(full, key=len) if full else right
    bare = [n for n in own if n[-1:] not in _SUFFIX]
    return min(bare, key=len) if bare else right


def _powers_missing(lv: dict, level: str, after: str) -> bool:
    """The words after the replaced name speak of legislation the draft's level cannot make
    (我市地方性法规 -> 我区地方性法规 would be a new error): no mechanical fix there."""
    levels = lv.get("levels") or {}
    legislates = (levels.get(level) or {}).get("legislation", True)
    return not legislates and bool(_LEGISLATIVE.search(after))


def _swap(word: str, own: list[str]) -> str:
    """我市 -> 我区: the draft's own word with the same first character."""
    for w in own:
        if w[:1] == word[:1]:
            return w
    return own[0] if own else ""


_REASONS = {
    "foreign": ("是其他层级的自称，不是{j}的口吻", "is another level's self-reference, not {j}'s"),
    "changed": (
        "照抄自上级，原指{right}，在本方案中读者会理解为本级",
        "is copied from the parent, where it meant the parent's area; here readers take it as the draft's own",
    ),
    "kept": ("是上级的地名，照抄后未改为本级", "is the parent's place name, kept from the copied text"),
    "replaced": (
        "替换了上级原文中的本级地名，但不是{j}本身",
        "replaces the parent's own name, but is not {j} itself",
    ),
    "context": ("用在本方案自指的位置，应是{j}", "stands where the plan names itself; it should be {j}"),
    "parent_name": (
        "是上级的地名，不是对上级的引用，本方案此处应为{j}",
        "is the parent's place name, not a reference to the parent; here it should be {j}",
    ),
}


def _reason(key: str, lang: str, jurisdiction: str, right: str) -> str:
    zh, en = _REASONS[key]
    return (en if lang == "en" else zh).replace("{j}", jurisdiction or "本级").replace("{right}", right)


KIND = SelfReference


def _addressee_words(lv: dict, ctx: CheckContext) -> frozenset[str]:
    """The self-words of the lower government a letter answers (levels.yaml `addressed`: 你县 in a 市's 复函 to a 县):
    in it "全县" quotes the addressee's own plan, not the issuer speaking. Only in a letter (`addressed_kinds`: its title
    ends 复函, 批复, 函), only kinds other than the draft's own, and only where its text so addresses one (outside 《》)."""
    table = lv.get("addressed") if isinstance(lv.get("addressed"), dict) else {}
    draft = ctx.draft
    kinds = tuple(str(k) for k in lv.get("addressed_kinds") or ())
    if not table or not (draft.title or "").rstrip().endswith(kinds or ("\0",)):
        return frozenset()  # only a letter answering one government (levels.yaml `addressed_kinds`)
    own_suffix = places.suffix_of(places.jurisdiction(draft), draft.level)
    text = "\n".join(u.text for u in tu.units(ctx))
    out: set[str] = set()
    by_suffix = lv.get("self_words") if isinstance(lv.get("self_words"), dict) else {}
    for suffix, words in table.items():
        if suffix == own_suffix or not isinstance(words, list):
            continue
        qmask = None
        for w in words:
            for m in tu.find_all(str(w), text):
                qmask = qmask if qmask is not None else tu.quoted_mask(text)
                if not qmask[m.start()]:
                    out.update(by_suffix.get(suffix) or ())
                    break
    return frozenset(out)

