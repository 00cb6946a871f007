"""Export the JSON schemas of plancheck's files from the pydantic models: `python -m engine.schemas`.

schemas/plan.schema.json (engine.models.Plan), schemas/ruleset.schema.json (Ruleset),
schemas/report.schema.json (Report), schemas/diff.schema.json (DiffReport, `plancheck diff`),
schemas/unit_registry.schema.json and references.schema.json (the dated data of the unit and reference
checks), with a "$schema" key, sorted keys and a trailing newline, so
the files are byte-stable. tests/rules/test_schemas.py fails when a model changed and the files were
not regenerated: run `make schemas`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from engine import SCHEMAS_DIR
from engine.extract.unitnames import UnitRegistry
from engine.models import DiffReport, Plan, Report
from engine.outputs import write_output
from engine.rules.kinds.reference_outdated import References
from engine.rules.ruleset import Ruleset

DIALECT = "https://json-schema.org/draft/2020-12/schema"
MODELS: dict[str, type[BaseModel]] = {
    "plan": Plan,
    "ruleset": Ruleset,
    "report": Report,
    "diff": DiffReport,
    "unit_registry": UnitRegistry,  # rulesets/data/unit_registry.yaml and an office's own registries
    "references": References,  # rulesets/data/references.yaml
}


def schema_text(model: type[BaseModel]) -> str:
    schema = {"$schema": DIALECT, **model.model_json_schema(by_alias=True)}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def export(directory: Path = SCHEMAS_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in MODELS.items():
        path = directory / f"{name}.schema.json"
        write_output(str(path), schema_text(model).encode("utf-8"))
        written.append(path)
    return written


if __name__ == "__main__":
    for p in export(Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMAS_DIR):
        print(p)
