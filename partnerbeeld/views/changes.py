"""Views of a change report (`wijzigingen`): Dutch text, Markdown for a pull request, stable JSON."""

from __future__ import annotations

from typing import Any

from partnerbeeld.answers.changes import KIND_LABELS, ChangeReport, FieldChange, RecordChange
from partnerbeeld.infra.safetext import visible
from partnerbeeld.views.jsondoc import dump
from partnerbeeld.views.mdtext import text

WIDTH = 80  # the terminal view fits 80 columns where it can (long values still run on)
_CONFIDENTIAL_NOTICE = "Let op: deze uitvoer bevat vertrouwelijke contactgegevens (--vertrouwelijk)."


def _is_default(value: Any) -> bool:
    """None, false and empty are the defaults of every optional field: leaving them out reads better."""
    return value is None or value is False or value == [] or value == {}


def format_value(value: Any) -> str:
    """A parsed value as a person would write it in YAML, on one line."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(format_value(v) for v in value) + "]"
    if isinstance(value, dict):
        shown = {k: v for k, v in value.items() if not _is_default(v)}
        return "{" + ", ".join(f"{visible(str(k))}: {format_value(v)}" for k, v in shown.items()) + "}"
    # a folded multi-line text stays on one line; control and bidi characters show as escapes
    return visible(" ".join(str(value).split()))


def _list_delta(change: FieldChange) -> tuple[list[Any], list[Any]] | None:
    """(added, removed) items when a list of plain values changed."""
    old, new = change.old, change.new
    if not (isinstance(old, list) and isinstance(new, list)) or any(isinstance(v, dict | list) for v in old + new):
        return None
    return [v for v in new if v not in old], [v for v in old if v not in new]


def _describe(change: FieldChange) -> str:
    delta = _list_delta(change)
    if delta is not None:
        added, removed = delta
        parts = [f"+ {format_value(v)}" for v in added] + [f"- {format_value(v)}" for v in removed]
        return ", ".join(parts) if parts else "andere volgorde"
    if change.old is None:
        return f"toegevoegd: {format_value(change.new)}"
    if change.new is None:
        return f"verwijderd (was {format_value(change.old)})"
    return f"{format_value(change.old)} → {format_value(change.new)}"


def field_lines(change: FieldChange, indent: int = 12) -> list[str]:
    """One line when it fits 80 columns; else a whole added/removed item per key, or was/wordt apart."""
    pad = " " * indent
    path = visible(change.path)  # keys and labels come from the data
    line = f"{pad}{path}: {_describe(change)}"
    if len(line) <= WIDTH:
        return [line]
    delta = _list_delta(change)
    if delta is not None:
        return [
            f"{pad}{path}:",
            *(f"{pad}    + {format_value(v)}" for v in delta[0]),
            *(f"{pad}    - {format_value(v)}" for v in delta[1]),
        ]
    item = change.new if change.old is None else change.old if change.new is None else None
    if isinstance(item, dict):
        what = "toegevoegd" if change.old is None else "verwijderd"
        shown = {k: v for k, v in item.items() if not _is_default(v)}
        return [f"{pad}{path}: {what}", *(f"{pad}    {visible(str(k))}: {format_value(v)}" for k, v in shown.items())]
    if change.old is None:
        return [f"{pad}{path}: toegevoegd", f"{pad}    {format_value(change.new)}"]
    if change.new is None:
        return [f"{pad}{path}: verwijderd", f"{pad}    was: {format_value(change.old)}"]
    return [
        f"{pad}{path}:",
        f"{pad}    was:   {format_value(change.old)}",
        f"{pad}    wordt: {format_value(change.new)}",
    ]


def _since(report: ChangeReport) -> str:
    base = report.base
    if base.commit.startswith(base.name.lower()):  # a commit hash: say it once
        return f"{base.short} ({base.date})"
    name = "de " + base.name if base.name.startswith("afsplitsing") else base.name
    return f"{name} ({base.short}, {base.date})"


def _work_tree(report: ChangeReport) -> str:
    return f"de werkmap, versie {report.version.label}"


def summary(report: ChangeReport) -> str:
    counts = report.counts()
    total = len(report.changes)
    if not total:
        return "Geen inhoudelijke wijzigingen."
    parts = [f"{n} {status}" for status, n in counts.items() if n]
    return f"{total} {'record' if total == 1 else 'records'}: " + ", ".join(parts) + "."


def _headline(change: RecordChange) -> str:
    ident = f"{visible(change.old_id)} → {visible(change.id)}" if change.old_id else visible(change.id)
    name = f": {_name(change)}" if change.name else ""
    return f"{change.label} {ident}{name}"


def _name(change: RecordChange) -> str:
    return visible(" ".join((change.name or "").split()))


def change_lines(changes: list[RecordChange]) -> list[str]:
    """One line per record, indented field changes under it (also `importeer --droog`)."""
    lines: list[str] = []
    for change in changes:
        headline = f"{change.status:<11} {_headline(change)}"
        if len(headline) > WIDTH and change.name:  # the name on a line of its own
            headline = f"{headline[: -len(_name(change)) - 2]}\n{'':12}{_name(change)}"
        lines.append(headline)
        if change.old_file:
            lines.append(f"{'':12}bestand: {visible(change.old_file)} → {visible(change.file)}")
        for f in change.fields:
            lines.extend(field_lines(f))
    return lines


def as_text(report: ChangeReport) -> str:
    """For the terminal: one line per record, indented field changes under it."""
    lines = [f"Wijzigingen in de dataset sinds {_since(report)}", f"tot {_work_tree(report)}.", ""]
    if report.confidential:
        lines[2:2] = [_CONFIDENTIAL_NOTICE]
    lines.extend(change_lines(report.changes))
    if report.changes:
        lines.append("")
    for problem in report.unreadable:
        lines.append(f"niet vergeleken: {visible(problem.file)} ({problem.side}, {visible(problem.message)})")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def _md(value: str) -> str:
    """Safe inside a Markdown table cell of a pull-request comment: no @mention pings anyone."""
    return text(value).replace("@", "&#64;")


def _md_code(text: str) -> str:
    return "`" + visible(text).replace("`", "'") + "`"


def _md_record(change: RecordChange) -> list[str]:
    ident = f"{_md_code(change.old_id)} → {_md_code(change.id)}" if change.old_id else _md_code(change.id)
    name = f" ({_md(change.name)})" if change.name else ""
    lines = [f"- **{change.status}** {change.label} {ident}{name}"]
    if change.old_file:
        lines[0] += f": {_md_code(change.old_file)} → {_md_code(change.file)}"
    return lines


def as_markdown(report: ChangeReport) -> str:
    """For a pull-request comment or a CI step summary: a list, and a table per changed record."""
    lines = [
        "### Wijzigingen in de dataset",
        "",
        f"Sinds {_md(_since(report))} tot {_md(_work_tree(report))}. {summary(report)}",
        "",
    ]
    if report.confidential:
        lines[3:3] = [f"> {_CONFIDENTIAL_NOTICE}", ""]
    for change in report.changes:
        lines.extend(_md_record(change))
    if report.changes:
        lines.append("")
    for change in (c for c in report.changes if c.fields):
        lines += [f"#### {change.label} {_md_code(change.id)}", "", "| veld | was | wordt |", "|---|---|---|"]
        lines += [
            f"| {_md_code(f.path)} | {_md(format_value(f.old))} | {_md(format_value(f.new))} |" for f in change.fields
        ]
        lines.append("")
    for problem in report.unreadable:
        lines.append(f"- niet vergeleken: {_md_code(problem.file)} ({problem.side}, {_md(problem.message)})")
    return "\n".join(lines).rstrip("\n") + "\n"


def _change_dict(change: RecordChange) -> dict[str, Any]:
    return {
        "soort": KIND_LABELS[change.kind],
        "id": change.id,
        "status": str(change.status),
        "bestand": change.file,
        "naam": change.name,
        "oud_id": change.old_id,
        "oud_bestand": change.old_file,
        "velden": [{"veld": f.path, "oud": f.old, "nieuw": f.new} for f in change.fields],
    }


def as_json(report: ChangeReport) -> str:
    """Stable JSON (sorted keys, ISO dates); paths relative to the folder above the dataset."""
    base = report.base
    payload = {
        "sinds": {"naam": base.name, "commit": base.commit, "datum": base.date},
        "versie": {"commit": report.version.commit, "gewijzigd": report.version.dirty},
        "vertrouwelijk": report.confidential,
        "aantallen": {str(status): n for status, n in report.counts().items()},
        "wijzigingen": [_change_dict(c) for c in report.changes],
        "niet_vergeleken": [{"bestand": u.file, "kant": u.side, "melding": u.message} for u in report.unreadable],
    }
    return dump(payload)
