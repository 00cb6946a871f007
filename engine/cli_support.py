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

from engine.entry import Terminated, interruption, stop
from engine.errors import PlancheckError
from engine.i18n import message
from engine.outputs import echo, forget_inputs


def common_options(f: Callable[..., Any]) -> Callable[..., Any]:
    @click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="消息语言 / message language")
    @click.option("--debug", is_flag=True, help="show tracebacks")
    @functools.wraps(f)
    def wrapper(*args: Any, lang: str, debug: bool, **kwargs: Any) -> Any:
        forget_inputs()  # a command's outputs are checked against the files this command reads
        try:
            return f(*args, lang=lang, **kwargs)
        except PlancheckError as e:
            if debug:
                raise
            if (cause := interruption(e)) is not None:  # a stage that wraps what it catches
                stop(cause)
            echo(f"plancheck: {e.render(lang)}", err=True)
            sys.exit(2)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except (KeyboardInterrupt, Terminated) as e:
            if debug:
                raise
            stop(e)
        except BrokenPipeError:
            sys.exit(0)
        except Exception as e:  # a bug: say so plainly, never a traceback without --debug
            if debug:
                raise
            if (cause := interruption(e)) is not None:
                stop(cause)
            echo(f"plancheck: {message('internal', lang, reason=f'{type(e).__name__}: {e}')}", err=True)
            sys.exit(2)

    return wrapper
