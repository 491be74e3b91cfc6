"""Reading YAML safely: the only module that imports PyYAML.

Decisions (see DESIGN.md, "Loading YAML safely"):
- every scalar is read as text, so ``0715123456``, ``+31 71 ...``, ``NO`` and
  ``12:30`` arrive exactly as written; the models decide types. Only an empty
  or ``~``/``null`` plain scalar becomes None;
- duplicate keys, tags, complex keys and a second document are problems, not
  silent choices;
- libyaml's C parser produces the events when it is installed; our own lean
  walk turns them straight into dicts, lists and strings. PyYAML's composer and
  constructor are skipped: they are most of its cost (see PERFORMANCE.md);
- line positions are computed only when asked for (``Document.where``), by
  walking the text a second time: a valid file never pays for them, and 10,000
  position maps would otherwise sit in memory for the garbage collector to scan;
- alias expansion is bounded (billion laughs) and so is nesting depth; the
  file size is bounded by the caller.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any, NamedTuple

import yaml
from yaml import events

# libyaml's C parser when PyYAML was built with it; the pure-Python one has the same interface
_Parser: Any = yaml.BaseLoader
if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    _Parser = CParser

# Nodes that aliases may add by repeating anchored values: far above any real record, and a
# billion-laughs file hits it at once. Nodes written out are bounded by the file size instead.
MAX_NODES = 100_000
MAX_DEPTH = 64  # a record nests 4 levels; deeper is a mistake or an attack
_PLAIN_TAGS = {None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_NULLS = {"", "~", "null", "Null", "NULL"}

_Scalar = events.ScalarEvent
_Alias = events.AliasEvent
_SeqStart = events.SequenceStartEvent
_SeqEnd = events.SequenceEndEvent
_MapStart = events.MappingStartEvent
_MapEnd = events.MappingEndEvent
_DocStart = events.DocumentStartEvent
_StreamEnd = events.StreamEndEvent

PathKey = tuple[str | int, ...]
Positions = dict[PathKey, tuple[int, int]]


class Problem(NamedTuple):
    """A reason the file cannot be turned into data; becomes a Finding upstream."""

    code: str
    line: int
    column: int
    message: str
    hint: str = ""


class Document:
    """Plain data (dict/list/str/None), and on demand where each value and key stands."""

    __slots__ = ("_key_positions", "_positions", "_text", "data")

    def __init__(self, data: Any, text: str = "") -> None:
        self.data = data
        self._text = text
        self._positions: Positions | None = None
        self._key_positions: Positions | None = None

    def _locate(self) -> tuple[Positions, Positions]:
        if self._positions is None or self._key_positions is None:
            walker = _Walker(_Parser(self._text), track=True)
            with contextlib.suppress(_Bad, _Retry, yaml.YAMLError):  # the text parsed once already
                walker.document()
            self._positions, self._key_positions = walker.positions, walker.key_positions
        return self._positions, self._key_positions

    @property
    def text(self) -> str:
        """The file's text as read (comments included: acceptances live in them)."""
        return self._text

    @property
    def positions(self) -> Positions:
        """path -> (line, column) of each value; 1-based."""
        return self._locate()[0]

    @property
    def key_positions(self) -> Positions:
        """path -> (line, column) of the key that holds the value at path."""
        return self._locate()[1]

    def where(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        """Line and column of ``path``; falls back to the nearest known parent."""
        positions, key_positions = self._locate()
        table = key_positions if key else positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if key:  # the key itself is unknown: its parent mapping is the next best place
                table = positions
            probe = probe[:-1]
        return positions.get((), (1, 1))


class _Bad(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _Retry(Exception):
    """The fast walk met a problem whose message needs positions: walk again, tracking them."""


def _bad(code: str, event: Any, message: str, hint: str) -> _Bad:
    mark = event.start_mark
    return _Bad(Problem(code, mark.line + 1, mark.column + 1, message, hint))


class _Walker:
    """Turns a parser's event stream into plain data; optionally records positions."""

    def __init__(self, parser: Any, *, track: bool) -> None:
        self.get: Callable[[], Any] = parser.get_event
        self.track = track
        self.nodes = 0  # nodes read so far, aliases counted at their expanded size
        self.expanded = 0  # nodes added by aliases
        self.anchors: dict[str, tuple[Any, int]] = {}  # name -> (value, nodes it expands to)
        self.open: set[str] = set()  # anchors whose node is still being read
        self.positions: Positions = {}
        self.key_positions: Positions = {}

    def document(self) -> Any:
        """The one document of the stream; ``_NO_DOCUMENT`` for an empty stream."""
        get = self.get
        get()  # stream start
        event = get()
        if event.__class__ is _StreamEnd:
            return _NO_DOCUMENT
        data = self.node(get(), (), 0)
        get()  # document end
        event = get()
        if event.__class__ is _DocStart:
            raise _bad(
                "yaml-meerdere-documenten",
                event,
                "Het bestand bevat meer dan één YAML-document.",
                "Verwijder de regel '---' of zet elk record in een eigen bestand.",
            )
        return data

    def alias(self, event: Any) -> Any:
        name = event.anchor
        if name in self.open:
            raise _bad(
                "yaml-alias-bom",
                event,
                f"De alias '*{name}' verwijst naar zichzelf.",
                "Gebruik geen ankers (&) en aliassen (*) die naar zichzelf verwijzen.",
            )
        if name not in self.anchors:
            raise _bad(
                "yaml-syntaxis",
                event,
                f"De alias '*{name}' verwijst naar een onbekend anker.",
                f"Zet '&{name}' vóór deze regel bij de waarde die je wilt herhalen, of schrijf de waarde uit.",
            )
        value, size = self.anchors[name]
        self.nodes += size
        self.expanded += size
        if self.expanded > MAX_NODES:
            raise _bad(
                "yaml-alias-bom",
                event,
                f"Ankers en aliassen breiden dit bestand uit tot meer dan {MAX_NODES} knopen.",
                "Gebruik geen ankers (&) en aliassen (*); schrijf de waarden uit.",
            )
        return value

    def node(self, event: Any, path: PathKey, depth: int) -> Any:
        cls = event.__class__
        if cls is _Alias:
            return self.alias(event)
        self.nodes += 1
        tag = event.tag
        if tag not in _PLAIN_TAGS:
            raise _bad(
                "yaml-tag",
                event,
                f"De tag '{tag}' is niet toegestaan.",
                "Verwijder de tag; waarden zijn altijd gewone tekst.",
            )
        if self.track:
            mark = event.start_mark
            self.positions.setdefault(path, (mark.line + 1, mark.column + 1))
        anchor = event.anchor
        if anchor is not None:
            self.open.add(anchor)
            before = self.nodes
        if cls is _Scalar:
            value = event.value
            if not event.style and tag is None and value in _NULLS:
                value = None
        elif depth >= MAX_DEPTH:
            raise _bad(
                "yaml-syntaxis",
                event,
                f"Het bestand is dieper genest dan {MAX_DEPTH} niveaus.",
                "Een record heeft maar een paar niveaus; controleer de inspringing.",
            )
        elif cls is _SeqStart:
            value = self.sequence(path, depth)
        else:
            value = self.mapping(path, depth)
        if anchor is not None:
            self.open.discard(anchor)
            self.anchors[anchor] = (value, self.nodes - before)
        return value

    def sequence(self, path: PathKey, depth: int) -> list[Any]:
        get, track = self.get, self.track
        result: list[Any] = []
        event = get()
        while event.__class__ is not _SeqEnd:
            result.append(self.node(event, (*path, len(result)) if track else path, depth + 1))
            event = get()
        return result

    def mapping(self, path: PathKey, depth: int) -> dict[str, Any]:
        get, track = self.get, self.track
        result: dict[str, Any] = {}
        event = get()
        while event.__class__ is not _MapEnd:
            if event.__class__ is _Scalar and event.tag not in _PLAIN_TAGS:
                raise _bad(
                    "yaml-tag",
                    event,
                    f"De tag '{event.tag}' is niet toegestaan.",
                    "Verwijder de tag; sleutels zijn altijd gewone tekst.",
                )
            if event.__class__ is not _Scalar:
                raise _bad(
                    "yaml-syntaxis",
                    event,
                    "Een sleutel moet gewone tekst zijn.",
                    "Schrijf de sleutel als één woord gevolgd door een dubbele punt.",
                )
            key = event.value
            self.nodes += 1
            if key in result:
                if not track:
                    raise _Retry
                first = self.key_positions[(*path, key)][0]
                raise _bad(
                    "yaml-dubbele-sleutel",
                    event,
                    f"De sleutel '{key}' staat twee keer in deze mapping (eerst op regel {first}).",
                    "Voeg de twee samen of verwijder er één; anders gaat een waarde stil verloren.",
                )
            if track:
                mark: Any = event.start_mark
                child = (*path, key)
                self.key_positions[child] = (mark.line + 1, mark.column + 1)
                result[key] = self.node(get(), child, depth + 1)
            else:
                result[key] = self.node(get(), path, depth + 1)
            event = get()
        return result


_NO_DOCUMENT = object()


def _line_of_offset(text: bytes | str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    if isinstance(before, bytes):
        return before.count(b"\n") + 1, offset - before.rfind(b"\n")
    return before.count("\n") + 1, offset - before.rfind("\n")


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _line_of_offset(raw, exc.start)
        raise _Bad(
            Problem(
                "yaml-utf8",
                line,
                col,
                f"Ongeldige UTF-8 (byte 0x{raw[exc.start]:02x}).",
                "Sla het bestand op als UTF-8; controleer letters met accenten op deze regel.",
            )
        ) from None


# libyaml's and PyYAML's problem texts, in Dutch; the first matching fragment wins.
_PROBLEMS = (
    (
        "cannot start any token",
        "Dit teken kan hier niet staan (een '@', '`' of '%' aan het begin van een waarde?)",
        "Zet de waarde tussen aanhalingstekens.",
    ),
    (
        "mapping values are not allowed",
        "Een dubbele punt op een plek waar die niet mag",
        "Zet een waarde met ': ' erin tussen aanhalingstekens, of controleer de inspringing.",
    ),
    (
        "did not find expected key",
        "De inspringing klopt niet: hier werd een sleutel verwacht",
        "Lijn de sleutel uit met de sleutels erboven.",
    ),
    (
        "did not find expected '-' indicator",
        "De inspringing klopt niet: hier werd een '- ' van de lijst verwacht",
        "Lijn de regel uit met de andere '- ' regels van de lijst.",
    ),
    ("expected ',' or ']'", "Een lijst tussen [ ] is niet afgesloten", "Sluit de lijst af met ']'."),
    ("expected ',' or '}'", "Een mapping tussen { } is niet afgesloten", "Sluit de mapping af met '}'."),
    (
        "could not find expected ':'",
        "Er ontbreekt een dubbele punt achter een sleutel",
        "Schrijf 'sleutel: waarde', of zet tekst van meer regels tussen aanhalingstekens.",
    ),
    (
        "found unexpected end of stream",
        "Het bestand houdt midden in een waarde op",
        "Sluit de aanhalingstekens of haakjes die op deze regel of erboven geopend zijn.",
    ),
    (
        "unknown escape character",
        "Onbekende escape-reeks (\\) tussen dubbele aanhalingstekens",
        "Gebruik enkele aanhalingstekens, of schrijf een \\ als \\\\.",
    ),
    (
        "block sequence entries are not allowed",
        "Een '- ' van een lijst op een plek waar die niet mag",
        "Zet de lijst op een nieuwe regel onder de sleutel, iets verder ingesprongen.",
    ),
    ("did not find expected node content", "Hier ontbreekt een waarde", "Vul de waarde in of verwijder de regel."),
    (
        "did not find expected comment or line break",
        "Na een waarde staat nog tekst op dezelfde regel",
        "Zet de hele waarde tussen aanhalingstekens.",
    ),
    ("found duplicate anchor", "Hetzelfde anker (&) staat twee keer in het bestand", "Geef elk anker een eigen naam."),
)
_SYNTAX_HINT = "Controleer inspringing, dubbele punten en aanhalingstekens op deze regel en de regel erboven."


def _from_yaml_error(exc: yaml.YAMLError, text: str) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):
        line, col = _line_of_offset(text, exc.position)
        shown = f" #x{exc.character:04x}" if isinstance(exc.character, int) else ""
        return Problem(
            "yaml-syntaxis",
            line,
            col,
            f"Niet-toegestaan teken{shown} (een onzichtbaar stuurteken).",
            "Verwijder het teken; het komt vaak mee bij kopiëren en plakken.",
        )
    mark: Any = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = str(getattr(exc, "problem", "") or exc)
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = here[: len(here) - len(here.lstrip())]
    if "tab" in problem.lower() or "\t" in indent or here[col - 1 : col] == "\t":
        return Problem(
            "yaml-tab",
            line,
            col,
            "Er staat een tab in de inspringing.",
            "Gebruik spaties (twee per niveau) in plaats van tabs.",
        )
    for fragment, message, hint in _PROBLEMS:
        if fragment in problem:
            return Problem("yaml-syntaxis", line, col, f"{message}.", hint)
    return Problem("yaml-syntaxis", line, col, f"De YAML-syntaxis klopt niet ({problem}).", _SYNTAX_HINT)


def parse(raw: bytes) -> Document | Problem:
    """Parse one YAML file's bytes into a ``Document``, or say why it cannot be."""
    try:
        text = _decode(raw)
        for track in (False, True):
            try:
                data = _Walker(_Parser(text), track=track).document()
                break
            except _Retry:
                continue
            except yaml.YAMLError as exc:
                return _from_yaml_error(exc, text)
        if data is _NO_DOCUMENT or data is None:
            return Problem("yaml-leeg", 1, 1, "Het bestand is leeg.", "Vul het record in, of verwijder het bestand.")
        document = Document(data, text)
        if not isinstance(data, dict):
            line, column = document.where(())
            return Problem(
                "yaml-geen-mapping",
                line,
                column,
                "Het bestand bevat geen mapping op het hoogste niveau.",
                "Begin met velden als 'id: ...' en 'name: ...', niet met een lijst of losse tekst.",
            )
        return document
    except _Bad as bad:
        return bad.problem
