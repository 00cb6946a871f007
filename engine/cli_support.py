"""What every plancheck command shares: --lang, --debug, and the one place errors become messages.

A PlancheckError (bad input, ruleset, option) prints its message in the chosen language and exits 2;
anything else is a bug and says so plainly, also with exit 2. Only --debug shows a traceback.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, ClassVar

import click

from engine.entry import Terminated, interruption, stop
from engine.errors import PlancheckError
from engine.i18n import message
from engine.outputs import echo, forget_inputs


def common_options(f: Callable[..., Any]) -> Callable[..., Any]:
    @click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="消息语言 / message language")
    @click.option("--debug", is_flag=True, help="出错时显示调用栈 / show tracebacks")
    @click.option(
        "--budget", "budget_settings", multiple=True, metavar="NAME=VALUE",
        help="调整输入上限 / raise or lower a size limit, e.g. --budget pages=5000 --budget input_bytes=80MB (README: Budgets)",
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


def _lang_of(args: list[str]) -> str:
    """The --lang the command line asked for, read before (or without) parsing it: the last one
    given, as for the command itself (`plancheck --lang en check --lang zh` speaks Chinese)."""
    lang = "zh"
    for i, a in enumerate(args):
        if a == "--lang" and i + 1 < len(args):
            lang = "en" if args[i + 1] == "en" else "zh"
        elif a.startswith("--lang="):
            lang = "en" if a.split("=", 1)[1] == "en" else "zh"
    return lang


def usage_message(e: click.ClickException, lang: str) -> str:
    """A click usage error as one line in the run's language."""
    reason = " ".join(e.format_message().split())
    param = getattr(e, "param", None)
    name = getattr(e, "param_hint", None) or (param.opts[0] if param is not None and param.opts else None)
    if isinstance(param, click.Argument) or (param is not None and not name):
        name = param.human_readable_name.upper()
    if isinstance(name, (list, tuple)):
        name = " / ".join(name)
    if isinstance(e, click.NoSuchOption):
        reason = message("usage.no_such_option", lang, name=e.option_name)
    elif isinstance(e, click.MissingParameter):
        what = name or (param.human_readable_name if param is not None else "")
        reason = message("usage.missing", lang, name=what)
    elif isinstance(e, click.BadOptionUsage) and "requires" in reason:
        reason = message("usage.needs_value", lang, name=e.option_name)
    elif isinstance(e, click.BadOptionUsage) and "does not take a value" in reason:
        reason = message("usage.flag_value", lang, name=e.option_name)
    elif isinstance(e, click.BadParameter) and param is not None and isinstance(param.type, click.Choice):
        detail = e.message or ""
        value = detail.split("'")[1] if detail.count("'") >= 2 else ""
        choices = "、".join(map(str, param.type.choices)) if lang == "zh" else ", ".join(map(str, param.type.choices))
        reason = message("usage.choice", lang, name=name or "", choices=choices, value=value)
    elif isinstance(e, click.BadParameter):
        detail = _value_rule(getattr(param, "type", None), e.message or "", lang)
        reason = message("usage.bad_value", lang, name=name or "", reason=detail)
    elif isinstance(e, click.FileError):
        reason = message("usage.file", lang, name=e.ui_filename)
    elif reason.startswith("Got unexpected extra argument"):
        extra = reason.split("(", 1)[1].rstrip(")") if "(" in reason else ""
        reason = message("usage.extra", lang, args=extra)
    elif reason.startswith("No such command"):
        reason = message("usage.no_command", lang, name=reason.split("'")[1] if "'" in reason else "")
    elif reason.startswith("Missing command"):
        reason = message("usage.missing_command", lang)
    elif lang == "zh":
        reason = message("usage.other", lang, detail=reason)  # a usage error click words in a way not foreseen
    command = e.ctx.command_path if getattr(e, "ctx", None) is not None else "plancheck"
    return message("usage", lang, reason=reason, command=command)


def _value_rule(kind: object, detail: str, lang: str) -> str:
    """What a value of this option type must be, in the run's language (never click's English)."""
    zh = lang == "zh"
    if isinstance(kind, (click.IntRange, click.FloatRange)) and (kind.min is not None or kind.max is not None):
        whole = isinstance(kind, click.IntRange)
        lo = "" if kind.min is None else str(kind.min)
        hi = "" if kind.max is None else str(kind.max)
        if zh:
            what = "整数" if whole else "数"
            if lo and hi:
                return f"应为 {lo} 到 {hi} 之间的{what}"
            return f"应为不小于 {lo} 的{what}" if lo else f"应为不大于 {hi} 的{what}"
        what = "a whole number" if whole else "a number"
        if lo and hi:
            return f"must be {what} from {lo} to {hi}"
        return f"must be {what} of at least {lo}" if lo else f"must be {what} of at most {hi}"
    if isinstance(kind, click.types.IntParamType):
        return "应为整数" if zh else "must be a whole number"
    if isinstance(kind, click.types.FloatParamType):
        return "应为数字" if zh else "must be a number"
    if isinstance(kind, click.types.BoolParamType):
        return "应为 true 或 false" if zh else "must be true or false"
    if isinstance(kind, click.DateTime):
        return "应为日期，如 2026-06-30" if zh else "must be a date such as 2026-06-30"
    if isinstance(kind, (click.Path, click.File)):
        low = detail.lower()
        for key, zh_text, en_text in (
            ("does not exist", "文件不存在", "the file does not exist"),
            ("is a directory", "是文件夹，应为文件", "is a folder, not a file"),
            ("is a file", "是文件，应为文件夹", "is a file, not a folder"),
            ("not readable", "无权读取", "cannot be read"),
            ("not writable", "无权写入", "cannot be written"),
        ):
            if key in low:
                return zh_text if zh else en_text
        return "不是可用的文件路径" if zh else "is not a usable file path"
    if zh:
        return "格式不对"
    return " ".join(detail.split()) or "not valid"


class PlancheckGroup(click.Group):
    """The `plancheck` group: usage errors are one line in the run's language, not click's block.

    Ctrl-C while click parses the command line or imports a command (before a command's own
    wrapper runs) is answered here: click would turn it into "Aborted!", a blank line and exit 1.
    """

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except KeyboardInterrupt as e:
            stop(e)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as e:
            stop(e)

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        argv = list(sys.argv[1:] if args is None else args)
        try:
            return super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.Exit as e:
            sys.exit(e.exit_code)
        except click.Abort as e:
            if (cause := interruption(e)) is not None:  # Ctrl-C that click caught itself
                stop(cause)
            echo("plancheck: " + ("已中止" if _lang_of(argv) == "zh" else "aborted"), err=True)
            sys.exit(1)
        except click.ClickException as e:
            echo(f"plancheck: {usage_message(e, _lang_of(argv))}", err=True)
            sys.exit(e.exit_code)


class Progress:
    """A progress line on a terminal for a run that takes over a second; nothing when piped.

    Stages are named by the pipeline (`pipeline.check(progress=...)`); the line appears only once a
    second has passed, is redrawn as stages change, and is erased when the run ends.
    """

    STAGES: ClassVar[dict[str, tuple[int, str, str]]] = {"read": (1, "读取方案", "reading"), "parent": (2, "读取上级方案", "reading the parent"),
              "check": (3, "对齐与检查", "aligning and checking"), "report": (4, "汇总", "summing up")}  # fmt: skip

    def __init__(self, lang: str, stream: Any = None, delay: float = 1.0) -> None:
        import threading

        self.stream = stream if stream is not None else sys.stderr
        self.on = bool(getattr(self.stream, "isatty", lambda: False)())
        self.lang = lang
        self.stage = "read"
        self.shown = False
        self._lock = threading.Lock()
        self._timer = threading.Timer(delay, self._draw) if self.on else None
        if self._timer is not None:
            self._timer.daemon = True
            self._timer.start()

    def __call__(self, stage: str) -> None:
        with self._lock:
            self.stage = stage
        if self.shown:
            self._draw()

    def _draw(self) -> None:
        with self._lock:
            n, zh, en = self.STAGES.get(self.stage, (0, self.stage, self.stage))
            total = len(self.STAGES)
            bar = "#" * (n * 20 // total) + "." * (20 - n * 20 // total)
            self.stream.write(f"\r[{bar}] {zh if self.lang == 'zh' else en}…\033[K")
            self.stream.flush()
            self.shown = True

    def done(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            if self.shown:
                self.stream.write("\r\033[K")
                self.stream.flush()
                self.shown = False
