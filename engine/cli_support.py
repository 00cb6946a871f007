"""What every plancheck command shares: --lang, --debug, and the one place errors become messages.

A PlancheckError (bad input, ruleset, option) prints its message in the chosen language and exits 2;
anything else is a bug and says so plainly, also with exit 2. Only --debug shows a traceback.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import click

from engine.errors import PlancheckError
from engine.i18n import message
from engine.outputs import forget_inputs


def common_options(f: Callable[..., Any]) -> Callable[..., Any]:
    @click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="消息语言 / message language")
    @click.option("--debug", is_flag=True, help="show tracebacks")
    @click.option(
        "--budget", "budget_settings", multiple=True, metavar="NAME=VALUE",
        help="raise or lower a size limit, e.g. --budget pages=5000 --budget input_bytes=80MB (README: Budgets)",
    )  # fmt: skip
    @functools.wraps(f)
    def wrapper(*args: Any, lang: str, debug: bool, budget_settings: tuple[str, ...], **kwargs: Any) -> Any:
        forget_inputs()  # a command's outputs are checked against the files this command reads
        try:
            if budget_settings:
                from engine.ingest import budgets

                budgets.configure(budget_settings)
            return f(*args, lang=lang, **kwargs)
        except PlancheckError as e:
            if debug:
                raise
            click.echo(f"plancheck: {e.render(lang)}", err=True)
            sys.exit(2)
        except (click.exceptions.Exit, click.ClickException, SystemExit, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            sys.exit(0)
        except Exception as e:  # a bug: say so plainly, never a traceback without --debug
            if debug:
                raise
            click.echo(f"plancheck: {message('internal', lang, reason=f'{type(e).__name__}: {e}')}", err=True)
            sys.exit(2)

    return wrapper
