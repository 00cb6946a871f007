"""plancheck: check a draft local-government plan against its parent plan."""

import site
import sys
from pathlib import Path

__version__ = "0.1.0"


def _home() -> Path:
    """Where rulesets/ and schemas/ are: beside the package in a checkout (an editable install), else
    where a wheel put them (<prefix>/share/plancheck, pyproject's data-files; --user: the user base)."""
    here = Path(__file__).resolve().parent.parent
    if (here / "rulesets").is_dir():
        return here
    for base in (sys.prefix, sys.base_prefix, site.getuserbase()):
        shared = Path(base) / "share" / "plancheck"
        if (shared / "rulesets").is_dir():
            return shared
    return here


ROOT = _home()
RULESETS_DIR = ROOT / "rulesets"
SCHEMAS_DIR = ROOT / "schemas"
