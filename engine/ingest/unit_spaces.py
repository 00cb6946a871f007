"""Units a field lists with nothing but blanks between them, read as a list.

A county's plan may set its units apart the way a typist aligns a form, "责任单位：县农业农村局　县科学技术局　各镇（街道）"
(blind18 金乡县: no 、 at all; the notice says the first-listed unit leads), or with ASCII spaces, runs of them or tabs
as Word and PDF copies give, "责任单位：市委编办 市统计局 各县（区）人民政府" (blind51 鹤壁市). Normalisation drops a
blank between two ideographs (it is never meaningful there: engine/ingest/normalise.py), which ran the names into
one. Here, on a line whose text holds a unit field (牵头单位：/责任单位：/配合单位：…, the labels of
rulesets/data/roles.yaml), each run of blanks the value had between two names becomes 、 in the normalised text (its
column that of the run's first blank), when every piece the blanks cut the value into reads as a body's name (局,
海关, 管理委员会, 各镇（街道）…: rulesets/data/units.yaml). A name broken by a stray space ("县农业　农村局") or a
sentence with a space in it has a piece that is no body's, and stays as normalisation left it. A line of names
that continues such a field unlabelled (engine/ingest/field_lines.py joins it) is cut the same way
(`separate_names`).

The parts of an inline clause may be set apart the same way, "（县农业农村局牵头　县财政局、县水利局配合）",
"县商务局牵头 县财政局配合" (a space, ASCII or full-width, where a ，would stand): the space between a part closed by
a role verb (牵头, 主抓, 配合 …: the verbs of rulesets/data/roles.yaml) and a part of units closed by a support or
carrying-out verb becomes ，in the normalised text, when both parts read as units and a verb; else the names would
run into one ("县农业农村局牵头县财政局配合") and no reader of clauses could part them again.
"""

from __future__ import annotations

import itertools
import re

from engine.memo import memo
from engine.roles import field_label_colon, label_role, roles

_STOPS = ";；。"
_OPENERS, _CLOSERS = "(（[［【", ")）]］】"


def _value_end(text: str, start: int, stop: int) -> int:
    """Where a field's value that starts at `start` ends (before `stop`): at a sentence stop, or at a closer with no
    opener after `start` ("（责任单位：A　B）" ends at its "）"; "各县（区）人民政府"'s own bracket does not end it)."""
    depth = 0
    for i in range(start, stop):
        ch = text[i]
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            if not depth:
                return i
            depth -= 1
        elif ch in _STOPS:
            return i
    return stop


def separate(orig: str, text: str, cols: list[int]) -> tuple[str, list[int]]:
    """`text` (normalised from `orig`, `cols` its 1-based columns in `orig`) with ；where a space parted two unit
    fields of one line, 、 where a unit field's value had a full-width space between two names, and ，where a space
    parted two parts of an inline clause."""
    text, cols = _separate_fields(orig, text, cols)
    text, cols = _separate_units(orig, text, cols)
    return _separate_parts(orig, text, cols)


_LABEL_MAX = 40  # a field's label and its colon (牵头单位（部门）：) are read in this many characters


@memo(1, copy="shared")  # one compiled pattern from the one file
def _label_colon() -> re.Pattern[str]:
    """Any label of a unit field and its colon, read where it stands in label position (after a space): a composed
    one (牵头单位：, 协同部门：), a bare stem (主责：, 协同：, 牵头：, 配合：), a clause label (责任分工：), an open one
    (主责警种：): rulesets/data/roles.yaml through engine/roles.py."""
    r = roles()
    return re.compile(rf"(?:{r.label_pattern()})(?:{r.qualifier_pattern()})?[ ]*[:：]")


def _separate_fields(orig: str, text: str, cols: list[int]) -> tuple[str, list[int]]:
    """；where blanks alone part two fields of a unit field line: "主责：X　协同：Y、Z", "牵头单位：X　配合单位：Y", and a
    label heading the line's fields, "责任主体　主责：X　协同：Y" (a duty or clause label, 责任主体 / 责任单位 / 责任分工,
    with no colon of its own: the fields after it say the roles). Normalisation drops a blank between two ideographs,
    which ran a field's value into the next label ("区委社会工作部协同：") and a heading label into its first field
    ("责任主体主责："): a bare label is one only in label position, never after an ideograph. A blank is read so only
    where a unit field's label and its colon follow it, and what stands before it (from the part's start) is a field
    (a label, its colon, its value) or a label heading the fields."""
    if not text or len(text) == cols[-1] - cols[0] + 1:
        return text, cols  # normalisation deleted nothing inside the line: no blank to read
    label = _label_colon()
    cuts: list[int] = []
    start = 0  # where the part before the blank starts: the line's, a stop's or an opener's, or the last cut
    for i in range(1, len(text)):
        if text[i - 1] in _STOPS + _OPENERS + "，,":
            start = i
        if not _is_gap(orig, cols, i) or label.match(text[i : i + _LABEL_MAX]) is None:
            continue
        before = text[start:i]
        if label.match(before[:_LABEL_MAX]) or (
            len(before) <= _LABEL_MAX and label_role(before) in ("lead", "duty", "support")
        ):
            cuts.append(i)
            start = i
    return _insert(text, cols, cuts, "；")


def _separate_units(orig: str, text: str, cols: list[int]) -> tuple[str, list[int]]:
    if not text or len(text) == cols[-1] - cols[0] + 1:
        return text, cols  # normalisation deleted nothing inside the line: no blank to read
    fields = list(field_label_colon().finditer(text))
    if not fields:
        return text, cols
    cuts: list[int] = []
    for k, f in enumerate(fields):
        stop = fields[k + 1].start() if k + 1 < len(fields) else len(text)
        cuts += _name_gaps(orig, text, cols, f.end(), _value_end(text, f.end(), stop))
    return _insert(text, cols, cuts, "、")


def separate_names(orig: str, text: str, cols: list[int]) -> tuple[str, list[int]]:
    """`text` (a whole line of names continuing a unit field, engine/ingest/field_lines.py) with 、 where `orig` had
    blanks between two names, when every piece reads as a body's name, as in a field's value."""
    if not text:
        return text, cols
    return _insert(text, cols, _name_gaps(orig, text, cols, 0, _value_end(text, 0, len(text))), "、")


def _name_gaps(orig: str, text: str, cols: list[int], start: int, end: int) -> list[int]:
    """The offsets in text[start:end] where `orig` had blanks only (spaces, full-width spaces, tabs) between two
    characters, if every piece they cut it into reads as a body's name, none a sentence ending in one
    ("部信息中心 请各省级农业农村部门…报送部农田建设管理司", a page on one line); else none."""
    gaps = [i for i in range(start + 1, end) if _is_gap(orig, cols, i)]
    if not gaps:
        return []
    # imported here: ingest runs before extract is needed
    from engine.extract.responsibility import reads_as_listed_name
    from engine.extract.sentences import open_before

    depth = open_before(text[start:end], _OPENERS, _CLOSERS)
    gaps = [i for i in gaps if not depth[i - start]]  # a blank inside a bracket parts no two names
    if not gaps:
        return []
    pieces = [text[a:b].strip(" 等") for a, b in itertools.pairwise([start, *gaps, end])]
    return gaps if all(p and reads_as_listed_name(p) for p in pieces) else []


def _insert(text: str, cols: list[int], cuts: list[int], mark: str) -> tuple[str, list[int]]:
    """`text` with `mark` before each offset of `cuts` (ascending), its column that of the space it stands for."""
    if not cuts:
        return text, cols
    out, ocols, prev = [], [], 0
    for i in cuts:
        out.append(text[prev:i])
        ocols += cols[prev:i]
        out.append(mark)
        ocols.append(cols[i - 1] + 1)  # the space's column
        prev = i
    out.append(text[prev:])
    ocols += cols[prev:]
    return "".join(out), ocols


_PART_MAX = 80  # how far a part of a clause reaches either side of the space
_OPENS_PART = "(（[［【〔:：，,；;。\n"  # what a clause's part starts after (or the line's start)
_CLOSES_PART = "，,；;。)）]］】〕\n"  # and ends before (or the line's end)


def _alt(words) -> str:
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True))) or "(?!)"


@memo(1, copy="shared")  # three compiled patterns from the one data file
def _part_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a verb closing a part before a space, a part before the space, a part after it): the lead verbs end the
    first part ("X牵头"), the support verbs a later one ("Y配合"); the carrying-out ones (具体实施, 按属地落实) a
    last one; the manner words of roles.yaml `joint` may stand before any verb."""
    r = roles()
    lead = [*r.lead_verbs, *r.clause_lead_verbs, *r.paired_verbs]
    support = [*r.support_verbs, *r.clause_support_verbs, *r.duty_verbs]
    joint = f"(?:{_alt(r.joint_words)})?"
    closes = re.compile(f"(?:{_alt([*lead, *support])})")
    before = re.compile(rf"由?(?P<units>.{{2,{_PART_MAX}}}?)(?:等)?{joint}(?P<verb>{_alt(lead)}|{_alt(support)})")
    after = re.compile(rf"(?P<units>.{{2,{_PART_MAX}}}?)(?:等)?{joint}(?:{_alt(support)})")
    return closes, before, after


def _is_gap(orig: str, cols: list[int], i: int) -> bool:
    """Normalisation deleted nothing but blanks between text[i - 1] and text[i]."""
    a, b = cols[i - 1], cols[i] - 1
    return b > a and not orig[a:b].strip()


def _separate_parts(orig: str, text: str, cols: list[int]) -> tuple[str, list[int]]:
    if len(text) < 6 or cols[-1] - cols[0] + 1 == len(text):
        return text, cols  # normalisation deleted nothing inside the line: no space to read
    closes, before, after = _part_patterns()
    from engine.extract import parse_units, reads_as_unit  # here: ingest runs before extract is needed

    def units_ok(units: str) -> bool:
        names = parse_units(units)
        return bool(names) and all(reads_as_unit(n) for n in names)

    lead_verbs = set(roles().lead_verbs) | set(roles().clause_lead_verbs) | set(roles().paired_verbs)
    cuts: list[int] = []
    for m in closes.finditer(text):
        i = m.end()
        if i >= len(text) or text[i] in _CLOSES_PART or not _is_gap(orig, cols, i):
            continue
        s = i - 1
        while s > 0 and i - s < _PART_MAX and text[s - 1] not in _OPENS_PART and not (cuts and cuts[-1] == s):
            s -= 1
        e = i + 1
        while e < len(text) and e - i < _PART_MAX and text[e] not in _CLOSES_PART and not _is_gap(orig, cols, e):
            e += 1
        left, right = before.fullmatch(text, s, i), after.fullmatch(text, i, e)
        if left is None or right is None:
            continue
        # a part closed by a support verb goes on a chain only after a part this line's space parted already
        chained = left.group("verb") not in lead_verbs
        if chained and not (cuts and cuts[-1] == s):
            continue
        if units_ok(left.group("units")) and units_ok(right.group("units")):
            cuts.append(i)
    return _insert(text, cols, cuts, "，")
