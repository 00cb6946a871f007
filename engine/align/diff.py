"""Readable differences between a parent clause and its draft counterpart.

The diff runs on jieba words, not characters, so a changed number or place reads as a whole word:
不少于60学时 -> 不少于40学时 gives `60 -> 40`, 县级以上 -> 市级以上 gives `县级 -> 市级`. Neighbouring
changes separated by a single character are merged into one replace, which is how a person reads them.
Enumerations (、-separated lists) are compared as sets of items: 仲裁 dropped, 未成年人 added.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from engine.align.tokenize import dictionary_key, lcut
from engine.extract.sentences import bracket_depths
from engine.memo import memo
from engine.models import DiffOp

_MERGE_GAP = 1  # an equal run this short between two changes is folded into them


def _words(text: str) -> list[str]:
    return list(lcut(text))  # = tokenizer().lcut(text, HMM=True), cached: clauses repeat across measures


def _nf(word: str) -> str:
    return unicodedata.normalize("NFKC", word)


def char_diff(parent: str, local: str) -> list[DiffOp]:
    """Word-level diff of two clauses as DiffOps whose `parent`/`local` texts rebuild both strings."""
    return list(_diff_models(parent, local, *dictionary_key(parent, local)))  # and on the words learnt


@memo(4096, copy="shared")  # frozen DiffOps; a batch's drafts edit the parent's clauses alike
def _diff_models(parent: str, local: str, *dictionary: str) -> tuple[DiffOp, ...]:
    """char_diff's DiffOps, made once per pair of texts and shared (DiffOp is frozen)."""
    return tuple(DiffOp(op=t, parent=p, local=q) for t, p, q in _diff_ops(parent, local, *dictionary))


def _diff_ops(parent: str, local: str, *_dictionary: str) -> tuple[tuple[str, str, str], ...]:
    """(op, parent, local) of char_diff (kept through `_diff_models`: the parent's clauses meet every
    draft of a batch, and most drafts edit them the same way)."""
    a, b = _words(parent), _words(local)
    # compare NFKC forms so ，/, and ＋/+ are no difference
    sm = SequenceMatcher(None, [_nf(w) for w in a], [_nf(w) for w in b], autojunk=False)
    raw: list[list[str]] = []  # [op, parent, local]
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        raw.append([tag, "".join(a[i1:i2]), "".join(b[j1:j2])])
    # fold short equal runs between two changes into the change
    merged: list[list[str]] = []
    k = 0
    while k < len(raw):
        op = raw[k]
        if (
            op[0] == "equal"
            and merged
            and merged[-1][0] != "equal"
            and k + 1 < len(raw)
            and len(op[1]) <= _MERGE_GAP
        ):
            merged[-1][1] += op[1]
            merged[-1][2] += op[2]
        elif op[0] != "equal" and merged and merged[-1][0] != "equal":
            merged[-1][1] += op[1]
            merged[-1][2] += op[2]
        else:
            merged.append(list(op))
        k += 1
    out: list[tuple[str, str, str]] = []
    for tag, p, q in merged:
        if tag != "equal":
            tag = "replace" if p and q else ("delete" if p else "insert")
        out.append((tag, p, q))
    return tuple(out)


_PHRASE_SPLIT = re.compile(r"[，,；;。：:！？!?]")
_OPEN, _CLOSE = "(（[［《“", ")）]］》”"


def _mask_brackets(text: str) -> str:
    """Replace 、 inside brackets and quotes (县(市、区)) so it does not split a list."""
    return "".join(
        "\x00" if ch == "、" and depth else ch
        for ch, depth in zip(text, bracket_depths(text, _OPEN, _CLOSE), strict=True)
    )


def _lists(text: str) -> list[list[str]]:
    """Raw 、-lists of a clause: the comma-free phrases that contain 、 outside brackets."""
    masked = _mask_brackets(text)
    return [
        [i.replace("\x00", "、").strip() for i in p.split("、")]
        for p in _PHRASE_SPLIT.split(masked)
        if "、" in p
    ]


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _cut_tail(last: str) -> str:
    k = last.find("等")
    return last[:k] if k > 0 else last


def _trimmed(a: list[str], b: list[str]) -> tuple[list[str], list[str]]:
    """Both lists with the shared lead-in cut off the first items (加大食品药品 / 加大食品) and the
    shared tail cut off the last items (…等关系群众切身利益的)."""
    a, b = list(a), list(b)
    a[-1], b[-1] = _cut_tail(a[-1]), _cut_tail(b[-1])
    n = _common_prefix(a[0], b[0])
    if n >= 2 and not (n == len(a[0]) and n == len(b[0])):
        a[0], b[0] = a[0][n:] or a[0], b[0][n:] or b[0]
    ra, rb = a[-1][::-1], b[-1][::-1]
    n = _common_prefix(ra, rb)
    if n >= 2 and not (n == len(a[-1]) and n == len(b[-1])):
        a[-1], b[-1] = a[-1][: len(a[-1]) - n] or a[-1], b[-1][: len(b[-1]) - n] or b[-1]
    return [i for i in a if i], [i for i in b if i]


def list_items(parent: str, local: str) -> tuple[list[str], list[str]]:
    """Items of a parent 、-list missing from the draft's counterpart list, and items the draft added.

    Lists are paired by shared items; a list without a counterpart is left to the diff.
    """
    dropped, added = _list_items(parent, local)
    return list(dropped), list(added)


@memo(4096, copy="shared")  # tuples; the same clause pairs as _diff_models
def _list_items(parent: str, local: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    dropped: list[str] = []
    added: list[str] = []
    d_lists = _lists(local)
    for pl in _lists(parent):
        best, best_n = None, 0
        for dl in d_lists:
            n = len(set(pl[1:-1] or pl) & set(dl))
            n = max(n, len(set(pl) & set(dl)))
            if n > best_n:
                best, best_n = dl, n
        if best is None:
            continue
        a, b = _trimmed(pl, best)
        dropped.extend(i for i in a if _is_item(i) and not _has(b, i) and i not in local and i not in dropped)
        added.extend(i for i in b if _is_item(i) and not _has(a, i) and i not in parent and i not in added)
    return tuple(dropped), tuple(added)


MAX_ITEM_CHARS = 10  # list items are short noun phrases; a longer "item" means the list edge was misread


def _is_item(item: str) -> bool:
    return 0 < len(item) <= MAX_ITEM_CHARS


def _has(items: list[str], item: str) -> bool:
    """`item` is in `items`, also when the list edge kept a few more words on one side."""
    return any(
        i == item or i.endswith(item) or item.endswith(i) or i.startswith(item) or item.startswith(i)
        for i in items
    )
