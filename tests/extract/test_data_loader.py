"""The one reader of rulesets/data (engine/extract/data.py): a missing file, a key a file leaves out."""

from __future__ import annotations

import pytest

from engine.errors import PlancheckError
from engine.extract import data


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    return tmp_path


FALLBACK = {"a": ["x"], "b": ["y", "z"]}


def test_a_missing_file_gives_the_fallback_or_a_clear_error(data_dir) -> None:
    assert data.read_data("none.yaml") is None
    assert data.load_lists("none.yaml", FALLBACK) == FALLBACK
    with pytest.raises(PlancheckError) as err:
        data.read_data("none.yaml", required=True)
    assert err.value.code == "data.missing" and "none.yaml" in str(err.value)


def test_a_key_left_out_is_empty_unless_per_key(data_dir) -> None:
    (data_dir / "t.yaml").write_text("a: [1, w]\nb: []\n", "utf-8")
    assert data.load_lists("t.yaml", FALLBACK) == {"a": ["1", "w"], "b": []}
    assert data.load_lists("t.yaml", FALLBACK, per_key=True) == {"a": ["1", "w"], "b": ["y", "z"]}
    assert data.read_data("t.yaml") == {"a": [1, "w"], "b": []}


def test_units_yaml_ships_with_the_issuer_endings() -> None:
    """units.yaml is required (no in-code copy): the shipped one carries every list unit_data reads."""
    raw = data.read_data("units.yaml", required=True) or {}
    assert all(raw.get(k) for k in data._UNIT_KEYS)
    assert "人民政府" in data.unit_data().issuer_suffixes


@pytest.mark.parametrize(
    "reader",
    ["strength", "conventions", "levels", "counterparts", "actors", "sections", "layout", "furniture", "closing", "kinds", "prose"],
)
def test_every_shipped_data_file_is_required_not_silently_replaced(monkeypatch, tmp_path, reader) -> None:
    """Data files the package ships are read from rulesets/data only: a missing one is the clear data.missing
    error, never an in-code copy that drifts from the file (strength, lead conventions, level words, page furniture had one; sections, layout, closing and a kind's table read nothing)."""
    from engine.extract import counterparts
    from engine.ingest import furniture
    from engine.parse import boxes, closing, level, tree
    from engine.rules import leads
    from engine.rules.kinds import base

    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    call = {
        "strength": data.strength_data.__wrapped__,
        "conventions": data.lead_conventions.__wrapped__,
        "levels": level.levels_table.__wrapped__,
        "counterparts": counterparts._table.__wrapped__,
        "actors": leads._actor_forms.__wrapped__,
        "sections": tree._section_words.__wrapped__,
        "layout": boxes._caption.__wrapped__,
        "furniture": getattr(furniture._load, "__wrapped__", furniture._load),
        "closing": closing._closing_words.__wrapped__,  # the one reader of closing.yaml
        "kinds": lambda: base._file_table.__wrapped__("beyond_level"),
        "prose": data.prose_roles.__wrapped__,
    }[reader]
    with pytest.raises(PlancheckError) as err:
        call()
    assert err.value.code == "data.missing"
