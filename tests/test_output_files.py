"""What `-o` may write (issue 12, items 6-8): regular files only, never into the dataset, no leftovers.

Special files are tested with a named pipe and a symbolic link to /dev/null; /dev
itself is never touched (the tests refuse nothing there that would hurt if it broke).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from contactlist_fixture import contact_list_dataset

from partnerbeeld.infra import atomic
from partnerbeeld.infra.atomic import AlreadyExists, write_atomic
from partnerbeeld.infra.errors import UsageError

BASE = ("contactlijst", "--incident", "overstroming", "--peildatum", "2026-11-28")


@pytest.fixture
def data(builder) -> Path:
    return contact_list_dataset(builder)


# --- item 6: special files are written in place or refused, never replaced -------------------


def test_a_link_to_dev_null_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    link = tmp_path / "weg.md"
    link.symlink_to(os.devnull)
    write_atomic(link, "geheim", overwrite=True)
    assert link.is_symlink() and os.readlink(link) == os.devnull
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["weg.md"]  # no temporary file, no copy


@pytest.mark.parametrize("extra", [[], ["--overschrijf"]])
def test_contactlijst_into_dev_null_through_a_link(run_cli, data: Path, tmp_path: Path, extra: list[str]) -> None:
    link = tmp_path / "weg.md"
    link.symlink_to(os.devnull)
    result = run_cli(*BASE, "--data", data, "--vertrouwelijk", "-o", link, *extra)
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and stat.S_ISCHR(link.stat().st_mode)


def test_a_named_pipe_with_a_reader_gets_the_bytes_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "lijst.md"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader is there before the writer comes
    received: list[bytes] = []
    written = threading.Event()

    def read_all() -> None:  # non-blocking: before the writer opens, a pipe reads as empty
        while True:
            try:
                chunk = os.read(reader, 65536)
            except BlockingIOError:
                chunk = None
            if chunk:
                received.append(chunk)
            elif chunk == b"" and written.is_set():
                return
            else:
                time.sleep(0.001)

    thread = threading.Thread(target=read_all)
    thread.start()
    content = b"x" * 300_000  # more than a pipe holds: the writer must wait for the reader
    try:
        write_atomic(fifo, content, overwrite=True)
    finally:
        written.set()
        thread.join(10)
        os.close(reader)
    assert b"".join(received) == content
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still the pipe, not a file in its place


def test_a_named_pipe_nobody_reads_is_refused_not_replaced(run_cli, data: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "lijst.md"
    os.mkfifo(fifo)
    result = run_cli(*BASE, "--data", data, "-o", fifo, "--overschrijf")
    assert result.exit_code == 2
    assert "Niemand leest uit de pipe" in result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_socket_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    monkeypatch.chdir(tmp_path)  # a socket path must be short
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("s.md")
        with pytest.raises(UsageError, match="is een socket; partnerbeeld schrijft alleen gewone bestanden"):
            write_atomic(Path("s.md"), "x", overwrite=True)
        assert stat.S_ISSOCK(os.lstat("s.md").st_mode)


def test_nothing_is_created_in_dev() -> None:
    name = Path(f"/dev/partnerbeeld-test-{os.getpid()}.md")
    try:
        with pytest.raises(UsageError, match="ligt in een systeemmap"):
            write_atomic(name, "x", overwrite=True)
        assert not name.exists()
    finally:  # should the refusal ever break, leave /dev as it was
        name.unlink(missing_ok=True)


def test_dash_is_standard_output(run_cli, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli(*BASE, "--data", data, "-f", "md", "-o", "-")
    assert result.exit_code == 0 and result.stdout.startswith("#")
    assert not (tmp_path / "-").exists()


def test_a_link_to_a_regular_file_is_replaced_as_a_link_never_written_through(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders.txt"
    elsewhere.write_text("blijft")
    link = tmp_path / "lijst.md"
    link.symlink_to(elsewhere)
    with pytest.raises(AlreadyExists):
        write_atomic(link, "nieuw")
    write_atomic(link, "nieuw", overwrite=True)
    assert elsewhere.read_text() == "blijft"
    assert not link.is_symlink() and link.read_text() == "nieuw"


# --- item 7: never into the dataset; confidential output near git warns -----------------------


def test_a_contact_list_cannot_replace_a_record(run_cli, data: Path) -> None:
    record = next((data / "partners").glob("*.yaml"))
    before = record.read_bytes()
    result = run_cli(*BASE, "--data", data, "-o", record, "--overschrijf", "-f", "md")
    assert result.exit_code == 2
    assert "ligt in de datamap" in result.stderr and "fout:" in result.stderr
    assert record.read_bytes() == before


@pytest.mark.parametrize("where", [".", "partners", "nieuw/diep"])
def test_no_output_anywhere_in_the_dataset(run_cli, data: Path, where: str) -> None:
    (data / where).mkdir(parents=True, exist_ok=True)
    before = sorted(p.relative_to(data) for p in data.rglob("*"))
    for args in (("-o", data / where / "lijst.md"), ("-o", data / where)):
        result = run_cli(*BASE, "--data", data, *args)
        assert result.exit_code == 2 and "ligt in de datamap" in result.stderr, result.stderr
    overview = run_cli("overzicht", "--data", data, "-o", data / where / "overzicht.html")
    assert overview.exit_code == 2 and "ligt in de datamap" in overview.stderr
    assert sorted(p.relative_to(data) for p in data.rglob("*")) == before


def test_the_dataset_through_another_path_is_still_the_dataset(run_cli, data: Path, tmp_path: Path) -> None:
    alias = tmp_path / "andere-naam"
    alias.symlink_to(data)
    result = run_cli(*BASE, "--data", data, "-o", alias / "partners" / "x.md")
    assert result.exit_code == 2 and "ligt in de datamap" in result.stderr


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args], cwd=cwd, check=True, capture_output=True
    )


def test_confidential_output_in_a_git_work_tree_warns(run_cli, data: Path, tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    (tmp_path / "uit").mkdir()
    (tmp_path / ".gitignore").write_text("genegeerd/\n")
    (tmp_path / "genegeerd").mkdir()
    result = run_cli(*BASE, "--data", data, "--vertrouwelijk", "-o", tmp_path / "uit" / "lijst.md")
    assert result.exit_code == 0, result.stderr
    assert "LET OP:" in result.stderr and "git-werkmap" in result.stderr and ".gitignore" in result.stderr
    ignored = run_cli(*BASE, "--data", data, "--vertrouwelijk", "-o", tmp_path / "genegeerd" / "lijst.md")
    assert ignored.exit_code == 0 and "git-werkmap" not in ignored.stderr
    public = run_cli(*BASE, "--data", data, "-o", tmp_path / "uit" / "openbaar.md")
    assert public.exit_code == 0 and "git-werkmap" not in public.stderr


def test_confidential_output_outside_git_does_not_warn(run_cli, data: Path, tmp_path: Path) -> None:
    result = run_cli(*BASE, "--data", data, "--vertrouwelijk", "-o", tmp_path / "lijst.md")
    assert result.exit_code == 0 and "git-werkmap" not in result.stderr


# --- item 8: a killed write's leftovers are cleaned up by the next write ------------------------


def leftover(folder: Path, name: str, age_seconds: float) -> Path:
    path = folder / name
    path.write_text("half")
    then = time.time() - age_seconds
    os.utime(path, (then, then))
    return path


def test_a_kill_9_leaves_the_old_file_and_the_next_write_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "lijst.md"
    target.write_text("oud")
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from partnerbeeld.infra import atomic\n"
        "atomic._move_into_place = lambda *a: os.kill(os.getpid(), 9)\n"
        f"atomic.write_atomic(Path({str(target)!r}), 'nieuw', overwrite=True)\n"
    )
    killed = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert killed.returncode == -9
    [temp] = [p for p in tmp_path.iterdir() if p.name != "lijst.md"]
    assert temp.name.startswith(".lijst.md.") and temp.name.endswith(".tmp")
    assert target.read_text() == "oud"  # the old file is intact
    then = time.time() - atomic.STALE_AFTER_SECONDS - 60
    os.utime(temp, (then, then))
    write_atomic(tmp_path / "ander.md", "x")  # any later write into the folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ander.md", "lijst.md"]


def test_only_stale_leftovers_of_our_own_naming_go(tmp_path: Path) -> None:
    old = atomic.STALE_AFTER_SECONDS + 60
    ours = leftover(tmp_path, ".x.md.partnerbeeld-ab12cd_9.tmp", old)
    earlier_naming = leftover(tmp_path, ".lijst.md.k2j4h5g6.tmp", old)  # before 'partnerbeeld-' was in the name
    young = leftover(tmp_path, ".y.md.partnerbeeld-zz99zz99.tmp", 5)  # a write that may still be running
    others = [
        leftover(tmp_path, ".x.md.k2j4h5g6.tmp", old),  # the earlier naming of another file: not ours to judge
        leftover(tmp_path, "x.md.partnerbeeld-ab12cd34.tmp", old),  # not hidden
        leftover(tmp_path, ".x.md.partnerbeeld-ab12.tmp", old),  # not our random part
        leftover(tmp_path, ".x.md.partnerbeeld-ab12cd34.tmp~", old),
        leftover(tmp_path, "notities.tmp", old),
    ]
    link = tmp_path / ".z.md.partnerbeeld-ab12cd34.tmp"
    link.symlink_to(ours)  # a link is never followed, never removed
    removed = atomic.remove_stale_temporaries(tmp_path, "lijst.md")
    assert sorted(removed) == sorted([ours, earlier_naming])
    assert young.exists() and link.is_symlink() and all(p.exists() for p in others)


def test_the_temporary_name_says_it_is_ours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    original = atomic._move_into_place

    def spy(temp: Path, path: Path, overwrite: bool) -> None:
        seen.append(temp.name)
        original(temp, path, overwrite)

    monkeypatch.setattr(atomic, "_move_into_place", spy)
    write_atomic(tmp_path / "lijst.md", "x")
    [name] = seen
    assert atomic._OUR_TEMP.fullmatch(name), name


def test_schema_makes_no_folder_in_dev(run_cli, data: Path) -> None:
    folder = Path(f"/dev/partnerbeeld-schemas-{os.getpid()}")
    try:
        result = run_cli("schema", "--data", data, "--uit", folder)
        assert result.exit_code == 2 and "systeemmap" in result.stderr
        assert not folder.exists()
    finally:
        if folder.exists():
            for child in folder.iterdir():
                child.unlink()
            folder.rmdir()


def test_exporteer_and_the_import_template_stay_out_of_the_dataset(run_cli, data: Path, tmp_path: Path) -> None:
    before = sorted(p.relative_to(data) for p in data.rglob("*"))
    export = run_cli("exporteer", "--data", data, "-o", data / "partners" / "x.xlsx")
    assert export.exit_code == 2 and "ligt in de datamap" in export.stderr
    template = run_cli("importeer", "--data", data, "--sjabloon", data / "sjabloon.xlsx")
    assert template.exit_code == 2 and "ligt in de datamap" in template.stderr
    assert sorted(p.relative_to(data) for p in data.rglob("*")) == before


def test_a_confidential_export_in_a_git_work_tree_warns(run_cli, data: Path, tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    result = run_cli("exporteer", "--data", data, "--vertrouwelijk", "-o", tmp_path / "partners.xlsx")
    assert result.exit_code == 0, result.stderr
    assert "git-werkmap" in result.stderr


def test_dev_reached_through_a_link_is_still_dev(tmp_path: Path) -> None:
    link = tmp_path / "apparaten"
    link.symlink_to("/dev")
    name = f"partnerbeeld-test-{os.getpid()}.md"
    try:
        with pytest.raises(UsageError, match="ligt in een systeemmap"):
            write_atomic(link / name, "x", overwrite=True)
        assert not (Path("/dev") / name).exists()
    finally:
        (Path("/dev") / name).unlink(missing_ok=True)
