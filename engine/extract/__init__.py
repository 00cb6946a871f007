"""Extract: what each measure obliges — sentences, strength, responsibility, deadlines, targets.

PLACEHOLDER: being written by the extract work.
"""

from __future__ import annotations

from engine.models import Measure


def fill_measure(measure: Measure) -> None:
    """Fill the extracted fields of `measure` from its text."""
