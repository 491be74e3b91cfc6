"""Shared fixtures: a dataset builder in tmp_path, a frozen date, a CLI runner, a git repository,
and, once per run, the browser, its page and the site built from the shipped data; plus how the
files are spread over xdist's workers and the background `pre-commit try-repo` run."""

from __future__ import annotations

import compileall
import contextlib
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import tryrepo
from browser import headless_chromium
from builders import DatasetBuilder
from gitrepo import committed_dataset, isolate_git

from partnerbeeld.answers.opening import open_dataset
from partnerbeeld.cli import main
from partnerbeeld.infra.gitinfo import data_version
from partnerbeeld.reading.dataset import Dataset

TODAY = dt.date(2026, 11, 28)  # the frozen reference date of every test
REPO = Path(__file__).resolve().parent.parent
SHIPPED_DATA = REPO / "data"
_try_repo: list[tryrepo.Run] = []  # the run this process started, if any


def pytest_configure(config: pytest.Config) -> None:
    """Bytecode for partnerbeeld/ once, before the workers and the programs the tests start.

    With PYTHONDONTWRITEBYTECODE set (as on our machines) every process compiles what it
    imports from the checkout again: each xdist worker, and each of the two dozen programs
    the tests start (`python -m partnerbeeld ...`), about 0.4 s each, some 9 s of the suite.
    The bytecode goes where Python keeps it, in __pycache__ folders that git ignores.
    """
    if not hasattr(config, "workerinput") and sys.dont_write_bytecode:
        compileall.compile_dir(REPO / "partnerbeeld", quiet=1)


@pytest.hookimpl(wrapper=True)
def pytest_collection(session: pytest.Session) -> Iterator[None]:
    """pytest keeps the test modules it rewrote (for its assert messages) also under
    PYTHONDONTWRITEBYTECODE: rewriting them costs each worker about 0.7 s of CPU, every run.
    Only while collecting: the test modules, and any module first imported then (the helpers
    in tests/), get their bytecode in __pycache__, which git ignores; the tests themselves run
    with the setting as it was."""
    was, sys.dont_write_bytecode = sys.dont_write_bytecode, False
    try:
        return (yield)
    finally:
        sys.dont_write_bytecode = was


# The files that take longest (a browser, printing, site builds) start first: xdist hands out whole
# files (--dist loadfile) in this order, so the small ones fill the gaps at the end instead of
# one worker finishing a long file while the other has nothing left to do.
# test_site.py before the browser starts: it forks worker processes, best done with no browser threads alive.
LONGEST_FIRST = ("test_site.py", "test_site_browser.py", "test_print.py", "test_examples.py", "test_properties.py")
# These files go to one worker as one unit: they share the run's browser, its page and the
# built shipped site (the session fixtures below), each made once instead of once per file.
ONE_WORKER = frozenset({"test_site_browser.py", "test_site.py", "test_print.py"})


@pytest.hookimpl(optionalhook=True)  # an xdist hook: without xdist (-p no:xdist) nothing to schedule
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """--dist loadfile, with the files of ONE_WORKER handed out together."""
    if config.getvalue("dist") != "loadfile":
        return None  # another --dist asked for on the command line: xdist's own
    from xdist.scheduler import LoadFileScheduling

    # _split_scope is how xdist's own loadfile scheduler names a file's unit; if a new xdist
    # calls it something else, say so instead of quietly starting a browser per file again
    assert "_split_scope" in vars(LoadFileScheduling), "pytest-xdist changed LoadFileScheduling"

    class SharingLoadFileScheduling(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            file = super()._split_scope(nodeid)
            return "+".join(sorted(ONE_WORKER)) if Path(file).name in ONE_WORKER else file

    return SharingLoadFileScheduling(config, log)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Longest files first; the `pre-commit try-repo` test last in its file (xdist hands out whole
    files), so that its install (started below) overlaps as much as it can."""

    def order(item: pytest.Item) -> tuple[bool, int]:
        name = item.path.name
        return item.name == tryrepo.TEST_NAME, LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(
            LONGEST_FIRST
        )

    items.sort(key=order)  # stable: the rest keeps its order


def _try_repo_folder(config: pytest.Config) -> Path:
    """The try-repo run's folder, the same in every xdist worker: below the run's shared base folder."""
    # the object behind the tmp_path_factory fixture: a collection hook cannot ask for fixtures
    base = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
    return (base.parent if hasattr(config, "workerinput") else base) / "try-repo"


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start `pre-commit try-repo` now when its test will run: its install overlaps the other tests.

    Every xdist worker collects every test; the first worker (or the only process) starts the run.
    """
    worker = getattr(session.config, "workerinput", {}).get("workerid", "gw0")
    if session.config.option.collectonly:
        return
    if worker == "gw0" and any(item.name == tryrepo.TEST_NAME for item in session.items):
        _start_try_repo(_try_repo_folder(session.config))


def _start_try_repo(folder: Path) -> None:
    """Start the run unless another worker already has: making its folder is the claim."""
    with contextlib.suppress(FileExistsError):
        _try_repo.append(tryrepo.start(REPO, folder))


def pytest_sessionfinish(session: pytest.Session) -> None:
    for run in _try_repo:
        # another worker may still read the run; when the session stops early (-x, ^C), nobody will
        run.finish(wait=not (session.shouldstop or session.shouldfail))


@pytest.fixture
def try_repo(request: pytest.FixtureRequest) -> tryrepo.Run:
    """The background `pre-commit try-repo` run started after collection."""
    folder = _try_repo_folder(request.config)
    if not folder.exists():  # collected some other way: start it here and wait
        _start_try_repo(folder)
    return tryrepo.Run(folder)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """The run's one headless Chromium (tests/browser.py): fails in CI and skips elsewhere when absent."""
    with headless_chromium() as launched:
        yield launched


@pytest.fixture(scope="session")
def tab(browser: Any) -> Iterator[Any]:
    """The run's one browser page: a new page costs a renderer process (about 0.4 s of CPU). Each
    visit opens a new document in it. The browser context (localStorage, cookies) is shared:
    site.js keeps nothing there; a feature that does would need a context per visit."""
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    yield page
    page.close()


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Dataset, Path]:
    """The shipped data and the site built from it, read only: dated TODAY and stamped with the
    data's git version, as `partnerbeeld site` stamps it (test_site compares the two builds)."""
    from partnerbeeld.site import SiteOptions, build_site

    dataset, _ = open_dataset(SHIPPED_DATA)
    out = tmp_path_factory.mktemp("site") / "site"
    build_site(dataset, out, SiteOptions(TODAY, data_version(SHIPPED_DATA)))
    return dataset, out


@pytest.fixture
def builder(tmp_path: Path) -> DatasetBuilder:
    return DatasetBuilder(tmp_path)


@pytest.fixture
def git_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Git that ignores the machine's configuration and never looks above tmp_path."""
    isolate_git(tmp_path, monkeypatch)


@pytest.fixture
def repo(tmp_path: Path, git_env: None, builder: DatasetBuilder) -> DatasetBuilder:
    """A committed dataset with two partners (gitrepo.committed_dataset), on branch main."""
    return committed_dataset(tmp_path, builder)


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run `partnerbeeld ARGS` in-process with no colour, a fixed width and a frozen date."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 11, 28, 12, tzinfo=dt.UTC).timestamp())))
    monkeypatch.delenv("PARTNERBEELD_DATA", raising=False)

    def run(*args: str | Path) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run
