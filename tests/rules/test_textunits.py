"""How the drafting kinds read the draft's own words (engine/rules/textunits.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.rules import textunits as tu


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(",;:()!?[]，；：（）加强法治a1 \n"), max_size=40))
def test_fold_is_the_translation_table(text: str) -> None:
    assert tu.fold(text) == text.translate(tu._FOLD)
