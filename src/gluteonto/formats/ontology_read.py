"""Reading a user's ontology file as RDF quads, whatever form the ontology is distributed in.

RDF syntaxes (RDF/XML ``.owl``, Turtle, N-Triples, JSON-LD) go through :func:`~.safe_read.read_quads`;
OBO 1.4 (``.obo``, e.g. ``uberon.obo``, ``uberon-basic.obo``) and obographs JSON (``.json`` whose
top level is ``{"graphs": …}``, e.g. ``uberon.json``) are translated here into the triples their OWL
form has (the OBO-to-OWL mapping): ``rdfs:label``, IAO definitions, ``oboInOwl:has…Synonym``,
``rdfs:subClassOf`` a class or a part-of ``owl:someValuesFrom`` restriction, ``owl:deprecated``
and IAO's term-replaced-by. An ``intersection_of``
definition is read in its relaxed form (the genus as a superclass, each differentia as a
restriction), as OBO releases' ``relax`` step does. Every file is opened through
:func:`~.safe_read.open_input` (regular file, gzip, size cap). gzip is allowed for each. The limits of
RDF input hold for these forms too: literals and IRIs are checked as for RDF, one OBO line is read up to
:data:`~gluteonto.limits.MAX_LINE_BYTES` and no further, and obographs JSON nested deeper than
:data:`~gluteonto.limits.MAX_NESTING_DEPTH` is refused while it is read. An OBO file is streamed (one stanza
held at a time); obographs JSON is read as a stream (:mod:`.json_stream`): one node or edge is held at a
time, and one longer than :data:`~gluteonto.limits.MAX_JSON_VALUE_CHARS` is refused.

>>> form_of(Path("uberon-basic.obo.gz"))
'OBO'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .. import limits
from ..i18n import MessageError, Phrase
from ..iris import HAS_PART, PART_OF
from ..vocab import OBO_DEFINITION, OBO_REPLACED_BY
from .json_stream import JsonStream, JsonSyntaxError
from .reading import syntax_for
from .safe_read import checked_terms, open_input, read_quads

__all__ = ["form_of", "read_ontology_quads"]

_OBO = "http://purl.obolibrary.org/obo/"
_OIO = "http://www.geneontology.org/formats/oboInOwl#"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_OWL = "http://www.w3.org/2002/07/owl#"
_SUBCLASS = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
_DEFINITION = ox.NamedNode(OBO_DEFINITION)
_REPLACED_BY = ox.NamedNode(OBO_REPLACED_BY)
_BOOLEAN = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")
_SCOPES = {"EXACT": "hasExactSynonym", "NARROW": "hasNarrowSynonym", "BROAD": "hasBroadSynonym", "RELATED": "hasRelatedSynonym"}
#: Relations OBO files name by a short id, with the OWL property that id stands for.
_BUILTIN_RELATIONS = {"part_of": PART_OF, "has_part": HAS_PART}
_OBOGRAPHS_HEAD = re.compile(rb'^\s*\{\s*"graphs"\s*:')
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def form_of(path: Path) -> str:
    """How the file is written: ``OBO``, ``obographs`` (looked for in a ``.json`` file's head) or ``RDF``."""
    name = Path(path).name.lower().removesuffix(".gz")
    if name.endswith(".obo"):
        return "OBO"
    if name.endswith(".json"):
        try:
            with open_input(Path(path)) as stream:
                head = stream.read(4096)
        except OSError:
            return "RDF"  # the RDF reader names the problem
        if _OBOGRAPHS_HEAD.match(head):
            return "obographs"
    return "RDF"


def read_ontology_quads(path: Path) -> Iterator[Any]:
    """The file's triples as pyoxigraph quads (checked, no network); InputError naming the file on failure."""
    form = form_of(path)
    if form == "OBO":
        return checked_terms(_read_obo(Path(path)), Path(path))
    if form == "obographs":
        return checked_terms(_read_obographs(Path(path)), Path(path))
    return read_quads(Path(path), syntax_for(Path(path)))


def curie_iri(curie: str) -> str:
    """The OBO PURL of a CURIE (``UBERON:n`` → ``…/obo/UBERON_n``); an IRI stays as it is.

    >>> curie_iri("X:12"), curie_iri("http://x.org/a")
    ('http://purl.obolibrary.org/obo/X_12', 'http://x.org/a')
    """
    if "://" in curie:
        return curie
    prefix, _sep, local = curie.partition(":")
    return f"{_OBO}{prefix}_{local}"


def _restriction(subject: ox.NamedNode, prop: str, filler: str) -> Iterator[ox.Quad]:
    node = ox.BlankNode()
    yield ox.Quad(node, _RDF_TYPE, ox.NamedNode(_OWL + "Restriction"))
    yield ox.Quad(node, ox.NamedNode(_OWL + "onProperty"), ox.NamedNode(prop))
    yield ox.Quad(node, ox.NamedNode(_OWL + "someValuesFrom"), ox.NamedNode(curie_iri(filler)))
    yield ox.Quad(subject, _SUBCLASS, node)


# --- OBO 1.4 ---------------------------------------------------------------------------------------


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def _value(line: str) -> str:
    """A tag's value without trailing qualifiers ``{…}`` and comment ``! …``."""
    value = line.split(" !", 1)[0]
    return re.sub(r"\s*\{[^}]*\}\s*$", "", value).strip()


_Stanza = tuple[str, list[tuple[str, str]]]


def _obo_stanzas(path: Path) -> Iterator[_Stanza]:
    """The file's header (kind ``""``) and stanzas one at a time, as (kind, [(tag, value)…]): only one is held.

    A file with neither a stanza nor a ``format-version`` header is refused once it has been read.
    """
    kind = ""
    tags: list[tuple[str, str]] = []
    first = ""
    stanzas = 0
    with open_input(path) as stream:
        for number, raw in enumerate(iter(lambda: stream.readline(limits.MAX_LINE_BYTES + 1), b""), 1):
            if len(raw) > limits.MAX_LINE_BYTES:  # one line is never held whole beyond the limit
                raise MessageError(("line too long", {"path": path, "line": number, "limit": limits.MAX_LINE_BYTES}))
            try:
                line = raw.decode("utf-8").strip()
            except UnicodeDecodeError as exc:
                raise MessageError(
                    ("file not utf8", {"path": path, "what": "OBO", "line": number, "byte": f"0x{raw[exc.start]:02x}", "offset": exc.start + 1})
                ) from None
            if not line or line.startswith("!"):
                continue
            first = first or line
            if line.startswith("[") and line.endswith("]"):
                yield kind, tags
                kind, tags = line[1:-1], []
                stanzas += 1
                continue
            tag, sep, value = line.partition(":")
            if not sep:
                raise MessageError(("obo line without tag", {"path": path, "line": number, "found": _shown(line)}))
            tags.append((tag.strip(), value.strip()))
    if not stanzas and not any(tag == "format-version" for tag, _ in tags):
        found = _shown(first) if first else Phrase("found empty file")
        raise MessageError(("obo no header", {"path": path, "found": found}))
    yield kind, tags


def _read_obo(path: Path) -> Iterator[Any]:
    """The OBO file's quads, in two streaming passes: the first checks the whole file and finds the relations
    its Typedefs map to RO/BFO (they may come after the terms that use them), the second translates."""
    relations = dict(_BUILTIN_RELATIONS)
    header: list[tuple[str, str]] = []
    for kind, tags in _obo_stanzas(path):
        if not kind:
            header = tags
            continue
        if kind == "Typedef":
            ident = next((v for t, v in tags if t == "id"), "")
            xref = next((_value(v) for t, v in tags if t == "xref"), "")
            if ident and xref.startswith(("BFO:", "RO:")):
                relations[ident] = curie_iri(xref)
    return _obo_quads(header, (stanza for stanza in _obo_stanzas(path) if stanza[0]), relations)


def _obo_quads(header: list[tuple[str, str]], stanzas: Iterable[_Stanza], relations: dict[str, str]) -> Iterator[Any]:
    ontology = next((v for t, v in header if t == "ontology"), "")
    if ontology:
        node = ox.NamedNode(f"{_OBO}{ontology}.owl")
        yield ox.Quad(node, _RDF_TYPE, ox.NamedNode(_OWL + "Ontology"))
        version = next((v for t, v in header if t == "data-version"), "")
        if version:
            yield ox.Quad(node, ox.NamedNode(_OWL + "versionInfo"), ox.Literal(version))
    for kind, tags in stanzas:
        ident = next((_value(v) for t, v in tags if t == "id"), "")
        if not ident:
            continue
        if kind == "Typedef":
            prop = ox.NamedNode(relations.get(ident, curie_iri(ident) if ":" in ident else f"{_OBO}{ontology or 'obo'}#{ident}"))
            yield ox.Quad(prop, _RDF_TYPE, ox.NamedNode(_OWL + "ObjectProperty"))
            name = next((v for t, v in tags if t == "name"), "")
            if name:
                yield ox.Quad(prop, _LABEL, ox.Literal(name))
            continue
        if kind != "Term":
            continue
        subject = ox.NamedNode(curie_iri(ident))
        yield ox.Quad(subject, _RDF_TYPE, ox.NamedNode(_OWL + "Class"))
        yield ox.Quad(subject, ox.NamedNode(_OIO + "id"), ox.Literal(ident))
        for tag, value in tags:
            yield from _obo_tag(subject, tag, value, relations)


def _obo_tag(subject: ox.NamedNode, tag: str, value: str, relations: dict[str, str]) -> Iterator[Any]:
    if tag == "name":
        yield ox.Quad(subject, _LABEL, ox.Literal(value))
    elif tag == "def":
        quoted = _QUOTED.match(value)
        if quoted:
            yield ox.Quad(subject, _DEFINITION, ox.Literal(_unquote(quoted.group(1))))
    elif tag == "synonym":
        quoted = _QUOTED.match(value)
        if quoted:
            scope = value[quoted.end() :].split()[:1]
            prop = _SCOPES.get(scope[0] if scope else "RELATED", "hasRelatedSynonym")
            yield ox.Quad(subject, ox.NamedNode(_OIO + prop), ox.Literal(_unquote(quoted.group(1))))
    elif tag == "xref":
        yield ox.Quad(subject, ox.NamedNode(_OIO + "hasDbXref"), ox.Literal(_value(value).split(" ")[0]))
    elif tag in ("is_a", "intersection_of"):
        parts = _value(value).split()
        if len(parts) == 1:
            yield ox.Quad(subject, _SUBCLASS, ox.NamedNode(curie_iri(parts[0])))
        elif len(parts) == 2 and parts[0] in relations:
            yield from _restriction(subject, relations[parts[0]], parts[1])
    elif tag == "relationship":
        parts = _value(value).split()
        if len(parts) == 2 and parts[0] in relations:
            yield from _restriction(subject, relations[parts[0]], parts[1])
    elif tag == "is_obsolete" and value.strip() == "true":
        yield ox.Quad(subject, ox.NamedNode(_OWL + "deprecated"), ox.Literal("true", datatype=_BOOLEAN))
    elif tag == "replaced_by":
        yield ox.Quad(subject, _REPLACED_BY, ox.NamedNode(curie_iri(_value(value))))
    elif tag == "consider":
        yield ox.Quad(subject, ox.NamedNode(_OIO + "consider"), ox.Literal(_value(value)))


# --- obographs JSON --------------------------------------------------------------------------------


def _shown(text: str, limit: int = 60) -> str:
    """A piece of a file quoted for a message, cut at ``limit`` characters.

    >>> _shown("this line has no tag")
    "'this line has no tag'"
    """
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _json_kind(value: Any) -> Phrase:
    """What a JSON value is, for the user (``an object with the keys a, b``)."""
    if isinstance(value, dict):
        keys = ", ".join(repr(k) for k in list(value)[:5])
        return Phrase("json kind object", keys=keys) if value else Phrase("json kind empty object")
    kind = (
        "list"
        if isinstance(value, list)
        else "string"
        if isinstance(value, str)
        else "boolean"
        if isinstance(value, bool)
        else "number"
        if isinstance(value, (int, float))
        else "null"
    )
    return Phrase(f"json kind {kind}")


def _read_obographs(path: Path) -> Iterator[Any]:
    """The triples of an obographs document, read as a stream: one node or edge is held at a time."""
    with open_input(path, structure="json") as stream:  # nesting bounded while reading
        reader = JsonStream(stream, path, "obographs JSON")
        try:
            names: list[str] = []
            for name in reader.members():
                names.append(name)
                if name != "graphs":
                    reader.skip()
                elif reader.peek() != "[":
                    raise MessageError(("obographs graphs not list", {"path": path, "found": _json_kind(reader.value())}))
                else:
                    for _ in reader.items():
                        yield from _obographs_graph(reader)
            reader.end()
        except JsonSyntaxError as exc:
            found: str | Phrase = Phrase("found end of file") if exc.found is None else _shown(exc.found, 20)
            raise MessageError(
                ("obographs bad json", {"path": path, "line": exc.line, "column": exc.column, "expected": Phrase(exc.expected), "found": found})
            ) from None
        if "graphs" not in names:
            raise MessageError(("obographs no graphs", {"path": path, "found": _json_kind(dict.fromkeys(names))}))


def _obographs_graph(reader: JsonStream) -> Iterator[Any]:
    """One graph of the document (the reader is at it): its nodes and edges as they come, then its header."""
    if reader.peek() != "{":
        reader.skip()
        return
    iri: object = None
    version: object = None
    for name in reader.members():
        if name in ("nodes", "edges") and reader.peek() == "[":
            translate = _obographs_node if name == "nodes" else _obographs_edge
            for _ in reader.items():
                yield from translate(reader.value())
        elif name in ("id", "meta"):
            value = reader.value()
            if name == "id":
                iri = value
            elif isinstance(value, dict):
                version = value.get("version")
        else:
            reader.skip()
    if isinstance(iri, str):
        node = ox.NamedNode(iri)
        yield ox.Quad(node, _RDF_TYPE, ox.NamedNode(_OWL + "Ontology"))
        if isinstance(version, str):
            yield ox.Quad(node, ox.NamedNode(_OWL + "versionIRI"), ox.NamedNode(version))


def _obographs_edge(edge: Any) -> Iterator[Any]:
    if not isinstance(edge, dict) or not all(isinstance(edge.get(k), str) for k in ("sub", "pred", "obj")):
        return
    subject = ox.NamedNode(curie_iri(edge["sub"]))
    if edge["pred"] == "is_a":
        yield ox.Quad(subject, _SUBCLASS, ox.NamedNode(curie_iri(edge["obj"])))
    elif edge["pred"] not in ("subPropertyOf", "inverseOf"):
        relation = str(edge["pred"])
        yield from _restriction(subject, curie_iri(_BUILTIN_RELATIONS.get(relation, relation)), edge["obj"])


def _obographs_node(item: Any) -> Iterator[Any]:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        return
    subject = ox.NamedNode(curie_iri(item["id"]))
    kind = {"CLASS": "Class", "PROPERTY": "ObjectProperty"}.get(str(item.get("type")))
    if kind is None:
        return
    yield ox.Quad(subject, _RDF_TYPE, ox.NamedNode(_OWL + kind))
    if isinstance(item.get("lbl"), str):
        yield ox.Quad(subject, _LABEL, ox.Literal(item["lbl"]))
    meta = item.get("meta") or {}
    definition = (meta.get("definition") or {}).get("val")
    if isinstance(definition, str):
        yield ox.Quad(subject, _DEFINITION, ox.Literal(definition))
    for synonym in meta.get("synonyms") or []:
        if isinstance(synonym, dict) and isinstance(synonym.get("val"), str):
            prop = synonym.get("pred") if synonym.get("pred") in _SCOPES.values() else "hasRelatedSynonym"
            yield ox.Quad(subject, ox.NamedNode(_OIO + str(prop)), ox.Literal(synonym["val"]))
    if meta.get("deprecated") is True:
        yield ox.Quad(subject, ox.NamedNode(_OWL + "deprecated"), ox.Literal("true", datatype=_BOOLEAN))
    for value in meta.get("basicPropertyValues") or []:
        if isinstance(value, dict) and value.get("pred") == _REPLACED_BY.value and isinstance(value.get("val"), str):
            yield ox.Quad(subject, _REPLACED_BY, ox.NamedNode(curie_iri(value["val"])))
