"""The checked reader accepts ordinary files (Protégé-style entity shorthands included) and refuses hostile ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from gluteonto.errors import InputError
from gluteonto.formats.reading import syntax_for
from gluteonto.formats.safe_read import check_structure, read_quads

PROTEGE_STYLE = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
    <!ENTITY owl "http://www.w3.org/2002/07/owl#" >
    <!ENTITY rdfs "http://www.w3.org/2000/01/rdf-schema#" >
    <!-- a comment inside the subset -->
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:owl="&owl;" xmlns:rdfs="&rdfs;">
  <owl:Class rdf:about="http://x/A"><rdfs:label>A &amp; B</rdfs:label></owl:Class>
</rdf:RDF>
"""


def test_plain_entity_shorthands_are_read(tmp_path: Path) -> None:
    path = tmp_path / "protege.owl"
    path.write_text(PROTEGE_STYLE)
    quads = list(read_quads(path, syntax_for(path)))
    assert {q.object.value for q in quads} == {"http://www.w3.org/2002/07/owl#Class", "A & B"}


@pytest.mark.parametrize(
    "subset, message",
    [
        ('<!ENTITY a "x"> <!ENTITY b "&a;&a;">', "refers to other entities"),
        ('<!ENTITY a SYSTEM "file:///etc/passwd">', "external"),
        ('<!ENTITY % p "x">', "parameter entity"),
        ('<!ENTITY a "' + "x" * 2000 + '">', "longer than"),
        ("".join(f'<!ENTITY e{i} "x">' for i in range(1001)), "more than 1000"),
        ("<!ELEMENT rdf:RDF ANY>", "more than plain entities"),
    ],
)
def test_hostile_document_types_are_refused(tmp_path: Path, subset: str, message: str) -> None:
    path = tmp_path / "bad.owl"
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ {subset} ]>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n')
    with pytest.raises(InputError, match=message):
        check_structure(path, syntax_for(path))


def test_external_dtd_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.owl"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF SYSTEM "http://127.0.0.1:9/x.dtd">\n<rdf:RDF/>\n')
    with pytest.raises(InputError, match="external DTD"):
        check_structure(path, syntax_for(path))


def test_doctype_text_after_the_root_element_is_not_a_declaration(tmp_path: Path) -> None:
    path = tmp_path / "ok.owl"
    path.write_text(
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        "<!-- <!DOCTYPE x [ <!ENTITY % p 'x'> ]> --></rdf:RDF>\n"
    )
    check_structure(path, syntax_for(path))


# -- the structure check reads the whole file with a real tokenizer --------------------------------------------
RDF_OPEN = '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">'
LAUGHS = '<!DOCTYPE rdf:RDF [<!ENTITY lol0 "lol">' + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)) + "]>"
LABELLED = '<rdf:Description rdf:about="http://x/a"><rdfs:label>&lol9;</rdfs:label></rdf:Description></rdf:RDF>'


@pytest.mark.parametrize(
    "document, message",
    [
        ('<?xml version="1.0"?><!-- <a -->' + LAUGHS + RDF_OPEN + LABELLED, "billion laughs"),
        ('<?xml version="1.0"?><?note <a ?>' + LAUGHS + RDF_OPEN + LABELLED, "billion laughs"),
        ('<?xml version="1.0"?><!--' + "x" * (2 * 1024 * 1024) + "-->" + LAUGHS + RDF_OPEN + LABELLED, "billion laughs"),
        ('<?xml version="1.0"?>' + RDF_OPEN + LAUGHS + LABELLED, "rdf.xml: not well-formed"),
        (
            '<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY e "<b>x</b>">]>'
            + RDF_OPEN
            + '<rdf:Description rdf:about="http://x/a"><rdfs:label>&e;</rdfs:label></rdf:Description></rdf:RDF>',
            "holds markup",
        ),
        (
            '<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY a "x"><!ENTITY e "&#38;a;">]>'
            + RDF_OPEN
            + '<rdf:Description rdf:about="http://x/a"><rdfs:label>&e;</rdfs:label></rdf:Description></rdf:RDF>',
            "other entities",
        ),
    ],
)
def test_entity_check_cannot_be_bypassed(tmp_path: Path, document: str, message: str) -> None:
    """Billion laughs after a comment or processing instruction holding '<a', after the first MiB, or after the
    root element; entities holding markup or a character reference to '&'."""
    path = tmp_path / "lol.owl"
    path.write_text(document)
    with pytest.raises(InputError, match=message):
        list(read_quads(path, syntax_for(path)))


def test_entity_used_thousands_of_times_is_refused_early(tmp_path: Path) -> None:
    """A 2.7 MB file whose 1 KiB entity, used 3,000 times in each of 300 elements, would make 900 MB of text."""
    path = tmp_path / "many.owl"
    element = '<rdf:Description rdf:about="http://x/a"><rdfs:label>' + "&e;" * 3000 + "</rdfs:label></rdf:Description>"
    path.write_text('<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY e "' + "x" * 1024 + '">]>' + RDF_OPEN + element * 300 + "</rdf:RDF>")
    with pytest.raises(InputError, match="entity references add more text than allowed"):
        list(read_quads(path, syntax_for(path)))


def test_huge_text_node_in_a_gzip_bomb_is_refused_while_reading(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "bomb.owl.gz"
    with gzip.open(path, "wb", compresslevel=1) as handle:
        handle.write(('<?xml version="1.0"?>' + RDF_OPEN + '<rdf:Description rdf:about="http://x/a"><rdfs:label>').encode())
        for _ in range(64):
            handle.write(b"a" * (1024 * 1024))
        handle.write(b"</rdfs:label></rdf:Description></rdf:RDF>")
    seen: list[object] = []
    with pytest.raises(InputError, match="exceeds the limit"):
        seen.extend(read_quads(path, syntax_for(path)))
    assert seen == []


def test_xml_literal_is_bounded_as_a_whole(tmp_path: Path) -> None:
    path = tmp_path / "literal.owl"
    path.write_text(
        '<?xml version="1.0"?>' + RDF_OPEN + '<rdf:Description rdf:about="http://x/a">'
        '<rdfs:label rdf:parseType="Literal">' + ("<b>" + "a" * 1_000_000 + "</b>") * 5 + "</rdfs:label></rdf:Description></rdf:RDF>"
    )
    with pytest.raises(InputError, match="exceeds the limit"):
        list(read_quads(path, syntax_for(path)))


@pytest.mark.parametrize(
    "name, text, message",
    [
        (
            "deep.owl",
            '<?xml version="1.0"?>'
            + RDF_OPEN
            + '<rdf:Description rdf:about="http://x/a"><rdfs:seeAlso>' * 5000
            + '<rdf:Description rdf:about="http://x/z"/>'
            + "</rdfs:seeAlso></rdf:Description>" * 5000
            + "</rdf:RDF>",
            "nested more than 1,000",
        ),
        ("deep.jsonld", '{"@id": "http://x/a", "http://x/p": ' * 5000 + '"v"' + "}" * 5000, "nested more than 1,000"),
        ("deep-list.jsonld", '{"@id": "http://x/a", "http://x/p": ' + "[" * 5000 + '"v"' + "]" * 5000 + "}", "nested more than 1,000"),
    ],
)
def test_deep_nesting_is_refused_at_once(tmp_path: Path, name: str, text: str, message: str) -> None:
    """Oxigraph needs time growing faster than the depth for RDF/XML and overflows its stack on JSON-LD."""
    import time

    path = tmp_path / name
    path.write_text(text)
    start = time.monotonic()
    with pytest.raises(InputError, match=message):
        list(read_quads(path, syntax_for(path)))
    assert time.monotonic() - start < 5


def test_json_brackets_inside_strings_do_not_count(tmp_path: Path) -> None:
    path = tmp_path / "strings.jsonld"
    path.write_text('{"@id": "http://x/a", "http://x/p": "' + '[{\\"\\\\' * 3000 + '"}')
    assert [q.object.value for q in read_quads(path, syntax_for(path))] == ['[{"\\' * 3000]


@pytest.mark.parametrize(
    "line",
    [
        "<http://x/a> <http://x/" + "p" * 70_000 + "> <http://x/c> .\n",
        '<http://x/a> <http://x/p> "c"^^<http://x/' + "d" * 70_000 + "> .\n",
        "<http://x/a> <http://x/p> <http://x/c> <http://x/" + "g" * 70_000 + "> .\n",
    ],
)
def test_iri_limit_applies_to_predicates_datatypes_and_graphs(tmp_path: Path, line: str) -> None:
    path = tmp_path / ("long.nq" if line.count("<") == 4 else "long.nt")
    path.write_text(line)
    syntax = syntax_for(path) if path.suffix == ".nt" else None
    if syntax is None:
        import pyoxigraph as ox

        from gluteonto.formats.reading import RdfSyntax

        syntax = RdfSyntax("nquads", ox.RdfFormat.N_QUADS)
    with pytest.raises(InputError, match="an IRI of 70,0"):
        list(read_quads(path, syntax))


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    for name in ("bom.ttl", "bom.nt", "bom.owl"):
        path = tmp_path / name
        body = (PROTEGE_STYLE if name.endswith(".owl") else '<http://x/a> <http://x/b> "c" .\n').encode()
        path.write_bytes(b"\xef\xbb\xbf" + body)
        assert list(read_quads(path, syntax_for(path))), name


def test_catalog_in_utf16_cannot_hide_entities(tmp_path: Path) -> None:
    """The catalog check looked for '<!DOCTYPE' in the bytes, which UTF-16 spells differently."""
    from gluteonto.formats.imports import read_catalog

    catalog = tmp_path / "catalog-v001.xml"
    catalog.write_text(
        '<?xml version="1.0" encoding="UTF-16"?>'
        + LAUGHS.replace("rdf:RDF", "catalog")
        + '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog"><uri name="&lol9;" uri="x.owl"/></catalog>',
        encoding="utf-16",
    )
    with pytest.raises(InputError, match="billion laughs"):
        read_catalog(catalog)


@pytest.mark.parametrize(
    "content, english, norwegian",
    [
        (b"<catalog>" + b" " * (1024 * 1024) + b"</catalog>", "catalog larger than 1,048,576 bytes", "katalogen er større enn"),
        (b'<!DOCTYPE catalog [<!ENTITY a "b">]><catalog/>', "catalog with a document type declaration", "dokumenttypedeklarasjon"),
        (b"<catalog><uri", "not readable as XML catalog", "kan ikke leses som XML-katalog"),
    ],
)
def test_a_hostile_catalog_is_refused_in_the_users_language(tmp_path: Path, content: bytes, english: str, norwegian: str) -> None:
    """Catalog refusals were English only; the size limit is the one in limits.py."""
    from gluteonto.formats.imports import read_catalog
    from gluteonto.i18n import Localized

    catalog = tmp_path / "catalog-v001.xml"
    catalog.write_bytes(content)
    with pytest.raises(InputError, match=english) as caught:
        read_catalog(catalog)
    assert isinstance(caught.value, Localized) and norwegian in caught.value.render("nb")
