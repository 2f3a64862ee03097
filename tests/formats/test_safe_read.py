"""The checked reader accepts ordinary files (Protégé-style entity shorthands included) and refuses hostile ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from gluteonto.errors import InputError
from gluteonto.formats.reading import syntax_for
from gluteonto.formats.safe_read import check_dtd, read_quads

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
        check_dtd(path)


def test_external_dtd_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.owl"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF SYSTEM "http://127.0.0.1:9/x.dtd">\n<rdf:RDF/>\n')
    with pytest.raises(InputError, match="external DTD"):
        check_dtd(path)


def test_doctype_text_after_the_root_element_is_not_a_declaration(tmp_path: Path) -> None:
    path = tmp_path / "ok.owl"
    path.write_text(
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        "<!-- <!DOCTYPE x [ <!ENTITY % p 'x'> ]> --></rdf:RDF>\n"
    )
    check_dtd(path)
