"""Reading YAML safely: the only module that imports PyYAML.

Decisions (see DESIGN.md, "Loading YAML safely"):
- every scalar is read as text (BaseLoader resolution), so ``0715123456``,
  ``+31 71 ...``, ``NO`` and ``12:30`` arrive exactly as written; the models
  decide types. Only an empty or ``~``/``null`` plain scalar becomes None;
- duplicate keys, tags and complex keys are findings, not silent choices;
- the C parser composes the node graph when libyaml is installed; our own lean
  walk turns nodes into dicts, lists and strings and keeps a compact
  path -> (line, column) map, so findings can point at lines for free;
- alias expansion is bounded (billion laughs), file size is bounded by the caller.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

_Loader: Any = getattr(yaml, "CBaseLoader", None) if yaml.__with_libyaml__ else None
if _Loader is None:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.BaseLoader

MAX_NODES = 100_000  # far above any real record; a billion-laughs file hits it at once
_PLAIN_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_NULLS = {"", "~", "null", "Null", "NULL"}

PathKey = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """A reason the file cannot be turned into data; becomes a Finding upstream."""

    code: str
    line: int
    column: int
    message: str
    hint: str = ""


@dataclass(slots=True)
class Document:
    """Plain data (dict/list/str/None) plus where each value and key stands."""

    data: Any
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        """Line and column of ``path``; falls back to the nearest known parent."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if key:  # the key itself is unknown: its parent mapping is the next best place
                table = self.positions
            probe = probe[:-1]
        return self.positions.get((), (1, 1))


class _TooManyNodes(Exception):
    pass


class _Bad(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _at(node: Any) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Walker:
    """Turns a composed node graph into plain data, recording positions."""

    def __init__(self) -> None:
        self.budget = MAX_NODES
        self.doc = Document(data=None)

    def walk(self, node: Any, path: PathKey) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise _TooManyNodes
        self.doc.positions.setdefault(path, _at(node))
        if node.tag not in _PLAIN_TAGS:
            line, col = _at(node)
            raise _Bad(Problem("yaml-tag", line, col, f"De tag {node.tag!r} is niet toegestaan.",
                               "Verwijder de tag; waarden zijn altijd gewone tekst."))
        if isinstance(node, yaml.ScalarNode):
            if node.style is None and node.value in _NULLS:
                return None
            return node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, (*path, i)) for i, item in enumerate(node.value)]
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                line, col = _at(key_node)
                raise _Bad(Problem("yaml-syntaxis", line, col, "Een sleutel moet gewone tekst zijn.",
                                   "Schrijf de sleutel als één woord gevolgd door een dubbele punt."))
            key = key_node.value
            if key in result:
                first = self.doc.key_positions[(*path, key)][0]
                line, col = _at(key_node)
                raise _Bad(Problem("yaml-dubbele-sleutel", line, col,
                                   f"De sleutel '{key}' staat twee keer in deze mapping (eerst op regel {first}).",
                                   "Voeg de twee samen of verwijder er één; anders gaat een waarde stil verloren."))
            self.doc.key_positions[(*path, key)] = _at(key_node)
            result[key] = self.walk(value_node, (*path, key))
        return result


def _line_of_offset(text: bytes | str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    newline = b"\n" if isinstance(before, bytes) else "\n"
    line = before.count(newline) + 1  # type: ignore[arg-type]
    column = offset - (before.rfind(newline) + 1)  # type: ignore[arg-type]
    return line, column + 1


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _line_of_offset(raw, exc.start)
        raise _Bad(Problem("yaml-utf8", line, col, f"Ongeldige UTF-8 (byte 0x{raw[exc.start]:02x}).",
                           "Sla het bestand op als UTF-8; controleer letters met accenten op deze regel.")) from None


def _from_yaml_error(exc: yaml.YAMLError, text: str) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):
        line, col = _line_of_offset(text, exc.position)
        return Problem("yaml-syntaxis", line, col, f"Niet-toegestaan teken #x{exc.character:04x}."
                       if isinstance(exc.character, int) else "Niet-toegestaan teken.",
                       "Verwijder het onzichtbare stuurteken.")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = str(getattr(exc, "problem", "") or exc)
    if "'\\t'" in problem or "tab" in problem.lower():
        return Problem("yaml-tab", line, col, "Er staat een tab in de inspringing.",
                       "Gebruik spaties (twee per niveau) in plaats van tabs.")
    if "expected a single document" in problem:
        return Problem("yaml-meerdere-documenten", line, col, "Het bestand bevat meer dan één YAML-document.",
                       "Verwijder de regel '---' of zet elk record in een eigen bestand.")
    return Problem("yaml-syntaxis", line, col, f"YAML-fout: {problem}.",
                   "Controleer inspringing, dubbele punten en aanhalingstekens op deze regel en de regel erboven.")


def parse(raw: bytes) -> Document | Problem:
    """Parse one YAML file's bytes into a ``Document``, or say why it cannot be."""
    try:
        text = _decode(raw)
        if not text.strip() or all(
            not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
        ):
            return Problem("yaml-leeg", 1, 1, "Het bestand is leeg.",
                           "Vul het record in, of verwijder het bestand.")
        try:
            node = yaml.compose(text, Loader=_Loader)
        except yaml.YAMLError as exc:
            return _from_yaml_error(exc, text)
        walker = _Walker()
        try:
            walker.doc.data = walker.walk(node, ())
        except _TooManyNodes:
            return Problem("yaml-alias-bom", 1, 1, f"Het bestand breidt uit tot meer dan {MAX_NODES} knopen.",
                           "Gebruik geen ankers (&) en aliassen (*); schrijf de waarden uit.")
        except RecursionError:
            return Problem("yaml-alias-bom", 1, 1, "Het bestand is te diep genest.",
                           "Gebruik geen ankers (&) en aliassen (*) die naar zichzelf verwijzen.")
        if not isinstance(walker.doc.data, dict):
            return Problem("yaml-geen-mapping", 1, 1, "Het bestand bevat geen mapping op het hoogste niveau.",
                           "Begin met velden als 'id: ...' en 'name: ...', niet met een lijst of losse tekst.")
        return walker.doc
    except _Bad as bad:
        return bad.problem

