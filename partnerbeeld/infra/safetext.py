"""Text from the data made safe to show: the one escaper for terminals, CI logs and annotations.

Data anyone can edit (names, values, file names) may hold characters a terminal or a
CI log acts on instead of showing: ESC sequences (clear the screen, hyperlinks, the
window title), C1 controls, bidi overrides that reverse what is read (U+202E),
zero-width characters that hide a difference, and line breaks that start a new
line, e.g. a GitHub workflow command (``::error ...``). Every human-readable view
passes such text through ``visible``: each of those characters becomes a visible
escape (``\\x1b``, ``\\u202e``) and the line stays one line.

- ``visible``: one value (a name, a file name, a message) on one line;
- ``guard``: a whole text output, as a last net: keeps its line breaks and our own
  colour codes, escapes everything else;
- ``json_safe``: JSON output, the same characters as JSON escapes (``\\u202e``),
  so the data is unchanged for a program and harmless on a terminal;
- ``github_data`` / ``github_property``: GitHub's own escaping of workflow commands.

Deliberately no ``unicodedata`` lookup per character at import: the character class
is written out (``tests/test_safetext.py`` checks it against the Unicode database).
"""

from __future__ import annotations

import re
import unicodedata

# Cc (C0, DEL, C1), Cf (format: soft hyphen, bidi marks and overrides, zero-width,
# invisible operators, tags), Zl/Zp (line and paragraph separators) and lone surrogates.
_UNSAFE_CLASS = (
    "\x00-\x1f\x7f-\x9f\xad"
    "\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
UNSAFE = re.compile(f"[{_UNSAFE_CLASS}]")
# in a whole output: everything unsafe but the line break, and the colour codes of views.colour
_GUARDED = re.compile("\x1b\\[(?:0|1|2|31|32|33)m|[\x00-\x09\x0b-\x1f" + _UNSAFE_CLASS.removeprefix("\x00-\x1f") + "]")
_BEYOND_C0 = re.compile("[" + _UNSAFE_CLASS.removeprefix("\x00-\x1f") + "]")
# bidi controls: these reorder what follows; named in messages because they are the dangerous ones
BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_char(char: str) -> str:
    """``\\n``, ``\\x1b``, ``\\u202e`` or ``\\U000e0041``: how Python writes the character in a string."""
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: str) -> str:
    """``text`` with every control, format, bidi and zero-width character (and line break) escaped."""
    if UNSAFE.search(text) is None:  # the usual case, without building a new string
        return text
    return UNSAFE.sub(lambda m: escape_char(m.group()), text)


def guard(output: str) -> str:
    """A whole text output: line breaks and our own colour codes stay, everything else unsafe is escaped."""
    return _GUARDED.sub(lambda m: m.group() if len(m.group()) > 1 else escape_char(m.group()), output)


def json_safe(output: str) -> str:
    """JSON text with every unsafe character as a JSON escape: the same data, harmless on a terminal.

    Outside strings JSON has only ASCII punctuation and whitespace, so every such character
    is inside a string; json.dumps has already escaped C0 controls there.
    """

    def escaped(match: re.Match[str]) -> str:
        code = ord(match.group())
        if code < 0x10000:
            return f"\\u{code:04x}"
        code -= 0x10000  # astral: a surrogate pair, as JSON writes it
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"

    return _BEYOND_C0.sub(escaped, output)


def unsafe_chars(text: str) -> list[str]:
    """The distinct unsafe characters in ``text``, in order of appearance."""
    return list(dict.fromkeys(UNSAFE.findall(text)))


def describe_char(char: str) -> str:
    """'\\u202e (bidi-omkering)' for a message: the escape, and what kind of character it is."""
    if char in BIDI:
        kind = "bidi-teken"
    elif char in "\n\r\u2028\u2029\x85":
        kind = "regeleinde"
    elif char in "\u200b\u200c\u200d\u2060\ufeff":
        kind = "teken zonder breedte"
    elif ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F:
        kind = "stuurteken"
    else:
        kind = "onzichtbaar opmaakteken"
    return f"{escape_char(char)} ({kind})"


# --- look-alike letters ------------------------------------------------------------------

_SCRIPTS = {
    "CYRILLIC": "Cyrillische",
    "GREEK": "Griekse",
    "ARMENIAN": "Armeense",
    "CHEROKEE": "Cherokee",
    "FULLWIDTH": "brede",
    "MATHEMATICAL": "wiskundige",
    "LATIN": "Latijnse",
}


def lookalikes(text: str) -> str:
    """For a key that should be plain ASCII: '(met Cyrillische а)' naming each non-ASCII letter, else ''.

    'nаme' with a Cyrillic а reads as 'name' but is another key; the message says why
    'name' did not match, which the eye cannot see.
    """
    named: list[str] = []
    for char in dict.fromkeys(text):
        if char.isascii() or UNSAFE.match(char):
            continue
        name = unicodedata.name(char, "")
        script = next((dutch for word, dutch in _SCRIPTS.items() if name.startswith(word)), None)
        named.append(f"{script} {char}" if script else f"het teken {char} (U+{ord(char):04X})")
    return f"(met {', '.join(named)})" if named else ""


# --- GitHub workflow commands ---------------------------------------------------------------


def github_data(text: str) -> str:
    """The message part of ``::error ...::message``: GitHub's escapes, then every other unsafe character visible."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(text)


def github_property(text: str) -> str:
    """A property value (``file=``, ``title=``): as data, and ':' and ',' escaped too."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")
