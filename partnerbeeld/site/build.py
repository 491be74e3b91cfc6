"""Build the whole site into a folder: every page, the search index, the vCards and the agenda.

Every answer comes from the library functions the commands use (``query.answer``,
``partner_info``, ``signals``, ``holder_reports``, ``build_overview``, the contact
list and vCard views), so the site says what the terminal says. Output depends
only on the data, the reference date and the options: files are written in a
fixed order with no clock or random value in them, so two builds are byte-identical.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from partnerbeeld.answers.signals import Signal
from partnerbeeld.infra.errors import UsageError, os_reason
from partnerbeeld.infra.gitinfo import DataVersion
from partnerbeeld.reading.dataset import Dataset
from partnerbeeld.site import embed, folder, pages, search

if TYPE_CHECKING:
    from partnerbeeld.views.printmarks import PageMarks

# (what is being built, how many) when a step starts; then once per item done
Progress = Callable[[str, int], None]
ASSETS = ("site.css", "balk.css", "site.js")  # copied from templates/site/ unchanged
ALL = "alles"  # agenda/alles.ics: the agenda of everyone
# Above this many partners the pages are written by forked worker processes (one per core):
# a process pool pays off only above a few hundred files (PERFORMANCE.md).
PARALLEL_FROM = 1000
PARTNER_CHUNK = 250  # partner pages per task


class SiteOptions(NamedTuple):
    today: dt.date
    version: DataVersion
    confidential: bool = False
    incomplete: tuple[str, ...] = ()  # files with errors that loading left out


class Built(NamedTuple):
    folder: Path
    pages: int
    partners: int
    incident_types: int


def build_site(
    dataset: Dataset,
    target: Path,
    options: SiteOptions,
    *,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> Built:
    """Write the site for ``dataset`` to ``target`` (a folder); return what was built."""
    folder.check_target(target, overwrite)
    work = folder.new_folder(target)
    try:
        count = _Writer(dataset, work, options, progress or (lambda label, total: None)).write_all()
        folder.swap_in(work, target)
    except OSError as exc:  # a full disk, a folder without rights: said in Dutch, the old site stays
        folder.discard(work)
        raise UsageError(
            f"Kan de site niet schrijven in {target.parent}: {os_reason(exc)}.",
            "Controleer de vrije ruimte en de schrijfrechten; de vorige site is niet aangeraakt.",
        ) from None
    except BaseException:
        folder.discard(work)
        raise
    return Built(target, count, len(dataset.partners), len(dataset.incident_types))


class _Writer:
    def __init__(self, dataset: Dataset, out: Path, options: SiteOptions, progress: Progress) -> None:
        from partnerbeeld.answers.acceptance import accept_signals
        from partnerbeeld.answers.signals import signals
        from partnerbeeld.views.templating import environment, search_path

        self.dataset, self.out, self.options, self.progress = dataset, out, options, progress
        self.env = environment(search_path())
        # the open signals, as `signalen` counts them; the accepted ones are listed apart, with their reason
        checked = accept_signals(dataset, signals(dataset, options.today), options.today)
        self.signals, self.accepted = checked.open, checked.accepted
        self.tree = pages.tree(dataset)
        self.pages = 0
        self.bars: dict[int, str] = {}

    # --- writing ---------------------------------------------------------------------------

    def write(self, relative: str, content: str | bytes) -> None:
        path = self.out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)

    def page(self, relative: str, template: str, title: str, **context: Any) -> None:
        """One page of the site; ``title`` also heads every printed sheet of it (print.css)."""
        from partnerbeeld.views.templating import render

        depth = relative.count("/")
        print_css = render("print.css", {"marks": self.marks(title)}, env=self.env)
        page_context = {
            **self.common(depth),
            "print_css": print_css,  # inside <style>: its css_string filter keeps data from closing it
            "csp": embed.csp_with_styles(f"<style>{print_css}</style>"),
            **context,
        }
        self.write(relative, render(f"site/{template}", page_context, env=self.env))
        self.pages += 1

    def marks(self, title: str) -> PageMarks:
        """The markings on every printed page (issue 13's print.css): what, whose, how secret, when."""
        from partnerbeeld.answers.contactlist import dutch_date
        from partnerbeeld.views.printmarks import PageMarks

        settings = self.dataset.settings
        return PageMarks(
            title=title,
            subtitle=settings.region,
            classification=settings.classification,
            date_text=dutch_date(self.options.today),
            version=self.options.version.label,
            confidential=self.options.confidential,
            warning="ONVOLLEDIG" if self.options.incomplete else "",
        )

    def common(self, depth: int) -> dict[str, Any]:
        from partnerbeeld.answers.contactlist import dutch_date

        settings = self.dataset.settings
        return {
            "root": "../" * depth,
            "region": settings.region,
            "classification": settings.classification,
            "notice": settings.notice,
            "today": self.options.today,
            "today_text": dutch_date(self.options.today),
            "version": self.options.version,
            "confidential": self.options.confidential,
            "incomplete": embed.incomplete_text(self.options.incomplete),
            "csp": embed.CSP,  # a page of the site adds the hash of its print styles
        }

    # --- the pages -------------------------------------------------------------------------

    def write_all(self) -> int:
        for name in ASSETS:
            self.write(name, (Path(self.env.loader.searchpath[-1]) / "site" / name).read_bytes())
        self.write("zoekindex.js", search.index_js(self.dataset, self.tree))
        self.write_start()
        self.write_incident_types()
        self.write_partners()
        self.write_holders()
        self.write_overview()
        self.write_agenda()
        return self.pages

    def write_start(self) -> None:
        self.progress("startpagina en zoeken", 2)
        top = self.signals[:8]
        holders = list(self.dataset.account_holders.values())
        self.page(
            "index.html",
            "index.html.j2",
            "Partnerbeeld",
            tree=self.tree,
            top=top,
            signal_count=len(self.signals),
            holders=holders,
        )
        self.progress("", 1)
        self.page("zoeken.html", "zoeken.html.j2", "Zoeken")
        self.progress("", 1)

    def write_incident_types(self) -> None:
        codes = [node.code for node in _walk(self.tree)]
        self.progress("incidenttypen", len(codes))
        self.municipalities = [(m.id, m.name) for m in self.dataset.settings.municipalities]
        self.row_cache = pages.RowCache()
        # one code per task: a theme's page holds thousands of rows, a leaf's a few
        self.in_parallel("incident_pages", [[code] for code in codes])

    def incident_pages(self, codes: list[str]) -> None:
        """The page and the printable contact list of each type in ``codes``."""
        from partnerbeeld.answers.contactlist import build_contact_list
        from partnerbeeld.answers.query import Selection, answer
        from partnerbeeld.views.html import contact_list_html

        for code in codes:
            selection = Selection(incident_types=code, confidential=self.options.confidential)
            found = answer(self.dataset, selection)
            item = self.dataset.incident_types[code]
            chain = [self.dataset.incident_types[c] for c in reversed(self.dataset.ancestors(code))]
            children = [self.dataset.incident_types[c] for c in self.dataset.children.get(code, [])]
            self.page(
                f"incident/{code}.html",
                "incident.html.j2",
                f"Partners bij {item.name}",
                item=item,
                chain=chain,
                children=children,
                rows=pages.incident_rows(
                    self.dataset, found, code, self.row_cache, pages.team_answers(self.dataset, selection)
                ),
                municipalities=self.municipalities,
                teams=_teams(),
            )
            contact_list = build_contact_list(
                self.dataset,
                selection,
                self.options.today,
                self.options.version,
                self.options.incomplete,
                hits=found.hits,
            )
            html = contact_list_html(contact_list, env=self.env)
            self.write(f"contactlijst/{code}.html", embed.adopt(html, self.bar(1)))
            self.pages += 1

    def write_partners(self) -> None:
        from partnerbeeld.answers.contactlist import build_contact_list
        from partnerbeeld.answers.query import Selection

        self.progress("partners", len(self.dataset.partners))
        self.everyone = build_contact_list(
            self.dataset,
            Selection(confidential=self.options.confidential),
            self.options.today,
            self.options.version,
            self.options.incomplete,
        )
        self.entries = {entry.id: entry for entry in self.everyone.partners}
        self.covers = _by_partner(self.dataset)
        self.type_names = {code: item.name for code, item in self.dataset.incident_types.items()}
        self.partner_signals: dict[str, list[Signal]] = {}
        for found in self.signals:
            if found.record_kind == "partners":
                self.partner_signals.setdefault(found.record_id, []).append(found)
        ids = sorted(self.dataset.partners)
        self.in_parallel("partner_pages", [ids[i : i + PARTNER_CHUNK] for i in range(0, len(ids), PARTNER_CHUNK)])

    def partner_pages(self, ids: list[str]) -> None:
        """The page and the vCard of each partner in ``ids``."""
        from partnerbeeld.answers.partnerinfo import partner_info
        from partnerbeeld.views.partner import ago
        from partnerbeeld.views.vcard import contact_list_vcf

        for pid in ids:
            partner = self.dataset.partners[pid]
            info = partner_info(self.dataset, partner, self.options.today, self.options.confidential, self.covers(pid))
            one = dataclasses.replace(self.everyone, title=f"Contacten {partner.name}", partners=(self.entries[pid],))
            self.write(f"partner/{pid}.vcf", contact_list_vcf(one))
            self.page(
                f"partner/{pid}.html",
                "partner.html.j2",
                partner.name,
                info=info,
                dial=pages.dial,
                ago=ago,
                type_names=self.type_names,
                signals=self.partner_signals.get(pid, []),
            )

    def in_parallel(self, method: str, chunks: list[list[str]]) -> None:
        """``getattr(self, method)(chunk)`` for every chunk: in forked worker processes when the
        dataset is large and the platform can fork, else here. Every file is written by exactly
        one process and depends on nothing else, so the output is the same either way."""
        workers = _workers(len(self.dataset.partners))
        if workers < 2:
            for chunk in chunks:
                getattr(self, method)(chunk)
                self.progress("", len(chunk))
            return
        import gc
        import multiprocessing

        global _FORKED  # the workers inherit this writer, with the dataset, through fork
        _FORKED = self
        # objects that exist now are not scanned (nor, by touching them, copied) by the workers'
        # collector; no unfreeze after: loading froze the dataset already, and that must stay
        gc.freeze()
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                for done, pages_written in pool.imap_unordered(_run_forked, [(method, c) for c in chunks]):
                    self.pages += pages_written
                    self.progress("", done)
        finally:
            _FORKED = None

    def write_holders(self) -> None:
        from partnerbeeld.answers.accountholders import NOBODY, holder_reports

        reports = holder_reports(self.dataset, self.signals)
        self.progress("accounthouders en signalen", len(reports) + 1)
        for report in reports:
            if report.id == NOBODY:
                continue
            holder = self.dataset.account_holders[report.id]
            self.page(
                f"accounthouder/{report.id}.html",
                "accounthouder.html.j2",
                f"Accounthouder {holder.name}",
                report=report,
                holder=holder,
            )
            self.progress("", 1)
        placed = {id(s) for report in reports for s in report.signals}
        rest = [s for s in self.signals if id(s) not in placed]
        self.page(
            "signalen.html",
            "signalen.html.j2",
            "Signalen",
            reports=reports,
            rest=rest,
            total=len(self.signals),
            accepted=self.accepted,
        )
        self.progress("", 1)

    def write_overview(self) -> None:
        from partnerbeeld.answers.overview import GroupBy, build_overview
        from partnerbeeld.views.overview import as_html

        self.progress("overzicht", 1)
        picture = build_overview(self.dataset, self.options.today, GroupBy.SECTOR, False)
        self.write(
            "overzicht.html",
            embed.adopt(as_html(picture, self.options.version), self.bar(0)),
        )
        self.pages += 1
        self.progress("", 1)

    def write_agenda(self) -> None:
        from partnerbeeld.answers.agenda import AgendaItem, agenda
        from partnerbeeld.views.ics import as_ics

        holders = sorted(self.dataset.account_holders.values(), key=lambda h: h.id)
        self.progress("agenda", len(holders) + 1)
        today, version, region = self.options.today, self.options.version, self.dataset.settings.region
        items = agenda(self.dataset, today)
        rendered: dict[str, bytes] = {}
        self.write(f"agenda/{ALL}.ics", as_ics(items, f"Partnerbeeld · {region}", today, version, rendered))
        self.progress("", 1)
        by_holder: dict[str | None, list[AgendaItem]] = {}
        for item in items:
            by_holder.setdefault(item.account_holder, []).append(item)
        for holder in holders:
            mine = by_holder.get(holder.id, [])
            self.write(
                f"agenda/{holder.id}.ics", as_ics(mine, f"Partnerbeeld · {holder.name}", today, version, rendered)
            )
            self.progress("", 1)

    def bar(self, depth: int) -> str:
        """The site's header (navigation, search, VERTROUWELIJK) for a page another view made."""
        from partnerbeeld.views.templating import render

        if depth not in self.bars:
            self.bars[depth] = render("site/balk.html.j2", self.common(depth), env=self.env)
        return self.bars[depth]


_FORKED: _Writer | None = None


def _run_forked(task: tuple[str, list[str]]) -> tuple[int, int]:
    """In a worker: one chunk; (items done, pages written) back to the parent."""
    method, chunk = task
    writer = _FORKED
    assert writer is not None, "a worker is forked from build_site"
    before = writer.pages
    getattr(writer, method)(chunk)
    return len(chunk), writer.pages - before


def _workers(partners: int) -> int:
    """Worker processes: one per usable core (at most 4) for large datasets where fork exists."""
    import multiprocessing
    import os

    if partners < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(cores, 4)


def _walk(nodes: list[pages.TreeNode]) -> list[pages.TreeNode]:
    return [found for node in nodes for found in (node, *_walk(node.children))]


def _teams() -> list[tuple[str, str]]:
    from partnerbeeld.model.vocabulary import Team

    return [(team.value, team.label) for team in Team]


def _by_partner(dataset: Dataset) -> Callable[[str], dict[str, list[Any]]]:
    """Covenants, exercises and plans per partner, indexed once instead of scanned per partner."""
    index: dict[str, dict[str, list[Any]]] = {}
    for kind, records in (("covenants", dataset.covenants), ("exercises", dataset.exercises), ("plans", dataset.plans)):
        for record in records.values():
            for pid in record.partners:
                index.setdefault(pid, {"covenants": [], "exercises": [], "plans": []})[kind].append(record)

    def of(pid: str) -> dict[str, list[Any]]:
        return index.get(pid, {"covenants": [], "exercises": [], "plans": []})

    return of
