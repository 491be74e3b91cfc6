"""The pre-commit hook definition and the CI examples: they run what exists, and the hook stops bad data."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml
from builders import DatasetBuilder
from cischema import check_jsonschema
from conftest import REPO

from partnerbeeld.cli import app

EXAMPLES = REPO / "examples"


def hook() -> dict[str, Any]:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["partnerbeeld-valideer"]
    return hooks[0]  # type: ignore[no-any-return]


def run_hook(run_cli: Any, monkeypatch: pytest.MonkeyPatch, cwd: Path, files: list[str]) -> Any:
    """What pre-commit does with the hook: run its entry (plus args) in the repository with the changed
    files. In this process (the installed program itself runs in test_pre_commit_try_repo)."""
    definition = hook()
    program, *args = shlex.split(definition["entry"])
    assert program == "partnerbeeld"
    monkeypatch.chdir(cwd)
    return run_cli(*args, *definition.get("args", []), *files)


def test_hook_definition() -> None:
    definition = hook()
    assert definition["language"] == "python"
    assert definition["pass_filenames"] is True
    files = re.compile(definition["files"])
    assert files.search("data/partners/dunea.yaml") and files.search("data/partnerbeeld.yml")
    assert not files.search("README.md") and not files.search("schemas/partner.schema.json")


def test_hook_fails_on_a_broken_dataset(run_cli: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    builder = DatasetBuilder(tmp_path)
    builder.partner("partner-a")
    builder.write("partners/partner-b.yaml", "id: partner-b\nname: Partner B\nsector: [\n")
    result = run_hook(run_cli, monkeypatch, tmp_path, ["data/partners/partner-b.yaml"])
    assert result.exit_code == 1, result.stdout + result.stderr
    assert "data/partners/partner-b.yaml" in result.stdout
    assert "yaml-syntaxis" in result.stdout
    # a commit that does not touch the broken file passes: it is checked when it changes, and in CI
    assert run_hook(run_cli, monkeypatch, tmp_path, ["data/partners/partner-a.yaml"]).exit_code == 0


def test_hook_passes_on_a_valid_dataset(run_cli: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    DatasetBuilder(tmp_path).partner("partner-a")
    result = run_hook(run_cli, monkeypatch, tmp_path, ["data/partners/partner-a.yaml"])
    assert result.exit_code == 0, result.stdout + result.stderr


# --- the CI examples -------------------------------------------------------------------------------


def invocations(text: str) -> list[list[str]]:
    """Every `partnerbeeld ...` command line in an example, with shell variables filled in."""
    found = []
    for line in text.splitlines():
        code = line.split(" # ", 1)[0]
        for match in re.finditer(
            r"partnerbeeld ((?:valideer|wijzigingen|schema|nieuw|signalen)\b(?:[^|>;&#\n]|\|\|)*)", code
        ):
            found.append(shlex.split(re.sub(r"\$\{?\w+\}?", "x", match.group(1).split("||")[0])))
    return found


def parses(words: list[str]) -> None:
    """Parse options and choices exactly as the command would, without running it."""
    group = typer.main.get_command(app)
    ctx = group.make_context("partnerbeeld", [words[0]])
    sub = group.get_command(ctx, words[0])  # type: ignore[attr-defined]
    assert sub is not None, words[0]
    sub.make_context(words[0], list(words[1:]), parent=ctx)


@pytest.mark.parametrize("example", ["github-actions.yml", "gitlab-ci.yml", "pre-commit-config.yaml"])
def test_examples_are_yaml_and_call_real_options(example: str) -> None:
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    assert yaml.safe_load(text)
    for words in invocations(text):
        parses(words)


def test_github_example_annotates_and_summarises() -> None:
    text = (EXAMPLES / "github-actions.yml").read_text(encoding="utf-8")
    commands = invocations(text)
    assert ["valideer", "--formaat", "github", "--strikt"] in commands
    assert ["valideer", "--formaat", "sarif"] in commands
    assert ["signalen", "--strikt"] in commands
    assert any(c[0] == "wijzigingen" and "md" in c for c in commands)
    assert '>> "$GITHUB_STEP_SUMMARY"' in text
    assert "fetch-depth: 0" in text


def test_github_example_uploads_the_sarif_it_writes() -> None:
    workflow = yaml.load((EXAMPLES / "github-actions.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    job = workflow["jobs"]["valideer"]
    assert job["permissions"]["security-events"] == "write"
    (upload,) = [step for step in job["steps"] if step.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    (write_step,) = [step for step in job["steps"] if "--formaat sarif" in step.get("run", "")]
    assert f"> {upload['with']['sarif_file']}" in write_step["run"]
    assert upload["if"] == "always()"


PINNED = re.compile(r"partnerbeeld @ git\+https://\S+/partnerbeeld@v\d+\.\d+\.\d+\b")


@pytest.mark.parametrize("example", ["github-actions.yml", "gitlab-ci.yml"])
def test_examples_install_a_pinned_tag(example: str) -> None:
    # partnerbeeld is not on PyPI yet: a bare `pip install partnerbeeld` installs nothing (or a stranger's package)
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    assert PINNED.search(text), "installeer uit git, vastgepind op een tag"
    installs = [line for line in text.splitlines() if "pip install" in line and not line.lstrip().startswith("#")]
    assert installs and all('"$PARTNERBEELD"' in line for line in installs), installs
    assert "partnerbeeld --version" in text


def test_pre_commit_example_pins_a_tag_and_runs_strict() -> None:
    config = yaml.safe_load((EXAMPLES / "pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    assert re.fullmatch(r"v\d+\.\d+\.\d+", repo["rev"])
    assert repo["hooks"][0]["args"] == ["--strikt"]


@pytest.mark.parametrize(
    ("example", "schema"),
    [("github-actions.yml", "vendor.github-workflows"), ("gitlab-ci.yml", "vendor.gitlab-ci")],
)
def test_example_validates_against_its_ci_schema(example: str, schema: str, tmp_path: Path) -> None:
    status, said = check_jsonschema(schema, EXAMPLES / example)
    assert status == 0, said
    # and the check can fail: a misspelt key in a copy of the same file
    broken = tmp_path / example
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    broken.write_text(text.replace("runs-on:", "run-on:").replace("stage: test", "stage: [test, 1]"), encoding="utf-8")
    assert check_jsonschema(schema, broken)[0] == 1


def test_gitlab_example_uploads_the_code_quality_report() -> None:
    text = (EXAMPLES / "gitlab-ci.yml").read_text(encoding="utf-8")
    job = yaml.safe_load(text)["valideer"]
    report = job["artifacts"]["reports"]["codequality"]
    assert "partnerbeeld valideer --strikt" in job["script"]
    assert any(f"--formaat gitlab > {report}" in step for step in job["script"])
    assert job["artifacts"]["when"] == "always"


def test_pre_commit_example_uses_the_hook() -> None:
    config = yaml.safe_load((EXAMPLES / "pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in config["repos"][0]["hooks"]] == [hook()["id"]]
    assert invocations("partnerbeeld valideer --fromaat x") == [["valideer", "--fromaat", "x"]]
    with pytest.raises(typer._click.exceptions.UsageError):  # the parser check above can fail
        parses(["valideer", "--fromaat", "x"])


# --- the hook as pre-commit runs it -----------------------------------------------------------------


def test_pre_commit_try_repo(try_repo: Any) -> None:
    # pre-commit builds the hook's own virtualenv from this repository (language: python) and runs
    # it in a scratch data repository with one broken and one accepted file: the commit is stopped.
    code, output = try_repo.result()
    assert "partnerbeeld valideer" in output, output
    assert code == 1, output
    assert "data/partners/partner-b.yaml" in output and "yaml-syntaxis" in output
    assert "1 geaccepteerd" in output  # the accepted warning in partner-a.yaml is listed, not counted
    assert "Traceback" not in output
