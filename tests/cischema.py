"""check-jsonschema with its built-in (vendored, offline) CI schemas, run in this process.

It reads YAML 1.2 as GitHub and GitLab do. Its command line is a click command; called
here instead of as a program it costs milliseconds instead of a fresh interpreter
(about 0.3 s of CPU) per check.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path


def check_jsonschema(schema: str, *files: Path) -> tuple[int, str]:
    """(exit status, what it printed) of `check-jsonschema --builtin-schema SCHEMA FILES...`."""
    from check_jsonschema.cli.main_command import main

    said = io.StringIO()
    with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
        status = main(["--builtin-schema", schema, *map(str, files)], standalone_mode=False)
    return int(status or 0), said.getvalue()
