"""Classify the ontology with HermiT (bundled with owlready2; needs Java) and report problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import first_line
from ..i18n import EngineMessageError, MessageError, msg
from ..java import java_available
from ..resources import ontology_file

__all__ = ["ReasonerReport", "java_available", "reason"]


@dataclass
class ReasonerReport:
    """Outcome of one HermiT run."""

    consistent: bool
    unsatisfiable: list[str] = field(default_factory=list)
    class_count: int = 0
    inferred_subclasses: int = 0
    seconds: float = 0.0
    unresolved_imports: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when consistent with no unsatisfiable class."""
        return self.consistent and not self.unsatisfiable

    def render(self, lang: str = "en") -> str:
        """The outcome as one line (or a list) in ``lang``, with a note for each import left unresolved."""
        notes = "".join("\n" + msg("reason unresolved", lang, iri=iri) for iri in self.unresolved_imports)
        return self._verdict(lang) + notes

    def _verdict(self, lang: str) -> str:
        if not self.consistent:
            return msg("reason inconsistent", lang)
        if self.unsatisfiable:
            return msg("reason unsatisfiable", lang) + "\n" + "\n".join(f"  - {c}" for c in self.unsatisfiable)
        return msg("reason consistent", lang, classes=self.class_count, inferred=self.inferred_subclasses, seconds=self.seconds)


def reason(path: Path | None = None, *, timeout: float | None = None) -> ReasonerReport:
    """Run HermiT on ``path`` (default: the packaged RDF/XML release) and what it imports.

    The file is read by the checked parser (:mod:`gluteonto.formats.safe_read`) and its imports are
    followed through catalogs and local files only (:mod:`gluteonto.formats.imports`); the reasoner gets
    the merged triples and never a URL. Classification runs in a child process stopped after
    ``timeout`` seconds (None: no limit) or on Ctrl-C, together with its Java process.
    """
    from ..formats.imports import import_closure
    from ..formats.reading import no_triples
    from ..isolate import run_isolated

    path = Path(path or ontology_file("owl"))
    closure = import_closure(path)  # the input is checked first (in bounded memory), whether or not Java is there
    if not closure.quads:
        raise no_triples(path)
    if not java_available():
        raise EngineMessageError(("reason no java", {}))
    report = run_isolated(lambda: _classify(closure.quads, path), timeout=timeout, what="work.reasoner", quiet=True)
    report.unresolved_imports = list(closure.unresolved)
    return report


def _classify(quads: list[Any], path: Path) -> ReasonerReport:
    import io
    import time

    import owlready2
    import pyoxigraph as ox

    buffer = io.BytesIO()
    ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads], buffer, format=ox.RdfFormat.N_TRIPLES)
    world = owlready2.World()
    try:
        onto = world.get_ontology(path.resolve().as_uri()).load(fileobj=io.BytesIO(buffer.getvalue()), format="ntriples")
    except Exception as exc:  # owlready2 raises parser-specific errors
        raise MessageError(("not owl", {"path": path, "detail": first_line(exc)})) from None
    classes = list(onto.classes())
    before = _named_superclasses(onto)
    start = time.perf_counter()
    try:
        with onto:
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError:
        return ReasonerReport(consistent=False, class_count=len(classes), seconds=time.perf_counter() - start)
    except Exception as exc:
        last = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise EngineMessageError(("hermit failed", {"detail": last})) from None
    seconds = time.perf_counter() - start
    unsat = sorted(str(c.iri) for c in world.inconsistent_classes() if c is not owlready2.Nothing)
    inferred = _named_superclasses(onto) - before
    return ReasonerReport(consistent=True, unsatisfiable=unsat, class_count=len(classes), inferred_subclasses=len(inferred), seconds=seconds)


def _named_superclasses(onto: Any) -> set[tuple[str, str]]:
    """The (class, named superclass) pairs owlready2 holds for ``onto``: asserted before the reasoner runs, after it
    the direct superclasses HermiT found (owlready2 replaces a class's asserted parents with them, so a count of
    parents stays the same whatever was inferred). ``owl:Thing`` is left out."""
    import owlready2

    return {(c.iri, p.iri) for c in onto.classes() for p in c.is_a if isinstance(p, owlready2.ThingClass) and p is not owlready2.Thing}
