"""Label look-up: terms found by label or synonym in nb, en and la; ambiguous labels refused."""

from __future__ import annotations

import pytest

from gluteonto import Session
from gluteonto.errors import InputError


@pytest.mark.parametrize(
    "text, expected",
    [
        ("bekkenstabilisering", "0000208"),
        ("Trendelenburgs tegn", "0000444"),
        ("n. gluteus superior", "0000062"),
        ("a. glutea superior", "0000077"),
        ("LASEGUE", "0000643"),
        ("hofteartrose", "0000406"),
        ("os ilium", "0000031"),
    ],
)
def test_lookup_finds_terms_in_any_language(rdflib_session: Session, text: str, expected: str) -> None:
    assert str(rdflib_session.lookup(text)[0].iri).endswith(expected)


def test_ambiguous_label_is_refused(rdflib_session: Session) -> None:
    with pytest.raises(InputError, match="fits several terms"):
        rdflib_session.resolve_term("gluteus")


def test_a_name_with_no_label_in_the_asked_language_is_marked_with_its_own() -> None:
    """lookup showed the English label of a term with no Norwegian one unmarked in Norwegian."""
    from rdflib import URIRef

    from gluteonto.query.lookup import LabelIndex, normalize

    muscle, outside = URIRef("http://example.org/muscle"), URIRef("http://example.org/outside")
    entries = [(muscle, "gluteal muscle", "en"), (muscle, "setemuskel", "nb"), (outside, "psoas muscle", "en")]
    index = LabelIndex.normalized((iri, text, lang, "label", normalize(text)) for iri, text, lang in entries)
    assert index.label(muscle, "nb") == "setemuskel" and index.label(outside, "nb") == "psoas muscle\u00a0(en)"
    assert index.label(outside, "en") == "psoas muscle" and index.label(muscle, "la") == "gluteal muscle\u00a0(en)"
