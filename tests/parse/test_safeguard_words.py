"""tree exposes the safeguards words once: a heading ends in them; parse finds them where a decimal
section's title runs on into its prose."""

from __future__ import annotations

from engine.parse.tree import safeguard_heading, safeguard_titles, safeguard_words


def test_the_heading_is_the_words_at_the_end() -> None:
    assert safeguard_titles()
    assert safeguard_heading().pattern == safeguard_words().pattern + "$"
    assert safeguard_heading().search("三、保障措施")
    assert not safeguard_heading().search("三、保障措施到位")


def test_the_words_match_a_title_running_on() -> None:
    m = safeguard_words().match("保障措施各单位要加强组织领导")
    assert m is not None and m.group() == "保障措施"
