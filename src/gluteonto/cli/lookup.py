"""``gluteonto lookup``: terms by label or synonym, from the prebuilt table (a session without it)."""

from __future__ import annotations

import sys

import click

from ..cli_lang import Command
from .common import LANG_OPTION, friendly, indented, open_session, read_as

__all__ = ["lookup"]


@click.command(cls=Command)
@click.argument("text", nargs=-1, required=True)
@click.option("--limit", default=10, show_default=True, help="option.limit")
@LANG_OPTION
@friendly
def lookup(text: tuple[str, ...], limit: int, lang: str) -> None:
    """Find terms by label or synonym in Norwegian, English or Latin (case, accents and typos forgiven),
    with the questions that answer for each."""
    from ..i18n import has_msg, name_shown
    from ..i18n import msg as say
    from ..prebuilt import SessionTerms, packaged_terms
    from ..query.resolve import iri_text
    from ..vocab import compact_iri

    wanted = " ".join(text)
    # the packaged tables answer without loading the ontology; without them, a session does
    terms = packaged_terms() or SessionTerms(open_session())
    hits = terms.lookup(wanted, limit, lang)
    if not hits:
        near = terms.index.nearby(wanted)
        hint = f". {say('did you mean', lang, names=terms.index.named(near, lang))}" if near else ""
        click.echo(say("no match", lang, value=wanted) + hint, err=True)
        sys.exit(1)
    if len(hits) == 1 and iri_text(wanted) not in (None, str(hits[0].iri)):  # a code of another vocabulary, mapped to the term
        read_as(text, [(wanted, str(hits[0].iri))], str(hits[0].iri), terms.index.label(hits[0].iri, lang) or hits[0].text, lang)
    if hits[0].approximate:
        click.echo(say("approximate", lang))
    questions = terms.asked_about([h.iri for h in hits], lang)
    for hit in hits:
        label = terms.index.label(hit.iri, lang) or hit.text
        line = label
        if hit.text != label and name_shown(hit.text, hit.lang, lang) != label:  # not the name shown, marked or not
            language = say(f"language {hit.lang}", lang) if has_msg(f"language {hit.lang}", lang) else hit.lang
            line += " " + say("matched", lang, language=language, kind=say(hit.kind, lang), text=hit.text)
        click.echo(indented(line, 21, f"{compact_iri(str(hit.iri)):<20} "))
        names = questions.get(hit.iri, [])
        line = f"{say('asks', lang)}: {', '.join(names)}" if names else say("no questions", lang)
        click.echo(indented(line, 21))
