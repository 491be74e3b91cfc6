"""Own templates (`contactlijst --sjablonen`) run sandboxed; a template error is a Dutch message (issue 12, item 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from contactlist_fixture import contact_list_dataset

BASE = ("contactlijst", "--incident", "overstroming", "--peildatum", "2026-11-28", "-f", "html")
TEMPLATE = "contactlijst.html.j2"


@pytest.fixture
def data(builder) -> Path:  # type: ignore[no-untyped-def]
    return contact_list_dataset(builder)


def _own(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    folder = tmp_path / "sjablonen"
    folder.mkdir()
    for name, content in files.items():
        if isinstance(content, bytes):
            (folder / name).write_bytes(content)
        else:
            (folder / name).write_text(content, encoding="utf-8")
    return folder


def test_a_template_cannot_run_a_shell_command(run_cli, data: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    marker = tmp_path / "uitgevoerd"
    payload = f'<p>{{{{ cycler.__init__.__globals__.os.popen("touch {marker}").read() }}}}</p>\n'
    own = _own(tmp_path, {TEMPLATE: "<html>\n" + payload})
    result = run_cli(*BASE, "--data", data, "--sjablonen", own)
    assert not marker.exists(), "the template ran a shell command"
    assert result.exit_code == 1 and result.stdout == ""
    assert "Traceback" not in result.stderr
    assert f"{own / TEMPLATE}, regel 2" in result.stderr and "niet mag" in result.stderr


@pytest.mark.parametrize(
    ("files", "where", "what"),
    [
        ({TEMPLATE: "<html>\n<p>\n{{ 1/0 }}\n"}, f"{TEMPLATE}, regel 3", "ZeroDivisionError"),
        ({TEMPLATE: "<html>\n{% for x in %}\n"}, f"{TEMPLATE}, regel 2", "Jinja2-syntaxis"),
        ({TEMPLATE: "<html>\n<p>Crisiscoördinatie</p>\n".encode("latin-1")}, f"{TEMPLATE}, regel 2", "geen UTF-8"),
        (
            {"contactlijst.css": "body {}\n/* coördinatie */\n".encode("latin-1")},
            "contactlijst.css, regel 2",
            "geen UTF-8",
        ),
        ({TEMPLATE: "<html>\n\n{{ contact_list.bestaat_niet }}\n"}, f"{TEMPLATE}, regel 3", "die niet bestaat"),
    ],
    ids=["deling-door-nul", "syntaxfout", "sjabloon-latin1", "css-latin1", "onbekende-naam"],
)
def test_a_broken_template_is_a_dutch_message_with_file_and_line(  # type: ignore[no-untyped-def]
    run_cli, data: Path, tmp_path: Path, files: dict[str, str | bytes], where: str, what: str
) -> None:
    own = _own(tmp_path, files)
    result = run_cli(*BASE, "--data", data, "--sjablonen", own)
    assert result.exit_code == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert where in result.stderr and what in result.stderr, result.stderr
    assert result.stderr.startswith("fout: Sjabloon ")


def test_only_the_shipped_templates_alone_run_outside_the_sandbox(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Any own folder puts everything in the sandbox: also the default folder given again, or a relative path."""
    from jinja2.sandbox import SandboxedEnvironment

    from partnerbeeld.views.templating import default_template_dir, environment, search_path

    monkeypatch.chdir(tmp_path)
    (tmp_path / "eigen").mkdir()
    (tmp_path / "link").symlink_to(default_template_dir())
    assert not isinstance(environment(search_path()), SandboxedEnvironment)
    for own in (default_template_dir(), Path("eigen"), Path("link")):
        assert isinstance(environment(search_path(own)), SandboxedEnvironment), own


@pytest.mark.parametrize(("given", "said"), [("geen-map.txt", "is een bestand, geen map"), ("nergens", "bestaat niet")])
def test_a_template_folder_that_is_none_is_a_usage_error(
    run_cli, data: Path, tmp_path: Path, given: str, said: str
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "geen-map.txt").write_text("x", encoding="utf-8")
    for formaat in ("html", "md"):  # also where no template is used: a typo is a typo
        result = run_cli(*BASE[:-1], formaat, "--data", data, "--sjablonen", tmp_path / given)
        assert result.exit_code == 2 and said in result.stderr and "--sjablonen" in result.stderr, result.stderr


def test_the_shipped_environment_is_kept_and_still_reads_an_edited_template(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """One environment for the shipped templates per process (compiling costs more than rendering);
    Jinja2 still checks each template's modification time, so an edit shows at the next render."""
    import os

    from partnerbeeld.views import templating

    shipped = tmp_path / "templates"
    shipped.mkdir()
    page = shipped / "groet.txt"
    page.write_text("hallo {{ naam }}", encoding="utf-8")
    monkeypatch.setattr(templating, "default_template_dir", lambda: shipped)
    env = templating.environment(templating.search_path())
    assert templating.environment(templating.search_path()) is env
    assert templating.render("groet.txt", {"naam": "Dunea"}) == "hallo Dunea"
    page.write_text("dag {{ naam }}", encoding="utf-8")
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))  # a later edit, also on coarse clocks
    assert templating.render("groet.txt", {"naam": "Dunea"}) == "dag Dunea"
    own = tmp_path / "eigen"
    own.mkdir()
    search = templating.search_path(own)
    assert templating.environment(search) is not templating.environment(search)  # an own folder: fresh each time
