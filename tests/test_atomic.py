"""write_atomic: all or nothing, never a silent overwrite, no temporary files left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from partnerbeeld.infra import atomic
from partnerbeeld.infra.atomic import AlreadyExists, write_atomic
from partnerbeeld.infra.errors import Remedy, UsageError


def test_writes_text_and_bytes(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.txt", "één\r\n")
    write_atomic(tmp_path / "b.bin", b"\x00\xff")
    assert (tmp_path / "a.txt").read_bytes() == "één\r\n".encode()
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\xff"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.bin"]


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "lijst.md"
    target.write_text("oud")
    with pytest.raises(AlreadyExists) as caught:
        write_atomic(target, "nieuw")
    # the library states the fact; the CLI words the remedy as --overschrijf (tests/test_remedies.py)
    assert "bestaat al" in caught.value.message and caught.value.remedy is Remedy.OVERWRITE
    assert target.read_text() == "oud"
    assert [p.name for p in tmp_path.iterdir()] == ["lijst.md"]


def test_overwrites_when_allowed(tmp_path: Path) -> None:
    target = tmp_path / "lijst.md"
    target.write_text("oud")
    write_atomic(target, "nieuw", overwrite=True)
    assert target.read_text() == "nieuw"
    assert [p.name for p in tmp_path.iterdir()] == ["lijst.md"]


def test_the_written_file_gets_the_usual_mode(tmp_path: Path) -> None:
    path = write_atomic(tmp_path / "a.txt", "x")
    umask = os.umask(0o022)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_failure_halfway_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_link(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "link", broken_link)
    with pytest.raises(UsageError) as caught:
        write_atomic(tmp_path / "a.txt", "x")
    assert "de schijf is vol" in caught.value.message
    assert list(tmp_path.iterdir()) == []


def test_without_hard_links_it_still_refuses_and_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(src: object, dst: object) -> None:
        raise PermissionError(1, "Operation not permitted")  # what FAT and some network shares answer

    monkeypatch.setattr(atomic.os, "link", no_links)
    write_atomic(tmp_path / "a.txt", "x")
    assert (tmp_path / "a.txt").read_text() == "x"
    with pytest.raises(AlreadyExists):
        write_atomic(tmp_path / "a.txt", "y")
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        write_atomic(tmp_path / "nergens" / "a.txt", "x")
    assert "bestaat niet" in caught.value.message


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        write_atomic(tmp_path, "x", overwrite=True)
    assert "is een map" in caught.value.message


def test_write_many_writes_all_or_refuses_before_writing(tmp_path: Path) -> None:
    from partnerbeeld.infra.atomic import write_many

    (tmp_path / "b.yaml").write_text("old")
    with pytest.raises(AlreadyExists):
        write_many([(tmp_path / "a.yaml", "new a", False), (tmp_path / "b.yaml", "new b", False)])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.yaml"]  # nothing written, no temporary files
    write_many([(tmp_path / "a.yaml", "new a", False), (tmp_path / "b.yaml", b"new b", True)])
    assert (tmp_path / "a.yaml").read_text() == "new a" and (tmp_path / "b.yaml").read_text() == "new b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml"]
