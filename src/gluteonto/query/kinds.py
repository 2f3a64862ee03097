"""What kind of term a question's parameter expects, and what kind a given term is.

A parameter named ``muscle`` expects a muscle, ``nerve`` a nerve, and so on (:data:`PARAM_KINDS`).
A term's kind is the first of :data:`KIND_ROOTS` among its superclasses. A term of another kind
gets "X is a nerve, not a muscle" instead of an empty answer; among several terms that fit a
name, one of the expected kind is preferred.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .. import iris
from ..terms import iri

if TYPE_CHECKING:
    from ..engines import Engine

__all__ = ["KIND_ROOTS", "PARAM_KINDS", "expected_kinds", "kind_members", "kind_of"]

#: the top classes that name a term's kind, most specific first
KIND_ROOTS = (
    iris.MUSCLE_PART,
    iris.MUSCLE_ORGAN,
    iris.NERVE_PLEXUS,
    iris.NERVE,
    iris.ARTERIAL_ANASTOMOSIS,
    iris.ARTERY,
    iris.BODILY_PROCESS,
    iris.CLINICAL_ENTITY,
    iris.HEALTH_CARE_PROCEDURE,
    iris.RISK_FACTOR,
    iris.BODY_CONDITION,
    iris.ANATOMICAL_ENTITY,
)

#: parameter name → the kinds of term it expects (parameters not listed take any term)
PARAM_KINDS: dict[str, tuple[str, ...]] = {
    "muscle": (iris.MUSCLE_ORGAN,),
    "nerve": (iris.NERVE,),
    "artery": (iris.ARTERY,),
    "anastomosis": (iris.ARTERIAL_ANASTOMOSIS,),
    "target": (iris.MUSCLE_ORGAN, iris.MUSCLE_PART),
    "exercise": (iris.HEALTH_CARE_PROCEDURE,),
    "finding": (iris.CLINICAL_ENTITY,),
    "symptom": (iris.CLINICAL_ENTITY,),
    "movement": (iris.BODILY_PROCESS,),
}

# Written in the part of SPARQL that SPARQL servers evaluate alike (docs/design.md, "Queries that every store
# answers alike"): these run on the endpoint when one is used. A path never ends at a bound term; the root
# is reached from its subclasses with a plain triple pattern.
_ANCESTORS = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT DISTINCT ?root WHERE { ?term rdfs:subClassOf* ?root . ?root a owl:Class }"""
_MEMBERS = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT DISTINCT ?term WHERE {
  { ?term rdfs:subClassOf* ?parent . ?parent rdfs:subClassOf ?root } UNION { ?root a owl:Class . BIND(?root AS ?term) }
  FILTER(isIRI(?term))
}"""


def expected_kinds(param: str) -> tuple[str, ...]:
    """The kinds (root class IRIs) a parameter called ``param`` expects; empty when any term will do."""
    return PARAM_KINDS.get(param, ())


def kind_of(engine: Engine, term: str) -> str | None:
    """The root class IRI naming the kind of ``term`` (None for a term outside :data:`KIND_ROOTS`)."""
    found = {row[0].value for row in engine.query(_ANCESTORS, {"term": iri(term)}).cells if row[0] is not None}
    return next((root for root in KIND_ROOTS if root in found), None)


def kind_members(engine: Engine, kinds: Iterable[str]) -> set[str]:
    """Every term (IRI string) of one of ``kinds``."""
    members: set[str] = set()
    for root in kinds:
        members |= {row[0].value for row in engine.query(_MEMBERS, {"root": iri(root)}).cells if row[0] is not None}
    return members
