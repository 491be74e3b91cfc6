"""Views of a validation report: Dutch text for people, JSON, GitHub annotations."""

from __future__ import annotations

import textwrap
from itertools import groupby
from pathlib import Path

from partnerbeeld.answers.acceptance import acceptance_dict
from partnerbeeld.answers.validation import Report
from partnerbeeld.infra.paths import located
from partnerbeeld.infra.safetext import github_data, github_property, visible
from partnerbeeld.model.findings import Finding, Severity
from partnerbeeld.views.colour import Palette
from partnerbeeld.views.jsondoc import dump


def _display_path(file: Path, cwd: Path) -> str:
    try:
        shown = located(file).relative_to(cwd.resolve()).as_posix()
    except ValueError:
        shown = file.as_posix()
    return visible(shown)  # a file name may hold a line break that would start a line of its own


def summary(report: Report) -> str:
    errors, warnings = report.errors, report.warnings
    parts = [
        f"{errors} {'fout' if errors == 1 else 'fouten'}",
        f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}",
    ]
    if report.accepted:
        parts.append(f"{len(report.accepted)} geaccepteerd")
    files = len({f.file for f in report.findings})
    total = f"{report.files} {'bestand' if report.files == 1 else 'bestanden'}"
    where = f" in {files} van {total}" if report.findings else f" in {total}"
    return ", ".join(parts) + where + "."


_INDENT = " " * 11  # under the message: past "  " + 7 for line:column + "  "


def _finding_lines(f: Finding, palette: Palette, width: int) -> list[str]:
    """One finding, wrapped to ``width``: position, severity, message [code], then → hint."""
    where = f"{f.line}:{f.column}" if f.line else "-"
    prefix = f"  {where:>7}  {f.severity}  "
    wrapper = textwrap.TextWrapper(width=width, break_long_words=False, break_on_hyphens=False)
    wrapper.initial_indent, wrapper.subsequent_indent = prefix, _INDENT
    lines = wrapper.wrap(f"{visible(f.message)} [{f.code}]")
    colour = palette.red if f.severity is Severity.FOUT else palette.yellow
    lines[0] = lines[0].replace(f"  {f.severity}  ", f"  {colour(f.severity)}  ", 1)
    if f.hint:
        wrapper.initial_indent, wrapper.subsequent_indent = _INDENT + "→ ", _INDENT + "  "
        lines += wrapper.wrap(visible(f.hint))
    return lines


def as_text(report: Report, cwd: Path, palette: Palette, width: int = 80, everything: bool = False) -> str:
    """Grouped per file; each finding with line:column, severity, message, code and hint, wrapped to ``width``.

    ``everything``: the accepted findings too, each with its end date and reason.
    """
    lines: list[str] = []
    for file, group in groupby(report.findings, key=lambda f: f.file):
        lines.append(palette.bold(_display_path(file, cwd)))
        for f in group:
            lines += _finding_lines(f, palette, max(width, 40))
        lines.append("")
    if everything and report.accepted:
        lines += [palette.bold("Geaccepteerd"), ""]
        for file, pairs in groupby(report.accepted, key=lambda pair: pair[0].file):
            lines.append(palette.bold(_display_path(file, cwd)))
            for f, a in pairs:
                lines += _finding_lines(f, palette, max(width, 40))
                wrapper = textwrap.TextWrapper(width=max(width, 40), initial_indent=_INDENT + "✓ ")
                wrapper.subsequent_indent, wrapper.break_long_words = _INDENT + "  ", False
                lines += wrapper.wrap(visible(f"geaccepteerd {a.described} ({_display_path(a.file, cwd)}:{a.line})"))
            lines.append("")
    verdict = summary(report)
    lines.append(palette.green(verdict) if not report.findings else verdict)
    return "\n".join(lines) + "\n"


def _as_dict(f: Finding, root: Path) -> dict[str, object]:
    return {
        "bestand": f.relative_to(root.parent),
        "regel": f.line,
        "kolom": f.column,
        "ernst": str(f.severity),
        "code": f.code,
        "melding": f.message,
        "hint": f.hint,
    }


def as_json(report: Report) -> str:
    """Stable JSON (sorted keys): paths relative to the folder that holds the dataset."""
    payload = {
        "bevindingen": [_as_dict(f, report.root) for f in report.findings],
        "geaccepteerd": [
            {**_as_dict(f, report.root), "acceptatie": acceptance_dict(a, report.root)} for f, a in report.accepted
        ],
        "fouten": report.errors,
        "waarschuwingen": report.warnings,
        "bestanden": report.files,
    }
    return dump(payload)


def as_github(report: Report, repo_root: Path) -> str:
    """GitHub workflow commands (::error file=...,line=...::message), paths relative to the repo."""
    lines = []
    for f in report.findings:
        level = "error" if f.severity is Severity.FOUT else "warning"
        props = f"file={github_property(f.relative_to(repo_root))}"
        if f.line:
            props += f",line={f.line},col={f.column}"
        props += f",title={github_property(f.code)}"
        message = f.message + (f" {f.hint}" if f.hint else "")
        lines.append(f"::{level} {props}::{github_data(message)}")
    for f, a in report.accepted:  # a notice: visible in the run, not a failure
        props = f"file={github_property(f.relative_to(repo_root))}"
        if f.line:
            props += f",line={f.line},col={f.column}"
        props += f",title={github_property(f.code + ' (geaccepteerd)')}"
        lines.append(f"::notice {props}::{github_data(f'{f.message} Geaccepteerd {a.described}')}")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"
