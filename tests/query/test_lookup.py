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
