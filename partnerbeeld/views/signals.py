"""Views of the maintenance signals and the account-holder report: text, JSON, Markdown."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence
from itertools import groupby
from pathlib import Path
from typing import Any

from partnerbeeld.answers.acceptance import Acceptance, acceptance_dict
from partnerbeeld.answers.accountholders import HolderReport
from partnerbeeld.answers.signals import Signal
from partnerbeeld.infra.gitinfo import DataVersion
from partnerbeeld.infra.safetext import visible
from partnerbeeld.model.vocabulary import SignalKind, SignalLevel
from partnerbeeld.views.colour import Palette
from partnerbeeld.views.jsondoc import dump
from partnerbeeld.views.mdtext import text

KIND_TITLES = {
    SignalKind.CONVENANT: "Convenanten",
    SignalKind.OEFENING: "Oefenen",
    SignalKind.PLAN: "Plannen",
    SignalKind.CONTACT: "Contactgegevens",
    SignalKind.PARTNER: "Partners",
    SignalKind.PROFIEL: "Profielen",
    SignalKind.DEKKING: "Dekking van crisistypen",
    SignalKind.ACCOUNTHOUDER: "Accounthouders",
}
_MARK = {SignalLevel.FOUT: "FOUT", SignalLevel.WAARSCHUWING: "let op", SignalLevel.INFO: "info"}


def counts(found: list[Signal]) -> dict[str, int]:
    return {level.value: sum(1 for s in found if s.level is level) for level in SignalLevel}


def summary(found: list[Signal]) -> str:
    c = counts(found)
    total = len(found)
    return (
        f"{total} {'signaal' if total == 1 else 'signalen'}: {c['fout']} {'fout' if c['fout'] == 1 else 'fouten'}, "
        f"{c['waarschuwing']} {'waarschuwing' if c['waarschuwing'] == 1 else 'waarschuwingen'}, {c['info']} info."
    )


def head(region: str, today: dt.date, version: DataVersion, about: str = "") -> str:
    """'Signalen REGION · peildatum … · data …'; ``about`` names a filter ('accounthouder Marieke Jansen')."""
    scope = f" · {about}" if about else ""
    return f"Signalen {region}{scope} · peildatum {today.isoformat()} · data {version.label}"


def as_text(
    found: list[Signal],
    region: str,
    today: dt.date,
    version: DataVersion,
    palette: Palette,
    width: int = 80,
    root: Path | None = None,
    accepted: Sequence[tuple[Signal, Acceptance]] = (),
    about: str = "",
) -> str:
    """Grouped by kind, most urgent first; each signal a line, the action indented beneath."""
    lines = [*_wrapped_head(head(region, today, version, about), palette, width), ""]
    if not found:
        lines.append(palette.green("Geen signalen: alles is bij."))
        return "\n".join(lines + _accepted_text(accepted, width)) + "\n"
    for kind, group in groupby(found, key=lambda s: s.kind):
        items = list(group)
        lines.append(palette.bold(f"{KIND_TITLES[kind]} ({len(items)})"))
        for s in items:
            mark = _MARK[s.level]
            mark = palette.red(f"{mark:<6}") if s.level is SignalLevel.FOUT else f"{mark:<6}"
            holder = f" [{s.account_holder}]" if s.account_holder else ""
            first = f"{s.name}{holder}: {s.message}"
            wrapped = _wrap(first, width - 9) or [""]
            lines.append(f"  {mark} {wrapped[0]}")
            lines += [f"{'':9}{part}" for part in wrapped[1:]]
            # where to make the change, as valideer points at it: file:line and the stable code
            file = _shown_path(s.file, root) if root is not None else None
            where = f" ({file}:{s.line})" if file and s.line else (f" ({file})" if file else "")
            action = f"→ {s.action}{where} [{s.code}]"
            lines += [f"{'':9}{palette.dim(part)}" for part in _wrap(action, width - 9)]
        lines.append("")
    lines += _accepted_text(accepted, width)
    lines.append(summary(found))
    return "\n".join(lines) + "\n"


def _accepted_text(accepted: Sequence[tuple[Signal, Acceptance]], width: int) -> list[str]:
    """The accepted signals as a last group: seen by someone, with their reason and end date."""
    if not accepted:
        return []
    lines = [f"Geaccepteerd ({len(accepted)})"]
    for s, a in accepted:
        lines += _wrap(f"{s.name}: {s.message} [{s.code}] Geaccepteerd {a.described}", width, "  ", "    ")
    return [*lines, ""]


def _wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """Wrap at spaces only: codes and dates (incident-water, 2026-12-31) stay whole."""
    return textwrap.wrap(
        text,
        max(width, 20),
        break_on_hyphens=False,
        initial_indent=initial_indent,
        subsequent_indent=subsequent_indent,
    )


def _wrapped_head(text: str, palette: Palette, width: int) -> list[str]:
    """The head line, broken between its ' · ' parts when it is too wide."""
    lines: list[str] = []
    for part in text.split(" · "):
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += " · " + part
        else:
            lines.append(part if not lines else "  " + part)
    return [palette.bold(line) for line in lines]


def _relative(file: Path | None, root: Path) -> str | None:
    """The file relative to the folder that holds the dataset (as in `valideer --formaat json`)."""
    if file is None:
        return None
    try:
        return file.resolve().relative_to(root.resolve().parent).as_posix()
    except ValueError:
        return file.as_posix()


def signal_dict(s: Signal, root: Path) -> dict[str, Any]:
    return {
        "code": s.code,
        "soort": s.kind.value,
        "ernst": s.level.value,
        "record": {"soort": s.record_kind, "id": s.record_id, "naam": s.name},
        "bestand": _relative(s.file, root),
        "regel": s.line or None,
        "accounthouder": s.account_holder,
        "melding": s.message,
        "actie": s.action,
        "vervaldatum": s.due.isoformat() if s.due and s.due not in (dt.date.min, dt.date.max) else None,
    }


def as_json(
    found: list[Signal],
    region: str,
    today: dt.date,
    version: DataVersion,
    root: Path,
    accepted: Sequence[tuple[Signal, Acceptance]] = (),
) -> str:
    document = {
        "regio": region,
        "peildatum": today.isoformat(),
        "dataversie": version.as_json(),
        "aantallen": counts(found),
        "signalen": [signal_dict(s, root) for s in found],
        "geaccepteerd": [{**signal_dict(s, root), "acceptatie": acceptance_dict(a, root)} for s, a in accepted],
    }
    return dump(document)


def _shown_path(file: Path | None, root: Path) -> str | None:
    """For people: a line break or ESC in a file name shows escaped, it starts no line of its own."""
    relative = _relative(file, root)
    return None if relative is None else visible(relative)


def _where(s: Signal, root: Path) -> str:
    file = _shown_path(s.file, root)
    if file is None:
        return "-"
    # a code span: the path needs no escaping, only no backtick of its own
    shown = (f"{file}:{s.line}" if s.line else file).replace("`", "'")
    return f"`{shown}`"


def as_markdown(
    found: list[Signal],
    region: str,
    today: dt.date,
    version: DataVersion,
    root: Path,
    accepted: Sequence[tuple[Signal, Acceptance]] = (),
    about: str = "",
) -> str:
    lines = [f"## {text(head(region, today, version, about))}", "", summary(found), ""]
    for kind, group in groupby(found, key=lambda s: s.kind):
        lines += [
            f"### {KIND_TITLES[kind]}",
            "",
            "| ernst | wat | melding | actie | accounthouder | bestand | code |",
            "|---|---|---|---|---|---|---|",
        ]
        for s in group:
            lines.append(
                f"| {s.level.value} | {text(s.name)} | {text(s.message)} | {text(s.action)} | "
                f"{text(s.account_holder or '-')} | {_where(s, root)} | `{s.code}` |"
            )
        lines.append("")
    if accepted:
        lines += [f"### Geaccepteerd ({len(accepted)})", ""]
        lines += [f"- {text(s.name)}: {text(s.message)} `{s.code}`, {text(a.described)}" for s, a in accepted]
    return "\n".join(lines).rstrip() + "\n"


# --- account holders -------------------------------------------------------------------------


def _oldest(report: HolderReport) -> str:
    """'nooit' when a partner was never checked: that is older than any date."""
    if report.never_verified:
        return "nooit"
    return report.oldest_verification.isoformat() if report.oldest_verification else "-"


def holders_text(
    reports: list[HolderReport],
    region: str,
    today: dt.date,
    version: DataVersion,
    palette: Palette,
    detail: bool,
    width: int = 80,
) -> str:
    """One line per account holder; with ``detail`` their partners and signals beneath."""
    from partnerbeeld.views.table import Column, cut, fit

    title = f"Accounthouders {region} · peildatum {today.isoformat()} · data {version.label}"
    lines = [*_wrapped_head(title, palette, width), ""]
    rows = [
        [r.name, str(len(r.partners)), *(str(r.counts[level.value]) for level in SignalLevel), _oldest(r)]
        for r in reports
    ]
    columns = [
        Column("ACCOUNTHOUDER", 14, priority=1),
        Column("PARTNERS", 8, shrink=False, right=True),
        Column("FOUT", 4, shrink=False, right=True),
        Column("LET OP", 6, shrink=False, right=True),
        Column("INFO", 4, shrink=False, right=True),
        Column("OUDSTE CONTROLE", 15, shrink=False),
    ]
    header, rendered = fit(columns, rows, width)
    lines += [palette.dim(header), *rendered]
    if detail:
        for r in reports:
            lines += ["", palette.bold(f"{r.name} ({r.id})")]
            lines.append(palette.dim(f"  {'GECONTROLEERD':<13} PARTNER"))
            for p in r.partners:
                checked = p.verified_on.isoformat() if p.verified_on else "nooit"
                lines.append(cut(f"  {checked:<13} {p.name} ({p.id})", width))
            if r.signals:
                lines.append(palette.dim("  SIGNALEN"))
            for s in r.signals:
                text = f"{_MARK[s.level]}: {s.name}: {s.message}"
                lines += _wrap(text, width, initial_indent="  ", subsequent_indent="    ")
    return "\n".join(lines) + "\n"


def holders_json(reports: list[HolderReport], region: str, today: dt.date, version: DataVersion) -> str:
    document = {
        "regio": region,
        "peildatum": today.isoformat(),
        "dataversie": version.as_json(),
        "accounthouders": [
            {
                "id": r.id,
                "naam": r.name,
                "partners": [
                    {
                        "id": p.id,
                        "naam": p.name,
                        "gecontroleerd_op": p.verified_on.isoformat() if p.verified_on else None,
                    }
                    for p in r.partners
                ],
                "signalen": counts(r.signals),
                "oudste_controle": r.oldest_verification.isoformat() if r.oldest_verification else None,
                "nooit_gecontroleerd": r.never_verified,
            }
            for r in reports
        ],
    }
    return dump(document)
