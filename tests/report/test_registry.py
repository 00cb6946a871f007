"""The formatter table cannot drift from the modules in engine/report/."""

from __future__ import annotations

import importlib
import pkgutil

import engine.report as report_pkg
from engine.report import FORMATTERS, get_formatter
from engine.report.base import LABELS, Formatter, fields_of_label

NOT_FORMATS = {"base"}


def test_every_module_is_registered_and_described():
    registered_modules = {cls.__module__.rsplit(".", 1)[1] for cls in FORMATTERS.values()}
    modules = {m.name for m in pkgutil.iter_modules(report_pkg.__path__)} - NOT_FORMATS
    assert modules == registered_modules
    for name in modules:
        module = importlib.import_module(f"engine.report.{name}")
        classes = [
            v
            for v in vars(module).values()
            if isinstance(v, type)
            and issubclass(v, Formatter)
            and v is not Formatter
            and v.__module__ == module.__name__
        ]
        assert len(classes) == 1, name
        assert FORMATTERS[classes[0].name] is classes[0]


def test_formatters_declare_their_contract():
    for name, cls in FORMATTERS.items():
        assert cls.name == name
        assert cls.description and len(cls.description) > 20, name
        assert isinstance(cls.binary, bool) and isinstance(cls.needs_output, bool)
        if cls.binary:
            assert cls.needs_output, f"{name}: binary output cannot go to a terminal"
        assert all(s.startswith(".") for s in cls.suffixes)


def test_unknown_format_is_a_user_error():
    import pytest

    from engine.errors import PlancheckError

    with pytest.raises(PlancheckError) as err:
        get_formatter("pdf")
    assert "sarif" in err.value.render("en")


def test_labels_have_both_languages_with_the_same_fields():
    for key, table in LABELS.items():
        assert set(table) == {"zh", "en"}, key
        assert fields_of_label(table["zh"]) == fields_of_label(table["en"]), key


def test_suffix_table_follows_the_formatters():
    from engine.report import _TABLE, SUFFIX_FORMATS

    for suffix, name in SUFFIX_FORMATS.items():
        assert suffix in FORMATTERS[name].suffixes, (suffix, name)
        first = next(n for n in _TABLE if suffix in FORMATTERS[n].suffixes)
        assert first == name, suffix
    assert {s for cls in FORMATTERS.values() for s in cls.suffixes} == set(SUFFIX_FORMATS)


def test_format_follows_the_output_and_a_contradiction_is_an_error():
    import pytest

    from engine.errors import PlancheckError
    from engine.report import formats_for

    assert formats_for((), ()) == ("text",)
    assert formats_for((), ("批注.DOCX", "表.xlsx", "r.sarif.json", "r.json", "notes", "-")) == (
        "docx", "feedback", "sarif", "json", "text", "text",
    )
    assert formats_for(("feedback", "github"), ("表.docx", "a.txt")) == ("feedback", "github")
    with pytest.raises(PlancheckError) as err:
        formats_for(("text",), ("批注.docx",))
    assert err.value.code == "option.format_contradicts" and "docx" in err.value.render("zh")
