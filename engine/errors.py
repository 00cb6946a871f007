"""Errors a person can act on.

Every problem with the user's input (a document, a ruleset, a waiver file, an option) is raised as
`PlancheckError(code, **fields)`. The CLI prints its message in the chosen language and exits 2; a
traceback is shown only with `--debug`. Messages live in `engine.i18n.MESSAGES`, keyed by code, so a
test can assert that every code has both a Chinese and an English text.
"""

from __future__ import annotations

from engine.i18n import message


class PlancheckError(Exception):
    """A user-facing error: `code` picks the message, `fields` fill it in."""

    exit_code = 2

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        super().__init__(self.render("en"))

    def render(self, lang: str = "zh") -> str:
        return message(self.code, lang, **self.fields)
