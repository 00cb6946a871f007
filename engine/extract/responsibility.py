"""Who must act: the responsibility clause of a measure and its lead / support units.

Forms handled (all normalised to half-width brackets by ingest; full-width accepted too):

- keyword lists: (牵头单位:A、B;配合单位:C)  (责任单位:A、B)  (负责部门:A)  (主办单位A;协办单位B)
  (牵头承办:A;协同承办:B) (推进单位:A(牵头)、B、C) (推进单位:A为牵头单位，B、C: A leads, B and C take part); a bare
  label whose value names no body ("（二）牵头：统筹推进…") is prose; an official's field (责任县领导：…) is skipped;
  a role stem and the office's own noun for its bodies, in label position with a colon after it (主责警种：A；协同警种：B,
  牵头股：, 责任片区：: roles.yaml labels.open), a field only where its value names bodies ("牵头抓总：统筹…" is none);
  a site's sponsor line (主办：X　承办：Y) is none; 指导单位：X (the guiding office) is skipped as 督办单位 is;
  in () （） [] ［］ 【】, with : or ：, ; or ；, and units separated by 、，,；; -- a ，between
  groups (A、B，C、D) just separates more units;
- inline roles: (A牵头,B配合)  由A牵头，B配合  (A、B共同牵头，C配合)  (A主责，B协同)  (A主办，B协办);  one reader
  "A<lead verb>，B<support verb>" for every verb of the data: (A抓总，B配合) (A负总责，B、C具体落实) (A为主，B协同)
  (A、B双牵头 / 按职责分工牵头，C配合) (A牵头，B、C支持) (…，C按属地落实) (A负责，B配合，C具体实施: a part after the
  lead's and the support's, the units carrying the task out, supports) (A牵头，B、C协调配合: an adverb of the data
  before the verb, never part of a name); clause-only verbs (抓总, 负总责, 为主, 支持,
  落实; 统筹, 统筹协调, 牵总: "（X统筹，Y、Z按职责分工落实）") never in running text; several complete clauses in one
  bracket split by "；", "（A牵头，B配合；C牵头，D配合）": leads A, C, support B, D (`_paired_parts`); role marks
  after a unit in any bracket (X〔牵头〕, X（配合）) and the lead named again
  ("责任单位：A、B（A牵头）"), both dropped from names;  and the
  bare closing sentence "…。A牵头，B、C配合。" (no brackets: the sentence is the clause when every name in it is
  a body's); fields written with 为: (A为牵头单位，B为配合单位)  (牵头单位为A), also beside a verb part
  (A为牵头单位，B、C配合)  (A牵头，B为配合单位) (`_mixed_parts`); every role word is data
  (rulesets/data/roles.yaml: the same words head a task table's columns, engine/ingest/tables.py);
- (各有关部门按职责分工负责), and "A、B按职责分工负责" inside a keyword list: the list ends there;
- a clause whose opening bracket is missing or that is broken over two paragraphs
  ("…(牵头单位:区应急局\\n、区人防办按职责分工负责;配合单位:…)");
- the national style of a unit list and a duty verb: (A、B、C负责)  (A、B等有关部门负责)
  (A会同B负责)  (A、B等和各省级人民政府负责)  (A，各省级人民政府按职责分工负责)  (A牵头，B、C参与)
  (A指导，B负责落实): all listed units before 负责 lead jointly, units after 会同 / before 配合 / 参与
  support; notes after the list ("排在第一位的部门为牵头部门，下同", "适用范围：…") are not units.
  A document-level convention "列第一位者为牵头单位" is applied by `apply_first_listed_leads`, "带*号的为牵头单位"
  by `apply_marked_leads` (wordings and marks: rulesets/data/lead_conventions.yaml); a mark beside a unit
  ("市工信局*") is never part of its name;
- with `prose=True` (a whole measure): its last sentence in prose, "由A牵头，会同B、C组织实施",
  "此项工作由A牵头，B参与", "A负责推进，B、C给予…支持", "A要会同B、C制定…", "由A具体负责", "责任主体为A",
  "由A具体落实" / "由A抓好落实" (落实 ending the sentence: "由A落实资金" is a task, not an assignment)
  (`_prose_sentence`; "A负责…" alone is a duty described, not an assignment).

Group names are one unit: "各区、县级市", "各市、州、直管市及神农架林区人民政府" (a 各 list of kinds of division)
is not split; "各镇人民政府、街道办事处" names two kinds of body, each whole: two units. Also read: a comma inside a support list ("A牵头，B、C，各县(市、区)
人民政府配合": all support), a lead marked inside a list ("负责部门：A(牵头)，B、C"), notes after a name
("B(含C，下同)": B), an empty table cell ("—"), and an unbracketed "责任单位：…" line that ends at its paragraph; a bracket that is one
list of bodies with its lead marked inside and no label ("（A（牵头）、B、C）", "（A、B、C（A牵头））", "（A、B、C，其中A牵头）").
"建立由A牵头、B协同的工作机制" describes a mechanism and assigns no one.

Unit names that contain brackets (区各党委(党组), 县委(县政府)办公室) stay whole: lists are split
only outside brackets. Generic units are decided by rulesets/data/units.yaml (see is_generic_unit).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from engine.extract import divided
from engine.extract.data import lead_conventions, prose_roles, read_data, unit_data
from engine.extract.deadlines import find_deadlines
from engine.extract.legend import same, stated_lead_mark, stated_support_mark
from engine.extract.posts import unit_of
from engine.extract.sentences import (
    CLOSER_TO_OPENER,
    matched_pairs,
    open_before,
    split_outside,
    squeeze,
)
from engine.extract.shared_body import bodies_listed
from engine.extract.tiers import lower_tiers, tier_at, tier_before, tier_pattern
from engine.ingest.furniture import data as furniture_words
from engine.memo import memo
from engine.models import Measure, Responsibility, Unit
from engine.parse.level import PLACE_SUFFIXES, places_end
from engine.parse.zones import zone_body
from engine.roles import MARK_CLOSE, MARK_OPEN, label_role, open_noun, role_mark
from engine.roles import roles as role_words

# the words of the roles are data (rulesets/data/roles.yaml, engine/roles.py), the same for a clause's fields
# and a task table's columns: 牵头单位/主办单位/主责单位 name the lead, 责任单位 … units that answer jointly,
# 配合单位/协办单位/协同单位 … the support; inline "（A、B共同牵头，C配合）", "（A主办，B协办）"
_ROLES = role_words()
# a label is a role stem and a body noun (牵头单位, 责任司局, 牵头办所 …), or a bare stem or a clause's label before a
# colon (牵头：X；配合：Y, 责任分工：X牵头，Y配合): engine/roles.py composes them from the data
PRIMARY_KEYS = _ROLES.lead_fields + _ROLES.bare_lead
# 责任分工 (a whole clause's label) is read as a duty label: its units lead jointly unless its value says who leads
CLAUSE_LABELS = _ROLES.clause_labels
LEAD_KEYS = PRIMARY_KEYS + _ROLES.duty_fields + CLAUSE_LABELS
SUPPORT_KEYS = _ROLES.support_fields + _ROLES.bare_support
_KEYS = _ROLES.unit_fields + _ROLES.colon_labels
_COLON_LABELS = frozenset(_ROLES.colon_labels)  # labels only before a colon (牵头：, 协同承办：, 责任分工：)
_BARE_DUTY = frozenset(_ROLES.bare_duty)  # 责任：X、Y: a label only where its value is wholly bodies' names


# the role of a key as KEY_RE read it, known whole (PRIMARY_KEYS, SUPPORT_KEYS, the duty fields) or open (主责警种:
# a role stem and the office's own noun for its bodies, rulesets/data/roles.yaml labels.open)
def is_primary_key(key: str) -> bool:
    """A key naming the lead (牵头单位, 牵头：, 主责警种)."""
    return label_role(key) == "lead"


def is_support_key(key: str) -> bool:
    """A key naming the support (配合单位, 协同：, 协同警种)."""
    return label_role(key) == "support"


def is_lead_key(key: str) -> bool:
    """A key naming units that answer for the task: the lead's or a duty's (LEAD_KEYS, 主责警种, 责任片区)."""
    return label_role(key) in ("lead", "duty")


def open_value_refused(key: str, value: str) -> bool:
    """An open label (主责警种：, 配合做好：) whose value is not wholly bodies' names: a heading or a sentence ("牵头抓总：
    统筹推进…", "协同推进：各部门要…"), no unit field. A name ending in the label's own noun is a body of the kind it
    names ("责任片区：城东片区"). A bare duty stem (责任：, roles.yaml labels.bare.duty) likewise: "责任：镇财政所（牵头）、
    镇农业农村服务中心" is a field, "责任：落实到人" a sentence."""
    if key in _BARE_DUTY:
        names = parse_units(value)
        marked = _by_marks(names)
        names = [*marked[0], *marked[1]] if marked else names
        return not names or not all(map(reads_as_role_name, names))
    noun = open_noun(key)
    if not noun:
        return False
    names = parse_units(value)
    return not names or not all(reads_as_unit(n) or (n.endswith(noun) and len(n) > len(noun)) for n in names)


@memo(1, copy="shared")  # one compiled pattern from the one data file
def _site_label_re() -> re.Pattern[str]:
    """The labels of a site's sponsor line (rulesets/data/page_furniture.yaml `site_labels`: 主办：, 承办：, 技术支持：)
    in label position, a colon after them."""
    words = furniture_words().get("site_labels") or ()
    return re.compile(rf"(?<![\u3400-\u4dbf\u4e00-\u9fff])(?:{_alt(words)})(?=\s*[:：])")


def _sponsor_line(content: str, keys: Sequence[re.Match[str]]) -> bool:
    """A line naming a site's (or an event's) host and operator, not a task's roles: a field of a `paired` lead (主办：,
    主办单位：, roles.yaml verbs.paired: alone 主办 says who hosts, not who leads) beside a site label that is no role
    label (承办：, 技术支持：, page_furniture.yaml `site_labels`): "主办：X人民政府办公室　承办：X大数据中心", a page's
    footer that the furniture cut left (no ICP mark after it). "主办：X；会办：Y" (a task's pair) is read."""
    if not any(k.group(1).startswith(tuple(_ROLES.paired_verbs)) for k in keys):
        return False
    starts = {k.start(1) for k in keys}
    return any(m.start() not in starts for m in _site_label_re().finditer(content))
_LABEL = _ROLES.label_pattern()
# a key and its value's start: after a colon, or after 为 (牵头单位为A); a bracketed body noun between a key and its
# colon is the label's (配合处室（单位）：X), group 1 the key without it
_QUALIFIER = f"(?:{_ROLES.qualifier_pattern()})?"
KEY_RE = re.compile("(" + _LABEL + ")" + _QUALIFIER + r"\s*(?:[:：]|为(?=[^\s:：，,；;]))?\s*")
# a key that opens a clause: directly after an opener, or followed by a colon
CLAUSE_KEY_RE = re.compile("(" + _LABEL + ")" + _QUALIFIER + r"\s*[:：]")
# "A、B为牵头单位，C为配合单位": the units before their key, read as "牵头单位：A、B，配合单位：C"; "A、B为共同牵头单位"
# (the joint words of the inline form, before the key)
_AS_KEY_RE = re.compile(
    r"(?:^|(?<=[，,；;]))\s*(?P<units>[^，,；;:：()（）]{2,80}?)为"
    + rf"(?:{'|'.join(map(re.escape, _ROLES.joint_words)) or '(?!)'})?"
    + r"(?P<key>" + _ROLES.field_pattern() + r")\s*(?=[，,；;。.]|$)"
)
# "A为牵头单位、B、C为配合单位": a 、 after a field written with 为 ends that part as a ，would (the 、 between its
# units stays a unit separator); read as "A为牵头单位，B、C为配合单位"
_AS_KEY_END_RE = re.compile(
    r"(为" + rf"(?:{'|'.join(map(re.escape, _ROLES.joint_words)) or '(?!)'})?" + _ROLES.field_pattern() + r")\s*、"
)
# a duty or clause label whose value says the roles in another form: "责任单位：X为牵头单位，Y为配合单位",
# "责任分工：X牵头，Y配合"
_WRAPPER_RE = re.compile(
    r"\s*(?P<key>" + _ROLES.field_pattern("duty") + "|" + ("|".join(map(re.escape, CLAUSE_LABELS)) or "(?!)")
    + r")\s*[:：]\s*"
)

# 〔〕 too: a ministry's clause "〔牵头：X；协同：Y〕" / "〔各省级…部门负责〕" (blind22 文化和旅游部), a mark "X〔牵头〕"
# (blind21 应急管理部); a 文号's 〔2017〕 holds no unit, so it is no clause
BRACKET_OPEN = "(（[［【〔"
_CLOSERS = ")）]］】〕"
BRACKET_NAMES = {"(": "()", "（": "（）", "[": "[]", "［": "［］", "【": "【】", "〔": "〔〕"}
SEPARATORS = "、，,；;/"
SPLIT_RE = re.compile(r"[、，,；;/]")


def _alt(words: Sequence[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True))) or "(?!)"


alternation = _alt  # public: the alternation of words, longest first, other readers build their patterns with


# the lead verbs of a clause: those of running text too (牵头负责, 牵头, 主责) and those of a clause only (抓总,
# 负总责, 为主: roles.yaml `clause_lead`); the support verbs likewise (配合 …; 支持, 落实 after a lead part only)
_TEXT_LEAD_VERBS = _ROLES.lead_verbs
_CLAUSE_LEAD_VERBS = frozenset(_ROLES.clause_lead_verbs)
_LEAD_VERBS = tuple(sorted(dict.fromkeys([*_TEXT_LEAD_VERBS, *_CLAUSE_LEAD_VERBS]), key=len, reverse=True))
_PAIRED_VERBS = frozenset(_ROLES.paired_verbs)  # 主办: a lead only beside its support (A主办，B协办)
# A、B共同牵头 / 联合牵头 / 分别牵头 / 双牵头 / 按职责分工牵头; Y按属地落实 / Y、Z具体落实
_JOINT = f"(?:{_alt(_ROLES.joint_words)})?"
_LEAD_VERB = f"(?P<verb>{_alt([*_LEAD_VERBS, *_PAIRED_VERBS])})"
# the words of a sentence that says in prose who leads and who helps, beyond the role lexicon
# (rulesets/data/prose_roles.yaml): its lead predicates (承办, 负责组织实施, 履行牵头责任 …), the modal words between a
# unit list and its predicate (要, 应, 予以 …), the heads of a group of bodies (各运输机场)
_PROSE_WORDS = prose_roles()
# a clause's support part closes in a support verb, a clause-only one (支持, 落实) or a prose support predicate (做好配合,
# 抓好落实: "（由X统筹，Y、Z按职责抓好落实）", the same words as a sentence's, prose_roles.yaml `support_predicates`)
_SUPPORT_VERB = f"(?:{_alt([*_ROLES.support_verbs, *_ROLES.clause_support_verbs, *_PROSE_WORDS.support_predicates])})"
# a run of modal words before a predicate, in a lead or a support part ("X要切实履行牵头责任", "Y、Z要主动配合", "Y予以
# 配合"): prose_roles.yaml `modal` and roles.yaml's manner words (`joint`). Before a lead predicate read lazily, so that
# a word that is also a predicate (负责) is the predicate where one follows it ("X负责组织实施", not 负责 + 组织实施);
# before a support verb greedily, so that the predicate is read whole ("Y协同配合", not 协同)
_MODAL = f"(?:{_alt([*_PROSE_WORDS.modal, *_ROLES.joint_words])}|按照?(?:各自)?职责(?:分工)?)"
# 负责 leads in running text only where a support part follows: "…，由X负责，Y、Z协同配合，确保…" (a duty described,
# "由X负责组织…", names no one's role); like 主办 it is read only with its support (`_needs_support`), and so are the
# other lead predicates of prose that are no lead verb of roles.yaml ("由X承办，Y、Z协办，做好…", "由X负责组织实施，Y配合")
_TEXT_PAIRED_LEADS = frozenset(v for v in _PROSE_WORDS.lead_verbs if v not in _TEXT_LEAD_VERBS and v not in _PAIRED_VERBS)
_TEXT_LEAD_VERB = "(?P<verb>" + "|".join(
    re.escape(v) + ("(?=[,，])" if v in _TEXT_PAIRED_LEADS else "")
    for v in sorted({*_TEXT_LEAD_VERBS, *_PAIRED_VERBS, *_TEXT_PAIRED_LEADS}, key=len, reverse=True)
) + ")"
_TEXT_SUPPORT_VERB = f"(?:{_alt([*_ROLES.support_verbs, *_PROSE_WORDS.support_predicates])})"
# a unit's name in running text: no stop, and a bracket only as a short part of it (各区县公安（分）局, 各县（市、区）人民
# 政府), never one that opens a clause
_TEXT_NAME = r"(?:[^,，;；。()（）\n]|[(（][^,，;；。()（）\n]{1,12}[)）])"
# the one two-part clause "A<lead verb>，B<support verb>", each verb any of its role's (data):
# (A牵头, B配合) / 由A牵头，B配合 / A牵头负责 / A、B共同牵头，C配合 / A主办，B协办 / A牵头，B、C共同参与 /
# A抓总，B、C等单位配合 / A负总责，B、C具体落实 / A为主，B协同 / A牵头，B、C支持 / A牵头，请B、C支持
# a request word opening a part asks bodies outside the issuer's command (a garrison, a vertical body, an enterprise)
# for their help, "（X牵头，请Y、Z支持）", or to lead, "（请Y牵头，Z配合）": no part of a name (prose_roles.yaml
# `requests`, read as 由 is)
_REQUESTS = _alt(_PROSE_WORDS.requests)  # 请 …: also _BY and _REQUEST_RE below
_REQUEST = f"(?:{_REQUESTS})?"
INLINE_RE = re.compile(
    r"^(?:由|" + _REQUEST + r")(?P<lead>[^,，;；。]+?)" + _JOINT + _LEAD_VERB
    + r"(?:[,，;；、]\s*" + _REQUEST + r"(?P<sup>[^,，;；。]+?)(?:等)?" + _JOINT + _SUPPORT_VERB + r")?[。.]?$"
)  # fmt: skip
# 由A牵头，B配合 inside running text: the verbs of running text only ("由X为主…", "…，Y支持企业…" assign no one)
INLINE_TEXT_RE = re.compile(
    f"由(?P<lead>{_TEXT_NAME}{{2,60}}?){_MODAL}*?" + _TEXT_LEAD_VERB
    + f"(?:[,，]\\s*(?P<sup>{_TEXT_NAME}{{2,80}}?)(?:等)?{_MODAL}*{_TEXT_SUPPORT_VERB})?"
)  # fmt: skip


# where a lead verb of running text may start (any, overlapping), and the stops no lead's name runs across
_TEXT_LEAD_WORD_RE = re.compile(
    "(?=" + "|".join(re.escape(v) for v in sorted({*_TEXT_LEAD_VERBS, *_PAIRED_VERBS, *_TEXT_PAIRED_LEADS})) + ")"
)
_TEXT_STOP_RE = re.compile("[,，;；。\n]")


# a tuple of matches per measure text: the few texts a parse asks about in turn (a measure is read by several steps,
# each with a _Scan of its own; a run of 由 costs the pattern a try at every 由, seconds in a 200,000-character one)
@memo(16, copy="shared")
def _inline_text_matches(text: str) -> tuple[re.Match[str], ...]:
    """Every INLINE_TEXT_RE match of `text`, as `finditer` finds them; the pattern is tried only at a 由 with a lead
    verb after it before the next stop (a lead's name holds no stop): "由"×200,000 tried it 200,000 times, 60 name
    lengths each."""
    if "由" not in text:
        return ()  # every match opens with 由
    verbs = [m.start() for m in _TEXT_LEAD_WORD_RE.finditer(text)]
    stops = [m.start() for m in _TEXT_STOP_RE.finditer(text)]
    out: list[re.Match[str]] = []
    pos = 0
    while (p := text.find("由", pos)) >= 0:
        k = bisect.bisect_left(stops, p)
        stop = stops[k] if k < len(stops) else len(text)
        v = bisect.bisect_left(verbs, p + 3)  # 由, two characters of a name at least, the verb
        if v == len(verbs) or verbs[v] >= stop:
            pos = stop + 1  # no 由 before this stop has a verb after it within the stop
            continue
        m = INLINE_TEXT_RE.match(text, p)
        if m is not None:
            out.append(m)
        pos = m.end() if m is not None else p + 1
    return tuple(out)


def _clause_leads_ok(verb: str, units: str) -> bool:
    """The leads of a clause-only lead verb (抓总, 负总责, 为主) are named bodies: not a bare kind ("企业为主",
    "政府负总责") and not a name after a framing word ("以企业为主": a principle)."""
    if verb not in _CLAUSE_LEAD_VERBS:
        return True
    names = parse_units(units.removeprefix("由"))
    kinds = unit_data().suffixes
    return bool(names) and all(
        reads_as_unit(n) and n not in kinds and not n.startswith(_ROLES.framing_words) for n in names
    )


def _inline(text: str) -> re.Match[str] | None:
    """INLINE_RE on `text`, unless its lead verb needs a support part it lacks: "（X主办）" alone says who
    hosts an event, "（X主办，Y协办）" who leads a task; or its clause-only lead verb names no body
    (`_clause_leads_ok`)."""
    m = INLINE_RE.match(text)
    if m is None or (m.group("verb") in _PAIRED_VERBS and not m.group("sup")):
        return None
    return m if _clause_leads_ok(m.group("verb"), m.group("lead")) else None


def _needs_support(m: re.Match[str]) -> bool:
    """An INLINE_TEXT_RE match whose lead verb is a lead only beside a support part it lacks ("由X主办", "由X负责，")."""
    return m.group("verb") not in _TEXT_LEAD_VERBS and not m.group("sup")


def _inline_in(text: str) -> list[re.Match[str]]:
    """Every "由A牵头，B配合" of running text (INLINE_TEXT_RE), as `_inline` accepts them."""
    return [m for m in INLINE_TEXT_RE.finditer(text) if not _needs_support(m)]


# the verb that closes a national-style unit list; "lead" roles make the units leads (the lead and support
# verbs of rulesets/data/roles.yaml among them), longest first: 牵头负责 before 负责
_DUTY_ROLES = tuple(sorted(dict.fromkeys((
    ("按照职责分工负责", "lead"), ("按职责分工负责", "lead"), ("按职能分工负责", "lead"), ("分工负责", "lead"),
    ("负责落实", "lead"), ("共同负责", "lead"), ("负责", "lead"), ("组织落实", "lead"), ("落实", "lead"),
    *((w, "lead") for w in _ROLES.guide_verbs), *((w, "lead") for w in _LEAD_VERBS), *((w, "lead") for w in _ROLES.duty_verbs),
    *((w, "support") for w in (*_ROLES.support_verbs, *_ROLES.clause_support_verbs)),
    *((w, "lead") for w in unit_data().list_end),  # the words closing a unit list (units.yaml): 按职责分工落实
)), key=lambda wr: -len(wr[0])))  # fmt: skip
# styles of the bare national form, which must close a sentence to count ("X牵头" is INLINE_RE's too)
DUTY_STYLES = frozenset("X" + w for w, role in _DUTY_ROLES if role == "lead") - {"X牵头"}
# the styles of a lead verb: "A牵头，B按职责分工负责": B supports
_LEAD_STYLES = frozenset("X" + w for w in _LEAD_VERBS)
# a lead verb that closes its piece of a clause: "A牵头，B、C…"
_LEAD_THEN_RE = re.compile(f"(?:{_alt(_LEAD_VERBS)})[，,；;]")
# how a group of divisions opens: 各市、州人民政府, and the part of them a task concerns, 有关市、州人民政府 /
# 相关市、县人民政府 (湖北/湖南 省 plans address their 市、州; blind17 湖北 磷石膏 征求意见稿): one unit each
_GROUP_HEADS = ("各", "有关", "相关")
# kinds of division that a 各… group lists after its first one: 各区、县级市 / 各市、县(区)
_DIVISION_KIND = r"(?:县级市|地级市|自治县|自治旗|自治州|市辖区|直管市|林区|苏木|街道|市|州|盟|区|县|旗|镇|乡)"
# (各市、州、直管市及神农架林区人民政府: one group; 各镇人民政府、街道办事处: two, see _joins_group)
_DIVISION_TAIL_RE = re.compile(_DIVISION_KIND + r"(?:(?:及|和)[^、，,]{0,8}?" + _DIVISION_KIND + r")?"
                               r"(?:\([^()]*\))?(?:人民政府|政府|党委|办事处)?")  # fmt: skip
# 市、县两级人民政府 / 省、市、县三级财政部门: the tiers named before it are part of the group
_TIERS_RE = re.compile(_DIVISION_KIND + r"(?:[两二三四]|各)级")
_BARE_DIVISION_RE = re.compile(r"省|" + _DIVISION_KIND)
# punctuation that may open a clause's first unit and is never part of a name: dashes, a colon, a list mark
_LEADING_MARKS = "—–-－─―~～·•、，,：: \u3000"
# a table cell or list that names no one: "—", "/", "无"
_NO_UNIT = frozenset(("—", "——", "-", "--", "－", "/", "无", "暂无"))
# a note after a unit name: 省卫生健康委(含省中医药局，下同) / X(以下简称Y)
_NAME_NOTE_RE = re.compile(r"[(（](?:含|包括|以下简称|下同)[^()（）]*[)）]$|[(（][^()（）]*下同[)）]$")
# a role marked after a unit inside a list, in any bracket, with any role word of the data (a bare stem, a field,
# a verb): 负责部门：X(牵头)，Y、Z; 责任单位：X〔牵头〕，Y，Z (blind21 应急管理部); 责任单位：X（牵头）、Y（配合）、Z（配合）
# (blind22 沭阳县)
_MARK_OPEN, _MARK_CLOSE = MARK_OPEN, MARK_CLOSE
_ROLE_MARK_RE = role_mark()  # engine/roles.py: one pattern for these lists and a PDF cell's lines
# "责任单位：A、B、C（A牵头）": the lead named again in a bracket after the list (blind23 塔城地区)
_NAMED_AGAIN_RE = re.compile(
    f"[{re.escape(_MARK_OPEN)}](?P<units>[^{re.escape(_MARK_OPEN + _MARK_CLOSE)}]{{2,80}}?){_JOINT}"
    f"(?:{_alt(_LEAD_VERBS)})[{re.escape(_MARK_CLOSE)}]$"
)


def _in_mark(text: str, start: int, end: int) -> bool:
    """`text[start:end]` is all of a bracket after a name: a role mark ("X（牵头单位）"), no label."""
    return (
        0 < start and text[start - 1] in _MARK_OPEN and text[end:].lstrip()[:1] in tuple(_MARK_CLOSE)
        and start > 1 and not text[start - 2].isspace() and text[start - 2] not in BRACKET_OPEN + "：:；;，,、"
    )


def _marks_lead(names: Sequence[str]) -> bool:
    """Whether a unit of `names` carries a lead's mark ("X（牵头）")."""
    return any((m := _ROLE_MARK_RE.search(n)) is not None and bool(m.group("lead")) for n in names)


def _by_marks(names: Sequence[str]) -> tuple[list[str], list[str]] | None:
    """(lead, support) of a list whose units carry role marks ("X(牵头)、Y(配合)"), the marks dropped: the units
    marked as leads lead, those marked as support and the unmarked support; where no unit is marked to lead, the
    unmarked ones lead. None when no unit is marked, or none leads."""
    read = [(n, _ROLE_MARK_RE.search(n)) for n in names]
    if not any(m for _, m in read):
        return None
    marked_lead = any(m and m.group("lead") for _, m in read)
    lead: list[str] = []
    support: list[str] = []
    for n, m in read:
        name = n[: m.start()].strip() if m else n
        into = lead if (m.group("lead") if m else not marked_lead) else support
        if name and name not in lead and name not in support:
            into.append(name)
    return (lead, support) if lead else None


def _names_again(text: str, o: int, c: int) -> bool:
    """The bracket `text[o : c + 1]` closes a labelled unit list on its line and names its lead again:
    "责任单位：A、B、C（A牵头）" (`_named_again`)."""
    if o == 0 or text[o - 1] in "。；;\n" or not _NAMED_AGAIN_RE.search(text, o, c + 1):
        return False
    line = max(text.rfind("\n", 0, o), text.rfind("。", 0, o)) + 1
    keys = list(CLAUSE_KEY_RE.finditer(text, line, o))
    return bool(keys) and _named_again(parse_units(text[keys[-1].end() : c + 1])) is not None


_AGAIN_RE = re.compile(
    f"^(?P<list>.+?)[，,；;](?:{_alt(_ROLES.again_words)})(?P<units>.+?){_JOINT}(?:{_alt(_LEAD_VERBS)})[。.]?$"
) if _ROLES.again_words else re.compile("(?!)")


def _named_again_after(text: str) -> tuple[list[str], list[str]] | None:
    """(lead, support) of "A、B、C，其中A牵头" (a field's list, then a part opening with an `again` word of
    rulesets/data/roles.yaml naming some of its units with a lead verb): those lead, the others support. A named
    body the list does not hold leads too (the again word is never part of a name)."""
    m = _AGAIN_RE.match(squeeze(text).strip(" 。；;"))
    if m is None:
        return None
    listed, named = parse_units(m.group("list")), parse_units(m.group("units"))
    if not named or not listed or not all(reads_as_unit(n) for n in named):
        return None
    return named, [n for n in listed if n not in named]


def _named_again(names: Sequence[str]) -> tuple[list[str], list[str]] | None:
    """(lead, support) of "A、B、C（A牵头）": a bracket after the last unit naming, with a lead verb, units of the
    list itself; those lead, the others support. None otherwise."""
    if not names:
        return None
    m = _NAMED_AGAIN_RE.search(names[-1])
    if m is None:
        return None
    listed = [*names[:-1], names[-1][: m.start()].strip()]
    named = parse_units(m.group("units"))
    if not named or not all(n in listed for n in named):
        return None
    return named, [n for n in listed if n not in named]


@dataclass
class Found:
    """A responsibility clause and where it stands in the text it was found in."""

    responsibility: Responsibility
    start: int
    end: int


@memo(4096, copy="shared")  # a bool
def is_generic_unit(name: str) -> bool:
    """True when `name` names no one in particular (各有关部门, 其他有关部门, 县直各单位 …).

    Decision: 各镇人民政府 / 各街道 / 各乡镇 are NOT generic: they name a concrete, complete set of
    bodies (every town government), each of which is accountable and can be asked for results.
    Both lists are data in rulesets/data/units.yaml; `concrete` wins over `generic`.
    """
    n = _norm_name(name)
    if not n:
        return False
    data = unit_data()
    if any(p.fullmatch(n) for p in data.concrete):
        return False
    return any(p.fullmatch(n) for p in data.generic)


@memo(4096, copy="shared")  # a bool
def is_lower_group(name: str) -> bool:
    """True when `name` is the set of the governments or communities below the plan's level named as
    a whole (各乡镇人民政府, 各街道办事处, 各村(社区), 各县(市、区)人民政府, 各有关省级人民政府): each member
    is a body of its own place, not a unit to register (rulesets/data/units.yaml `lower_groups`)."""
    n = _norm_name(name).replace("〔", "(").replace("〕", ")")  # 各县〔市、区〕人民政府
    return bool(n) and any(p.fullmatch(n) for p in unit_data().lower_groups)


def _norm_name(name: str) -> str:
    n = squeeze(name)
    return n.replace("（", "(").replace("）", ")").replace("［", "[").replace("］", "]")


def reads_as_unit(name: str) -> bool:
    """Whether `name` reads as a body's name: it ends as one (局, 办公室, 人民政府 …), names no one in particular
    (各有关部门), or is the set of the bodies below named as a whole (各社区, 各乡镇), whatever it ends in.
    The unit-name test of group clauses, leads in a measure's text and ingest's unit lists too."""
    return _ends_as_body(name) or is_lower_group(name)


def reads_as_listed_name(name: str) -> bool:
    """`name` reads as a body's name standing alone in a list (`reads_as_unit`), not a sentence that ends in one
    ("请各省级农业农村部门…报送部农田建设管理司": it opens as prose does, `_NOT_A_NAME_RE`). What a blank or a bare 和
    may part a list into (engine/ingest/unit_spaces.py, `_split_and`)."""
    return reads_as_unit(name) and not _NOT_A_NAME_RE.match(_norm_name(name))


def _ends_as_body(name: str) -> bool:
    n = _norm_name(name)
    mark = _ROLE_MARK_RE.search(n)  # X〔牵头〕 / X【牵头单位】: a role mark in any bracket, judged without it
    n = n[: mark.start()] if mark and mark.start() else n
    n = re.sub(r"\([^()]*\)$", "", n) or n  # 区各党委(党组) -> judge 区各党委
    return any(n.endswith(s) for s in unit_data().suffixes) or is_generic_unit(n)


def _split_top(text: str) -> list[str]:
    """Split a unit list on 、，,；;/ outside brackets, and at the joins of `_split_joins`."""
    return [piece for part in split_outside(text, SEPARATORS) for piece in _split_joins(part)]


# a word that joins two parts of a unit list where no 、 stands: after the 等 closing the named units
# (A、B等和各省级人民政府, A等有关部门与B) or before a 各 group (A和各县(市、区)人民政府, A以及各街道)
_JOIN_RE = re.compile(r"等(?:其他)?(?:有关|相关)?(?:部门|单位|方面)?(?:以及|和|及|与)|(?:以及|和|及|与)(?=各)")


def _split_joins(item: str) -> list[str]:
    """`item` cut at a join outside brackets (`_JOIN_RE`) where the part before it ends in a body's name:
    住房和城乡建设部, 区人力资源和社会保障局, 性别平等和… are no joins (住房, 区人力资源, 性别平 name no body)."""
    out, start = [], 0
    depth: list[int] = []  # brackets open before each offset, counted at the first join (most have none)
    for m in _JOIN_RE.finditer(item):
        depth = depth or open_before(item)
        if m.start() <= start or depth[m.start()]:
            continue
        head = item[start : m.start()]
        if reads_as_unit(head) and m.end() < len(item):
            out.append(head)
            start = m.end()
    return [*out, item[start:]]


# a bare word joining the last unit of a list to the one before it: A和B, A及B, A以及B
_AND_RE = re.compile("以及|和|及")


# a name's own level opens it (市政府, 县委): the one-character suffixes of the parser's levels (省 市 州 盟 区 县 旗 乡 镇)
_OWN_LEVEL_HEADS = tuple(s for s in PLACE_SUFFIXES if len(s) == 1)


def _split_and(item: str) -> list[str]:
    """`item` cut at a bare 和/及/以及 outside brackets where both sides read as whole bodies' names, neither a body's
    bare kind: "计算机技术中心和内部审计指导监督司" is two units; 人力资源和社会保障局, 工业和信息化局, 住房和城乡建设局
    are one (人力资源, 工业, 住房 name no body), and so is 各级党委和政府 (政府 alone is a kind, no body)."""
    if "和" not in item and "及" not in item:
        return [item]
    cuts = [m for m in _AND_RE.finditer(item) if 0 < m.start() and m.end() < len(item)]
    if not cuts:
        return [item]
    depth = open_before(item)
    kinds = unit_data().suffixes
    out, start = [], 0
    for m in cuts:
        if m.start() <= start or depth[m.start()]:
            continue
        head, tail = item[start : m.start()], item[m.end() :].removesuffix("等")
        # a short tail with no level of its own is the head's sibling body sharing its place (济源示范区党工委和管委会)
        shared = len(tail) <= 3 and not tail.startswith(_OWN_LEVEL_HEADS)
        if reads_as_listed_name(head) and reads_as_listed_name(tail) and head not in kinds and tail not in kinds and not shared:
            out.append(head)
            start = m.end()
    return [*out, item[start:]]


@memo(1, copy="shared")  # one compiled pattern from the one data file
def _aside_re() -> re.Pattern[str]:
    """A bracket after a unit's name that is none of it and names no unit (rulesets/data/units.yaml `asides`): one
    opening with a contact word, "（联系人：包文军，联系电话：0474-5212345）" (a bracket inside it, "（0474）", allowed),
    one wholly a note on the list's order, "（排名不分先后）", one wholly phone numbers with no word before them,
    "（0474-5212345）", "（0474-5212345、13947412345）", one wholly a note on how the units share the task,
    "（按职责分工）", "（分别负责）" (or a word closing a unit list, `list_end`), or one opening with where an office
    sits, "领导小组办公室（设在市能源局）"."""
    data = unit_data()
    inner = r"[^()（）]*(?:[(（][^()（）]*[)）][^()（）]*)*"
    alts = []
    if data.contacts:
        alts.append(rf"(?:{_alt(data.contacts)}){inner}")
    if data.seat_notes:
        alts.append(rf"(?:{_alt(data.seat_notes)}){inner}")
    if data.order_notes:
        alts.append(rf"(?:{_alt(data.order_notes)})[。.]?")
    if data.duty_notes:
        shares = sorted({*data.duty_notes, *data.list_end}, key=len, reverse=True)
        alts.append(rf"(?:{_alt(shares)})[。.]?")
    if data.phones:
        # whole numbers only: a digit right before or after one makes it no number of these shapes
        phone = "(?<![0-9])(?:" + "|".join(f"(?:{p})" for p in data.phones) + ")(?![0-9])"
        alts.append(rf"{phone}(?:\s*[、，,；;/／]\s*{phone})*")
    if not alts:
        return re.compile("(?!)")
    return re.compile(rf"[(（]\s*(?:{'|'.join(alts)})\s*[)）]")


def without_asides(text: str) -> str:
    """`text` with each aside after a name (`_aside_re`: a contact, a note on the order) blanked to spaces of its
    length, so offsets stay those of `text`."""
    if "(" not in text and "（" not in text:
        return text
    return _aside_re().sub(lambda m: " " * len(m.group()), text)


def parse_units(text: str) -> list[str]:
    """Unit names in a list such as "区委编办、区督察办，区政管办" (order kept, duplicates dropped).

    A bare 和/及/以及 between two whole bodies' names parts them as a 、 would (`_split_and`: 计算机技术中心和
    内部审计指导监督司 is two, 工业和信息化局 one). The list ends at 按职责分工负责 (and the other `list_end` words of
    units.yaml); a trailing 等,
    牵头, 负责 is trimmed; items without a body suffix before a last item ending in 主管部门/部门
    share its suffix (教育、卫生健康主管部门 -> 教育主管部门, 卫生健康主管部门).
    """
    data = unit_data()
    t = squeeze(without_asides(text))  # 旗公安局（联系人：…）/ …（排名不分先后）: no part of a name
    for w in data.list_end:
        k = t.find(w)
        if k >= 0:
            t = t[:k]
    names: list[str] = []
    marks = lead_conventions().marks
    for raw in (piece for part in _split_top(t) for piece in _split_and(part)):
        item = raw.strip(" :：.。")
        # "——X牵头，Y配合。" (a clause after a dash, blind21 宁乡市): the dash opens the clause, no part of the name
        item = item.lstrip(_LEADING_MARKS) or item
        changed = True
        while changed and item:
            changed = False
            if item.strip(marks) != item and item.strip(marks):  # 市工信局* / ★市商务局: a mark, not the name
                item = item.strip(marks)
                changed = True
            for w in data.strip:
                if item.endswith(w) and len(item) > len(w) + 1:
                    item = item[: -len(w)]
                    changed = True
        item = _NAME_NOTE_RE.sub("", item.strip(" :：.。"))
        item = _without_convention(item)
        # "市民政局局长（牵头）、团市委书记": a body named by its head's post is that body; "省政府分管副秘书长" a person
        # answering for the task, no unit (rulesets/data/posts.yaml)
        item = (unit_of(item, reads_as_unit) or "") if item else item
        # "责任单位：A、B，按职责分工" / "…，排第一位的为牵头单位，下同": a note of the clause standing as a piece of its
        # list (units.yaml asides.duty, notes), no unit
        if item in _NO_UNIT or not item or item in data.duty_notes or item in data.notes:
            continue
        if item and names and _unqualified(names[-1]).startswith(_GROUP_HEADS) and _joins_group(names[-1], item):
            names[-1] += "、" + item  # 各区、县级市 / 有关市、州人民政府: one group, not 各区 and 县级市
            continue
        tiers = len(names)
        while tiers and _BARE_DIVISION_RE.fullmatch(names[tiers - 1]):
            tiers -= 1
        if item and tiers < len(names) and _TIERS_RE.match(item):
            names[tiers:] = ["、".join([*names[tiers:], item])]  # 市、县两级人民政府: one group of both tiers
            continue
        if item and item not in names:
            names.append(item)
    names = _share_place_suffix(names)
    if len(names) > 1:
        last = names[-1]
        shared = next((s for s in ("主管部门", "行政主管部门", "部门") if last.endswith(s)), None)
        if last.startswith("各"):  # 部X司，各省级农业农村部门: a group of its own, not a shared suffix
            shared = None
        if shared:
            names = [n if reads_as_unit(n) else n + shared for n in names]
    return names


# a bracket closing an item: 市财政局（排第一位的为牵头单位）
_LAST_BRACKET_RE = re.compile(r"[(（]([^()（）]*)[)）]$")


@memo(4096, copy="shared")  # a str
def _without_convention(item: str) -> str:
    """`item` of a unit list without a lead convention stated inside the clause (`_convention_part`): "" for a
    piece that is wholly one ("责任单位：A、B、C，排第一位的为牵头单位，其余为配合单位"), the name alone for one closed by
    a bracket that is ("A、B（排名第一的为牵头单位）"). The convention says how to read the list, it names no unit; it
    is applied to the clause by `parse_clause_content`."""
    m = _LAST_BRACKET_RE.search(item)
    if m and m.start() and _convention_part(m.group(1)):
        return item[: m.start()].rstrip()
    return "" if _convention_part(item) else item


def _convention_part(piece: str) -> bool:
    """`piece` of a clause states a lead convention (`_states_convention`: "排第一位的为牵头单位", "带★的为牵头单位") or
    is the second half of one ("其余为配合单位": lead_conventions.yaml `others`)."""
    flat = squeeze(piece).strip("。.")
    worded = "为" in flat or "是" in flat or any(ch in flat for ch in lead_conventions().marks)
    if worded and _states_convention(flat):  # (every such wording has 为/是 or a mark)
        return True
    return any(p.fullmatch(flat) for p in lead_conventions().others)


def _without_stated_convention(content: str) -> str:
    """`content` of a clause without the pieces (between its top-level ，；) that state a lead convention or its second
    half (`_convention_part`): "A、B负责，排在第一位的部门为牵头部门" is "A、B负责" (its convention piece would read
    as a field written with 为: "X为牵头部门"). A clause that is wholly a convention is kept as it is (it names no one)."""
    pieces: list[tuple[int, str]] = []  # (offset, piece)
    at = 0
    for piece in split_outside(content, "，,；;"):
        pieces.append((at, piece))
        at += len(piece) + 1
    kept = [(o, p) for o, p in pieces if not _convention_part(p)]
    if len(kept) == len(pieces) or not kept:
        return content
    first = kept[0][0]
    return content[first : first + len(kept[0][1])] + "".join(content[o - 1] + p for o, p in kept[1:])


def _unqualified(name: str) -> str:
    """`name` without the area a group of divisions is qualified by (units.yaml `group_qualifiers`): 沿黄各市 -> 各市."""
    q = next((q for q in unit_data().group_qualifiers if name.startswith(q)), "")
    return name[len(q) :] if q and name[len(q) :].startswith(_GROUP_HEADS) else name


def _joins_group(group: str, item: str) -> bool:
    """`item` continues the 各… group before it: 各区、县级市 / 各市、州人民政府 / 各县、区财政局. A group that is
    already a whole body's name (各镇人民政府) is not continued by another whole name (街道办事处): those are two
    kinds of body, each its own unit (three of four blind examiners; fixtures/unseen/county-city-jobs-scraped's
    counted one)."""
    group = _unqualified(group)  # 沿黄各市…: the group's head after its qualifier (the name's ending is the same)
    tail = group[len(next(h for h in _GROUP_HEADS if group.startswith(h))) :]
    if _DIVISION_TAIL_RE.fullmatch(item):  # 各区 (a group, no body's ending) goes on: 各区、县(市)人民政府
        return not (_ends_as_body(group) and _ends_as_body(item)) or _governments_above_towns(tail, item)
    m = re.match(_DIVISION_KIND, item)
    # 各县、区财政局: the group so far is kinds of division only; 各运输机场、市农业农村局 is a group of bodies, then a body
    kinds = all(_DIVISION_TAIL_RE.fullmatch(k) for k in tail.split("、"))
    return bool(m) and kinds and not _ends_as_body(group) and _ends_as_body(item[m.end() :])


# the kinds of division above a town, whose bodies a group names by kind: 盟 (its 行政公署), 市, 县, 旗 …
_ABOVE_TOWN_KIND = r"(?:县级市|地级市|自治县|自治旗|自治州|地区|市|州|盟|区|县|旗)"
_ABOVE_TOWN_GROUP_RE = re.compile(rf"{_ABOVE_TOWN_KIND}(?:人民政府|政府|行政公署|行署)")
_ABOVE_TOWN_GOVERNMENT_RE = re.compile(rf"{_ABOVE_TOWN_KIND}(?:人民政府|政府)")


def _governments_above_towns(tail: str, item: str) -> bool:
    """A government of a kind of division above towns, with no place of its own, goes on a group of such divisions'
    bodies: 各盟行政公署、市人民政府 (a 自治区's 盟 and 市, each by its own body, as 各市、县人民政府 names its 市 and 县)
    is ONE unit (blind90). The towns' pair 各镇人民政府、街道办事处 stays two kinds of body (a government and an agency
    of the district's), as the blind3, blind43 and fix40a examiners count it. `tail`: the group after its head (各)."""
    return bool(_ABOVE_TOWN_GROUP_RE.fullmatch(tail) and _ABOVE_TOWN_GOVERNMENT_RE.fullmatch(item))


def _share_place_suffix(names: list[str]) -> list[str]:
    """Places listed before a place with a unit body share that body: 秦州区、麦积区人民政府 ->
    秦州区人民政府, 麦积区人民政府 (a bare place names no unit; the list says both governments); a place
    left without a body keeps its own name, and so does a zone (两江新区、万盛经开区管委会: two units as printed)."""
    out: list[str] = []
    for name in names:  # 秦州区和麦积区人民政府: the same, joined by 和/及/与
        m = re.match(r"(.{2,12}?)[和及与](.+)$", name)
        end = places_end(m.group(2)) if m else 0
        # 天水市和平区人民政府 is 和平区's: the place after 和 must read as one (平区 is none)
        if m and places_end(m.group(1)) == len(m.group(1)) and end >= 3 and reads_as_unit(m.group(2)[end:]):
            out += [m.group(1), m.group(2)]
        else:
            out.append(name)
    for i in range(len(out) - 1, 0, -1):
        end = places_end(out[i])
        body = out[i][end:]
        if not end or not body or not reads_as_unit(body) or body[0] in "、和及与":
            continue
        if zone_body(body):
            # one 管委会 after a list of zones (两江新区、万盛经开区管委会) is kept as printed: a zone is no division with a
            # government of its own, and the list is split at 、 only (fixtures/blind101 README, shared_body.py)
            continue
        j = i - 1
        while j >= 0 and not out[j].startswith("各") and places_end(out[j]) == len(out[j]):
            if not reads_as_unit(out[j]):
                out[j] += body
            j -= 1
    return list(dict.fromkeys(out))


def _units(names: Sequence[str]) -> list[Unit]:
    return [Unit(name=n, generic=is_generic_unit(n)) for n in names]


units_of = _units  # public: Units of names, each marked generic or not, as the readers here make them


Parsed = tuple[Sequence[str], Sequence[str], str]  # lead names, support names, style


@memo(1, copy="shared")  # two compiled patterns built from one data file
def _field_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a field that names no body with its value, its label bracketed as a heading): 责任领导：李晓东；
    and 【完成时限】 (rulesets/data/units.yaml `field_labels`), and 【牵头单位】 for the unit keys too, and a bare label
    set as a tag, 【牵头】X【配合】Y (roles.yaml `bare`: the bracket stands for the colon it is read with). A field naming
    the office that supervises the task, 督办单位：市政府督查室 (rulesets/data/roles.yaml `oversight`), names no unit
    of it either: skipped alike; and so does an official's field labelled openly, a role stem and a person's noun
    (主办民警：张伟, 承办人：李娜: roles.yaml labels.open `people`)."""
    labels = "|".join(map(re.escape, unit_data().field_labels)) or "(?!)"
    # 市级指导单位：X — an oversight label qualified by its tier (tiers.py): skipped as the bare label is
    tiered = rf"(?<![\u4e00-\u9fff])(?:{tier_pattern()})(?:{_ROLES.oversight_pattern(colon=False)})(?=[ ]*[:：])"
    field = re.compile(
        rf"(?:{labels}|{_ROLES.oversight_pattern()}|{tiered}|{_ROLES.person_pattern()})\s*[:：][^；;]*?"
        rf"(?=[；;]|\s{{2,}}|\n|{_LABEL}|$)"
    )
    bare = "|".join(map(re.escape, _ROLES.colon_labels)) or "(?!)"  # 【牵头】X【配合】Y: the bracket is the colon
    heading = re.compile(
        rf"[【\[［〔]({labels}|{_ROLES.oversight_pattern(colon=False)}|{_ROLES.field_pattern()}|{bare})[】\]］〕]"
    )
    return field, heading


# a field after a "；" whose label is a short noun and a colon: "牵头单位：X；技术支持：Y；完成时限：2027年底"
_NEXT_FIELD_RE = re.compile(r"(?<=[；;])[ \t\u3000]*(?P<label>[\u4e00-\u9fff]{2,8})[ \t\u3000]*[:：][^；;]*")


def _other_fields(content: str) -> str:
    """`content` with every field after a "；" whose label is no role label blanked (same length): a clause's fields
    go on past its units with whatever the office records beside them — 技术支持：Y, 资金来源：县级财政, 备注：…, 联系人：…,
    完成时限：… — and only a role label (roles.yaml: 牵头单位, 配合单位, 责任单位 …) gives units; any other short label
    and a colon opens a new field whose value is no unit. The known ones (units.yaml `field_labels`) are blanked
    wherever they stand (`_field_patterns`); this is the general rule for the rest, after a "；" only (a label at the
    clause's start, "说明：由X牵头…", may open a sentence, not a field)."""
    if "：" not in content and ":" not in content:
        return content
    out: list[str] = []
    pos = 0
    for m in _NEXT_FIELD_RE.finditer(content):
        key = KEY_RE.match(content, m.start("label"))
        if key is not None and key.end() > m.end("label"):
            continue  # a role label (配合单位：, 牵头单位（部门）：): its units are read
        tier = tier_at(content, m.start("label"))  # 村级责任主体：: a role label qualified by its tier (tiers.py)
        key = KEY_RE.match(content, tier) if tier is not None else None
        if key is not None and key.end() > m.end("label"):
            continue
        out += [content[pos : m.start()], " " * (m.end() - m.start())]
        pos = m.end()
    return "".join(out) + content[pos:] if out else content


# a clause's first part, up to its first separator: where a deadline written with no label may stand
_FIRST_PART_RE = re.compile(r"[ \t\n\u3000]*(?P<part>[^，,；;。：:()（）]{2,24}?)[ \t\u3000]*[，,；;]")


# a labelled field opening a clause, its short label and its value up to the first separator: "时限：2025年6月底前；",
# "时间：长期坚持；" — the deadline field written first, under whatever label the office uses (时限, 时间, 完成期限, 办结
# 时限 …); only its value says it is a deadline (`_without_due_part`). A break may fall inside the label (a PDF's line)
_FIRST_FIELD_RE = re.compile(
    r"[ \t\n\u3000]*(?P<label>[\u4e00-\u9fff](?:[ \t\n\u3000]?[\u4e00-\u9fff]){1,5})[ \t\n\u3000]*[:：]"
    r"(?P<part>[^，,；;。：:()（）]{2,24}?)[ \t\n\u3000]*[，,；;]"
)


def _serves(part: str) -> bool:
    """A support part that opens with a word of roles.yaml `verbs.provide.to` and closes in a provide verb (为Y提供技术
    支撑): Y is whom the lead helps, no unit helping it."""
    part = squeeze(part).rstrip("。.")
    to, provide = _ROLES.served_by_lead, _ROLES.provide_words
    return bool(to and provide) and part.startswith(to) and part.endswith(provide)


def _is_due_part(part: str) -> bool:
    """`part` is wholly a deadline (roles.yaml `due_part`): a date the deadline reader takes whole, from its first
    character, a closing word allowed after it ("2027年12月底前", "2026年底前完成"); or a standing task's word whole
    ("长期坚持", "持续推进")."""
    part = squeeze(part)
    if part in _ROLES.standing:
        return True
    found = find_deadlines(part)
    if not found or found[0][0] != 0:
        return False
    rest = part[found[0][1] :]
    return not rest or rest in _ROLES.due_closers


def _without_due_part(content: str) -> str:
    """`content` without a deadline part that opens it: "2027年12月底前，X牵头，Y配合" → "X牵头，Y配合",
    "持续推进；责任单位：X" → "责任单位：X". The deadline is a field of the clause, written first with no label as
    the trailing one ("X牵头，Y配合，2028年底前完成") is written last (the readers below skip a part after the units
    that names none); it is no unit list and no clause's first part. So is the same part under a label of its own
    ("时限：2025年6月底前；牵头：X；配合：Y"): any short label whose value is wholly a deadline, the office's label
    words varying (时限, 时间, 完成期限, 办结时限)."""
    m = _FIRST_PART_RE.match(content)
    if m is not None and _is_due_part(m.group("part")):
        return content[m.end() :]
    m = _FIRST_FIELD_RE.match(content)
    if m is not None and _is_due_part(m.group("part")) and not KEY_RE.match(squeeze(m.group("label"))):
        return content[m.end() :]  # (时限：2025年6月底前；牵头：X；配合：Y): the same field, labelled
    return content


@memo(1, copy="shared")  # one pattern from the one file
def _due_field() -> re.Pattern[str]:
    """The deadline's field by its label (roles.yaml `due_part.labels`: 办结时限, 办理时限 …) and its value up to the next
    stop."""
    labels = "|".join(map(re.escape, _ROLES.due_labels)) or "(?!)"
    return re.compile(rf"(?:{labels})[ \t\u3000]*[:：](?P<value>[^；;，,。\n]*)")


# a day or a month as a 办结时限 field gives it (2026年7月31日, 2026年9月): the date itself is the deadline
_DATE_VALUE = re.compile(r"(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?")


def _after_due_field(content: str) -> str:
    """`content` with the deadline's labelled field blanked (same length) where it follows the units: "承办单位：X协办单位：
    Y、Z办结时限：2026年7月31日" (a 督办 line whose spaces between fields were dropped) ends its list at Z. Only a value
    that is wholly a deadline (`_is_due_part`, or a day or month itself), and not at the content's start
    (`_without_due_part` reads that one)."""
    if "：" not in content and ":" not in content:
        return content
    return _due_field().sub(
        lambda m: " " * (m.end() - m.start())
        if content[: m.start()].strip()
        and (_is_due_part(m.group("value")) or _DATE_VALUE.fullmatch(squeeze(m.group("value"))))
        else m.group(),
        content,
    )


# what stands before a role mark's bracket (a name's last character) and after it (the list going on or closing)
_NOT_A_NAME_END = " \t\n\u3000" + BRACKET_OPEN + "：:；;，,、。"
_ITEM_END = "、，,；;。\n" + _CLOSERS


def _headings(text: str) -> list[re.Match[str]]:
    """The bracketed labels of `text` that open a field (【牵头单位】X), not the role marks after a unit in a list
    ("X〔牵头单位〕、Y", "Y、X【牵头单位】）"): a mark follows a name and is followed by the list's separator, its
    closer or the end; a heading opens a field, so a value follows it. Decided from the characters on either side
    of the bracket, never from what the clause goes on to say."""
    out = []
    for m in _field_patterns()[1].finditer(text):
        a, b = m.start(), m.end()
        after_name = a > 0 and text[a - 1] not in _NOT_A_NAME_END
        if after_name and (b == len(text) or text[b] in _ITEM_END):
            continue  # a role mark: _ROLE_MARK_RE reads it with its unit
        out.append(m)
    return out


def label_headings(text: str) -> str:
    """【牵头单位】X 【配合单位】Y → " 牵头单位：X  配合单位：Y" (same length, so spans stay right): a label set
    in brackets as a heading opens its field as a colon does; a role mark after a unit stays as written."""
    if "【" not in text and "[" not in text and "［" not in text and "〔" not in text:
        return text
    heads = _headings(text)
    if not heads:
        return text
    out, pos = [], 0
    for m in heads:
        out += [text[pos : m.start()], f" {m.group(1)}："]
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


@memo(8192, copy="shared")  # tuples of str: the same brackets recur in a plan's measures and its drafts
def parse_clause_content(content: str) -> Parsed | None:
    """(lead names, support names, style) from the inside of a clause, or None if it is not one.
    Fields that name no body (责任领导：…, 完成时限：…) are skipped. Group clauses (groupclause) and the
    leads a measure's text names (textleads) read their units with it too. A clause that states the first-listed
    convention itself ("责任单位：A、B、C，排第一位的为牵头单位": a 市 plan repeating it in every measure) is read by it:
    its units listed jointly, A leads, B and C support, whether or not the document states it elsewhere.
    Cached: the name tuples are shared, never changed."""
    stated = states_first_listed_leads(content)
    got = _clause_content(_without_stated_convention(content) if stated or _states_convention(content) else content)
    if got and stated and len(got[0]) > 1 and not got[1]:
        return got[0][:1], got[0][1:], got[2]
    return got


def _clause_content(content: str) -> Parsed | None:
    """(lead names, support names, style) from the inside of a clause as written (`parse_clause_content`)."""
    # a contact or a note on the order after a unit (（联系人：…）, （排名不分先后）): first, as its words may read as a
    # field (联系人：) running past the bracket's end
    content = without_asides(content)
    content = _without_in_house(content)  # 部内由X牵头: the issuer's own house, a scope
    content = _field_patterns()[0].sub(lambda m: " " * len(m.group()), content)
    content = _other_fields(content)
    content = _after_due_field(content)  # X　　协办单位：Y办结时限：2026年7月31日: the deadline's field after the units
    content = _without_due_part(content)  # (2027年12月底前，X牵头，Y配合): the deadline first, then the roles
    wrapper = _WRAPPER_RE.match(content)
    # 责任单位：X（牵头）、Y；村级责任主体：Z: a second labelled field after the first is no part of its value
    if wrapper and not KEY_RE.match(content, wrapper.end()) and not CLAUSE_KEY_RE.search(content, wrapper.end()):
        inner = parse_clause_content(content[wrapper.end() :])
        # 责任单位：X为牵头单位，Y为配合单位 / 责任分工：X牵头，Y配合: the value says who leads and who supports
        if inner and inner[0] and inner[1]:
            return inner[0], inner[1], wrapper.group("key")
        # 推进单位：X为牵头单位，Y、Z: the parts not written with 为 are the label's own units
        fields = _as_fields_with(content[wrapper.end() :], wrapper.group("key"))
        got = parse_clause_content(fields) if fields else None
        if got and got[0]:
            return got[0], got[1], wrapper.group("key")
    if "为" in content:
        content = _AS_KEY_END_RE.sub(r"\1，", content)
        if not _AS_KEY_RE.sub("", content).strip(" ，,；;。."):
            if _states_convention(content):
                return None  # (排在第一位的为牵头单位) / (带●者为牵头单位，其余为配合单位): how to read, not who
            # A为牵头单位，B为配合单位 (every part of that form): 牵头单位：A，配合单位：B
            content = _AS_KEY_RE.sub(lambda m: f"{m.group('key')}：{m.group('units')}", content)
        else:
            mixed = _mixed_parts(squeeze(content))
            if mixed:
                return mixed
    # a label set in brackets after a unit is the unit's role mark, no field: 责任单位：X（牵头单位）、Y
    keys = [k for k in KEY_RE.finditer(content) if not _in_mark(content, k.start(1), k.end(1))]
    # a key may be qualified by its tier (县直责任单位：X；乡镇责任主体：Y): the tier word opens its field (tiers.py)
    tiers = [tier_before(content, k.start()) for k in keys]
    opens = [t[1] if t else k.start() for k, t in zip(keys, tiers, strict=True)]
    if keys and not content[: opens[0]].strip(" \n\t；;"):
        if _sponsor_line(content, keys):
            return None  # "主办：X　承办：Y": a site's footer, no task's roles
        # an open label whose value names no body is no field (牵头抓总：统筹…): its text is read as no unit's
        fields = [
            (k.group(1), k.end(), opens[i + 1] if i + 1 < len(keys) else len(content), tiers[i][0] if tiers[i] else None)
            for i, k in enumerate(keys)
        ]
        fields = [f for f in fields if not open_value_refused(f[0], content[f[1] : f[2]])]
        if not fields:
            return None
        lead: list[str] = []
        support: list[str] = []
        style = ""
        # (牵头单位：A；责任单位：B、C): beside a named lead, the 责任单位 are those who take part
        primary = any(is_primary_key(key) for key, _, _, _ in fields)
        # 县直责任单位：X（牵头）、Y；乡镇责任主体：Z: a field of a lower tier than another's supports (tiers.py)
        # ... but one that marks its own lead (县级责任单位：X（牵头）、Y) keeps it beside a higher tier's
        marked = [_marks_lead(parse_units(content[at:end])) for _, at, end, _ in fields]
        down = lower_tiers([t for *_, t in fields], [not is_support_key(key) for key, *_ in fields], marked)
        for (key, at, end, _tier), lower in zip(fields, down, strict=True):
            helps = lower or is_support_key(key)
            roles = _inline(squeeze(content[at:end]).rstrip(" 。；;")) if not helps else None
            if roles and roles.group("sup"):  # 责任单位：X牵头，Y、Z配合: the roles inside the field decide
                lead += [n for n in parse_units(roles.group("lead")) if n not in lead]
                support += [n for n in parse_units(roles.group("sup")) if n not in support and not is_participant(n)]
                style = style or key
                continue
            names = parse_units(content[at:end])
            marked = _by_marks(names) or _named_again(names) or _named_again_after(content[at:end])
            if marked and not helps:  # 负责部门：X(牵头)，Y、Z: X leads, Y and Z support
                lead += [n for n in marked[0] if n not in lead]
                support += [n for n in marked[1] if n not in support]
                style = style or key
                continue
            if marked:  # 配合单位：Y（配合）: the mark is no part of the name
                names = [*marked[0], *marked[1]]
            if helps or (primary and not is_primary_key(key)):
                support += [n for n in names if n not in support]
            else:
                lead += [n for n in names if n not in lead]
                style = style or key
        if not style:
            style = fields[0][0]
        # (an open field left names bodies: `open_value_refused`)
        if all(key in _COLON_LABELS for key, _, _, _ in fields) and not any(map(reads_as_unit, (*lead, *support))):
            return None  # "（二）牵头：统筹推进全县产业发展。": a bare label whose value names no body opens prose
        return tuple(lead), tuple(support), style
    flat = squeeze(content)
    local = _with_local_part(flat)
    if local:
        return local
    reversed_roles = _support_first(flat.rstrip("。."), whole=True)
    if reversed_roles:
        return reversed_roles[0]
    m = _inline(flat)
    if m:
        lead = parse_units(m.group("lead"))
        # （X牵头，广大群众配合）: the public taking part is no support unit (prose_roles.yaml `participants`, as in prose)
        support = [n for n in parse_units(m.group("sup") or "") if not is_participant(n)]
        if m.group("sup") and _is_due_part(flat[m.start("sup") :].rstrip("。.")):
            support = []  # （X牵头，持续推进）: the task's timing (roles.yaml due_part), no support part
        if m.group("sup") and _serves(flat[m.start("sup") :]):
            support = []  # （X牵头，为各乡镇提供技术支撑）: whom the lead serves (roles.yaml verbs.provide.to)
        if lead and all(reads_as_unit(n) for n in lead):
            return tuple(lead), tuple(support), ("由X牵头" if flat.startswith("由") else "X牵头")
    marked = _marked_list(flat)
    if marked:
        return marked
    pairs = _paired_parts(flat)
    if pairs:
        return pairs
    data = unit_data()
    if _LEAD_THEN_RE.search(flat):  # A牵头，B、C等按职责分工负责: A leads, the others support
        duty = _parse_duty(flat)
        if duty:
            return duty
    for w in data.list_end:
        if flat.endswith(w) or flat.endswith(w + "。"):
            duty = _parse_duty(flat)
            if duty and duty[1]:  # A、B负责，C参与，D按职责分工负责: a support part names support, not one more lead
                return duty
            lead = parse_units(flat)
            if lead and all(reads_as_unit(n) for n in lead):
                return tuple(lead), (), "按职责分工负责"
    return _parse_duty(flat)


@memo(1, copy="shared")  # compiled once from the one file
def _in_house_re() -> re.Pattern[str]:
    """prose_roles.yaml `in_house` before 由, at the clause's start or a part's (after ，；)."""
    words = _PROSE_WORDS.in_house
    return re.compile(f"(?:(?<=^)|(?<=[，,；;]))(?:{_alt(words)})(?=由)") if words else re.compile("(?!)")


def _without_in_house(content: str) -> str:
    """`content` without the issuer's own house named before 由 (部内由公路局牵头 -> 由公路局牵头)."""
    return _in_house_re().sub("", content) if "由" in content else content


def _with_local_part(flat: str) -> Parsed | None:
    """A whole two-part clause, then after a "；" the level below carrying it out on its own duty: "X牵头，Y配合；各省级
    交通运输主管部门负责组织实施" (blind92 交通运输部). The second part is a responsibility of its own, no 配合 role: its
    groups lead beside X, Y supports. Only groups of bodies (各…) read so, each piece a clause of its own, the second
    closed by a predicate of carrying out (prose_roles.yaml `own_part`)."""
    pieces = [p.strip(" 。.") for p in split_outside(flat, "；;")]
    if len(pieces) != 2 or not all(pieces) or not pieces[1].endswith(_PROSE_WORDS.own_part or ("\0",)):
        return None  # "…；各县（区）人民政府按职责分工负责": they take part in X's task (prose_roles.yaml `own_part`)
    first = _inline(pieces[0])
    if first is None or not first.group("sup"):
        return None
    own = _parse_duty(pieces[1])
    if own is None or own[1] or not own[0] or not all(n.startswith("各") and reads_as_unit(n) for n in own[0]):
        return None
    head = _clause_content(pieces[0])
    if head is None or not head[0]:
        return None
    lead = [*head[0], *(n for n in own[0] if n not in head[0])]
    return tuple(lead), head[1], head[2]


# "Y配合X落实" / "Y、Z配合X做好…" / "由Y协助X开展…": the support named first, the lead the object of its verb (the
# `assist` verbs of rulesets/data/roles.yaml); one piece, no comma before the lead
_SUPPORT_FIRST_RE = re.compile(
    r"^(?P<by>由(?!于))?(?P<sup>[^，,；;。：:由()（）]{2,80}?)(?:等(?:有关|相关)?(?:部门|单位)?)?(?:要|应|应当)?"
    r"(?:按照?(?:各自)?职责(?:分工)?)?(?:积极|全力|主动|共同)?"
    rf"(?P<verb>{_alt(_ROLES.assist_verbs)})(?P<rest>[^，,；;。：:()（）]{{2,}})"
)
_TASK_REST_MAX = 16  # how long the task after the lead may be where the clause is the whole text (a bracket)


def _support_first(flat: str, *, whole: bool) -> tuple[Parsed, int] | None:
    """((lead, support, style), length read) of a clause that names its support before its lead: "Y配合X落实",
    "Y、Z配合X做好相关工作", "由Y协助X开展督导". Every name must be a body's and the lead no generic one. `whole`:
    `flat` is all of a clause (a bracket), so only a short task may follow the lead ("落实", "做好相关工作");
    else it is a measure's last sentence, whose task goes on after the lead, and the support must be named bodies
    too ("有关部门配合X…" describes how others help, it assigns no one)."""
    m = _SUPPORT_FIRST_RE.match(flat)
    if m is None:
        return None
    if m.group("by") is None and _NOT_A_NAME_RE.match(m.group("sup")):
        return None
    support = parse_units(m.group("sup"))
    lead, read = _leading_units(m.group("rest"))
    if not lead or not _names_ok(lead, lead=True) or not _names_ok(support, lead=False):
        return None
    if any(n in unit_data().suffixes for n in (*lead, *support)):
        return None  # "行业协会要积极配合政府，…": a kind of body (政府, 部门), not one named
    task = flat[m.start("rest") + read :]
    if whole and (len(task) > _TASK_REST_MAX or m.end() < len(flat)):
        return None
    if not whole and any(is_generic_unit(n) for n in support):
        return None
    style = ("由" if m.group("by") else "") + "Y" + m.group("verb") + "X"
    return (tuple(lead), tuple(support), style), m.start("rest") + read


def _bodies_only(names: Sequence[str]) -> bool:
    return bool(names) and all(reads_as_unit(n) and not _NOT_A_NAME_RE.match(n) for n in names)


def _as_fields_with(value: str, key: str) -> str | None:
    """The value of a duty label (责任单位, 推进单位) whose parts are written with 为 (X为牵头单位) or are a bare list
    of bodies, as fields: "X为牵头单位，Y、Z" under 推进单位 → "牵头单位：X；推进单位：Y、Z" (beside the named lead the
    label's own units take part; "X、Y，Z为配合单位": X and Y answer, Z supports). At least one part of each kind, every
    name a body's; else None (a value read no other way is no such list)."""
    parts = [p.strip() for p in split_outside(squeeze(value).strip(" 。.；;"), "，,；;")]
    if len(parts) < 2 or not all(parts):
        return None
    out: list[str] = []
    for part in parts:
        m = _AS_KEY_RE.fullmatch(part)
        units, label = (m.group("units"), m.group("key")) if m else (part, key)
        if not _bodies_only(parse_units(units)):
            return None
        out.append(f"{label}：{units}")
    as_key = sum(not o.startswith(key + "：") for o in out)
    return "；".join(out) if 0 < as_key < len(out) else None


# the style of a clause that is one list of bodies with its lead marked inside it (`_marked_list`)
MARKED_LIST = "X（牵头）"


def _marked_list(flat: str) -> Parsed | None:
    """A clause that is wholly one list of bodies, no label, its lead marked inside it: "（X（牵头）、Y、Z）",
    "（X（牵头单位）、Y）", "（X、Y、Z（X牵头））", "（X、Y、Z，其中X牵头）": as under a label (`_by_marks`,
    `_named_again`, `_named_again_after`), the marked units lead and the others support. Every name a body's (a note
    in brackets, "（试行）", names none), else None."""
    marked = _named_again_after(flat)
    if marked is None:
        names = parse_units(flat)
        marked = _by_marks(names) or _named_again(names)
    if marked is None or not _bodies_only([*marked[0], *marked[1]]):
        return None
    return tuple(marked[0]), tuple(marked[1]), MARKED_LIST


def _paired_parts(flat: str) -> Parsed | None:
    """A clause of several complete two-role clauses split by "；", one for each part of its measure:
    "A牵头，B配合；C牵头，D配合" (blind31 新疆 马产业: a measure of two tasks, a pair for each). Every part alone
    names a lead and a support (else None: "A牵头；B、C配合" is one clause whose ；separates its roles, "A牵头，B配合；
    C按职责分工负责" one whose last part supports); the leads are those of every part, the supports the rest
    (`union_of`: a unit leading one part and supporting another leads)."""
    parts = [p.strip() for p in split_outside(flat.rstrip("。."), "；;")]
    if len(parts) < 2 or not all(parts):
        return None
    read: list[Parsed] = []
    for part in parts:
        got = parse_clause_content(part)
        if not got or not got[0] or not got[1]:
            return None
        read.append(got)
    lead = list(dict.fromkeys(n for r in read for n in r[0]))
    support = [n for n in dict.fromkeys(n for r in read for n in r[1]) if n not in lead]
    return tuple(lead), tuple(support), read[0][2]


def _mixed_parts(flat: str) -> Parsed | None:
    """A clause whose parts mix the 为 form of a field and the inline form of a role verb: "A为牵头单位，B、C配合",
    "A为牵头单位，B等部门参与", "A为牵头单位，B按职责分工负责", "A牵头，B为配合单位". Each part is wholly one or
    the other (at least one of each; the forms alone are read elsewhere), and every name a body's, else None:
    "以A为牵头单位，B为配合单位的管理体系" describes a mechanism. Roles as in a field list: support words make
    support; a lead field or lead verb (牵头单位, 牵头, 主责) makes the lead, beside which the units of a duty
    (责任单位, 负责, 按职责分工负责) take part."""
    parts = [p.strip() for p in split_outside(flat.rstrip("。."), "，,；;")]
    if len(parts) < 2 or not all(parts):
        return None
    read: list[tuple[list[str], str, str, bool]] = []  # (names, role, style, written as a field)
    for part in parts:
        m = _AS_KEY_RE.fullmatch(part)
        if m:
            key = m.group("key")
            role = "support" if is_support_key(key) else "lead" if is_primary_key(key) else "duty"
            names, style, field = parse_units(m.group("units")), key, True
        else:
            duty = _split_duty(part)
            units = _unit_list(duty[0]) if duty else None
            if duty is None or units is None or units[1]:
                return None
            role = duty[2] if duty[2] == "support" or duty[1] in _LEAD_VERBS else "duty"
            names, style, field = units[0], "X" + duty[1], False
        if not names or not all(reads_as_unit(n) and not _NOT_A_NAME_RE.match(n) for n in names):
            return None
        read.append((names, role, style, field))
    if all(f for *_, f in read) or not any(f for *_, f in read):
        return None
    primary = any(role == "lead" for _, role, _, _ in read)
    lead: list[str] = []
    support: list[str] = []
    for names, role, _, _ in read:
        into = support if role == "support" or (role == "duty" and primary) else lead
        into += [n for n in names if n not in lead and n not in support]
    if not lead:
        return None
    style = next(st for _, role, st, _ in read if role != "support")
    return tuple(lead), tuple(support), style


def _split_duty(part: str) -> tuple[str, str, str] | None:
    """(units text, role word, role) of "A、B等负责" / "A参与" / "A、B共同牵头", or None when no duty verb ends
    it."""
    for word, role in _DUTY_ROLES:
        if part.endswith(word) and len(part) > len(word):
            units = part[: -len(word)]
            joint = next((j for j in _ROLES.joint_words if units.endswith(j) and len(units) > len(j)), "")
            return units[: len(units) - len(joint)], word, role
    return None


def _unit_list(text: str) -> tuple[list[str], list[str]] | None:
    """(lead, support) of "A、B等有关部门" / "A会同B" / "A等和各省级人民政府", or None when an item is
    not a body's name (then the bracket is not a responsibility clause)."""
    # A等和各省级人民政府 / A和各县人民政府: parse_units cuts at those joins (_split_joins)
    t = re.sub(r"等(?:其他)?(?:有关|相关)?(?:部门|单位|方面)?$", "", text)  # the rest are unnamed
    t = t[1:] if t.startswith("由") else t
    # "（X牵头，Y配合，请A、B支持）": the request word opening a part hands it to A and B as 由 does, no part of A's name
    t = _REQUEST_RE.sub("", t, count=1)
    if "由" in t:  # 技工院校内由X负责: a condition and a unit, not a unit list
        return None
    lead_text, _, support_text = t.partition("会同")
    lead = parse_units(lead_text)
    support = parse_units(support_text) if support_text else []
    # 两江新区、西部科学城重庆高新区、万盛经开区管委会: bare zones before the body they share (shared_body.py)
    if not lead or not all(bodies_listed(part, reads_as_unit) for part in (lead, support) if part):
        return None
    if any(n.startswith(unit_data().notes) for n in lead + support):
        return None  # "以下均需X落实": a note on how to read the clauses (units.yaml `notes`), no unit list
    return lead, support


def _parse_duty(flat: str) -> Parsed | None:
    """The national style "(A、B负责，排在第一位的部门为牵头部门，下同)": unit lists closed by a duty
    verb, split at top-level commas; pieces that are neither units nor a duty (notes) are skipped.
    A piece of bare units before a duty piece belongs to it ("A，各省级人民政府按职责分工负责")."""
    lead: list[str] = []
    support: list[str] = []
    style = ""
    pending: list[str] = []
    for piece in split_outside(flat, "，,；;。"):
        piece = piece.strip()
        if not piece:
            continue
        duty = _split_duty(piece)
        units = _unit_list(duty[0]) if duty else None
        if duty is None or units is None:
            # A牵头，B、C，各县(市、区)人民政府配合: the bare B、C belong to the duty after them
            bare = None if (":" in piece or "：" in piece) else _unit_list(piece)
            if bare and not bare[1]:
                pending += bare[0]
            elif _persons_only(piece):
                continue  # "省政府分管副秘书长，X牵头，Y配合": the official over the task (posts.yaml), no unit
            elif not style:
                return None  # the first piece of a clause must name units
            continue
        names, helpers = units
        if not style and not _clause_leads_ok(duty[1], duty[0]):
            return None  # "以企业为主，…": a principle, no clause
        # A牵头，B按职责分工负责: B supports; and a part after the lead's and the support's, the units that carry the
        # task out: "A负责，B配合，C具体实施" (C supports, as after 牵头); but a part whose verb is the leads' own
        # answers as they do: "A、B负责，C参与，D按职责分工负责" (D leads with A and B); a part whose units guide after the
        # lead's supports ("X负责，Y、Z指导": roles.yaml verbs.guide), opening the clause they lead ("A指导，B负责落实")
        if duty[2] == "support" or (lead and support and not _leads_again(piece, duty[1], style)) or (
            style in _LEAD_STYLES
        ) or (lead and duty[1] in _ROLES.guide_verbs):
            support += [n for n in pending + names if n not in support]
        else:
            lead += [n for n in pending + names if n not in lead]
            support += [n for n in helpers if n not in support]
            style = style or "X" + duty[1]
        pending = []
    if not lead:
        return None
    marked = _by_marks(lead)
    if marked:  # (A(牵头)、B负责): A leads, B supports, as in a keyword list
        support = marked[1] + [n for n in support if n not in lead]
        lead = marked[0]
    return tuple(lead), tuple(support), style


def _persons_only(piece: str) -> bool:
    """`piece` names officials only, each a person by its post (rulesets/data/posts.yaml: 省政府分管副秘书长, 县委常委、
    副县长), no body."""
    names = [n for n in _split_top(squeeze(piece)) if n]
    return bool(names) and all(unit_of(n, reads_as_unit) is None for n in names)


# the verbs of units that carry a task out where they are (具体实施, 按属地落实, 负责落实): a part closed by one after
# the lead's and the support's supports, whatever the leads' verb (roles.yaml verbs.duty and verbs.clause_support)
_CARRY_OUT = tuple(dict.fromkeys([*_ROLES.duty_verbs, *_ROLES.clause_support_verbs]))


def _leads_again(piece: str, verb: str, style: str) -> bool:
    """A part closed by `verb`, after a clause's or a sentence's lead part (its style `style`: X负责, 由X负责（行文）)
    and its support part, names more leads: it answers as the leads do (`_answers_as`), and they do not 牵头. The
    one reading of such a part for the bracketed clause and the prose sentence alike: "（A、B负责，C参与，D按职责分工
    负责）" and "由A、B负责，C参与，D按职责分工负责。" give D the same role."""
    own = "X" + style.removeprefix("由").removeprefix("X").removesuffix(PROSE)
    return own not in _LEAD_STYLES and _answers_as(piece, verb, own)


def _answers_as(piece: str, verb: str, style: str) -> bool:
    """A part closed by `verb` answers as the leads do (style "X负责"): its verb is theirs, alone ("D负责") or as a
    word closing a unit list (按职责分工负责, 共同负责: units.yaml `list_end`), and no verb of carrying out; a manner
    word before the bare verb makes it one ("各镇街具体负责", "各乡镇按属地负责": roles.yaml `joint`)."""
    own = style.removeprefix("X")
    if not own or not verb.endswith(own) or verb.endswith(_CARRY_OUT):
        return False
    return verb in unit_data().list_end or not piece.removesuffix(verb).endswith(_ROLES.joint_words)


def _ends_sentence(text: str, o: int, c: int, end: int) -> bool:
    """A national-style clause closes its sentence or paragraph ("…试点。（A负责）" / "…（A负责）。"), in
    `text[:end]`."""
    k = c + 1
    while k < end and text[k] in " \t":
        k += 1
    if k >= end or text[k] in "\n。；;":
        return True
    j = o - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in "\n。；;！？"


# the longest key: known whole, or an open one (the longest stem and a noun of `open_noun` characters)
_KEY_LONGEST = max([*map(len, _KEYS), max((len(s) for _, ws in _ROLES.stems for s in ws), default=0) + _ROLES.open_noun])
# the label of a field naming a task's supervising office (督办单位：, roles.yaml `oversight`)
_OVERSIGHT_RE = re.compile(_ROLES.oversight_pattern())


def _line_end(text: str, start: int, limit: int) -> tuple[int, int]:
    """Where an unbracketed "责任单位：…" line ends before `limit`: at the first line break after which
    the text does not go on with the list (another key, or a separator such as 、), else `limit`.
    ("责任单位：A、B\\n请各省级部门于…报送" is a unit line and the next paragraph, not one list.) A line naming the
    office that supervises the task ("督办单位：市政府督查室", `_OVERSIGHT_RE`) goes on with the clause: it says who
    checks the task, no part of the task, and is read as no unit.
    Also the last offset read to decide it (a shorter `limit` beyond it decides the same)."""
    i = text.find("\n", start, limit)
    while i >= 0:
        p = i + 1
        while p < limit and text[p] in " \t\n":
            p += 1
        if p < limit and not (
            KEY_RE.match(text, p, limit) or _OVERSIGHT_RE.match(text, p, limit) or text[p] in SEPARATORS
        ):
            return i, p + _KEY_LONGEST
        i = text.find("\n", p, limit)  # the breaks in the blank run before p decide the same
    return limit, limit


_NONBLANK = re.compile(r"\S")


def _make(text: str, s: int, e: int, bracket: str, parsed: Parsed) -> Found:
    lead, support, style = parsed
    nl = text.rfind("\n", 0, s)
    detached = nl >= 0 and not text[nl + 1 : s].strip() and _NONBLANK.search(text, 0, nl) is not None
    r = Responsibility(
        lead=_units(lead),
        support=_units(support),
        style=style,
        bracket=bracket,
        text=text[s:e],
        detached=detached,
        by_duty=bool(BY_DUTY.search(text, s, e)),
        start=s,
        end=e,
    )
    return Found(r, s, e)


# leads that each answer for their own field: the list is a division of labour, not a crowd (Responsibility.by_duty)
BY_DUTY = re.compile(r"按(照)?(各自)?职责(分工)?(负责|落实|分别负责)|分别负责|各负其责|按职能分工")


def find_responsibility(text: str, *, prose: bool = False) -> Found | None:
    """The responsibility clause of `text` (the last one, as plans put it at the end) and its span.
    `prose`: `text` is a whole measure, so its last sentence may assign it in prose (`_prose_sentence`);
    not for a part of one, nor for a paragraph that is judged for being a clause."""
    if not text:
        return None
    return _Scan(text).find(len(text), prose=prose)


def all_responsibilities(text: str) -> list[Found]:
    """Every clause of a measure, last first: its clause (`find_responsibility(text, prose=True)`), then
    the clause of the text before that one, and so on while each ends before the one after it (sub-items'
    (1)…(责任单位:A) (2)…(责任单位:B), or …（A负责）…（B负责）). One reading of the text answers every step."""
    if not text:
        return []
    scan = _Scan(text)
    found = scan.find(len(text), prose=True)
    if found is None:
        return []
    out = [found]
    prev = scan.find(found.start, prose=False)
    while prev is not None and prev.end <= found.start:
        out.append(prev)
        prev = scan.find(prev.start, prose=False) if prev.start > 0 else None
    return out


_INF = 1 << 62
_DEPTH_MARKS = re.compile("[" + re.escape(BRACKET_OPEN + _CLOSERS) + "。]")


@dataclass
class _Log:
    """The keyword clauses of step 2 read forward from one starting offset, on the whole text: for each
    keyword, the offset that a shorter text must reach to read it differently (`key`), their running
    maximum, and the last clause taken so far."""

    keys: list[int]  # index into _Scan.keys of each keyword read, in order
    kends: list[int]
    pmax: list[int]
    last: list[tuple | None]  # (s, e, bracket, parsed) of the last clause taken up to this keyword
    cover: int  # the end of the last clause taken: a keyword before it is part of it
    next: int  # the next keyword to read


class _Scan:
    """A text read once, answering "the clause of `text[:end]`" for any `end`.

    `_facts` asks for the clause of a measure, then of the text before it, and so on: reading each prefix
    anew cost the square of the text (a page whose numbering was lost, thousands of clauses in one
    "measure", took minutes). Here the brackets, keys, their enclosing pairs and each key's span are
    found once on the whole text; an answer for a prefix reuses every one of them that the cut cannot
    change (a pair closes before it, a span was decided before it) and reads only the rest near `end`.
    The answers are those of reading `text[:end]` alone (tests/extract/test_clause_scan.py compares them
    with that plain definition, tests/extract/clause_reference.py).

    Steps for `text[:end]` (as ever): 1. the last bracketed clause that is not inside another clause;
    2. a keyword clause after it whose opener or closer is missing; 3. a bare closing sentence (or, with
    `prose`, a sentence assigning the measure); 4. 由A牵头 in running text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.shown = sh = label_headings(text)
        self.pairs = [(o, c) for o, c in matched_pairs(sh, BRACKET_OPEN) if sh[o] in BRACKET_OPEN]
        self.opens = [o for o, _ in self.pairs]
        self.closes = [c for _, c in self.pairs]
        self._qual: list[bool] | None = None
        self._keys: list[tuple[int, int]] | None = None
        self._logs: dict[int, _Log] = {}
        self._inline: list[re.Match[str]] | None = None
        self._inline_ends: list[int] = []
        self._heads: list[tuple[int, int]] | None = None
        self.level: dict[int, list[int]] | None = None  # _depth_facts, when a key's span is first read
        self.depth_at: list[tuple[int, int]] = []
        self.mark_offsets: list[int] = []
        self.final_depth = 0

    # ------------------------------------------------------------------ shared facts, read once

    def _pair_facts(self) -> None:
        """For each pair: parsed content, whether it qualifies on the whole text, the last qualifying
        pair up to it, its enclosing pair; pairs are properly nested (a closer drops the openers above
        the one it matches)."""
        sh = self.shown
        self.parsed: list[Parsed | None] = []
        self.duty: list[bool] = []
        qual: list[bool] = []
        self.prevq: list[int] = []
        self.parent: list[int] = []
        self.by_close: dict[int, int] = {}
        stack: list[int] = []
        for i, (o, c) in enumerate(self.pairs):
            parsed = parse_clause_content(sh[o + 1 : c])
            if parsed and _names_again(sh, o, c):
                parsed = None  # 责任单位：A、B（A牵头）: a note of the list before it, read with that list
            ok = bool(parsed and (parsed[0] or parsed[1]))
            duty = bool(parsed and parsed[2] in DUTY_STYLES)
            self.parsed.append(parsed if ok else None)
            self.duty.append(ok and duty)
            qual.append(ok and (not duty or _ends_sentence(sh, o, c, len(sh))))
            self.prevq.append(i if qual[i] else (self.prevq[i - 1] if i else -1))
            while stack and self.closes[stack[-1]] < o:
                stack.pop()
            self.parent.append(stack[-1] if stack else -1)
            stack.append(i)
            self.by_close[c] = i
        self._qual = qual

    def _key_facts(self) -> None:
        """The keys that open a clause, and for each the close of its innermost enclosing pair."""
        sh = self.shown
        self._keys = [(k.start(), k.end()) for k in CLAUSE_KEY_RE.finditer(sh)]
        self.kstarts = [ks for ks, _ in self._keys]
        self.enclosing: list[int] = []
        if not self.pairs:
            self.enclosing = [_INF] * len(self._keys)
            return
        stack: list[int] = []
        p = 0
        for ks, _ in self._keys:
            while p < len(self.pairs) and self.opens[p] < ks:
                while stack and self.closes[stack[-1]] < self.opens[p]:
                    stack.pop()
                stack.append(p)
                p += 1
            while stack and self.closes[stack[-1]] <= ks:
                stack.pop()
            self.enclosing.append(self.closes[stack[-1]] if stack else _INF)

    def _depth_facts(self) -> None:
        """For _bracket_end from any offset: every closer and 。 by the depth before it, in order. Not
        `bracket_depths`: a closer with nothing open goes below 0 here, so that the depth read from any
        starting offset is this running sum less its value there; and only the marks are visited."""
        level: dict[int, list[int]] = {}
        self.depth_at = []  # (offset, depth before it) of every mark, in order
        depth = 0
        for m in _DEPTH_MARKS.finditer(self.shown):
            i, ch = m.start(), m.group()
            self.depth_at.append((i, depth))
            if ch in BRACKET_OPEN:
                depth += 1
            else:
                level.setdefault(depth, []).append(i)
                if ch != "。":
                    depth -= 1
        self.level = level
        self.mark_offsets = [i for i, _ in self.depth_at]
        self.final_depth = depth

    def _depth_before(self, pos: int) -> int:
        k = bisect.bisect_left(self.mark_offsets, pos)
        return self.depth_at[k][1] if k < len(self.depth_at) else self.final_depth

    def _bracket_end(self, start: int) -> int | None:
        """Offset of the closer that ends a clause starting at `start` (no opener seen), or None: the first
        closer or 。 at the depth of `start`; a 。 (or none) means none."""
        if self.level is None:
            self._depth_facts()
        assert self.level is not None
        at = self.level.get(self._depth_before(start))
        if not at:
            return None
        k = bisect.bisect_left(at, start)
        if k == len(at) or self.shown[at[k]] == "。":
            return None
        return at[k]

    def _qualifies(self, i: int, end: int) -> bool:
        """Pair i is a clause of `text[:end]` (a duty-style one must close its sentence there)."""
        assert self._qual is not None
        if self._qual[i]:
            return True
        return self.duty[i] and _ends_sentence(self.shown, self.opens[i], self.closes[i], end)

    # ------------------------------------------------------------------ the steps, for text[:end]

    def _step1(self, end: int) -> int:
        """Index of the last bracketed clause of `text[:end]` not inside another one, or -1."""
        if self._qual is None:
            self._pair_facts()
        n = bisect.bisect_left(self.opens, end)
        if n == 0:
            return -1
        q = self.prevq[n - 1]
        while q >= 0 and self.closes[q] >= end:  # pairs around `end` are not in the prefix (few: nesting)
            q = self.prevq[q - 1] if q > 0 else -1
        # only a pair closing right before `end` (blanks between) can close its sentence there and not
        # on the whole text
        b = end - 1
        while b >= 0 and self.shown[b] in " \t":
            b -= 1
        last = self.by_close.get(b, -1)
        if last > q and self._qualifies(last, end):
            q = last
        if q < 0:
            return -1
        top, a = q, self.parent[q]
        while a >= 0 and self.closes[a] < end:  # the outermost clause around it wins
            if self._qualifies(a, end):
                top = a
            a = self.parent[a]
        return top

    def _span(self, k: int, end: int) -> tuple[tuple, int]:
        """((s, e, bracket, parsed), reach) of keyword k's clause in `text[:end]`; `reach`: the last
        offset read to decide it, so any `end` beyond it gives the same."""
        assert self._keys is not None
        sh = self.shown
        ks, ke = self._keys[k]
        s, bracket = ks, ""
        j = ks - 1
        while j >= 0 and sh[j] in " \t\n":
            j -= 1
        if j >= 0 and sh[j] in BRACKET_OPEN:
            s, bracket = j, BRACKET_NAMES.get(sh[j], "")
        close = self._bracket_end(ks)
        if close is not None and close < end:
            if not bracket:
                bracket = BRACKET_NAMES.get(CLOSER_TO_OPENER.get(sh[close], ""), "")
            return (s, close + 1, bracket, parse_clause_content(sh[ks:close])), close
        dot = sh.find("。", ks, end)
        e = dot + 1 if dot >= 0 else end
        le, read = _line_end(sh, ke, e)
        e = min(e, le)
        reach = max(read, dot, close if close is not None else -1)
        return (s, e, bracket, parse_clause_content(sh[ks:e].rstrip("。\n"))), reach

    def _log(self, y: int, end: int) -> _Log:
        """Step 2 read forward from `y` on the whole text, as far as the keys before `end`."""
        if self._keys is None:
            self._key_facts()
        log = self._logs.get(y)
        if log is None:
            log = self._logs[y] = _Log([], [], [], [], y, bisect.bisect_left(self.kstarts, y))
        keys, whole = self._keys, len(self.shown)
        assert keys is not None
        while log.next < len(keys) and keys[log.next][1] <= end:
            k = log.next
            log.next += 1
            ks, ke = keys[k]
            taken = log.last[-1] if log.last else None
            if self.enclosing[k] < _INF:  # inside a pair: a prefix cut inside that pair reads it
                key = self.enclosing[k]
            elif ks < log.cover:
                key = -1
            else:
                span, key = self._span(k, whole)
                if span[3] and (span[3][0] or span[3][1]):
                    taken = span
                    log.cover = span[1]
            log.keys.append(k)
            log.kends.append(ke)
            log.pmax.append(max(key, log.pmax[-1]) if log.pmax else key)
            log.last.append(taken)
        return log

    def _step2(self, end: int, y: int) -> tuple | None:
        """The last keyword clause of `text[:end]` read forward from `y` (the end of step 1's clause)."""
        if self._keys is None:
            self._key_facts()
        if not self._keys:
            return None
        log = self._log(y, end)
        hi = bisect.bisect_right(log.kends, end)
        d = bisect.bisect_left(log.pmax, end, 0, hi)  # the first keyword `end` may read differently
        taken = log.last[d - 1] if d else None
        if d == hi:
            return taken
        cover = taken[1] if taken else y
        keys = self._keys
        assert keys is not None
        for k in range(log.keys[d], len(keys)):
            ks, ke = keys[k]
            if ke > end:
                break
            if self.enclosing[k] < end or ks < cover:
                continue
            span, _ = self._span(k, end)
            if span[3] and (span[3][0] or span[3][1]):
                taken = span
                cover = span[1]
        return taken

    def _step4(self, end: int) -> Found | None:
        """由A牵头 in running text: the last such match of `text[:end]` that assigns someone."""
        sh = self.shown
        if self._inline is None:
            self._inline = list(_inline_text_matches(sh))
            self._inline_ends = [m.end() for m in self._inline]
        ms = self._inline
        k = bisect.bisect_right(self._inline_ends, end)  # the matches of the whole text that end before `end`
        # a match running past `end` may read otherwise on the prefix: read it again from its start
        tail = list(INLINE_TEXT_RE.finditer(sh, ms[k].start(), end)) if k < len(ms) and ms[k].start() < end else []
        for m in itertools.chain(reversed(tail), (ms[j] for j in range(k - 1, -1, -1))):
            if _ATTRIBUTIVE_RE.match(sh, m.end(), end) or _needs_support(m):
                continue  # a mechanism's description; or "X主办" alone, an event's host (`_inline_in`)
            if _goes_on(m, sh, end):
                continue  # 由X牵头建立…: the task's own sentence
            lead = parse_units(m.group("lead"))
            support = parse_units(m.group("sup") or "")
            if support and not all(reads_as_role_name(n) for n in support):
                bodies = [n for n in support if not is_participant(n)]
                if not all(reads_as_role_name(n) for n in bodies):
                    continue  # a support part naming what is no body: not read half (`_last_prose_sentence`)
                support = bodies  # 由X牵头，Y、广大群众积极参与: the public takes part, no unit
            if lead and all(reads_as_role_name(n) for n in lead):  # 由各运输机场牵头: a group of bodies too
                again, more, e = _parts_after(sh, m.end(), end, "由X牵头") if support else ([], [], m.end())
                lead += [n for n in again if n not in lead and n not in support]
                support += [n for n in more if n not in support and n not in lead]
                return _make(sh, m.start(), e, "", (lead, support, "由X牵头"))
        return None

    def find(self, end: int, *, prose: bool) -> Found | None:
        """What `find_responsibility(text[:end], prose=prose)` returns."""
        if end <= 0:
            return None
        if self.shown is not self.text and self._straddles(end):
            return _Scan(self.text[:end]).find(end, prose=prose)  # a 【label】 cut in two: never at a clause
        sh = self.shown
        i = self._step1(end)
        y = self.closes[i] + 1 if i >= 0 else 0
        taken = self._step2(end, y)
        if taken is not None:
            found: Found | None = _make(sh, taken[0], taken[1], taken[2], taken[3])
        elif i >= 0:
            o = self.opens[i]
            found = _make(sh, o, y, BRACKET_NAMES.get(sh[o], ""), self.parsed[i])  # type: ignore[arg-type]
        else:
            cut = _before_fields(sh, end)  # a closing sentence stands before the 完成时限 line that follows it
            found = (
                _closing_sentence(sh, cut)
                or _heading_dash(sh, end)
                or (_prose_sentence(sh[:cut]) if prose else None)
                or self._step4(end)
            )
        if found is None or self.shown is self.text:
            return found
        text = self.text
        start = found.start - (found.start > 0 and text[found.start - 1] in "【[［〔" and sh[found.start - 1] == " ")
        r = found.responsibility.model_copy(update={"text": text[start : found.end], "start": start})
        return Found(r, start, found.end)  # quoted as printed: 【牵头单位】, not the colon read

    def _straddles(self, end: int) -> bool:
        if self._heads is None:
            self._heads = [(m.start(), m.end()) for m in _headings(self.text)]
        k = bisect.bisect_left(self._heads, (end, end))
        # a head ending at `end` too, when text goes on after it: read alone, it may be a role mark ("X【牵头单位】")
        return k > 0 and (self._heads[k - 1][1] > end or self._heads[k - 1][1] == end < len(self.text))


# "建立由X牵头、有关部门协同的工作机制": 由X牵头 describes a mechanism to set up, it assigns no one
_ATTRIBUTIVE_RE = re.compile(r"[^，,。；;\n]{0,30}?的[^，,。；;\n的]{0,6}?(?:机制|体制|格局|模式|制度|体系|机构|专班)")
# "由市政府牵头建立联席会议制度，定期研究…": 牵头 with no support part, its sentence going on with what is to be
# done and then with more (another clause or sentence): the measure's own words, its task said with its doer, not
# a clause naming who answers for it. "由县教育局牵头负责全县的学校安全检查。" (the sentence is the assignment and
# ends the text) still assigns.
_GOES_ON_RE = re.compile(r"[ \t]*[^\s，,；;。.！？!?)）\]］】〕、]")
_MORE_RE = re.compile(r"[，,；;。！？!?\n]")


def _parts_after(text: str, at: int, end: int, style: str) -> tuple[list[str], list[str], int]:
    """(more leads, names, end) of the parts after a running-text clause's support part (its leads' style `style`),
    up to its sentence's end in `text[:end]`, that name the units carrying the task out ("由X牵头，Y配合，各镇街具体
    实施，确保…": 各镇街), as in a bracket (`_parse_duty`) and a closing sentence (`_carrying_out`); `at` where the
    support part ends."""
    if at >= end or text[at] not in "，,":
        return [], [], at
    stop = at + 1
    while stop < end and text[stop] not in _SENTENCE_STOPS:
        stop += 1
    pieces = split_outside(text[at + 1 : stop], "，,")
    leads, names, read = _carrying_out(pieces, style)
    return leads, names, (at + sum(1 + len(p) for p in pieces[:read]) if read else at)


def _goes_on(m: re.Match[str], text: str, end: int) -> bool:
    """A 由A牵头 match of running text (no support part) that the task's words continue after, in `text[:end]`."""
    if m.group("sup") or _GOES_ON_RE.match(text, m.end(), end) is None:
        return False
    e = end
    while e > m.end() and text[e - 1].isspace():
        e -= 1
    e -= e > m.end() and text[e - 1] in "。."
    return _MORE_RE.search(text, m.end(), e) is not None


# where the last sentence of a text starts: after 。；！？ or a line break
_SENTENCE_START_RE = re.compile(r"[。；;！？!?\n]")


# a last sentence that is nothing but units and 负责 ("市市场监管局负责。", "市卫生健康委、市医保局按职责分工负责。")
_ONLY_RESPONSIBLE_RE = re.compile(
    r"^(?P<units>[^，,；;。:：由]{2,80}?)(?:等(?:有关|相关)?(?:部门|单位)?)?(?:按照?(?:各自)?职责(?:分工)?|共同|分别)?负责$"
)


def _names_a_body(name: str) -> bool:
    return (
        reads_as_unit(name)
        and not _NOT_A_NAME_RE.match(name)
        and not is_generic_unit(name)
        and (not name.startswith("各") or is_lower_group(name))
    )


_SENTENCE_STOPS = frozenset("。；;！？!?\n")  # _SENTENCE_START_RE's
# how a closing sentence ends (INLINE_RE's verbs, _ONLY_RESPONSIBLE_RE's 负责), squeezed, before an optional 。
_CLOSING_TAIL_RE = re.compile(r"(?:负责|牵头|实施|配合|参与|协助|协同|协办)[。.]?$")


def _tail(text: str, end: int, n: int = 3) -> str:
    """The last `n` characters of `text[:end]` that are not whitespace (the end of its squeezed form)."""
    out: list[str] = []
    k = end - 1
    while k >= 0 and len(out) < n:
        if not text[k].isspace():
            out.append(text[k])
        k -= 1
    return "".join(reversed(out))


# a line holding one labelled field and its value: "完成时限：2027年8月底前", "时间：长期坚持"
_FIELD_LINE_RE = re.compile(r"(?P<label>[\u4e00-\u9fff]{2,6})[ \t\u3000]*[:：][ \t\u3000]*(?P<value>\S.*)")


def _names_no_unit(line: str) -> bool:
    """`line` is nothing but a field of the measure that names no unit: a known one (完成时限：…, 联系人：…, 备注：…:
    units.yaml `field_labels`, `_field_patterns`), any short label whose value is wholly a deadline ("时间：长期坚持",
    "办结时限：2026年底前": `_is_due_part`, as `_without_due_part` reads one opening a clause), or the deadline alone
    in brackets ("（2027年12月底前完成）")."""
    line = line.strip(" \t\u3000").rstrip("。.；;")
    if not line:
        return False
    if _field_patterns()[0].fullmatch(line):
        return True
    m = _FIELD_LINE_RE.fullmatch(line)
    if m is not None:
        return _is_due_part(m.group("value")) and not KEY_RE.match(m.group("label"))
    return line[0] in "（(" and line[-1] in ")）" and _is_due_part(line[1:-1])


def _before_fields(text: str, end: int) -> int:
    """Where the lines closing `text[:end]` that are fields naming no unit begin (`_names_no_unit`), or `end` where
    its last line is none. A measure whose units stand on a bare line of their own may go on with its 完成时限 line
    ("…。\nX牵头负责，Y、Z协同\n完成时限：2027年8月底前", "…。\n由X负责。\n完成时限：长期坚持"): the closing
    sentence is the one before those lines, as the labelled clause "牵头单位：X" is read wherever such a line stands.
    The text's first line is never one: something must stand before it."""
    stop = end
    while True:
        e = stop
        while e > 0 and text[e - 1] in " \t\n\u3000":
            e -= 1
        nl = text.rfind("\n", 0, e)
        if nl < 0 or not _names_no_unit(text[nl + 1 : e]):
            return stop
        stop = nl


def _closing_sentence(text: str, stop: int | None = None) -> Found | None:
    """The last sentence (of `text[:stop]`) as a clause when it is nothing but "A牵头，B、C配合。" or
    "A、B负责。" (every name a body's): plans that write it without brackets mean the same as "（A牵头，B配合）" /
    "（A、B负责）". Reads the last sentence only, backwards from `stop`."""
    end = len(text) if stop is None else stop
    while end > 0 and text[end - 1] in " \t\n":
        end -= 1
    bend = end - 1 if end > 0 and text[end - 1] in "。." else end
    if not _CLOSING_TAIL_RE.search(_tail(text, bend)):
        return _label_sentence(text, bend, end)  # the inline forms end in a duty verb; fields need not
    fields = _label_sentence(text, bend, end)  # "X为牵头单位，Y、Z配合。": a field written with 为, a verb part
    if fields is not None:
        return fields
    s = bend
    while s > 0 and text[s - 1] not in _SENTENCE_STOPS:
        s -= 1
    while s < bend and text[s] in " \t":
        s += 1
    sentence = squeeze(text[s:bend])
    # "请X牵头，Y配合。" / "请X负责。": the request word hands the measure to X (as 由 would), no part of X's name
    request = _REQUEST_RE.match(sentence)
    sentence = sentence[request.end() :] if request else sentence
    m = _inline(sentence)
    only = _ONLY_RESPONSIBLE_RE.match(sentence) if not m else None
    if only:  # "市市场监管局负责。" on its own: the unbracketed "（X负责）", nothing left for a duty to describe
        # "X会同Y、Z负责。": X leads, the units after 会同 support (as in a bracket, `_unit_list`)
        listed = _unit_list(only.group("units"))
        lead, support = listed if listed else ([], [])
        # named bodies, or the governments below as a group; not "各责任单位负责"/"各地负责", which points back
        # at whoever the plan assigned elsewhere
        if lead and all(_names_a_body(n) for n in [*lead, *support]):
            return _make(text, s, end, "", (lead, support, "X会同Y负责" if support else "X负责"))
        return None
    if not m or sentence.startswith("由"):
        return None  # 由A牵头 opens a sentence that goes on ("由A牵头，B配合，做好…"): step 4's
    lead = parse_units(m.group("lead"))
    support = parse_units(m.group("sup") or "")
    if not lead or not all(reads_as_unit(n) and "由" not in n for n in lead + support):
        return None  # 此项工作由X牵头: the lead is X, not "此项工作由X" (_prose_sentence's)
    return _make(text, s, end, "", (lead, support, "X牵头"))


_HEADING_STOPS = "。\n"
# the marks prose_roles.yaml's heading dashes are made of (a run of them is one dash, however long)
_DASH_MARKS = "".join(sorted(set("".join(_PROSE_WORDS.heading_dashes))))
_HEADING_CLAUSE_MAX = 160  # how long the division of labour after a heading's dash may be


def _heading_dash(text: str, end: int) -> Found | None:
    """The division of labour after a dash closing the measure's heading line, in `text[:end]`: "全面开展告知承诺核查——
    X牵头，Y、Z配合" (the body on the next line, or after a 。 on the same one), "…——X负责", "…——责任单位：X". The heading
    is the text's first sentence; before its last dash (rulesets/data/prose_roles.yaml `heading_dash`) a short title,
    after it nothing but what a bracket's content says (`parse_clause_content`), every name a body's. A dash in running
    prose ("——以…为重点", "——到2027年…") is no clause, so none."""
    dashes = _PROSE_WORDS.heading_dashes
    if not dashes:
        return None
    s = len(text) - len(text.lstrip())
    limit = min(end, s + _PROSE_WORDS.heading_title_max + len(dashes[0]) + _HEADING_CLAUSE_MAX)
    stop = s
    while stop < limit and text[stop] not in _HEADING_STOPS:
        stop += 1
    if stop >= limit and stop < end:
        return None  # the first sentence runs on past any heading's length
    line = text[s:stop]
    at = max(line.rfind(d) for d in dashes)
    if at < 0:
        return None
    while at > 0 and line[at - 1] in _DASH_MARKS:
        at -= 1  # the start of the run ("———", "——" found as its second "—")
    title = line[:at].strip()
    tail = line[at:].lstrip(_DASH_MARKS + " \t\u3000").rstrip(" \t\u3000。.")
    if not title or len(title) > _PROSE_WORDS.heading_title_max or not tail:
        return None
    parsed = parse_clause_content(tail)
    # every name a body's or a group of bodies' (各省级市场监管部门), the lead no generic one, as an opening clause's
    if parsed is None or not _role_names_ok(parsed[0], lead=True):
        return None
    if parsed[1] and not _role_names_ok(parsed[1], lead=False):
        return None
    e = s + len(line.rstrip(" \t\u3000"))
    return _make(text, s + at, e, "", parsed)


# "牵头单位为A，配合单位为B、C。": a sentence of fields written with 为 (every part one), the unbracketed clause
_AS_FIELD_RE = re.compile(_ROLES.field_pattern() + "为")
_LABEL_SENTENCE_MAX = 240  # how far back a closing sentence of fields is looked for


def _label_sentence(text: str, bend: int, end: int) -> Found | None:
    """The last sentence of `text[:bend]` (its 。 at `bend`, the clause's end `end`) when it is nothing but fields
    written with 为, the label first or the units ("牵头单位为A，配合单位为B。", "A为责任单位。", "A为牵头单位，B为配合
    单位。"), or such fields and verb parts mixed ("A为牵头单位，B、C配合。", `_mixed_parts`), and every unit a named
    body's: what "（牵头单位：A；配合单位：B）" says. A bare kind is none ("企业为责任主体": enterprises at large)."""
    lo = max(0, bend - _LABEL_SENTENCE_MAX)
    if "为" not in text[lo:bend]:
        return None
    s = bend
    while s > lo and text[s - 1] not in _SENTENCE_STOPS:
        s -= 1
    if s == lo and lo > 0:
        return None  # no sentence start near: a run of text, not a clause
    while s < bend and text[s] in " \t\u3000":
        s += 1
    sentence = squeeze(text[s:bend])
    parts = [p.strip() for p in split_outside(sentence, "，,；;")]
    as_field = [bool(_AS_FIELD_RE.match(p) or _AS_KEY_RE.fullmatch(p)) for p in parts]
    if not any(as_field) or (not all(as_field) and _mixed_parts(sentence) is None):
        return None
    parsed = parse_clause_content(sentence)
    if not parsed or not _names_ok(parsed[0], lead=True) or (parsed[1] and not _names_ok(parsed[1], lead=False)):
        return None
    if any(n in unit_data().suffixes for n in (*parsed[0], *parsed[1])):
        return None
    return _make(text, s, end, "", parsed)


# The last sentence in prose, when it assigns the measure (README "Who is responsible"):
#   由X牵头，会同Y、Z组织实施 / 此项工作由X牵头，Y、Z参与 / 由X负责，Y、Z配合 / 由X具体实施，Y加强指导 /
#   X负责推进，Y、Z给予…支持 / X负责牵头…，Y、Z按职责配合 / 由X负责，Y按规定保障…资金 / X（要）会同Y、Z制定… / 由X具体负责 / 责任主体为X.
# A sentence that only says "X负责…" is how policy prose describes a duty, not an assignment: without 由
# opening the sentence, a support part (配合, 参与, 会同 …) must name the others.
# the task the sentence speaks of, before 由: 此项工作由X牵头 / 本项任务由X负责 / 以上各项工作由X负责
# (具体由X负责，Y配合: the same, the task left unsaid)
_MANNER = f"(?:{_alt(_PROSE_WORDS.scope_manner)})"
_SCOPE_SUBJECT_RE = re.compile(
    f"(?:(?:{_alt(_PROSE_WORDS.scope_heads)})(?:{_alt(_PROSE_WORDS.scope_counts)})?"
    f"(?:{_alt(_PROSE_WORDS.scope_nouns)})?{_MANNER}?|{_MANNER})(?=由)"
)
# 由 or a request word (请X牵头，Y配合) hands the measure to the units after it
_BY = f"(?P<by>由|{_REQUESTS})"
# 负责人 / 负责同志 / 首问负责制: a person or a system after the verb, no verb (负责制定: the verb and its task)
_NOT_A_VERB = (
    f"(?!(?!{_alt(_PROSE_WORDS.not_after_but)})(?:{_alt(_PROSE_WORDS.not_after)}))"
    if _PROSE_WORDS.not_after else ""
)
_LEAD_PIECE_RE = re.compile(
    rf"^{_BY}?(?P<units>[^，,；;。：:由]{{2,60}}?){_MODAL}*?"
    rf"(?P<verb>{_alt(_PROSE_WORDS.lead_verbs)}){_NOT_A_VERB}(?P<rest>[^，,；;。]*)$"
)
# a sentence opening with a request word: its units are read after it (`_closing_sentence`, `_prose_sentence`)
_REQUEST_RE = re.compile(f"^(?:{_REQUESTS})(?=[^，,；;。]{{2}})")
# "由各村(社区)具体落实。" closing a measure names who carries it out; "由X落实资金…" (落实 with an object) does not
_CLOSING_VERBS = frozenset(("负责", "牵头负责", "负责落实", "组织实施", "落实", "抓好落实", "组织落实", "推进落实", "推动落实"))
_SUPPORT_PIECE_RE = re.compile(
    r"^(?P<units>[^，,；;。：:由]{2,80}?)(?:等(?:有关|相关)?(?:部门|单位)?)?"
    # the modal and manner words (要, 予以, 主动, 协调, 密切 … 配合: `_MODAL`), never part of a name
    rf"{_MODAL}*"
    rf"(?P<verb>{_alt([*_ROLES.support_verbs, *_PROSE_WORDS.support_predicates])}|给予|予以|加强指导|指导|提供|"
    r"(?<=按规定)保障|(?:(?<=职责)|(?<=分工))负责)"
)
_WITH_RE = re.compile(r"^(?P<units>[^，,；;。：:由]{2,60}?)(?:要|应|应当)?会同(?P<rest>.+)$")
_OWNER_RE = re.compile(r"^(?:责任主体|牵头单位|责任单位)(?:为|是)(?P<units>[^，,；;。：:由]{2,80})$")
# a name cannot open with a verb or preposition: "支持县总医院牵头…" is the task, not its lead
_NOT_A_NAME_RE = re.compile(
    r"^(?:支持|推动|鼓励|引导|指导|督促|组织|依托|向|对|在|按|经|请|要求|推进|加强|建立|完善|协调|委托|明确|确保|将|把|以|"
    r"与|和|及|并|由|各项|全面|积极|进一步)"
)
# a verb after the last unit of a list: "会同Y、Z组织实施" -> Y, Z
_AFTER_UNITS_RE = re.compile(f"(?:{_alt(_PROSE_WORDS.after_units)})")  # prose_roles.yaml `after_units`

_STRONG_SUFFIXES = ("局", "委", "办", "部", "院", "厅", "署", "中心", "政府", "党委", "党组", "部门", "单位", "机关",
                    "机构", "小组", "公司", "集团", "办事处", "街道", "委员会", "办公室")  # fmt: skip


def _names_ok(names: Sequence[str], lead: bool) -> bool:
    return bool(names) and all(
        reads_as_unit(n) and not _NOT_A_NAME_RE.match(n) and not (lead and is_generic_unit(n)) for n in names
    )


def is_group_of_bodies(name: str) -> bool:
    """`name` is a group of bodies named by its head (rulesets/data/prose_roles.yaml `names`), whatever its noun
    ends in: 各运输机场, 各景区 (each X), 驻地武警 (those stationed here); not 各级, 各环节 (`not_groups`), nor a head
    with a phrase after it (各地要…, 各有关方面的)."""
    n = _norm_name(name)
    head = next((h for h in _PROSE_WORDS.group_heads if n.startswith(h)), None)
    if head is None:
        return False
    noun = n[len(head) :]
    return (
        2 <= len(noun) <= 16
        and not noun.startswith(_PROSE_WORDS.not_groups)
        and "的" not in noun
        and not _NOT_A_NAME_RE.match(noun)
        and not is_generic_unit(n)
    )


def is_participant(name: str) -> bool:
    """`name` is known to be no body where a support unit would stand: the public — 广大群众, 社会各界, 志愿者
    (rulesets/data/prose_roles.yaml `participants`, after an optional 广大 / 全体 / 各界) — or a group head before a
    noun that makes no group of bodies (各环节, 各方面: `names.not_groups`). A clause's support part naming only such
    is read whole as naming no support; one naming what is neither such nor a body is left unread."""
    n = _norm_name(name)
    for head in ("广大", "全体", "各界"):
        n = n.removeprefix(head)
    if n in _PROSE_WORDS.participants:
        return True
    head = next((h for h in _PROSE_WORDS.group_heads if n.startswith(h)), None)
    return head is not None and n[len(head) :].startswith(_PROSE_WORDS.not_groups) and len(n) - len(head) <= 4


def reads_as_role_name(name: str) -> bool:
    """A name where a sentence's shape names units (after 由, before a role predicate): a body's name
    (`reads_as_unit`) or a group of bodies named by its head (`is_group_of_bodies`: 各运输机场)."""
    return reads_as_unit(name) or is_group_of_bodies(name)


def _role_names_ok(names: Sequence[str], lead: bool) -> bool:
    """`_names_ok` for the unit lists of a prose sentence, whose place names them: a group of bodies named by its
    head passes too (`reads_as_role_name`)."""
    return bool(names) and all(
        reads_as_role_name(n) and not _NOT_A_NAME_RE.match(n) and not (lead and is_generic_unit(n)) for n in names
    )


_UNIT_CUT_MAX = 160  # how far into a list item its unit name may end where no separator marks it: the longest
# unit list read anywhere in fixtures/ and ../shared is 95 characters (fixtures/chengzhong-district-draft.docx, twelve
# names), so a name-length window keeps a 200,000-character run with no 、 ("X会同X会同…") from judging every prefix of
# it (each judged on its whole length: quadratic)


def _unit_cut(item: str) -> int:
    """Where the unit name opening `item` ends before the task (`_AFTER_UNITS_RE`), within `_UNIT_CUT_MAX`: the first
    such end after a strong suffix, else the first at all, else -1."""
    first = -1
    for m in _AFTER_UNITS_RE.finditer(item, 3):
        k = m.start()
        if k > _UNIT_CUT_MAX:
            break
        if not reads_as_unit(item[:k]):
            continue
        # 县住房和城乡|建设局推进: a cut after a one-character suffix (乡, 组, 行) may be inside a name
        if item[:k].endswith(_STRONG_SUFFIXES):
            return k
        if first < 0:
            first = k
    return first


def _leading_units(text: str) -> tuple[list[str], int]:
    """(unit names, length read) of the list that opens `text` and runs into a verb: "Y、Z组织实施"."""
    names: list[str] = []
    pos = 0
    items = _split_top(text)
    for i, item in enumerate(items):
        if i > 0 and text[pos - 1 : pos] not in "、，,":
            break
        cut = len(item)
        if not reads_as_unit(item) or i == len(items) - 1:
            cut = _unit_cut(item)
            if cut < 0:
                if reads_as_unit(item) and i == len(items) - 1:
                    cut = len(item)
                else:
                    break
        got = parse_units(item[:cut])
        if not _names_ok(got, lead=False):
            break
        names += [n for n in got if n not in names]
        pos += cut
        if cut < len(item):
            break
        pos += 1  # the separator
    return names, min(pos, len(text))


PROSE = "（行文）"  # marks the style of a responsibility read from a prose sentence (由X牵头，会同Y…)


def written_in_prose(r: Responsibility | None) -> bool:
    """A responsibility read from the measure's prose, not from a clause written as one (牵头单位：…)."""
    return r is not None and r.style.endswith(PROSE)


def _prose_sentence(text: str) -> Found | None:
    """The measure's clause written in prose: its last sentence when that assigns lead and support (above), else the
    division of labour that opens its text without 由 ("X牵头，Y、Z配合，做好…": `_opening_sentence`)."""
    return _last_prose_sentence(text) or _opening_sentence(text)


_OPENING_VERB = f"(?P<verb>{_alt(_PROSE_WORDS.opening_verbs)})" if _PROSE_WORDS.opening_verbs else "(?!)"
# the lead part of an opening clause: a unit list and a lead verb, nothing after it (the comma follows)
_OPENING_LEAD_RE = re.compile(rf"^(?P<units>[^，,；;。：:由]{{2,60}}?){_MODAL}*?{_OPENING_VERB}$")
# the support part: a unit list and a support verb, nothing after it
_OPENING_SUPPORT_RE = re.compile(
    r"^(?P<units>[^，,；;。：:由]{2,80}?)(?:等(?:有关|相关)?(?:部门|单位)?)?"
    rf"{_MODAL}*(?:{_alt([*_ROLES.support_verbs, *_PROSE_WORDS.support_predicates])})$"
)
# a lead part after a request word (请X、Y按职责分工，研究…) may close with a word of duty instead of a lead verb
# (prose_roles.yaml `opening.requested`): the request hands the task to every unit named, as "按职责分工负责" does
_REQUESTED_LEAD_RE = re.compile(
    rf"^(?P<units>[^，,；;。：:由]{{2,60}}?){_MODAL}*?(?P<verb>{_alt(_PROSE_WORDS.opening_requested)})$"
    if _PROSE_WORDS.opening_requested
    else "(?!)"
)
_TITLE_SENTENCE_MAX = 40  # how long a measure's title sentence (no comma) before its opening clause may be


def _opening_sentence(text: str) -> Found | None:
    """"X牵头，Y、Z配合，做好…" opening the measure's text, or the sentence after its title ("推进农村厕所革命。X牵头，
    Y配合，抓好…。到2026年底…"), without 由: a lead part (units and a lead verb, nothing more), a support part (units
    and a support verb, nothing more) and the task after them, every name a body's; a sentence opening with a word of
    prose (以X为牵头单位, 建立X牵头…的机制, 各地牵头…) is none (rulesets/data/prose_roles.yaml `opening`)."""
    s = len(text) - len(text.lstrip())
    for _ in range(2):  # the first sentence, or the one after a title sentence (on its line or the next)
        stop = _SENTENCE_START_RE.search(text, s)
        e = stop.start() if stop else len(text)
        sentence = text[s:e]
        found = _opening_clause(text, s, sentence)
        if found is not None or stop is None or "，" in sentence or "," in sentence:
            return found
        if len(sentence) > _TITLE_SENTENCE_MAX:
            return None
        s = stop.end()
        while s < len(text) and text[s].isspace():
            s += 1
    return None


def opening_clause(text: str) -> Found | None:
    """The division of labour opening `text` ("X牵头，Y配合，做好…", "请X负责，统筹…"), as a measure's prose is read for
    it (`_opening_sentence`), or None: a point of a run whose units come first (一是请X牵头，Y配合，…；二是…)."""
    return _opening_sentence(text) if text else None


# a unit's name as written in a lead part standing alone: no longer than a name runs, no dash or quote in it
_SHORT_NAME_RE = re.compile(r"[^—–\-“”\"'‘’《》\s]{2,30}")


def _opening_clause(text: str, s: int, sentence: str) -> Found | None:
    """The opening clause of `sentence` (at `s` in `text`), as `_opening_sentence` reads it."""
    # "请X牵头，Y配合，<task>" / "请X负责，<task>": a request word (prose_roles.yaml `requests`) hands the task to the
    # units after it as 由 does; so asked, the lead part alone assigns it (a 纪要's 议定事项, a 交办 notice)
    request = _REQUEST_RE.match(sentence.lstrip())
    if (sentence.lstrip()[request.end() :] if request else sentence).startswith(_PROSE_WORDS.opening_not):
        return None
    pieces = split_outside(sentence, "，,")
    if len(pieces) < 2:
        return None
    head = pieces[0].strip()[request.end() :] if request else pieces[0].strip()
    lead_m = _OPENING_LEAD_RE.match(head) or (_REQUESTED_LEAD_RE.match(head) if request else None)
    # the task follows the support part ("X牵头，Y配合，做好…"); asked, the units may stand alone ("请X牵头，Y配合。…")
    tasked = len(pieces) >= 3 and pieces[2].strip()
    sup_m = _OPENING_SUPPORT_RE.match(pieces[1].strip()) if tasked or request else None
    # no support part: the lead part alone before the task ("X负责，牵头制定…", "X牵头，统筹推进…": a 交办单's item, a
    # county plan's) assigns it too, the task being the rest of the sentence (prose_roles.yaml `opening`)
    if lead_m is None or (sup_m is None and not pieces[1].strip()):
        return None
    lead = parse_units(lead_m.group("units"))
    support = parse_units(sup_m.group("units")) if sup_m else []
    if not _role_names_ok(lead, lead=True) or (sup_m and not _role_names_ok(support, lead=False)):
        return None
    if sup_m is None and not request and not all(_names_ok([n], lead=True) and _SHORT_NAME_RE.fullmatch(n) for n in lead):
        return None  # no support part nor request to show the form: every lead a body's name as units are written
    e = s + len(pieces[0]) + (1 + len(pieces[1]) if sup_m else 0)
    return _make(text, s, e, "", (lead, support, "X" + lead_m.group("verb") + PROSE))


def _last_prose_sentence(text: str) -> Found | None:
    """The last sentence as the measure's clause when it assigns lead and support in prose (above)."""
    end = len(text.rstrip(" \t\n"))
    body = text[:end].rstrip("。.")
    starts = [m.end() for m in _SENTENCE_START_RE.finditer(body)]
    s = starts[-1] if starts else 0
    while s < len(body) and body[s] in " \t":
        s += 1
    scope = _SCOPE_SUBJECT_RE.match(body, s)
    u = scope.end() if scope else s  # where the units (or 由) start
    sentence = body[u:]
    if "\n" in sentence or not sentence:
        return None
    m = _OWNER_RE.match(sentence)
    if m:
        lead = parse_units(m.group("units"))
        return _make(text, s, len(body), "", (lead, (), "责任主体为X" + PROSE)) if _names_ok(lead, lead=True) else None
    reversed_roles = _support_first(sentence, whole=False)
    if reversed_roles:  # Y、Z配合X做好… / 由Y协助X开展…: the roles named, the support first
        parsed, read = reversed_roles
        return _make(text, s, u + read, "", (parsed[0], parsed[1], parsed[2] + PROSE))
    m = _WITH_RE.match(sentence)
    if m and not sentence.startswith("由"):
        lead = parse_units(m.group("units"))
        support, read = _leading_units(m.group("rest"))
        # "生态环境部会同有关部门对试点工作进行指导" describes a duty: only named bodies make it an assignment
        if _names_ok(lead, lead=True) and support and not any(is_generic_unit(n) for n in support):
            return _make(text, s, u + m.start("rest") + read, "", (lead, support, "X会同Y" + PROSE))
    pieces = split_outside(sentence, "，,；;")
    m = _LEAD_PIECE_RE.match(pieces[0])
    if m is None and len(pieces) > 1 and not scope:  # "…建立管护队伍，由各村(社区)具体落实。": its last piece
        last = _LEAD_PIECE_RE.match(pieces[-1].strip())
        if last and last.group("by") and not last.group("rest") and last.group("verb") in _CLOSING_VERBS:
            lead = parse_units(last.group("units"))
            at = u + len(sentence) - len(pieces[-1].lstrip())
            style = "由X" + last.group("verb") + PROSE
            return _make(text, at, len(body), "", (lead, (), style)) if _names_ok(lead, lead=True) else None
    if m is None or (scope and not m.group("by")):
        return None
    # 落实 takes an object in running text ("由X落实资金"): alone in its part, then after 由 closing the sentence or
    # before a support part ("此项由X负责落实，Y、Z协助": the support decides below)
    object_verb = m.group("verb") in _PROSE_WORDS.object_verbs
    if object_verb and m.group("rest"):
        return None
    lead = parse_units(m.group("units"))
    if not _role_names_ok(lead, lead=True):
        return None
    style = ("由X" if m.group("by") else "X") + m.group("verb") + PROSE
    e = u + len(pieces[0])
    support: list[str] = []
    if len(pieces) > 1:
        nxt = pieces[1]
        at = e + 1 + (len(nxt) - len(nxt.lstrip()))
        nxt = nxt.lstrip()
        if nxt.startswith(("会同", "并会同")):
            k = nxt.index("会同") + 2
            support, read = _leading_units(nxt[k:])
            e = at + k + read if support else e
        else:
            sm = _SUPPORT_PIECE_RE.match(nxt)
            names = parse_units(sm.group("units")) if sm else []
            bodies = [n for n in names if not is_participant(n)]
            task = bool(names) and bool(_NOT_A_NAME_RE.match(names[0]))  # "支持企业参加…": the task goes on
            if sm and names and not task:
                if bodies and not _role_names_ok(bodies, lead=False):
                    return None  # a support part naming what is no body: unread, not the lead alone (README)
                if not bodies and not m.group("by"):
                    return None  # "X牵头，广大群众参与…": without 由 only a body in support makes it a clause
                # "由X牵头，Y、广大群众积极参与": Y supports; the public takes part, no unit
                support, e = bodies, at + len(nxt)
                again, more, read = _carrying_out(pieces[2:], style)  # "…，Y配合，各镇街具体实施": who carry it out
                lead += [n for n in again if n not in lead and n not in support]
                support += [n for n in more if n not in support and n not in lead]
                e += sum(1 + len(p) for p in pieces[2 : 2 + read])
    if not support and m.group("verb") in _PAIRED_VERBS:
        return None  # "由X主办。": an event's host, a lead only beside its support (as in a bracket, `_inline`)
    # "X负责组织实施。" / "X要切实履行牵头责任。": a predicate naming the role or the whole work (prose_roles.yaml
    # `alone`) that is all of the sentence assigns the measure without 由
    alone = m.group("verb") in _PROSE_WORDS.alone and not m.group("rest") and len(pieces) == 1
    if not support and not m.group("by") and not alone:
        return None  # "X负责…" alone: a duty described, not the measure assigned
    if not support and object_verb and len(pieces) > 1:
        return None  # "由X落实，确保…": the sentence goes on with the task
    if not support and m.group("by") and m.group("verb") == "负责" and m.group("rest") and len(pieces) > 1:
        # "由X负责电网配套，Y负责燃气管网建设监管，…": each body leads its share (engine/extract/divided.py)
        more, read = divided.shares_after(pieces, parse_units, lambda ns: _role_names_ok(ns, lead=True))
        if read:
            lead += [n for n in more if n not in lead]
            e += sum(1 + len(p) for p in pieces[1 : 1 + read])
            return _make(text, s, e, "", (lead, (), "由X负责…，Y负责…" + PROSE))
    if not support and m.group("rest") and len(pieces) > 1:
        return None  # "由X牵头建立联席会议制度，定期研究…": the task's own sentence goes on (`_goes_on`)
    return _make(text, s, e, "", (lead, support, style))


ARTICLE = "（条文）"  # marks the style of a responsibility read from an article's subject (第五条 X负责…)
_FIRST_SENTENCE_END_RE = re.compile(r"[。；;！？!?\n]")
_ARTICLE_OPENING_MAX = 240  # how far an article's opening sentence is read for its subject


def article_subject(text: str) -> Responsibility | None:
    """The units an ARTICLE of a 规章 / 办法 / 政府令 (第X条) names as its subject, or None: "X负责…", "X、Y按照职责分工
    负责…" (all lead, the leads by duty), "X会同Y、Z…" (X leads, Y and Z support). In a regulation the article's
    subject is the body that bears its duty, so its opening clause assigns the article as a measure's clause does; in
    a plan's item "X负责…" alone is a duty described (README "Who is responsible"), so this is read for articles only
    (engine/extract/textleads.py). Only the first sentence's opening, and only named bodies (no generic 有关部门)."""
    # the subject opens the article: its first sentence, read no further than a clause's length (a hostile page of one
    # endless sentence costs nothing more)
    stop = _FIRST_SENTENCE_END_RE.search(text, 0, _ARTICLE_OPENING_MAX)
    sentence = text[: stop.start() if stop else _ARTICLE_OPENING_MAX]
    lstrip = len(sentence) - len(sentence.lstrip(" \t\u3000"))
    sentence = sentence.strip()
    # the time or condition the duty is bound to may come first ("台风、寒潮等灾害性天气预警发布后，X负责…，Y、Z予以
    # 配合"): the subject opens the sentence after it (rulesets/data/articles.yaml `conditions`)
    cond = _article_condition().match(sentence) if sentence else None
    if cond is not None:
        lstrip += cond.end()
        sentence = sentence[cond.end() :]
    if not sentence:
        return None
    m = _WITH_RE.match(sentence)
    if m:
        lead = parse_units(m.group("units"))
        support, read = _leading_units(m.group("rest"))
        if not (_names_ok(lead, lead=True) and support and not any(is_generic_unit(n) for n in support)):
            return None
        end = lstrip + m.start("rest") + read
        return Responsibility(lead=tuple(_units(lead)), support=tuple(_units(support)), style="X会同Y" + ARTICLE,
                              text=text[lstrip:end], start=lstrip, end=end, source="fields")  # fmt: skip
    pieces = split_outside(sentence, "，,；;")
    first = pieces[0]
    # "X、Y按照各自职责，负责…" / "X、Y按职责分工，做好…": the subject and the manner of its duty before a comma, the
    # duty after it (prose_roles.yaml `opening.requested`): each unit named bears the article by its own duties
    jointly = _REQUESTED_LEAD_RE.match(first) if len(pieces) > 1 else None
    if jointly is not None:
        lead = parse_units(jointly.group("units"))
        if not (_names_ok(lead, lead=True) and all(map(_article_body, lead))):
            return None
        end = lstrip + len(first)
        return Responsibility(lead=tuple(_units(lead)), style="X" + jointly.group("verb") + ARTICLE,
                              text=text[lstrip:end], by_duty=True, start=lstrip, end=end, source="fields")  # fmt: skip
    m = _LEAD_PIECE_RE.match(first)
    # 落实 takes an object ("X落实资金" describes), but the duty word before it makes the subject bear the article
    # ("X、Y按照职责分工负责落实…补助": 负责落实 reads as 负责)
    verb = m.group("verb") if m else ""
    if m is None or m.group("by") or (verb in _PROSE_WORDS.object_verbs and not verb.startswith("负责")):
        return None
    lead = parse_units(m.group("units"))
    if not (_names_ok(lead, lead=True) and all(map(_article_body, lead))):
        return None
    end = lstrip + m.start("rest")
    # "X负责…，Y、Z予以配合": a support part after the lead's, read as a prose sentence's is (`_last_prose_sentence`)
    leads = tuple(_units(lead))
    support: tuple[Unit, ...] = ()
    prose = _last_prose_sentence(sentence)
    if prose is not None and prose.responsibility.support and [u.name for u in prose.responsibility.lead] == [
        u.name for u in leads
    ]:
        support, end = prose.responsibility.support, lstrip + prose.end
    return Responsibility(lead=leads, support=support, style="X" + m.group("verb") + ARTICLE,
                          text=text[lstrip:end], by_duty=len(lead) > 1, start=lstrip, end=end, source="fields")  # fmt: skip


def _article_body(name: str) -> bool:
    """A name an article's subject may be: a named body (`_names_a_body`), or a group of bodies named by its head
    ("各县（市、区）公安机关负责本辖区…": each county's police, one collective unit; `is_group_of_bodies`)."""
    return _names_a_body(name) or (is_group_of_bodies(name) and _ends_as_body(name))


@memo(1, copy="shared")  # compiled once from the one file
def _article_condition() -> re.Pattern[str]:
    """rulesets/data/articles.yaml `conditions`: the time or condition clause that may open an article before its
    subject, with its comma; a pattern that matches nothing without them."""
    words = [str(w) for w in (read_data("articles.yaml") or {}).get("conditions") or []]
    return re.compile("|".join(f"(?:{w})" for w in words)) if words else re.compile("(?!)")


def _carrying_out(pieces: Sequence[str], style: str) -> tuple[list[str], list[str], int]:
    """(more leads, supports, pieces read) of the parts after a prose sentence's lead and support parts that name
    units with a verb and nothing else: the units that carry the task out ("各镇街具体实施", "各镇（街道）抓好落实")
    support it, a part that answers as the leads do (`_leads_again`: "…，D按职责分工负责") leads with them, as in a
    clause (`_parse_duty`). Stops at the first part that is no such list ("确保按期完成")."""
    leads: list[str] = []
    names: list[str] = []
    read = 0
    for piece in pieces:
        duty = _split_duty(piece.strip())
        units = _unit_list(duty[0]) if duty else None
        if duty is None or units is None or units[1] or not _names_ok(units[0], lead=False):
            break
        if any(n in unit_data().suffixes for n in units[0]):
            break  # "…，企业积极参与": a kind of body (企业, 社会组织), none named
        into = leads if duty[2] != "support" and _leads_again(piece.strip(), duty[1], style) else names
        into += [n for n in units[0] if n not in leads and n not in names]
        read += 1
    return leads, names, read


def extract_responsibility(text: str, *, prose: bool = False) -> Responsibility | None:
    """The responsibility clause of `text`, or None. `start`/`end` give its span in `text`."""
    found = find_responsibility(text, prose=prose)
    return found.responsibility if found else None


# the style of a bare bracketed list of units, read only where the document states a lead convention
BARE_LIST_STYLE = "X、Y（单位列表）"


def bare_unit_list(text: str) -> Responsibility | None:
    """A bracket closing `text` that holds nothing but bodies' names, "…并报省政府批准。（省自然资源厅、省发展改革委、
    省文化广电旅游厅）", as a clause of joint units; None otherwise. Such a list says who only where the document
    says how to read it (注：各项任务中排在第一位的单位为牵头单位，其余为配合单位: blind16 浙江省), so the caller reads
    it there alone and applies the convention (`apply_first_listed_leads`, `apply_marked_leads`)."""
    end = len(text.rstrip().rstrip("。.；;"))
    if end == 0 or text[end - 1] not in ")）":
        return None
    pairs = [(o, c) for o, c in matched_pairs(text[:end], BRACKET_OPEN) if c == end - 1]
    if not pairs:
        return None
    o, c = pairs[0]
    parsed = _unit_list(text[o + 1 : c].strip())
    if parsed is None or parsed[1]:
        return None
    return Responsibility(
        lead=_units(parsed[0]), style=BARE_LIST_STYLE, bracket=text[o] + text[c], text=text[o : c + 1], start=o, end=c + 1
    )


# the style of an item's trailing bracket of bare unit names read with no convention stated: every name leads
BARE_UNITS_STYLE = "（X、Y）"


def trailing_units(text: str) -> Responsibility | None:
    """The bracket closing an item that holds nothing but named bodies, "1.推进水稻机插秧提质扩面，全市水稻机插率
    达到55%以上（市农业农村局）" (a 工作要点's one-line items, blind44 永州市), as its responsibility clause: each
    name answers for the item, so all lead. Stricter than `bare_unit_list` (read where the document states how to
    read a list): the bracket is a plain list, none of its names opens as a note (（含…）, （以下简称…）) or as a verb,
    none is a bare kind of body (（部门）), and none is joined by 会同 or 由; a bracket of other content (（试行）,
    （2026年）, （《X办法》）) reads no name, so it is no clause."""
    r = bare_unit_list(text)
    if r is None or _NAME_NOTE_RE.search(r.text) or "会同" in r.text:
        return None
    names = [u.name for u in r.lead]
    if not _bodies_only(names) or not all(map(_names_in_full, names)):
        return None
    return r.model_copy(update={"style": BARE_UNITS_STYLE})


def _names_in_full(name: str) -> bool:
    """`name` names a body, not merely ends in a body's last character: the words before its kind (局, 办, 行) are
    two characters or more, or a division's level alone (市委, 县委); "试行" (（试行）) is no bank, "部门" no body in
    particular. A set of bodies named as a whole (各乡镇人民政府) names them."""
    n = _norm_name(name)
    if is_lower_group(n) or is_generic_unit(n):
        return True
    kind = next((s for s in unit_data().suffixes if n.endswith(s)), None)  # longest first
    if kind is None:
        return False
    stem = n[: -len(kind)]
    return len(stem) >= 2 or bool(_BARE_DIVISION_RE.fullmatch(stem))


def states_first_listed_leads(text: str) -> bool:
    """True when a document says its first-listed unit leads ("排在第一位的部门为牵头部门";
    the wordings are data: rulesets/data/lead_conventions.yaml)."""
    return lead_conventions().first_listed.search(squeeze(text)) is not None


def _states_convention(text: str) -> bool:
    """`text` states how the document's clauses name their lead (first-listed, a mark of either role, a separator,
    bold print)."""
    return (
        states_first_listed_leads(text)
        or bool(stated_lead_mark(text) or stated_support_mark(text))
        or bool(stated_lead_separator(text) or stated_bold_role(text) or stated_underline_role(text))
        or states_bracketed_support(text)
    )


def states_bracketed_support(text: str) -> bool:
    """True where a document says the units in a bracket after a unit support it ("括号外为牵头单位，括号内为配合单位",
    "括号中的单位为配合单位"; rulesets/data/lead_conventions.yaml `bracketed`)."""
    flat = squeeze(text)
    return any(p.search(flat) for p in lead_conventions().bracketed)


def _bracketed(name: str) -> tuple[str, list[str]] | None:
    """(the unit outside, the units inside) of a name closed by a bracket of bodies' names, "市科技局（攀枝花学院、
    攀钢集团有限公司）", or None: the bracket is the one the last closer ends (a bracket inside a name inside it, 各县
    （区）人民政府, stays that name's), the name before it reads as a body's, and every name inside as a named body's
    (not a bare kind: 区各党委（党组） is one name)."""
    n = name.rstrip()
    if not n or n[-1] not in _CLOSERS:
        return None
    pairs = [(o, c) for o, c in matched_pairs(n, BRACKET_OPEN) if c == len(n) - 1]
    if not pairs:
        return None
    o = pairs[0][0]
    outside = n[:o].strip()
    inside = parse_units(n[o + 1 : -1])
    kinds = unit_data().suffixes
    if not outside or not reads_as_unit(outside) or not inside:
        return None
    if not all(reads_as_unit(u) and u not in kinds for u in inside):
        return None
    return outside, inside


def apply_bracketed_support(r: Responsibility) -> Responsibility:
    """Under "括号外为牵头单位，括号内为配合单位" a unit written "X（Y、Z）" is X in its role and Y, Z supporting it:
    "责任单位：X（Y、Z）" has lead X and support Y, Z (`_bracketed`). A clause with no such unit is left as it was
    read. A new fact: facts are frozen."""
    if r.clauses:
        clauses = tuple(apply_bracketed_support(c) for c in r.clauses)
        lead, support = union_of(clauses)
        return r.model_copy(update={"clauses": clauses, "lead": lead, "support": support})
    lead: list[str] = []
    support: list[str] = []
    changed = False
    for role, units in (("lead", r.lead), ("support", r.support)):
        for u in units:
            split = _bracketed(u.name)
            changed = changed or split is not None
            outside, inside = split if split else (u.name, [])
            (lead if role == "lead" else support).append(outside)
            support += inside
    if not changed:
        return r
    lead = list(dict.fromkeys(lead))
    support = [n for n in dict.fromkeys(support) if n not in lead]
    return r.model_copy(update={"lead": tuple(_units(lead)), "support": tuple(_units(support))})


# the mark of a unit PRINTED BOLD, where a document says "加粗的为牵头单位": no character of any text (a word, never
# a one-character mark): ingest carries the bold print beside a paragraph's text (Paragraph.bold), the caller
# passes the names printed bold to `apply_marked_leads`, and the text a report quotes is the text as printed
PRINTED_BOLD = "加粗"
# likewise the mark of a unit PRINTED UNDERLINED, where a document says "有下划线的为牵头单位" (a .docx run's w:u:
# `Paragraph.underline`)
PRINTED_UNDERLINE = "下划线"


def _stated_mark_role(text: str, lead: tuple, support: tuple) -> str | None:
    """"lead" where one of the `lead` patterns says how the document marks its leads, "support" where one of
    `support` says how it marks its supporting units, None otherwise (one reader for bold and underline)."""
    flat = squeeze(text)
    if any(p.search(flat) for p in lead):
        return "lead"
    if any(p.search(flat) for p in support):
        return "support"
    return None


def stated_bold_role(text: str) -> str | None:
    """"lead" where a document says its units printed bold lead ("加粗字体标注的为牵头单位", "黑体字为牵头单位"),
    "support" where they support ("加粗的为配合单位"), None otherwise (rulesets/data/lead_conventions.yaml)."""
    conv = lead_conventions()
    return _stated_mark_role(text, conv.emphasised, conv.emphasised_support)


def stated_underline_role(text: str) -> str | None:
    """"lead" where a document says its units printed underlined lead ("有下划线的为牵头单位", "牵头单位用下划线标注"),
    "support" where they support, None otherwise (rulesets/data/lead_conventions.yaml `emphasised`, `underlining`)."""
    conv = lead_conventions()
    return _stated_mark_role(text, conv.underlined, conv.underlined_support)


def stated_lead_separator(text: str) -> str | None:
    """The characters of the separator a document says its leads stand before ("分号前为牵头单位，分号后为配合单位"
    -> "；;"), or None (rulesets/data/lead_conventions.yaml `separated`)."""
    conv = lead_conventions()
    flat = squeeze(text)
    for p in conv.separated:
        m = p.search(flat)
        if m:
            return conv.separators.get(m.group("sep"))
    return None


_BOLD_SPLIT = re.compile(r"[、，,；;：:()（）\[\]【】〔〕\s]+")


def printed_bold_names(runs: Iterable[str]) -> frozenset[str]:
    """The names a measure's paragraphs print bold (their bold runs, `Paragraph.bold`; or underlined, their
    `Paragraph.underline`), each run cut at the separators and brackets of a unit list and stripped of marks:
    "区农业农村委" of "<b>区农业农村委</b>", both of "<b>区农业农村委、区科技局</b>". A unit is printed so when its
    name is one of these whole: a bold heading that names a unit inside a sentence makes no unit bold."""
    marks = lead_conventions().marks
    return frozenset(n for run in runs for piece in _BOLD_SPLIT.split(run) if (n := piece.strip(marks)))


def stated_role_labels(text: str) -> tuple[tuple[str, str], ...]:
    """The labels a document defines for the two roles ("A角为牵头责任部门，B角为配合责任部门" ->
    (("A角", "lead"), ("B角", "support"))), the wordings are data (rulesets/data/lead_conventions.yaml
    `defined_labels`); a label that reads as a unit's name, or is a role label already, defines nothing."""
    flat = squeeze(text)
    out: dict[str, str] = {}
    for p in lead_conventions().defined:
        for m in p.finditer(flat):
            label, role = m.group("label"), m.group("role")
            if label in _KEYS or label in _OTHERS or reads_as_unit(label) or _KEY_IN_RE.search(label):
                continue
            kind = "lead" if is_primary_key(role) else "support" if is_support_key(role) else None
            if kind:
                out.setdefault(label, kind)
    return tuple(out.items())


_KEY_IN_RE = re.compile(_LABEL)
# "其余为配合单位" says what the units not named lead do: the qualifiers of a label (roles.yaml) are no label alone
_OTHERS = frozenset(w for _, ws in _ROLES.qualified for w in ws)
# where a defined label opens a field: a line's start (blanks before) or after an opener or a separator
_OWN_LABEL_BEFORE = r"(?<![^\s(（［\[【〔；;，,])"
# the label a defined one is read as, padded to its length (spans stay right): the role's first two-character bare stem
_AS_ROLE = {"lead": next((w for w in _ROLES.bare_lead if len(w) == 2), ""),
            "support": next((w for w in _ROLES.bare_support if len(w) == 2), "")}  # fmt: skip


def relabel(text: str, labels: Sequence[tuple[str, str]]) -> str:
    """`text` with each of a document's own role labels (`stated_role_labels`) that stands as a label (a colon
    after it, a line's start, an opener or a separator before it: "　　A角：镇经济发展办公室") written as its role's bare label, "牵头 ：" for
    "A角组：" padded to the same length, so every offset read from it is one of `text`."""
    for label, role in labels:
        word = _AS_ROLE.get(role, "")
        if not word or len(label) < len(word) or label not in text:
            continue
        pad = word + " " * (len(label) - len(word))  # "牵头  ：" for "主角单元：": a clause read starts at the label
        text = re.sub(_OWN_LABEL_BEFORE + re.escape(label) + r"(?=\s*[:：])", pad, text)
    return text


def with_text_of(r: Responsibility, text: str) -> Responsibility:
    """`r`, read from a relabelled copy of `text` (`relabel`), quoting `text` as printed ("A角：X", not "牵头：X")."""
    clauses = tuple(with_text_of(c, text) for c in r.clauses)
    quoted = text[r.start : r.end] if 0 <= r.start <= r.end <= len(text) else r.text
    return r.model_copy(update={"text": quoted, "clauses": clauses})


def apply_first_listed_leads(r: Responsibility) -> Responsibility:
    """Under that convention a jointly listed clause ("A、B、C负责") has lead A and support B, C
    (in a measure of several clauses, each clause's first unit). A new fact: facts are frozen."""
    if r.clauses:
        clauses = tuple(apply_first_listed_leads(c) for c in r.clauses)
        lead, support = union_of(clauses)
        return r.model_copy(update={"clauses": clauses, "lead": lead, "support": support})
    if _listed_jointly(r):
        return r.model_copy(update={"lead": r.lead[:1], "support": r.lead[1:]})
    return r


def _listed_jointly(r: Responsibility) -> bool:
    """A clause of one list of several units that answer jointly ("A、B、C负责", "责任单位：A、B、C"): the clauses a
    document's convention reads."""
    joint = r.style.startswith("X") or label_role(r.style) == "duty"
    return joint and len(r.lead) > 1 and not r.support


def apply_separated_leads(r: Responsibility, separators: str) -> Responsibility:
    """Under "分号前为牵头单位，分号后为配合单位" a jointly listed clause "责任单位：X；Y、Z" has lead X and support
    Y, Z: the units before the first of `separators` (the characters of the separator stated) lead, those after it
    support. A list the separator does not divide stays joint ("未用分号分隔的，所列单位共同负责"), and so does one
    whose units cannot all be found in its text. A new fact: facts are frozen."""
    if r.clauses:
        clauses = tuple(apply_separated_leads(c, separators) for c in r.clauses)
        lead, support = union_of(clauses)
        return r.model_copy(update={"clauses": clauses, "lead": lead, "support": support})
    if not _listed_jointly(r):
        return r
    flat = squeeze(r.text)
    ends = [(flat.find(u.name), u) for u in r.lead]
    if any(at < 0 for at, _ in ends):
        return r
    for cut, ch in enumerate(flat):
        if ch not in separators:
            continue
        before = tuple(u for at, u in ends if at + len(u.name) <= cut)
        if before and len(before) < len(r.lead):
            return r.model_copy(update={"lead": before, "support": tuple(u for u in r.lead if u not in before)})
        if before:
            break
    return r


def apply_marked_leads(
    r: Responsibility,
    mark: str | None,
    support_mark: str | None = None,
    *,
    bold: Collection[str] = (),
    underline: Collection[str] = (),
) -> Responsibility:
    """Under "带*号的为牵头单位" the units of a clause written with the mark beside them ("市商务局*") lead and
    the others of that clause support, wherever the marked ones stand; under "标#的为配合单位" (`support_mark`) the
    units written with that mark support and the others keep their role (a joint list's unmarked units lead). A
    clause with no marked unit, or whose every unit would support, is left as it was read. The mark
    `PRINTED_BOLD` ("加粗的为牵头单位") is carried by the units named in `bold` (`printed_bold_names`), the mark
    `PRINTED_UNDERLINE` ("有下划线的为牵头单位") by those named in `underline`. A new fact:
    facts are frozen."""
    if r.clauses:
        clauses = tuple(apply_marked_leads(c, mark, support_mark, bold=bold, underline=underline) for c in r.clauses)
        lead, support = union_of(clauses)
        return r.model_copy(update={"clauses": clauses, "lead": lead, "support": support})
    flat = squeeze(r.text)
    units = [*r.lead, *(u for u in r.support if u not in r.lead)]

    def marked(u: Unit, mark: str) -> bool:
        if mark == PRINTED_BOLD:
            return u.name in bold
        if mark == PRINTED_UNDERLINE:
            return u.name in underline
        for at in (m.start() for m in re.finditer(re.escape(u.name), flat)):
            end = at + len(u.name)
            if (end < len(flat) and same(flat[end]) == mark) or (at and same(flat[at - 1]) == mark):
                return True
        return False

    leads = [u for u in units if mark and marked(u, mark)]
    if leads:
        return r.model_copy(update={"lead": tuple(leads), "support": tuple(u for u in units if u not in leads)})
    helpers = [u for u in r.lead if support_mark and marked(u, support_mark)]
    if not helpers or len(helpers) == len(r.lead):
        return r
    lead = tuple(u for u in r.lead if u not in helpers)
    return r.model_copy(update={"lead": lead, "support": tuple(u for u in units if u not in lead)})


def union_of(clauses: Sequence[Responsibility]) -> tuple[tuple[Unit, ...], tuple[Unit, ...]]:
    """(lead, support) of several clauses: each in order of first mention; a unit that leads one
    clause and supports another is a lead."""
    lead: dict[str, Unit] = {}
    support: dict[str, Unit] = {}
    for c in clauses:
        for u in c.lead:
            lead.setdefault(u.name, u)
    for c in clauses:
        for u in c.support:
            if u.name not in lead:
                support.setdefault(u.name, u)
    return tuple(lead.values()), tuple(support.values())


def without_responsibility(m: Measure, fill: str | None = "") -> str:
    """The measure's text without its responsibility clauses: they say who, not what, so no reader
    of the plan's words (clauses to carry, unit names in the text, repeated sentences) should see them.

    Every clause is cut (a measure of several: each after its own sentences) and replaced by `fill`;
    `fill=None` blanks it to spaces of its length, so offsets in the result are offsets in `m.text`.
    The one place that says where a measure's responsibility clauses are.
    """
    from engine.extract.groupclause import trailing_group_clause  # it reads clauses with this module

    r = m.responsibility
    text = m.text or ""
    group = trailing_group_clause(text)  # (以上第1—3项任务由X牵头): says who for several items, not what
    spans = [(group.start, group.end)] if group else []
    if r is None or r.source != "clause" or not r.text or r.text not in text:
        # leads read from running text (X负责A) are the task's own words
        return _cut(text, spans, fill) if spans else text
    spans += [(c.start, c.end) for c in r.clauses[:-1] if 0 <= c.start < c.end <= len(text)
              and text[c.start : c.end] == c.text]  # fmt: skip
    last = text.rfind(r.text)
    spans.append((last, last + len(r.text)))
    return _cut(text, spans, fill)


def _cut(text: str, spans: list[tuple[int, int]], fill: str | None) -> str:
    """`text` with `spans` replaced by `fill` (None: blanked to spaces of their length)."""
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out += [text[pos:start], " " * (end - start) if fill is None else fill]
        pos = end
    out.append(text[pos:])
    return "".join(out)
