"""The checked-in JSON schemas equal the export from the models. If this fails: run `make schemas`."""

from __future__ import annotations

import pytest

from engine import SCHEMAS_DIR
from engine.schemas import NAMES, schema_text


@pytest.mark.parametrize("name", sorted(NAMES))
def test_schema_is_up_to_date(name: str) -> None:
    path = SCHEMAS_DIR / f"{name}.schema.json"
    assert path.is_file(), f"{path} is missing: run `make schemas`"
    assert path.read_text("utf-8") == schema_text(name), f"{path} is stale: run `make schemas`"
