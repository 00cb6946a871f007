"""Export the JSON schemas of plancheck's files from the pydantic models: `python -m engine.schemas`.

schemas/plan.schema.json (engine.models.Plan), schemas/ruleset.schema.json (Ruleset),
schemas/report.schema.json (Report), schemas/diff.schema.json (DiffReport, `plancheck diff`),
schemas/unit_registry.schema.json and references.schema.json (the dated data of the unit and reference
checks) and schemas/facts.schema.json (the fact types rules read, engine.rules.facts), with a
"$schema" key, sorted keys and a trailing newline, so
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
from engine.rules.references import References
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
NAMES = (*MODELS, "facts")


def schema_text(model: type[BaseModel] | str) -> str:
    """The schema of a model, or of a name in NAMES ("facts" is not a pydantic model)."""
    if isinstance(model, str):
        if model == "facts":
            from engine.rules.facts import schema

            body = schema()
        else:
            body = MODELS[model].model_json_schema(by_alias=True)
    else:
        body = model.model_json_schema(by_alias=True)
    return json.dumps({"$schema": DIALECT, **body}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def export(directory: Path = SCHEMAS_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in NAMES:
        path = directory / f"{name}.schema.json"
        write_output(str(path), schema_text(name).encode("utf-8"))
        written.append(path)
    return written


if __name__ == "__main__":
    for p in export(Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMAS_DIR):
        print(p)
