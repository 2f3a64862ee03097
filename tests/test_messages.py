"""The message catalogues: one per language, the same keys and fields in each, a sentence for every relation."""

from __future__ import annotations

import gettext
import io
import re
import string
from pathlib import Path

import pytest
from rdflib import Graph

from gluteonto import i18n, iris
from gluteonto.compile.messages import catalogue_paths, compile_catalogue, mo_bytes
from gluteonto.compile.source import SourceError

from .helpers import ROOT

babel = pytest.importorskip("babel.messages.pofile", reason="Babel reads the PO catalogues (build extra)")

PATHS = catalogue_paths(ROOT)


def _entries(lang: str) -> dict[str, tuple[str, ...]]:
    """Key → its text (one per plural form) in the PO catalogue of ``lang``."""
    with PATHS[lang].open("rb") as handle:
        catalogue = babel.read_po(handle)
    out: dict[str, tuple[str, ...]] = {}
    for message in catalogue:
        if message.id:
            key = message.id if isinstance(message.id, str) else message.id[0]
            out[key] = (message.string,) if isinstance(message.string, str) else tuple(message.string)
    return out


ENTRIES = {lang: _entries(lang) for lang in PATHS}


def _fields(text: str) -> set[str]:
    return {name.split("!")[0].split(".")[0] for _literal, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_there_is_a_catalogue_per_interface_language() -> None:
    assert set(PATHS) == set(i18n.UI_LANGS) and i18n.UI_LANGS[0] == "en"
    assert "nb" in PATHS


@pytest.mark.parametrize("lang", sorted(set(PATHS) - {"en"}))
def test_every_key_is_in_every_language_with_the_same_fields(lang: str) -> None:
    base, other = ENTRIES["en"], ENTRIES[lang]
    assert sorted(set(base) - set(other)) == [], f"keys missing in {lang}"
    assert sorted(set(other) - set(base)) == [], f"keys only in {lang}"
    for key, texts in base.items():
        assert len(other[key]) == len(texts), f"{key}: plural forms in one catalogue only"
        assert all(other[key]), f"{key}: not translated in {lang}"
        wanted = set().union(*(_fields(t) for t in texts))
        assert set().union(*(_fields(t) for t in other[key])) <= wanted | {"n"}, key
        if not key.startswith("click:"):  # click fills in more than a language may show (its English type names)
            assert _fields(texts[-1]) == _fields(other[key][-1]), f"{key}: {lang} has other {{fields}} than en"


def test_every_relation_of_the_source_has_a_sentence_in_every_language() -> None:
    assert iris.RELATIONS, "the source declares relations"
    for lang, entries in ENTRIES.items():
        for key in iris.RELATIONS.values():
            texts = entries.get(f"relation.{key}")
            assert texts is not None, f"the relation {key!r} has no sentence in the {lang} catalogue (relation.{key})"
            assert "{s}" in texts[0] and "{o}" in texts[0], f"relation.{key} ({lang}) needs {{s}} and {{o}}"


def test_a_relation_without_a_sentence_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test above can fail: a relation added to the source without a sentence is reported."""
    monkeypatch.setitem(iris.RELATIONS, "https://w3id.org/gluteonto/new", "brand_new_relation")
    with pytest.raises(AssertionError, match="brand_new_relation"):
        test_every_relation_of_the_source_has_a_sentence_in_every_language()


def test_requires_is_one_norwegian_word_everywhere() -> None:
    """'requires' was 'krever' in column headers and 'forutsetter' on cards and diagrams."""
    used = {
        key: ENTRIES["nb"][key] for key, texts in ENTRIES["en"].items() if re.search(r"\brequires\b", texts[0]) and not key.startswith("click:")
    }  # click's "requires an argument" is about typing, not a precondition
    assert {"header.requires", "edge.requires", "relation.requires_condition"} <= set(used)
    for key, texts in used.items():
        assert "forutsetter" in texts[0] and "krever" not in texts[0], key


def test_lookup_fills_fields_and_picks_the_plural_form() -> None:
    assert i18n.nmsg("rows", 1, "nb") == "(1 rad)" and i18n.nmsg("rows", 5, "nb") == "(5 rader)"
    assert i18n.nmsg("rows", 0, "en") == "(0 rows)"
    assert i18n.msg("not a term", "nb", value="qqqq").startswith("'qqqq' er ikke et begrep")
    assert i18n.msg("yes", "la") == "yes"  # Latin labels come with the English interface
    with pytest.raises(KeyError, match="no message 'no such key'"):
        i18n.msg("no such key", "nb")


def test_the_catalogues_hold_every_table_of_words() -> None:
    """Headers, fixed values, parameter names, card and site words, coverage notes, edges and diagrams."""
    for prefix in ("header.", "value.", "param.", "card.", "sentence.", "relation.", "coverage.", "site.", "edge.", "diagram."):
        assert any(key.startswith(prefix) for key in ENTRIES["en"]), prefix
    assert i18n.header("larger_plexus", "nb") == "større pleksus"
    assert i18n.param_name("muscle", "nb") == "muskel" and i18n.param_aliases("muscle") == {"muscle", "muskel"}


def test_compiled_catalogues_read_with_the_standard_library(tmp_path: Path) -> None:
    data = mo_bytes(
        {
            b"": b"Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n",
            b"hello": "hei på deg".encode(),
            b"rows\0rows": b"(1 rad)\0({n} rader)",
        }
    )
    translations = gettext.GNUTranslations(io.BytesIO(data))
    assert translations.gettext("hello") == "hei på deg"
    assert translations.ngettext("rows", "rows", 3) == "({n} rader)"


@pytest.mark.parametrize("lang", sorted(PATHS))
def test_the_catalogue_reader_agrees_with_the_standard_library(lang: str) -> None:
    """i18n reads a catalogue one message at a time; every message and plural form is what gettext reads."""
    data = PATHS[lang].with_suffix(".mo").read_bytes()
    standard = gettext.GNUTranslations(io.BytesIO(data))
    ours = i18n._Catalogue(data)
    stored = standard._catalog  # type: ignore[attr-defined]
    singular = {key for key in stored if isinstance(key, str) and key}
    plural = {key[0] for key in stored if isinstance(key, tuple)}
    assert ours.keys == singular | plural and ours.plural_keys == plural and len(ours.keys) > 500
    for key in singular:
        assert ours.gettext(key) == standard.gettext(key) and ours.has(key), key
    for key in plural:
        for n in (0, 1, 2, 5, 21):
            assert ours.ngettext(key, key, n) == standard.ngettext(key, key, n), (key, n)


def test_the_catalogue_reader_falls_back_and_refuses_an_unknown_key() -> None:
    header = b"Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n"
    entries = {b"": header, b"a": b"A", b"b\0b": b"one b\0{n} b", b"bb": b"BB", "ø".encode(): "Ø".encode()}
    ours = i18n._Catalogue(mo_bytes(entries))
    assert [ours.gettext(k) for k in ("a", "bb", "ø")] == ["A", "BB", "Ø"]
    assert (ours.ngettext("b", "b", 1), ours.ngettext("b", "b", 3)) == ("one b", "{n} b")
    assert all(ours.has(key) for key in ("a", "b", "bb", "ø")) and not any(ours.has(key) for key in ("", "c", "a\0", "b\0b"))
    for missing in ("c", "b", "a\0", "b\0b"):
        with pytest.raises(KeyError):
            ours.gettext(missing)
    with pytest.raises(KeyError):
        ours.ngettext("a", "a", 2)  # a singular message has no plural forms
    with_fallback = i18n._Catalogue(mo_bytes({b"": header, b"a": b"nb A"}), fallback="en")
    assert with_fallback.gettext("a") == "nb A" and with_fallback.gettext("error") == i18n.msg("error", "en")
    with pytest.raises(KeyError):
        with_fallback.gettext("no such key anywhere")
    with pytest.raises(ValueError, match="MO"):
        i18n._Catalogue(b"\0" * 28)


@pytest.mark.parametrize(
    "entry, problem",
    [
        ('#, fuzzy\nmsgid "x"\nmsgstr "y"\n', "marked fuzzy"),
        ('msgid "x"\nmsgstr ""\n', "not translated"),
    ],
)
def test_an_untranslated_or_fuzzy_message_stops_the_build(tmp_path: Path, entry: str, problem: str) -> None:
    path = tmp_path / "gluteonto.po"
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' + entry, encoding="utf-8")
    with pytest.raises(SourceError, match=f"'x' is {problem}"):
        compile_catalogue(path, "xx")


def test_a_new_catalogue_is_a_new_interface_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Adding a language is a catalogue: its folder with a compiled catalogue makes it an interface language."""
    for lang in ("en", "nb", "nn"):
        folder = tmp_path / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "gluteonto.mo").write_bytes(b"")
    (tmp_path / "xx").mkdir()  # no catalogue: not a language
    monkeypatch.setattr(i18n, "_LOCALE", tmp_path)
    assert i18n._catalogue_langs() == ("en", "nb", "nn")


def test_compiled_catalogues_are_what_the_po_files_say() -> None:
    for lang, path in PATHS.items():
        assert path.with_suffix(".mo").read_bytes() == compile_catalogue(path, lang), lang


def test_a_relation_still_worded_by_its_label_shows_its_current_label(ontology_graph: Graph) -> None:
    """Until a relation has a sentence of its own, its template is "{s} — label — {o}"; the label is the ontology's."""
    from rdflib import URIRef
    from rdflib.namespace import RDFS

    for lang, entries in ENTRIES.items():
        for iri, key in iris.RELATIONS.items():
            bare = re.fullmatch(r"\{s\} — (.+) — \{o\}", entries[f"relation.{key}"][0])
            if bare:
                labels = {str(o) for o in ontology_graph.objects(URIRef(iri), RDFS.label) if getattr(o, "language", None) == lang}
                assert bare.group(1) in labels, f"relation.{key} ({lang}) shows {bare.group(1)!r}, the label is {labels}"
