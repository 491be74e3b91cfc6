"""Jinja2 templates: the only module that imports jinja2.

Autoescape is always on (partner names come from data anyone can edit) and
undefined variables are errors, so a typo in a template fails loudly in the
tests instead of printing an empty cell in a binder.

Templates from a data repository's own folder run in Jinja2's sandbox: such a folder
comes with the data, and a template must not reach Python's internals
(``{{ cycler.__init__.__globals__.os.popen("id").read() }}``). The defaults that ship
with partnerbeeld are code of ours and run without it: the sandbox checks every
attribute a template reads, a fifth of the time of building the site. Whatever goes wrong
in a template (syntax, a division by zero, a file that is not UTF-8) is a Dutch
message naming the file and the line, never a traceback.

Templates are looked up in a data repository's own folder first (`--sjablonen`),
then in the defaults: inside the installed package (the wheel carries them as
partnerbeeld/templates), or the top-level templates/ of a source checkout.
"""

from __future__ import annotations

import functools
import re
import traceback
from pathlib import Path
from typing import Any

from partnerbeeld.infra.errors import Remedy, TemplateBroken, UsageError

_PACKAGE = Path(__file__).resolve().parent.parent


def default_template_dir() -> Path:
    installed = _PACKAGE / "templates"
    return installed if installed.is_dir() else _PACKAGE.parent / "templates"


def search_path(override_dir: Path | None = None) -> tuple[str, ...]:
    """The template folders: the data repository's own first, then the defaults."""
    search = [str(default_template_dir())]
    if override_dir is not None:
        if not override_dir.is_dir():
            what = "is een bestand, geen map" if override_dir.exists() else "bestaat niet"
            raise UsageError(f"De sjablonenmap {override_dir} {what}.", remedy=Remedy.TEMPLATE_FOLDER)
        _refuse_non_utf8(override_dir)
        search.insert(0, str(override_dir))
    return tuple(search)


def environment(search: tuple[str, ...]) -> Any:
    """A Jinja2 environment over the folders ``search``; it keeps what it compiled.

    The shipped templates get one environment per process: compiling a template costs
    more than rendering it, and a process that renders many (the site, the test suite)
    compiles each once. A data repository's own folder gets a fresh sandboxed one per
    call. Either way Jinja2 checks a template's modification time before it reuses the
    compiled form (auto_reload), so a template saved since is read again.
    """
    if search == (str(default_template_dir()),):
        return _shipped_environment(search)
    return _new_environment(search, sandboxed=True)


@functools.cache
def _shipped_environment(search: tuple[str, ...]) -> Any:
    return _new_environment(search, sandboxed=False)


def _new_environment(search: tuple[str, ...], *, sandboxed: bool) -> Any:
    import jinja2
    import jinja2.sandbox

    kind = jinja2.sandbox.SandboxedEnvironment if sandboxed else jinja2.Environment
    env = kind(
        loader=jinja2.FileSystemLoader(list(search)),
        autoescape=True,  # always, also for .j2 names: every template here is HTML-like or escapes itself
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["soft_breaks"] = _soft_breaks
    env.filters["email_breaks"] = email_breaks
    env.filters["css_string"] = css_string
    return env


def render(name: str, context: dict[str, Any], override_dir: Path | None = None, env: Any = None) -> str:
    """Render template ``name`` with ``context``; a Dutch error for a missing or broken template.

    ``env``: an environment from ``environment`` to reuse (its search path then counts).
    """
    import jinja2

    search = search_path(override_dir) if env is None else tuple(env.loader.searchpath)
    env = env if env is not None else environment(search)
    try:
        return str(env.get_template(name).render(**context))
    except jinja2.TemplateNotFound:
        raise UsageError(
            f"Sjabloon '{name}' niet gevonden in {', '.join(search)}.",
            "Kopieer het standaardsjabloon uit templates/ naar je eigen map.",
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateBroken(
            f"Sjabloon {exc.filename or name}, regel {exc.lineno}: de Jinja2-syntaxis klopt niet "
            f"(Jinja2 zegt: {exc.message}).",
            "Herstel de Jinja2-syntaxis in het sjabloon.",
        ) from None
    except jinja2.UndefinedError as exc:
        raise TemplateBroken(
            f"Sjabloon {_where(exc, name, search)} gebruikt een waarde die niet bestaat (Jinja2 zegt: {exc.message}).",
            "Controleer de namen in het sjabloon tegen de standaardsjablonen.",
        ) from None
    except jinja2.exceptions.SecurityError as exc:
        raise TemplateBroken(
            f"Sjabloon {_where(exc, name, search)} probeert iets wat een sjabloon niet mag ({exc.message}).",
            "Een sjabloon toont alleen de gegevens van de lijst; verwijder de toegang tot Python-interne namen.",
        ) from None
    except Exception as exc:  # a user's template can raise anything ({{ 1/0 }}): say where, not how
        raise TemplateBroken(
            f"Sjabloon {_where(exc, name, search)} geeft een fout: {type(exc).__name__}: {exc}.",
            "Herstel de expressie op die regel van het sjabloon.",
        ) from None


def _where(exc: BaseException, name: str, search: tuple[str, ...]) -> str:
    """'/pad/contactlijst.html.j2, regel 12': the last template frame in the traceback Jinja2 rewrote."""
    folders = tuple(str(Path(folder).resolve()) for folder in search)
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename and str(Path(frame.filename).resolve()).startswith(folders):
            return f"{frame.filename}, regel {frame.lineno}"
    return f"'{name}'"


def _refuse_non_utf8(folder: Path) -> None:
    """A template or stylesheet that is not UTF-8: name the file and the line, before Jinja2 trips over it."""
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.stat().st_size > 10 * 1024 * 1024:
            continue
        raw = path.read_bytes()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise TemplateBroken(
                f"Sjabloon {path}, regel {line}: het bestand is geen UTF-8-tekst (byte 0x{raw[exc.start]:02x}).",
                "Sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan als', codering UTF-8).",
            ) from None


def _soft_breaks(value: object) -> Any:
    """Filter: escape, then allow a line break after '@', '/' and '-' and before '.' (e-mail addresses, links).

    A narrow table column then wraps 'liaison@rijnland.example' at a sensible
    place instead of mid-word. markupsafe comes with jinja2.
    """
    from markupsafe import Markup, escape

    escaped = str(escape(value))
    for mark in ("@", "/", "-"):
        escaped = escaped.replace(mark, mark + "<wbr>")
    return Markup(escaped.replace(".", "<wbr>."))


def email_breaks(value: object) -> Any:
    """Filter: an e-mail address that may break after '@' and '.' and nowhere else.

    <wbr> after each '@' and '.' adds those break points. A piece that holds another
    place where browsers break (a '-' in 'crisis-team@...', a '/') goes into a
    non-wrapping span (print.css: .email-deel); plain pieces need none, which keeps
    the element count, and so WeasyPrint's time, down on a long list.
    """
    from markupsafe import Markup, escape

    pieces = [piece for piece in re.split(r"(?<=[@.])", str(value)) if piece]
    return Markup(
        "<wbr>".join(
            str(escape(piece)) if _UNBROKEN.fullmatch(piece) else f'<span class="email-deel">{escape(piece)}</span>'
            for piece in pieces
        )
    )


_UNBROKEN = re.compile(r"[A-Za-z0-9_]*[@.]?")  # no break opportunity inside for a browser


def css_string(value: object) -> Any:
    """Filter: ``value`` as a quoted CSS string, safe inside a <style> element.

    Quotes, backslashes and control characters are CSS escapes, and so are '<', '>'
    and '&': HTML does not decode entities inside <style>, and a '</style>' in a
    partner's name must not end the stylesheet. A newline becomes a line break.
    """
    from markupsafe import Markup

    out = []
    for char in str(value):
        if char in '"\\<>&' or ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return Markup('"' + "".join(out) + '"')
