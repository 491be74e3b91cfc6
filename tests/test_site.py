"""`partnerbeeld site`: structure, escaping, confidentiality, reproducibility, the output folder.

The browser side (search, ?q=, filters, console, keyboard) is in test_site_browser.py.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from builders import DatasetBuilder
from cischema import check_jsonschema
from conftest import SHIPPED_DATA, TODAY

from partnerbeeld.answers.opening import open_dataset
from partnerbeeld.answers.query import Selection, select
from partnerbeeld.model.vocabulary import Team
from partnerbeeld.reading.dataset import Dataset
from partnerbeeld.site.folder import MARKER
from partnerbeeld.site.pages import ANY_TEAM

SECRET_NUMBER = "071 999 88 77"
HOSTILE = "</style><script>alert('x')</script> & Zonen"


def small_dataset(builder: DatasetBuilder) -> Path:
    builder.profile("waterbeheerder", roles={"overstroming": {"modes": ["liaison"], "teams": ["rot"], "from_grip": 1}})
    builder.partner(
        "partner-a",
        name="Waterschap Testland",
        profiles=["waterbeheerder"],
        area=["leiden"],
        contacts=[
            {"label": "Piket", "phone": "071 000 00 00", "available": "24/7", "primary": True},
            {"label": "Directeur", "person": "Geheim Persoon", "mobile": SECRET_NUMBER, "confidential": True},
        ],
    )
    builder.partner(
        "vreemde-naam",
        name=HOSTILE,
        sector="cultuur",
        roles={"dijkdoorbraak": {"modes": ["informeren"], "from_grip": 2, "task": "<b>niet vet</b>"}},
    )
    builder.covenant("convenant-a", partners=["partner-a"], signed_on="2024-01-01", valid_until="2027-01-01")
    return builder.root


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_site_has_every_page_and_the_policy_on_each(run_cli, builder: DatasetBuilder, tmp_path: Path) -> None:
    data = small_dataset(builder)
    out = tmp_path / "site"
    result = run_cli("site", "-o", out, "--data", data)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""  # piped: one line on stderr, no progress
    assert result.stderr.startswith("Geschreven: ") and result.stderr.count("\n") == 1
    files = files_of(out)
    for name in [
        "index.html",
        "zoeken.html",
        "signalen.html",
        "overzicht.html",
        "incident/overstroming.html",
        "incident/stroomuitval.html",
        "contactlijst/overstroming.html",
        "partner/partner-a.html",
        "partner/partner-a.vcf",
        "accounthouder/a-holder.html",
        "agenda/alles.ics",
        "agenda/a-holder.ics",
        "zoekindex.js",
        "site.js",
        MARKER,
    ]:
        assert name in files, name
    html = {name: content.decode() for name, content in files.items() if name.endswith(".html")}
    for name, text in html.items():
        assert '<html lang="nl">' in text, name
        assert 'http-equiv="Content-Security-Policy"' in text and "default-src &#39;none&#39;" in text, name
        assert 'id="pb-zoekveld"' in text, name  # the search field on every page
        # nothing loads from outside the folder
        assert not re.search(r"""(src|href)="(https?:)?//""", text), name
        assert "@import" not in text and "url(http" not in text, name
    answer = html["incident/overstroming.html"]
    assert 'href="tel:0710000000"' in answer and "../contactlijst/overstroming.html" in answer
    assert (
        'data-varianten="{&#34;*&#34;:[0,1,[&#34;liaison&#34;],[&#34;ROT&#34;],null,null,false],&#34;rot&#34;:[0]}"'
        in answer
    )
    assert 'data-gemeenten="leiden"' in answer


def test_a_hostile_partner_name_stays_text(run_cli, builder: DatasetBuilder, tmp_path: Path) -> None:
    data = small_dataset(builder)
    out = tmp_path / "site"
    assert run_cli("site", "-o", out, "--data", data).exit_code == 0
    for name, content in files_of(out).items():
        if not name.endswith((".html", ".js")):
            continue  # vCard and iCalendar are text, with their own escaping
        text = content.decode("utf-8")
        assert "<script>alert" not in text and "</style><" not in text, name
        assert "<b>niet vet</b>" not in text, name
    assert "&lt;script&gt;alert(" in (out / "partner/vreemde-naam.html").read_text()
    assert "\\u003cscript>alert(" in (out / "zoekindex.js").read_text()


def test_confidential_contacts_stay_out_unless_asked(run_cli, builder: DatasetBuilder, tmp_path: Path) -> None:
    data = small_dataset(builder)
    plain, secret = tmp_path / "gewoon", tmp_path / "geheim"
    assert run_cli("site", "-o", plain, "--data", data).exit_code == 0
    digits = SECRET_NUMBER.replace(" ", "")
    for name, content in files_of(plain).items():
        for value in (SECRET_NUMBER, digits, "Geheim Persoon"):
            assert value.encode() not in content, (name, value)
        assert b'class="pb-vertrouwelijk"' not in content, name
    assert run_cli("site", "-o", secret, "--data", data, "--vertrouwelijk").exit_code == 0
    files = files_of(secret)
    assert SECRET_NUMBER.encode() in files["partner/partner-a.html"]
    assert f"tel:{digits}".encode() in files["partner/partner-a.html"]
    for name, content in files.items():
        if name.endswith(".html"):
            assert b'<p class="pb-vertrouwelijk"><strong>VERTROUWELIJK</strong>' in content, name
    # the search index never holds a contact, with or without --vertrouwelijk
    assert files["zoekindex.js"] == files_of(plain)["zoekindex.js"]


def test_two_builds_are_byte_identical(run_cli, shipped_site: tuple[Dataset, Path], tmp_path: Path) -> None:
    """The command writes exactly the files of the run's other build of the same data and date
    (conftest's shipped_site, the library called in this process): no clock, no random order.
    Dated with --peildatum here; SOURCE_DATE_EPOCH, as a CI build dates it, every other
    command test uses (run_cli), through the same function."""
    second = tmp_path / "twee"
    assert run_cli("site", "-o", second, "--data", SHIPPED_DATA, "--peildatum", "2026-11-28").exit_code == 0
    one, two = files_of(shipped_site[1]), files_of(second)
    assert one.keys() == two.keys() and len(one) > 300
    assert [name for name in one if one[name] != two[name]] == []


def test_a_folder_partnerbeeld_did_not_make_is_refused(run_cli, builder: DatasetBuilder, tmp_path: Path) -> None:
    data = small_dataset(builder)
    theirs = tmp_path / "documenten"
    theirs.mkdir()
    (theirs / "brief.txt").write_text("belangrijk")
    refused = run_cli("site", "-o", theirs, "--data", data)
    assert refused.exit_code == 2 and "niet door partnerbeeld gemaakt" in refused.stderr
    assert (theirs / "brief.txt").read_text() == "belangrijk"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no half-built folder left
    assert run_cli("site", "-o", theirs, "--data", data, "--overschrijf").exit_code == 0
    assert not (theirs / "brief.txt").exists() and (theirs / MARKER).is_file()
    # its own site is simply rebuilt
    assert run_cli("site", "-o", theirs, "--data", data).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "documenten"]


def test_dataset_errors_give_the_banner_and_exit_1(run_cli, builder: DatasetBuilder, tmp_path: Path) -> None:
    data = small_dataset(builder)
    builder.write("partners/kapot.yaml", "id: kapot\nname: [\n")
    out = tmp_path / "site"
    result = run_cli("site", "-o", out, "--data", data)
    assert result.exit_code == 1 and "onvolledig" in result.stderr
    start = (out / "index.html").read_text()
    assert "ONVOLLEDIG" in start and "partners/kapot.yaml" in start


_ROW = re.compile(
    r'<tr data-varianten="([^"]*)" data-gemeenten="([^"]*)">.*?<a href="\.\./partner/([^"]+)\.html">', re.S
)
Shown = tuple[str, int, tuple[str, ...], tuple[str, ...], str | None, str | None, bool]


def page_rows(page: Path) -> list[tuple[str, dict[str, list[Any]], str]]:
    """(partner id, variants, municipalities) of each row of an incident-type page, as the page holds them."""
    return [(pid, json.loads(html.unescape(v)), area) for v, area, pid in _ROW.findall(page.read_text("utf-8"))]


def shown_by_page(rows: list[tuple[str, dict[str, list[Any]], str]], team: str, grip: int, place: str) -> list[Shown]:
    """What site.js shows for these filters: the team's variant (or [place] = the unfiltered role),
    kept when it starts at ``grip`` or lower and the area holds ``place``, in the variants' order."""
    found = []
    for pid, variants, area in rows:
        if team not in variants or (place != "*" and area != "*" and place not in area.split(" ")):
            continue
        variant = variants[team] if len(variants[team]) > 1 else variants[team] + variants[ANY_TEAM][1:]
        if variant[1] <= grip:
            found.append((variant[0], (pid, variant[1], tuple(variant[2]), tuple(variant[3]), *variant[4:])))
    return [row for _, row in sorted(found)]


def shown_by_zoek(dataset: Dataset, code: str, selection: Selection) -> list[Shown]:
    shown = []
    for hit in select(dataset, selection):
        assert hit.role is not None
        role, on = hit.role.role, hit.role.code
        via = dataset.incident_types[on].name if on != code else None
        modes = tuple(m.value for m in sorted(role.modes, key=lambda m: m.rank))
        teams = tuple(t.label for t in role.teams)
        shown.append((hit.partner.id, role.from_grip, modes, teams, via, role.task, hit.role.is_deviation))
    return shown


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    """The shipped data, loaded apart from the site's build: what zoek answers is worked out on
    objects of its own, so a cache the build filled cannot agree with itself."""
    return open_dataset(SHIPPED_DATA)[0]


def test_every_team_filter_shows_what_zoek_shows(shipped_site: tuple[Dataset, Path], dataset: Dataset) -> None:
    """For every incident type and team: the same partners, in the same order, each with the role
    `zoek -i TYPE --team T` shows (a team filter may choose another headline than no filter)."""
    out = shipped_site[1]
    changed = 0
    for code in dataset.incident_types:
        rows = page_rows(out / "incident" / f"{code}.html")
        assert [pid for pid, _, _ in rows] == [h.partner.id for h in select(dataset, Selection(code))]
        for team in [None, *Team]:
            expected = shown_by_zoek(dataset, code, Selection(code, teams=team))
            shown = shown_by_page(rows, str(team) if team else ANY_TEAM, 5, "*")
            assert shown == expected, (code, team)
            unfiltered = {row[0]: row for row in shown_by_page(rows, ANY_TEAM, 5, "*")}
            changed += sum(row != unfiltered[row[0]] for row in shown)
    assert changed > 0  # the shipped data has partners whose role a team filter changes


@pytest.mark.parametrize("code", ["overstroming", "gebouwbrand", "natuurlijke-omgeving", "energie"])
def test_every_filter_combination_shows_what_zoek_shows(
    shipped_site: tuple[Dataset, Path], dataset: Dataset, code: str
) -> None:
    out = shipped_site[1]
    rows = page_rows(out / "incident" / f"{code}.html")
    places = [None, *(m.id for m in dataset.settings.municipalities)]
    checked = 0
    for team, grip, place in itertools.product([None, *Team], [None, *range(6)], places):
        expected = shown_by_zoek(dataset, code, Selection(code, grip, team, place))
        shown = shown_by_page(rows, str(team) if team else ANY_TEAM, 99 if grip is None else grip, place or "*")
        assert shown == expected, (code, team, grip, place)
        checked += len(expected)
    assert checked > 0


def test_the_agenda_is_the_same_file_as_signalen_ics(run_cli, builder: DatasetBuilder, tmp_path: Path) -> None:
    data = small_dataset(builder)
    builder.plan("plan-a", partners=["partner-a"], review_every_months=24, owner="a-holder")
    out = tmp_path / "site"
    assert run_cli("site", "-o", out, "--data", data).exit_code == 0
    printed = run_cli("signalen", "--data", data, "--formaat", "ics")
    assert printed.exit_code == 0
    assert (out / "agenda/alles.ics").read_bytes().decode("utf-8") == printed.stdout
    from icalendar import Calendar

    calendar = Calendar.from_ical((out / "agenda/a-holder.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    uids = [str(e["UID"]) for e in events]
    assert events and len(uids) == len(set(uids))
    kinds = {str(e["UID"]).split("-")[0] for e in events}
    assert {"convenant", "contact", "plan"} <= kinds
    assert all(e.decoded("DTSTART") >= TODAY for e in events)  # overdue items show today


def test_worker_processes_write_the_same_site(
    builder: DatasetBuilder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Large datasets are written by forked workers; the files must not depend on that."""
    from partnerbeeld.infra.gitinfo import DataVersion
    from partnerbeeld.site import SiteOptions, build_site
    from partnerbeeld.site import build as site_build

    dataset, _ = open_dataset(small_dataset(builder))
    options = SiteOptions(TODAY, DataVersion("abc1234", False))
    build_site(dataset, tmp_path / "een", options)
    monkeypatch.setattr(site_build, "PARALLEL_FROM", 0)
    monkeypatch.setattr(site_build, "_workers", lambda partners: 2)
    monkeypatch.setattr(site_build, "PARTNER_CHUNK", 1)
    built = build_site(dataset, tmp_path / "twee", options)
    assert files_of(tmp_path / "een") == files_of(tmp_path / "twee")
    assert built.pages == build_site(dataset, tmp_path / "een", options).pages


@pytest.mark.parametrize(
    ("example", "schema"), [("gitlab-pages.yml", "vendor.gitlab-ci"), ("github-pages.yml", "vendor.github-workflows")]
)
def test_the_publishing_examples_build_the_site_with_real_options(example: str, schema: str) -> None:
    import shlex

    import typer
    import yaml
    from conftest import REPO

    from partnerbeeld.cli import app

    text = (REPO / "examples" / example).read_text(encoding="utf-8")
    assert yaml.safe_load(text)
    # valid for GitLab or GitHub: the schemas check-jsonschema ships (no network)
    status, said = check_jsonschema(schema, REPO / "examples" / example)
    assert status == 0, said
    lines = [line.split(" # ")[0] for line in text.splitlines() if "partnerbeeld site " in line.split(" # ")[0]]
    assert lines, example
    group = typer.main.get_command(app)
    for line in lines:
        words = shlex.split(line[line.index("partnerbeeld site ") + len("partnerbeeld ") :])
        ctx = group.make_context("partnerbeeld", ["site"])
        command = group.get_command(ctx, "site")  # type: ignore[attr-defined]
        params = command.make_context("site", words[1:], parent=ctx).params
        assert params["vertrouwelijk"] is False  # a published site never carries confidential contacts
    # installed as the other examples do: a pinned tag from git (partnerbeeld is not on PyPI)
    installs = [line for line in text.splitlines() if "pip install" in line and not line.lstrip().startswith("#")]
    assert installs and all('"$PARTNERBEELD"' in line for line in installs)
    assert re.search(r"partnerbeeld @ git\+https://\S+/partnerbeeld@v\d+\.\d+\.\d+\b", text)


def test_a_failed_build_leaves_the_old_site_and_no_half_one(
    builder: DatasetBuilder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from partnerbeeld.infra.errors import UsageError
    from partnerbeeld.infra.gitinfo import DataVersion
    from partnerbeeld.site import SiteOptions, build_site
    from partnerbeeld.site import pages as site_pages

    dataset, _ = open_dataset(small_dataset(builder))
    out = tmp_path / "site"
    build_site(dataset, out, SiteOptions(TODAY, DataVersion("abc1234", False)))
    before = files_of(out)

    def broken(*args: object) -> None:
        raise OSError("schijf vol")

    monkeypatch.setattr(site_pages, "incident_rows", broken)
    with pytest.raises(UsageError, match="schijf vol"):
        build_site(dataset, out, SiteOptions(TODAY, DataVersion("def5678", False)))
    assert files_of(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"]


def test_signalen_ics_for_one_holder_and_no_soort(run_cli, builder: DatasetBuilder) -> None:
    data = small_dataset(builder)
    mine = run_cli("signalen", "--data", data, "--formaat", "ics", "--accounthouder", "a-holder")
    assert mine.exit_code == 0 and "X-WR-CALNAME:Partnerbeeld · Anna Houder" in mine.stdout
    assert "UID:contact-verificatie-partner-a@" in mine.stdout
    refused = run_cli("signalen", "--data", data, "--formaat", "ics", "--soort", "plan")
    assert refused.exit_code == 2 and "--soort geldt niet" in refused.stderr


def test_the_site_counts_the_open_signals_as_signalen_does(shipped_site: tuple[Dataset, Path], run_cli) -> None:  # type: ignore[no-untyped-def]
    """Accepted signals are not open: the site lists them apart, with their reason, as `signalen` does."""
    _, out = shipped_site
    document = json.loads(run_cli("signalen", "--data", SHIPPED_DATA, "-f", "json", "--peildatum", str(TODAY)).stdout)
    assert document["geaccepteerd"]  # the shipped data has one accepted signal: the comparison is not vacuous
    page = (out / "signalen.html").read_text(encoding="utf-8")
    assert f"<p>{len(document['signalen'])} open signalen op" in page
    accepted = page.split('id="kop-geaccepteerd"', 1)[1]
    for item in document["geaccepteerd"]:
        assert html.escape(item["acceptatie"]["reden"], quote=False) in accepted
