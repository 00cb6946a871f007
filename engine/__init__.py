"""plancheck: check a draft local-government plan against its parent plan."""

from pathlib import Path

__version__ = "0.1.0"

ROOT = Path(__file__).resolve().parent.parent
RULESETS_DIR = ROOT / "rulesets"
SCHEMAS_DIR = ROOT / "schemas"
