"""Accepted findings and signals: a known warning that may stay, with a reason and an end date.

Two places say what is accepted (docs/ci.md):

- inline, a comment on the line or on its own line above it::

      # partnerbeeld: accepteer accounthouder-ontbreekt tot 2027-03-01 -- besloten in het crisisteamoverleg

- centrally, the ``accept:`` list in partnerbeeld.yaml (file or glob, code, reason, until).

An acceptance hides a finding from the count (``--strikt``, the exit code) but
not from view. What goes wrong with acceptances is itself a finding: a
malformed comment or unknown code (``acceptatie-ongeldig``), an accepted error
(``acceptatie-van-fout``: errors are fixed, not accepted), an end date passed
(``acceptatie-verlopen``: the finding comes back) and an acceptance that
matches nothing (``acceptatie-ongebruikt``). The same acceptances serve
`signalen`; signal codes and finding codes never overlap, so the code says which.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from partnerbeeld.infra.suggest import closest
from partnerbeeld.model.codes import CODES
from partnerbeeld.model.findings import Finding, Severity

if TYPE_CHECKING:
    from partnerbeeld.answers.signals import Signal
    from partnerbeeld.reading.dataset import Dataset

T = TypeVar("T")

# The codes about acceptances themselves cannot be accepted: that would hide a stale acceptance.
OWN_CODES = frozenset({"acceptatie-ongeldig", "acceptatie-van-fout", "acceptatie-verlopen", "acceptatie-ongebruikt"})
EXAMPLE = "# partnerbeeld: accepteer accounthouder-ontbreekt tot 2027-03-01 -- besloten in het MT van 12 november"

_MARKER = "partnerbeeld:"
# a YAML comment starts at '#' at the start of a line or after white space
_COMMENT = re.compile(r"(?:^|\s)#\s*partnerbeeld:(?P<body>.*)$")
_DIRECTIVE = re.compile(r"^\s*accepteer\s+(?P<code>\S+)(?:\s+tot\s+(?P<until>\S+))?(?:\s+--\s*(?P<reason>.*?))?\s*$")


@dataclass(frozen=True, slots=True)
class Acceptance:
    """One acceptance and where it is written (``file``, ``line``, ``column``).

    Inline: it covers ``target_line`` of its own file. Central: every file whose
    path relative to the dataset matches ``pattern``.
    """

    code: str
    until: dt.date
    reason: str
    file: Path
    line: int
    column: int
    target_line: int = 0
    pattern: str | None = None

    @property
    def inline(self) -> bool:
        return self.pattern is None

    def expired(self, today: dt.date) -> bool:
        """Valid up to and including ``until``."""
        return self.until < today

    def covers(self, code: str, file: Path | None, relpath: str | None, line: int) -> bool:
        if code != self.code or file is None:
            return False
        if self.pattern is None:
            return file == self.file and line == self.target_line and line > 0
        return relpath is not None and fnmatchcase(relpath, self.pattern)

    @property
    def described(self) -> str:
        """'tot 2027-03-01: reden', as every view shows it."""
        return f"tot {self.until.isoformat()}: {self.reason}"


@dataclass
class Collected:
    """Every well-formed acceptance in the dataset, and a finding for each malformed one."""

    acceptances: list[Acceptance] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)


def _signal_codes() -> frozenset[str]:
    from partnerbeeld.answers.signals import CODES as SIGNAL_CODES  # signals imports the checks: load only when needed

    return frozenset(SIGNAL_CODES)


def collect(dataset: Dataset) -> Collected:
    """The inline acceptances of every loaded file and the central ``accept:`` list."""
    result = Collected()
    known = (set(CODES) - OWN_CODES) | _signal_codes()
    seen: set[Path] = set()
    for source in dataset.sources.values():
        if source.file in seen:
            continue
        seen.add(source.file)
        text = source.doc.text
        if _MARKER in text:
            _inline(source.file, text, known, result)
    settings_source = dataset.sources.get(("file", "partnerbeeld.yaml"))
    for index, rule in enumerate(dataset.settings.accept):
        assert settings_source is not None  # the settings record came from it
        file, line, column = settings_source.at("accept", index)
        problem = _unknown_code(rule.code, known)
        if problem:
            _, code_line, code_column = settings_source.at("accept", index, "code")
            result.problems.append(_invalid(file, code_line, code_column, *problem))
            continue
        result.acceptances.append(Acceptance(rule.code, rule.until, rule.reason, file, line, column, 0, rule.file))
    return result


def _inline(file: Path, text: str, known: set[str] | frozenset[str], result: Collected) -> None:
    lines = text.splitlines()
    for index, raw in enumerate(lines):
        if _MARKER not in raw:
            continue
        comment = _COMMENT.search(raw)
        if comment is None:
            continue
        line, column = index + 1, comment.start() + (0 if raw[comment.start()] == "#" else 1) + 1
        own_line = not raw[: column - 1].strip()
        target = _next_content_line(lines, index) if own_line else line
        parsed = _parse(comment.group("body"), known)
        if isinstance(parsed, tuple):
            result.problems.append(_invalid(file, line, column, *parsed))
        else:
            code, until, reason = parsed.code, parsed.until, parsed.reason
            result.acceptances.append(Acceptance(code, until, reason, file, line, column, target))


def _next_content_line(lines: Sequence[str], index: int) -> int:
    """The 1-based number of the first line after ``index`` that holds more than a comment."""
    for number in range(index + 1, len(lines)):
        stripped = lines[number].strip()
        if stripped and not stripped.startswith("#"):
            return number + 1
    return 0  # nothing below: matches no finding, so it is reported as unused


@dataclass(frozen=True)
class _Parsed:
    code: str
    until: dt.date
    reason: str


def _parse(body: str, known: set[str] | frozenset[str]) -> _Parsed | tuple[str, str]:
    """The directive after 'partnerbeeld:', or (message, hint) saying what is wrong."""
    match = _DIRECTIVE.match(body)
    if match is None:
        word = body.split()[0] if body.split() else ""
        return (
            f"Onbekende aanwijzing '{word}' na 'partnerbeeld:'." if word else "Lege aanwijzing na 'partnerbeeld:'.",
            f"Schrijf: {EXAMPLE}",
        )
    code, until_text, reason = match.group("code"), match.group("until"), match.group("reason")
    problem = _unknown_code(code, known)
    if problem:
        return problem
    if until_text is None:
        return (f"De acceptatie van '{code}' heeft geen einddatum.", f"Voeg 'tot JJJJ-MM-DD' toe: {EXAMPLE}")
    try:
        until = dt.date.fromisoformat(until_text)
    except ValueError:
        return (f"'{until_text}' is geen datum.", "Schrijf de einddatum als JJJJ-MM-DD, bijv. 'tot 2027-03-01'.")
    if not reason:
        return (f"De acceptatie van '{code}' heeft geen reden.", f"Zet de reden na ' -- ': {EXAMPLE}")
    return _Parsed(code, until, reason)


def _unknown_code(code: str, known: set[str] | frozenset[str]) -> tuple[str, str] | None:
    if code in known:
        return None
    if code in OWN_CODES:
        return (f"'{code}' kun je niet accepteren.", "Ruim de acceptatie op die deze melding geeft.")
    suggestions = closest(code, known)
    hint = (
        f"Bedoelde je '{suggestions[0]}'?" if suggestions else "De codes staan in de README; acceptaties in docs/ci.md."
    )
    return (f"Onbekende code '{code}' in een acceptatie.", hint)


def _invalid(file: Path, line: int, column: int, message: str, hint: str) -> Finding:
    return Finding(file, line, column, Severity.FOUT, "acceptatie-ongeldig", message, hint)


# --- applying acceptances ---------------------------------------------------------------


@dataclass
class Split(Generic[T]):
    """Items (findings or signals) split into what still counts and what is accepted."""

    open: list[T] = field(default_factory=list)
    accepted: list[tuple[T, Acceptance]] = field(default_factory=list)
    used: set[Acceptance] = field(default_factory=set)
    refused: dict[Acceptance, T] = field(default_factory=dict)  # acceptances of an error, with the error


Place = Callable[[T], tuple[str, Path | None, int]]  # an item's code, file and line


def split(
    items: Iterable[T],
    acceptances: Sequence[Acceptance],
    root: Path,
    today: dt.date,
    place: Place[T],
    refuse: Callable[[T], bool] = lambda item: False,
) -> Split[T]:
    """Apply the acceptances that have not expired; an item ``refuse`` says no to stays open."""
    live = [a for a in acceptances if not a.expired(today)]
    result: Split[T] = Split()
    for item in items:
        code, file, line = place(item)
        relpath = _relative(file, root)
        match = next((a for a in live if a.covers(code, file, relpath, line)), None)
        if match is None:
            result.open.append(item)
        elif refuse(item):
            result.refused.setdefault(match, item)
            result.open.append(item)
        else:
            result.used.add(match)
            result.accepted.append((item, match))
    return result


def _relative(file: Path | None, root: Path) -> str | None:
    if file is None:
        return None
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return None


def problems(
    acceptances: Sequence[Acceptance], used: set[Acceptance], refused: dict[Acceptance, Finding], today: dt.date
) -> list[Finding]:
    """The findings about acceptances: refused (an error), expired, unused."""
    found = []
    for a in acceptances:
        if a in refused:
            error = refused[a]
            found.append(
                Finding(
                    a.file,
                    a.line,
                    a.column,
                    Severity.FOUT,
                    "acceptatie-van-fout",
                    f"'{a.code}' is hier een fout (regel {error.line}); een fout kun je niet accepteren.",
                    "Herstel de fout en haal de acceptatie weg.",
                )
            )
        elif a.expired(today):
            found.append(
                Finding(
                    a.file,
                    a.line,
                    a.column,
                    Severity.WAARSCHUWING,
                    "acceptatie-verlopen",
                    f"De acceptatie van '{a.code}' is verlopen op {a.until.isoformat()}; de melding telt weer mee.",
                    "Los de melding op, of verleng de acceptatie met een nieuwe reden en einddatum.",
                )
            )
        elif a not in used:
            found.append(
                Finding(
                    a.file,
                    a.line,
                    a.column,
                    Severity.WAARSCHUWING,
                    "acceptatie-ongebruikt",
                    f"De acceptatie van '{a.code}' past op geen enkele melding.",
                    "Haal de acceptatie weg: wat ze accepteerde, is opgelost of verplaatst.",
                )
            )
    return found


def finding_place(f: Finding) -> tuple[str, Path | None, int]:
    return f.code, f.file, f.line


def is_finding_code(code: str) -> bool:
    return code in CODES


def accept_signals(dataset: Dataset, found: list[Signal], today: dt.date) -> Split[Signal]:
    """The signals split into open and accepted; malformed or stale acceptances are `valideer`'s to report."""
    from partnerbeeld.answers.signals import signal_place

    ours = [a for a in collect(dataset).acceptances if not is_finding_code(a.code)]
    return split(found, ours, dataset.root, today, signal_place)


def acceptance_dict(a: Acceptance, root: Path) -> dict[str, object]:
    """An acceptance in the JSON views: until, reason and where it is written (relative to the dataset's folder)."""
    try:
        where = a.file.relative_to(root.parent).as_posix()
    except ValueError:
        where = a.file.as_posix()
    return {"tot": a.until.isoformat(), "reden": a.reason, "bestand": where, "regel": a.line}
