"""Generate the static documentation site: term pages, diagrams, the question catalog and search.

The output is deterministic (same ontology, same Graphviz → same bytes). The site is built in a
hidden work folder and its files moved into place only when complete, leaving alone what else
the target folder holds (:mod:`.publish`).
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .. import iris
from ..card import build_card, card_index, render_html
from ..card.index import CardIndex
from ..card.links import url_for
from ..card.model import TermCard, TermRef
from ..card.phrases import capitalize
from ..errors import GluteontoError
from ..i18n import BASE_LANG, LABEL_LANGS, Localized, cell_text, header, message_keys, param_name
from ..query.questions import answering_questions
from ..sparql.results import own_label_columns, without_columns
from ..version import package_version
from ..vocab import DCTERMS, OWL, compact_iri
from ..vocab import INTERNATIONAL_ONTOLOGY_IRI as ONTOLOGY_IRI  # the edition the program loads
from . import diagrams as dg
from .layout import Shell, page_path
from .publish import MARKER, check_target, publishing
from .words import SITE_LANGS, other_langs, t, tn

if TYPE_CHECKING:
    from ..query.catalog import Param, QuerySpec
    from ..query.questions import QuestionTable
    from ..query.session import Session

__all__ = ["MARKER", "SiteReport", "build_site", "slug"]

MAIN_TERM = URIRef(iris.GLUTEUS_MINIMUS)
_ROOT = "__SITE_ROOT__/"  # stands for the relative path to the site root inside diagram links
_GROUP_ORDER = ("questions", "quality control", "FMA comparison", "Uberon comparison")


@dataclass
class SiteReport:
    """What was generated."""

    output: Path
    pages: int = 0
    diagrams: int = 0
    diagrams_skipped: bool = False
    notes: list[str] = field(default_factory=list)


def slug(ref_or_iri: TermRef | str) -> str:
    """File name (without suffix) of a term page: the CURIE with ``:`` → ``_``."""
    curie = ref_or_iri.curie if isinstance(ref_or_iri, TermRef) else compact_iri(str(ref_or_iri))
    return curie.replace(":", "_")


def _static(name: str) -> str:
    return resources.files("gluteonto.site").joinpath("static").joinpath(name).read_text(encoding="utf-8")


def _header(spec: QuerySpec, key: str, lang: str) -> list[str]:
    """Values of ``# KEY@LANG:`` header lines of a catalog query (e.g. ``description@nb``)."""
    found = []
    for line in spec.text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        name, sep, value = stripped.lstrip("#").strip().partition(":")
        if sep and name.strip() == f"{key}@{lang}":
            found.append(value.strip())
    return found


def _described(spec: QuerySpec, key: str, lang: str) -> tuple[str, str]:
    """(text, language) of a question's ``description`` or ``answer``: Norwegian when the header has it."""
    if lang != "en":
        lines = _header(spec, key, lang)
        if lines:
            return " ".join(lines), lang
    return str(getattr(spec, key)), "en"


def _param_help(spec: QuerySpec, param: Param, lang: str) -> tuple[str, str]:
    """(help text, language) of a parameter: Norwegian when the header has a ``param@nb`` line."""
    if lang != "en":
        for value in _header(spec, "param", lang):
            name, _sep, text = value.partition("|")
            if name.strip() == param.name and text.strip():
                return text.strip(), lang
    return param.help, "en"


class _Site:
    def __init__(self, session: Session, out: Path, dot: str | None) -> None:
        self.session = session
        self.ix: CardIndex = card_index(session)
        self.out = out
        self.dot = dot
        self.report = SiteReport(output=out, diagrams_skipped=dot is None)
        release = self.ix.value(URIRef(ONTOLOGY_IRI), OWL.versionInfo)
        self.shell = Shell(version=package_version(), release=str(release or "?"))
        kinds = ("class", "object property", "annotation property", "individual")
        local = [iri for iri in self.ix.terms() if self.ix.kind(iri) in kinds]
        reused = [p for p in self.ix.out if isinstance(p, URIRef) and self.ix.kind(p) == "object property" and p not in local]
        self.terms: list[URIRef] = sorted({*local, *reused}, key=str)
        self.paged = {str(iri) for iri in self.terms}
        self.classes = [iri for iri in self.terms if self.ix.kind(iri) == "class"]
        self.questions = sorted(session.queries(), key=lambda q: (_GROUP_ORDER.index(q.group) if q.group in _GROUP_ORDER else 9, q.name))
        from ..pathway import starting_points

        self.pathways = starting_points(session)
        self.featured = self.featured_pathways()

    def featured_pathways(self) -> list[URIRef]:
        """The starting points shown on the front page (each the first of its alternative names that is one)."""
        found: list[URIRef] = []
        for names in FEATURED_PATHWAYS:
            for name in names:
                try:
                    iri = self.session.resolve_term(name)
                except GluteontoError:
                    continue
                if iri in self.pathways:
                    found.append(iri)
                    break
        return found

    # -- addresses ------------------------------------------------------------------------
    def term_href(self, root: str, lang: str) -> Callable[[TermRef], str | None]:
        def href(ref: TermRef) -> str | None:
            return f"{root}{page_path('terms/' + slug(ref), lang)}" if ref.iri in self.paged else None

        return href

    def pathway_href(self, root: str, lang: str) -> Callable[[TermRef], str | None]:
        starts = self.pathway_set  # built once here, not once per link

        def href(ref: TermRef) -> str | None:
            return f"{root}{page_path('pathways/' + slug(ref), lang)}" if URIRef(ref.iri) in starts else None

        return href

    def question_href(self, root: str, lang: str) -> Callable[[str], str | None]:
        return lambda name: f"{root}{page_path('questions/' + name.replace('/', '-'), lang)}"

    def write(self, name: str, text: str) -> None:
        path = self.out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def page(self, name: str, lang: str, title: str, body: str, current: str | None = None, body_class: str = "") -> None:
        self.write(page_path(name, lang), self.shell.render(name=name, lang=lang, title=title, body=body, current=current, body_class=body_class))
        self.report.pages += 1

    # -- diagrams -------------------------------------------------------------------------
    def diagrams(self) -> tuple[dict[tuple[str, str], str], dict[tuple[URIRef, str], str]]:
        """Standalone SVG text of the site diagrams and of each class's neighbourhood, links rooted at _ROOT."""
        if self.dot is None:
            return {}, {}
        site: dict[tuple[str, str], str] = {}
        hoods: dict[tuple[URIRef, str], str] = {}
        for lang in SITE_LANGS:
            href = self.term_href(_ROOT, lang)
            keys = [(k, variant) for k in dg.SITE_DIAGRAMS for variant in ("", "-la")]
            texts = [dg.to_dot(dg.SITE_DIAGRAMS[k](self.ix, lang), self.ix, lang, href, latin=bool(variant)) for k, variant in keys]
            for (key, variant), svg in zip(keys, dg.render_svgs(texts, self.dot, chunk=1), strict=True):
                site[(key, lang + variant)] = svg
            texts = [dg.to_dot(dg.neighbourhood(self.ix, c, lang), self.ix, lang, href) for c in self.classes]
            for cls, svg in zip(self.classes, dg.render_svgs(texts, self.dot), strict=True):
                hoods[(cls, lang)] = svg
        self.report.diagrams = len(site) + len(hoods)
        return site, hoods

    def figure(self, svg: str | None, prefix: str, title: str, description: str, root: str, lang: str, file_link: str | None = None) -> str:
        if svg is None:
            return f'<figure class="diagram"><p class="note">{escape(t("no diagrams", lang))}</p><figcaption>{escape(title)}</figcaption></figure>'
        inline = dg.inline_svg(svg.replace(_ROOT, root), prefix, title, description)
        link = f' · <a href="{escape(file_link)}">{escape(t("diagram file", lang))}</a>' if file_link else ""
        return (
            f'<figure class="diagram" id="{prefix}">{inline}<figcaption><strong>{escape(title)}</strong>. '
            f"{escape(description)}{link}</figcaption></figure>"
        )

    # -- pages ----------------------------------------------------------------------------
    def term_pages(self, hoods: dict[tuple[URIRef, str], str], questions: QuestionTable) -> None:
        for iri in self.terms:
            for lang in SITE_LANGS:
                card = build_card(self.ix, iri, lang, questions=questions)
                self.term_page(card, iri, lang, hoods.get((iri, lang)))

    def term_page(self, card: TermCard, iri: URIRef, lang: str, hood: str | None) -> None:
        root = "../"
        page = f"terms/{slug(card.term)}"
        html = render_html(
            card,
            self.term_href(root, lang),
            self.question_href(root, lang),
            lambda other: f"{root}{page_path(page, other)}" if other in SITE_LANGS else None,
        )
        latin = next((n.text for n in card.labels if n.lang == "la"), None)
        if latin and latin != card.term.name.text:
            html = html.replace("</h1>", f'</h1>\n<p class="latin" lang="la">{escape(latin)}</p>', 1)
        links = []
        if iri in self.pathway_set:
            links.append((f"{root}{page_path('pathways/' + slug(card.term), lang)}", t("pathway from here", lang)))
        if card.kind == "class":
            links.append(self.printable(card, lang))
        if links:
            items = " · ".join(f'<a href="{address}">{escape(text)}</a>' for address, text in links)
            html = html.replace("</h1>", f'</h1>\n<p class="pathway-link no-print">{items}</p>', 1)
        body = [html]
        if card.kind == "class":
            diagram = dg.neighbourhood(self.ix, iri, lang)
            title = f"{t('neighbourhood', lang)}: {card.term.name.text}"
            description = diagram.descriptions[lang]
            if diagram.shown and diagram.shown[0] < diagram.shown[1]:
                description += " " + t("selection", lang, shown=diagram.shown[0], total=diagram.shown[1])
            figure = self.figure(hood, "hood", title, description, root, lang)
            anchor = next((m for m in ('<section class="card-relations"', '<section class="card-incoming"') if m in html), None)
            body = [html.replace(anchor, figure + "\n" + anchor, 1)] if anchor else [html, figure]
        self.page(f"terms/{slug(card.term)}", lang, card.term.name.text, "\n".join(body))

    def printable(self, card: TermCard, lang: str) -> tuple[str, str]:
        """Write the term's printable page (a patient sheet for an exercise, else a one-page summary); its link."""
        from .printable import exercise_sheet, is_exercise, term_summary
        from .printable import word as print_word

        if is_exercise(card):
            name, body, key = f"sheets/{slug(card.term)}", exercise_sheet(card, print_word("print", lang)), "printable sheet"
        else:
            name = f"summaries/{slug(card.term)}"
            body, key = term_summary(card, self.term_href("../", lang), print_word("print", lang)), "printable summary"
        self.page(name, lang, f"{card.term.name.text} — {print_word(key, lang).lower()}", body, body_class="printable")
        return f"../{page_path(name, lang)}", print_word(key, lang)

    @property
    def pathway_set(self) -> set[URIRef]:
        return set(self.pathways)

    def pathway_pages(self) -> None:
        from ..pathway import build_pathway
        from ..pathway import render_html as pathway_html

        for lang in SITE_LANGS:
            root = "../"
            href = self.term_href(root, lang)
            for iri in self.pathways:
                pathway = build_pathway(self.session, iri, lang)
                self.page(
                    f"pathways/{slug(iri)}",
                    lang,
                    f"{pathway.term.name.text} — {t('pathways', lang).lower()}",
                    pathway_html(pathway, href, self.pathway_href(root, lang)),
                    current="pathways",
                )
            featured = "".join(self.pathway_tile(iri, lang, "") for iri in self.featured)
            rest = sorted(self.pathways, key=lambda i: self.ix.name(i, lang).text.casefold())
            listing = "".join(
                f'<li><a href="{page_path("pathways/" + slug(i), lang)}">{escape(capitalize(self.ix.name(i, lang).text))}</a></li>' for i in rest
            )
            body = (
                f"<h1>{escape(t('pathways title', lang))}</h1><p>{escape(t('pathways intro', lang))}</p>"
                f'<div class="grid">{featured}</div><h2>{escape(t("all pathways", lang))}</h2><ul class="columns">{listing}</ul>'
            )
            self.page("pathways", lang, t("pathways title", lang), body, current="pathways")

    def pathway_tile(self, iri: URIRef, lang: str, root: str) -> str:
        ref = self.ix.ref(iri, lang)
        return (
            f'<a href="{root}{page_path("pathways/" + slug(ref), lang)}"><strong>{escape(capitalize(ref.name.text))}</strong><br>'
            f'<span class="muted">{escape(t("kind pathway", lang))}</span></a>'
        )

    def home(self, site: dict[tuple[str, str], str]) -> None:
        for lang in SITE_LANGS:
            texts = self.ix.texts(URIRef(ONTOLOGY_IRI), DCTERMS.title)
            title = (texts.get(lang) or texts.get("en") or ["gluteonto"])[0]
            main = self.ix.ref(MAIN_TERM, lang)
            counts = t(
                "counts",
                lang,
                classes=len(self.classes),
                relations=sum(1 for i in self.terms if self.ix.kind(i) == "object property"),
                questions=sum(1 for q in self.questions if q.group == "questions"),
                sources=sum(1 for i in self.terms if self.ix.kind(i) == "individual"),
            )
            tiles = [
                (
                    f'<a href="{page_path("terms/" + slug(main), lang)}"><strong>{escape(main.name.text)}</strong><br>'
                    f'<span class="muted">{escape(t("start here", lang))}</span></a>'
                )
            ]
            for key, make in dg.SITE_DIAGRAMS.items():
                diagram = make(self.ix, lang)
                tiles.append(
                    f'<a href="{page_path("diagrams", lang)}#d-{key}"><strong>{escape(diagram.titles[lang])}</strong>'
                    f'<br><span class="muted">{escape(t("diagrams", lang))}</span></a>'
                )
            tiles.append(
                f'<a href="{page_path("questions", lang)}"><strong>{escape(t("questions", lang))}</strong><br>'
                f'<span class="muted">{escape(t("questions subtitle", lang))}</span></a>'
            )
            tiles.append(
                f'<a href="{page_path("browse", lang)}"><strong>{escape(t("browse", lang))}</strong><br>'
                f'<span class="muted">{escape(t("classes", lang))}, {escape(t("relations", lang).lower())}, '
                f"{escape(t('sources', lang).lower())}</span></a>"
            )
            pathways = "".join(self.pathway_tile(iri, lang, "") for iri in self.featured)
            body = (
                f"<h1>{escape(title)}</h1>\n<p>{escape(t('home intro', lang))}</p>\n"
                f'<section class="home-pathways"><h2><a href="{page_path("pathways", lang)}">{escape(t("pathways title", lang))}</a></h2>'
                f'<p>{escape(t("pathways intro", lang))}</p><div class="grid">{pathways}</div></section>\n'
                f'<p>{escape(counts)}</p>\n<div class="grid">{"".join(tiles)}</div>\n'
                f'<p class="muted">{escape(t("offline", lang))}</p>'
            )
            first = next(iter(dg.SITE_DIAGRAMS))
            diagram = dg.SITE_DIAGRAMS[first](self.ix, lang)
            body += "\n" + self.figure(site.get((first, lang)), f"home-{first}", diagram.titles[lang], diagram.descriptions[lang], "", lang)
            self.page("index", lang, title, body, current="index")

    def diagrams_page(self, site: dict[tuple[str, str], str]) -> None:
        for key, make in dg.SITE_DIAGRAMS.items():
            for lang in SITE_LANGS:
                diagram = make(self.ix, lang)
                for variant in ("", "-la"):
                    if (key, lang + variant) in site:
                        self.write(
                            f"diagrams/{key}.{lang}{variant}.svg",
                            dg.standalone_svg(site[(key, lang + variant)].replace(_ROOT, "../"), diagram.titles[lang], diagram.descriptions[lang]),
                        )
        for lang in SITE_LANGS:
            parts = [f"<h1>{escape(t('diagrams', lang))}</h1>", f'<p class="muted">{escape(t("diagram help", lang))}</p>']
            for key, make in dg.SITE_DIAGRAMS.items():
                diagram = make(self.ix, lang)
                svg = site.get((key, lang))
                parts.append(f'<h2 id="d-{key}">{escape(diagram.titles[lang])}</h2>')
                parts.append(
                    self.figure(
                        svg, f"fig-{key}", diagram.titles[lang], diagram.descriptions[lang], "", lang, f"diagrams/{key}.{lang}.svg" if svg else None
                    )
                )
                latin = site.get((key, lang + "-la"))
                if latin:
                    parts.append(
                        f'<details class="latin-diagram"><summary>{escape(t("latin names", lang))}</summary>'
                        + self.figure(
                            latin, f"fig-{key}-la", diagram.titles[lang], diagram.descriptions[lang], "", lang, f"diagrams/{key}.{lang}-la.svg"
                        )
                        + "</details>"
                    )
            self.page("diagrams", lang, t("diagrams", lang), "\n".join(parts), current="diagrams")

    def browse(self) -> None:
        for lang in SITE_LANGS:
            self.browse_page(lang)

    def browse_page(self, lang: str) -> None:
        href = self.term_href("", lang)

        def link(iri: URIRef) -> str:
            ref = self.ix.ref(iri, lang)
            url = href(ref)
            text = escape(ref.name.text)
            if ref.name.lang and ref.name.lang != lang:  # a name only in another language is marked as such
                text = f'<span lang="{escape(ref.name.lang)}">{text}</span>'
            return f'<a href="{escape(url)}">{text}</a>' if url else text

        def tree(iri: URIRef, seen: frozenset[URIRef]) -> str:
            kids = sorted((c for c in self.ix.children(iri) if c not in seen), key=lambda c: self.ix.name(c, lang).text.casefold())
            inner = "".join(tree(c, seen | {c}) for c in kids)
            return f"<li>{link(iri)}" + (f"<ul>{inner}</ul>" if inner else "") + "</li>"

        tops = sorted((c for c in self.classes if not self.ix.parents(c)), key=lambda c: self.ix.name(c, lang).text.casefold())
        parts = [
            f"<h1>{escape(t('browse', lang))}</h1>",
            f'<h2>{escape(t("classes", lang))}</h2><div class="tree"><ul>{"".join(tree(c, frozenset({c})) for c in tops)}</ul></div>',
        ]
        for kind, key in (("object property", "relations"), ("annotation property", "annotation properties"), ("individual", "sources")):
            items = sorted((i for i in self.terms if self.ix.kind(i) == kind), key=lambda i: self.ix.name(i, lang).text.casefold())
            parts.append(f'<h2>{escape(t(key, lang))}</h2><ul class="columns">' + "".join(f"<li>{link(i)}</li>" for i in items) + "</ul>")
        self.page("browse", lang, t("browse", lang), "\n".join(parts), current="browse")

    def cell(self, value: Node | None, lang: str, root: str) -> str:
        if value is None:
            return ""
        if isinstance(value, URIRef):
            ref = self.ix.ref(value, lang)
            own = self.term_href(root, lang)(ref)
            url = own or url_for(ref.curie) or (str(value) if str(value).startswith("http") else None)
            text = escape(ref.name.text)
            if ref.name.lang and ref.name.lang != lang:  # a name only in another language is marked as such
                text = f'<span lang="{escape(ref.name.lang)}">{text}</span>'
            return f'<a href="{escape(url)}">{text}</a>' if url else text
        if isinstance(value, BNode):
            return "–"
        if isinstance(value, Literal) and value.language and value.language != lang:
            return f'<span lang="{escape(value.language)}">{escape(str(value))}</span>'
        if isinstance(value, Literal) and not value.language:
            return escape(cell_text(str(value), lang))
        return escape(str(value))

    def answer(self, spec: QuerySpec, lang: str, root: str) -> str:
        params = {"lang": lang} if any(p.name == "lang" for p in spec.params) else {}
        try:
            result = self.session.query(spec.name, params)
        except GluteontoError as exc:
            return f'<p class="note">{escape(t("answer failed", lang, error=exc.render(lang) if isinstance(exc, Localized) else str(exc)))}</p>'
        if result.kind == "boolean":
            return f"<p>{'✓' if result.boolean else '✗'}</p>"
        if not result.rows:
            return f"<p>{escape(t('no answers', lang))}</p>"
        # as the command line shows it: without the parameters' columns (the defaults, one value in every row)
        # and the query's own English names of terms (the table names them in the page's language)
        result = without_columns(result, [*own_label_columns(result), *(p.name for p in spec.params)])
        names = [header(v, lang) for v in result.variables]
        head = "".join(f'<th scope="col">{escape(name)}</th>' for name in names)
        rows = "".join(
            "<tr>"
            + "".join(f'<td data-label="{escape(name)}">{self.cell(c, lang, root)}</td>' for name, c in zip(names, row, strict=False))
            + "</tr>"
            for row in result.rows
        )
        count = tn("rows", len(result.rows), lang)
        return f'<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table><p class="muted">{escape(count)}</p>'

    def question_pages(self) -> None:
        for lang in SITE_LANGS:
            listing: list[str] = [f"<h1>{escape(t('questions', lang))}</h1>", f"<p>{escape(t('catalog intro', lang))}</p>"]
            group = None
            for spec in self.questions:
                if spec.group != group:
                    if group is not None:
                        listing.append("</ul>")
                    group = spec.group
                    key = f"group {group}"
                    listing.append(f"<h2>{escape(t(key, lang) if key in _GROUP_KEYS else group)}</h2><ul>")
                name = "questions/" + spec.name.replace("/", "-")
                text, text_lang = _described(spec, "description", lang)
                listing.append(
                    f'<li><a href="{page_path(name, lang)}">{escape(spec.title(lang))}</a> '
                    f'<code class="name">{escape(spec.name_in(lang))}</code><br><span class="muted"'
                    f"{' lang=' + chr(34) + text_lang + chr(34) if text_lang != lang else ''}>{escape(text)}</span></li>"
                )
                self.question_page(spec, name, lang)
            listing.append("</ul>")
            self.page("questions", lang, t("questions", lang), "\n".join(listing), current="questions")

    def default_of(self, param: Param, lang: str) -> str:
        """A parameter's default as HTML: a term by its name in ``lang`` (marked when only another language has one)."""
        if param.kind != "iri" or not param.default:
            return escape(param.default)
        try:
            name = self.ix.name(URIRef(self.session.resolve_term(param.default)), lang)
        except GluteontoError:
            return escape(param.default)
        return escape(name.text) if name.lang in (lang, "") else f'<span lang="{escape(name.lang)}">{escape(name.text)}</span>'

    def command_value(self, param: Param, lang: str) -> str:
        """A parameter's default as the page's command types it: a term by its name in ``lang`` when it has one
        that names that term again (``gluteonto --lang nb query …`` finds it), else as the catalog gives it."""
        if param.name == "lang":
            return lang
        if param.kind != "iri" or not param.default:
            return param.default
        try:
            term = self.session.resolve_term(param.default)
            name = self.ix.name(URIRef(term), lang)
            if name.lang == lang and name.text != param.default and self.session.resolve_term(name.text, lang=lang) == term:
                return name.text
        except GluteontoError:
            pass
        return param.default

    def question_page(self, spec: QuerySpec, name: str, lang: str) -> None:
        root = "../"
        parts = [f"<h1>{escape(spec.title(lang))}</h1>"]
        for other in other_langs(lang):
            if spec.titles.get(other) and spec.titles.get(other) != spec.title(lang):
                parts.append(
                    f'<p class="muted">{escape(t("in language." + other, lang))} <span lang="{other}">{escape(spec.titles[other])}</span></p>'
                )
        for key, heading in (("description", "description"), ("answer", "answer means")):
            text, text_lang = _described(spec, key, lang)
            if text:
                marker = f" <small>{escape(t('english only', lang))}</small>" if text_lang != lang else ""
                parts.append(f'<h2>{escape(t(heading, lang))}</h2><p lang="{text_lang}">{escape(text)}{marker}</p>')
        parts.append(f"<h2>{escape(t('parameters', lang))}</h2>")
        if spec.params:
            helps = [_param_help(spec, p, lang) for p in spec.params]
            labels = [escape(t(key, lang)) for key in ("parameter", "default", "meaning")]
            rows = "".join(
                f'<tr><td data-label="{labels[0]}"><code>{escape(param_name(p.name, lang))}</code></td><td data-label="{labels[1]}">'
                f'{self.default_of(p, lang)}</td><td data-label="{labels[2]}" lang="{h_lang}">{escape(h_text)}</td></tr>'
                for p, (h_text, h_lang) in zip(spec.params, helps, strict=True)
            )
            parts.append(
                f'<table><thead><tr><th scope="col">{escape(t("parameter", lang))}</th><th scope="col">'
                f'{escape(t("default", lang))}</th><th scope="col">{escape(t("meaning", lang))}</th></tr></thead>'
                f"<tbody>{rows}</tbody></table>"
            )
        else:
            parts.append(f"<p>{escape(t('no parameters', lang))}</p>")
        example = " ".join(f"-p {param_name(p.name, lang)}={_shell_word(self.command_value(p, lang))}" for p in spec.params)
        parts.append(
            f'<h2 class="cli">{escape(t("run it", lang))}</h2>'
            f'<pre class="cli"><code>gluteonto query {escape(spec.name_in(lang))} {escape(example)}</code></pre>'
        )
        parts.append(f"<h2>{escape(t('sparql', lang))}</h2><pre><code>{escape(spec.text)}</code></pre>")
        parts.append(f"<h2>{escape(t('default answer', lang))}</h2>{self.answer(spec, lang, root)}")
        self.page(name, lang, spec.title(lang), "\n".join(parts), current="questions")

    def search(self) -> None:
        kinds = {
            "class": "kind class",
            "object property": "kind object property",
            "annotation property": "kind annotation property",
            "individual": "kind individual",
        }
        entries = []
        for iri in self.terms:
            labels = {lang: values[0] for lang, values in self.ix.texts(iri, _LABEL).items() if lang in LABEL_LANGS}
            if not labels:
                continue
            synonyms = sorted({(text, lang) for prop in _SYNONYMS for lang, values in self.ix.texts(iri, prop).items() for text in values})
            kind = kinds.get(self.ix.kind(iri), "kind class")
            entries.append(
                {"u": "terms/" + slug(iri), "k": {lang: t(kind, lang) for lang in SITE_LANGS}, "l": labels, "s": [list(s) for s in synonyms]}
            )
        for spec in self.questions:
            entries.append(
                {
                    "u": "questions/" + spec.name.replace("/", "-"),
                    "k": {lang: t("kind question", lang) for lang in SITE_LANGS},
                    "l": {lang: spec.title(lang) for lang in SITE_LANGS},
                    "s": [[spec.name, "en"]],
                }
            )
        for iri in self.pathways:  # after the terms: an equal match opens the term page, the pathway comes next
            entries.append(
                {
                    "u": "pathways/" + slug(iri),
                    "k": {lang: t("kind pathway", lang) for lang in SITE_LANGS},
                    "l": {lang: self.ix.name(iri, lang).text for lang in SITE_LANGS},
                    "s": [],
                }
            )
        words = {lang: {"none": t("search none", lang), "quoted": t("search quoted", lang)} for lang in SITE_LANGS}
        data = json.dumps({"entries": entries, "langs": list(LABEL_LANGS), "words": words}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        self.write("assets/search-index.js", f"window.GLUTEONTO_SEARCH = {data};\n")
        for lang in SITE_LANGS:
            body = (
                f'<h1>{escape(t("search results", lang))}</h1><p id="search-summary" class="muted"></p>'
                f'<noscript><p class="note">{escape(t("search needs js", lang))}</p></noscript>'
                f'<ul id="search-results" class="search-results"></ul>'
            )
            self.page("search", lang, t("search results", lang), body)

    def practice(self) -> None:
        """The practice page: the question bank in both languages, answered and checked in the browser."""
        from ..quiz import build_bank
        from ..quiz.words import w

        banks = {lang: [item.to_json() for item in build_bank(self.session, lang)] for lang in SITE_LANGS}
        data = json.dumps(banks, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        self.write("assets/practice-data.js", f"window.GLUTEONTO_QUIZ = {data};\n")
        self.write("assets/practice.js", _static("practice.js"))
        for lang in SITE_LANGS:
            ui = {key: w(key, lang) for key in ("check", "correct", "wrong", "score", "choose", "item")}
            words = json.dumps(ui, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
            body = (
                f"<h1>{escape(w('title', lang))}</h1><p>{escape(w('intro', lang))}</p>"
                f'<p class="muted cli">{escape(w("export hint", lang))}</p>'
                f'<noscript><p class="note">{escape(w("needs js", lang))}</p></noscript>'
                f'<p id="practice-score" class="score" aria-live="polite"></p><div id="practice"></div>'
                f'<script type="application/json" id="practice-words">{words}</script>'
                f'<script src="assets/practice-data.js"></script><script src="assets/practice.js"></script>'
            )
            self.page("practice", lang, w("title", lang), body, current="practice")

    def editor(self) -> None:
        """The SPARQL page: catalog questions (defaults filled in) to load, edit and run on ``gluteonto serve``'s endpoint."""
        from ..sparql.text import inject_values

        entries: list[dict[str, object]] = []
        texts: list[str] = []
        for spec in self.questions:
            if spec.group != "questions":
                continue
            try:
                text = inject_values(spec.text, self.session.bind(spec))
            except GluteontoError:
                text = spec.text
            entries.append(
                {
                    "name": spec.name,
                    "names": {lang: spec.name_in(lang) for lang in SITE_LANGS},
                    "titles": {lang: spec.title(lang) for lang in SITE_LANGS},
                    "text": text,
                }
            )
            texts.append(text)
        data = json.dumps(entries, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        variables = {name for text in texts for name in re.findall(r"\?([A-Za-z_][A-Za-z0-9_]*)", text)}
        self.write("assets/editor-data.js", f"window.GLUTEONTO_EDITOR = {data};\n")
        self.write("assets/editor.js", _static("editor.js"))
        first = texts[0] if texts else "SELECT * WHERE { ?s ?p ?o } LIMIT 10"
        fixed_values = sorted(key.removeprefix("value.") for key in message_keys(BASE_LANG) if key.startswith("value."))
        for lang in SITE_LANGS:
            ui: dict[str, object] = {key: t(f"editor {key}", lang) for key in ("rows", "running", "failed", "yes", "no")}
            ui["headers"] = {name: header(name, lang) for name in sorted(variables)}
            # the queries' fixed values (``1 start with``, ``stated`` …) as the question pages and the terminal word them
            ui["values"] = {value: cell_text(value, lang) for value in fixed_values}
            words = json.dumps(ui, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
            body = (
                f"<h1>{escape(t('editor title', lang))}</h1><p>{escape(t('editor intro', lang))}</p>"
                f'<p class="note editor-offline">{escape(t("editor needs server", lang))}</p>'
                f'<form id="sparql-form"><p><label for="sparql-question">{escape(t("editor load", lang))}</label><br>'
                f'<select id="sparql-question"><option value="">–</option></select></p>'
                f'<p><label for="sparql-text">{escape(t("editor query", lang))}</label><br>'
                f'<textarea id="sparql-text" name="query" rows="16" spellcheck="false" translate="no">{escape(first)}</textarea></p>'
                f'<p><button type="submit">{escape(t("editor run", lang))}</button></p></form>'
                f'<p id="sparql-status" class="muted" aria-live="polite"></p><div id="sparql-result"></div>'
                f'<script type="application/json" id="editor-words">{words}</script>'
                f'<script src="assets/editor-data.js"></script><script src="assets/editor.js"></script>'
            )
            self.page("sparql-editor", lang, t("editor title", lang), body, current="sparql-editor")

    def build(self) -> SiteReport:
        self.write("assets/site.css", _static("site.css"))
        self.write("assets/search.js", _static("search.js"))
        site, hoods = self.diagrams()
        questions = answering_questions(self.session, self.classes)
        self.term_pages(hoods, questions)
        self.home(site)
        self.diagrams_page(site)
        self.browse()
        self.question_pages()
        self.pathway_pages()
        self.search()
        self.practice()
        self.editor()
        self.write(MARKER, f"gluteonto {package_version()} documentation site\n")
        if self.dot is None:
            self.report.notes.append("site no dot")
        return self.report


def _shell_word(value: str) -> str:
    """``value`` as one word of a shell command: in double quotes unless a character would be special there.

    >>> _shell_word("enbens knebøy"), _shell_word("costs $5"), _shell_word("L5")
    ('"enbens knebøy"', "'costs $5'", '"L5"')
    """
    return f'"{value}"' if not any(c in value for c in '"$`\\!') else shlex.quote(value)


_GROUP_KEYS = {f"group {g}" for g in _GROUP_ORDER}
#: starting points featured on the front page, each as alternative names (the first that is a starting point is taken)
FEATURED_PATHWAYS = (
    ("greater trochanteric pain syndrome",),
    ("Trendelenburg sign",),
    ("lateral hip pain",),
    ("hip arthroplasty", "status after hip arthroplasty"),
    ("gluteus minimus trigger point pain",),
    ("superior gluteal nerve lesion",),
)
_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
_SYNONYMS = (
    URIRef("http://www.geneontology.org/formats/oboInOwl#hasExactSynonym"),
    URIRef("http://www.geneontology.org/formats/oboInOwl#hasRelatedSynonym"),
)


def build_site(output: Path, session: Session | None = None, *, require_diagrams: bool = False, dot: str | None = None) -> SiteReport:
    """Generate the site into ``output`` (replacing the files a site generated there before, and only those).

    Diagrams need Graphviz's ``dot``; without it the pages say the diagrams are missing, unless
    ``require_diagrams`` is set, which makes a missing ``dot`` an error. What else the folder holds
    (a ``.git``, a ``CNAME``, notes) is kept; see :mod:`.publish`.
    """
    from ..query.session import Session

    output = Path(output)
    check_target(output)
    dot = dot or dg.dot_available()
    if dot is None and require_diagrams:
        raise dg.DiagramError(("dot missing required", {}))
    session = session or Session("oxigraph")
    with publishing(output) as work:
        report = _Site(session, work, dot).build()
    report.output = output
    return report
