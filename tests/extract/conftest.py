"""Shared helpers for the extract tests: the fixture plans, normalised the way ingest does it.

The normaliser here is deliberately tiny and independent of engine.ingest (which another stage
owns): full-width brackets, digits, letters, ％ and ． become half-width; ，。；：、“” stay.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
_FW = {
    c: chr(ord(c) - 0xFEE0)
    for c in "（）［］０１２３４５６７８９％．＋－"
    + "".join(chr(x) for x in range(0xFF21, 0xFF3B))
    + "".join(chr(x) for x in range(0xFF41, 0xFF5B))
}
_TABLE = str.maketrans(_FW)
MEASURE_START = re.compile(r"^\s*(\d+)\s*[.．]\s*\S")
HEADING = re.compile(r"^\s*([(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|具体措施|工作目标)")


def normalise(text: str) -> str:
    return text.translate(_TABLE)


def fixture_text(name: str) -> str:
    return normalise((FIXTURES / name).read_text("utf-8"))


def numbered_measures(text: str) -> list[tuple[int, str]]:
    """(number, text) of each top-level "N." measure; its paragraphs joined with \\n, blank lines kept
    out, up to the next numbered measure or heading (a stand-in for parse, which another stage owns)."""
    out: list[tuple[int, list[str]]] = []
    for line in text.splitlines():
        m = MEASURE_START.match(line)
        if m:
            out.append((int(m.group(1)), [line.strip()]))
        elif HEADING.match(line):
            if out and out[-1][1] is not None:
                out.append((-1, []))
        elif out and out[-1][0] != -1 and line.strip():
            out[-1][1].append(line.strip())
    return [(n, "\n".join(lines)) for n, lines in out if n != -1]


@pytest.fixture(scope="session")
def chengzhong() -> str:
    return fixture_text("chengzhong-district-draft.txt")


@pytest.fixture(scope="session")
def guangning() -> str:
    return fixture_text("guangning-county-2016-2020.txt")


@pytest.fixture(scope="session")
def parent() -> str:
    return fixture_text("guangxi-2021-2025-parent.txt")


@pytest.fixture(scope="session")
def measures_of():
    """numbered_measures(text) as a fixture: test modules cannot import conftest under importlib."""
    return numbered_measures


@pytest.fixture(scope="session")
def norm():
    return normalise
