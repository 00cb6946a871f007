"""A wheel carries every shipped ruleset, data table and schema (pyproject's data-files), and the
package finds them where the wheel puts them when it does not sit in a checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from Python 3.11")
ROOT = Path(__file__).resolve().parents[1]


def test_data_files_cover_every_ruleset_table_and_schema() -> None:
    spec = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["data-files"]
    shipped = {p.relative_to(ROOT) for globs in spec.values() for g in globs for p in ROOT.glob(g)}
    wanted = {p.relative_to(ROOT) for d in ("rulesets", "schemas") for p in (ROOT / d).rglob("*") if p.is_file()}
    assert wanted and wanted <= shipped, sorted(map(str, wanted - shipped))
    for target, globs in spec.items():  # each file lands where its folder is under share/plancheck
        assert all(target == "share/plancheck/" + str(Path(g).parent) for g in globs), target


def test_an_installed_package_reads_the_shared_copy(tmp_path: Path, monkeypatch) -> None:
    import sys

    import engine

    shared = tmp_path / "share" / "plancheck" / "rulesets"
    shared.mkdir(parents=True)
    monkeypatch.setattr(engine, "__file__", str(tmp_path / "site-packages" / "engine" / "__init__.py"))
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    assert engine._home() == tmp_path / "share" / "plancheck"


def test_every_module_reads_shipped_data_through_engine_root() -> None:
    """A module that builds its own path to rulesets/ reads nothing in a wheel install and falls back
    silently (strength words and terms were empty on an installed 3.13: one finding changed severity)."""
    import re

    own = re.compile(r"__file__\)?[^\n]*[\"'](?:rulesets|schemas)[\"']")
    found = [str(p.relative_to(ROOT)) for p in (ROOT / "engine").rglob("*.py") if own.search(p.read_text("utf-8"))]
    assert found == []
