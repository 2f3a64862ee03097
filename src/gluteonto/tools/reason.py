"""Classify the ontology with HermiT (bundled with owlready2; needs Java) and report problems."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EngineError, InputError
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

    @property
    def ok(self) -> bool:
        """True when consistent with no unsatisfiable class."""
        return self.consistent and not self.unsatisfiable

    def render(self) -> str:
        """The outcome as one line (or a list)."""
        if not self.consistent:
            return "Inconsistent: the ontology has no model (HermiT)."
        if self.unsatisfiable:
            return "Unsatisfiable classes (HermiT):\n" + "\n".join(f"  - {c}" for c in self.unsatisfiable)
        return (f"Consistent: {self.class_count} classes, none unsatisfiable "
                f"({self.inferred_subclasses} subclass links inferred, {self.seconds:.1f} s with HermiT).")


def java_available() -> bool:
    """True when a Java runtime that can start is on PATH."""
    java = shutil.which("java")
    if not java:
        return False
    try:
        return subprocess.run([java, "-version"], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def reason(path: Path | None = None) -> ReasonerReport:
    """Run HermiT on ``path`` (default: the packaged RDF/XML release)."""
    import time

    import owlready2

    if not java_available():
        raise EngineError("the reasoner needs Java (a JRE 11 or newer on PATH); none was found")
    path = Path(path or ontology_file("owl"))
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    world = owlready2.World()
    try:
        onto = world.get_ontology(path.resolve().as_uri()).load()
    except Exception as exc:  # owlready2 raises parser-specific errors
        raise InputError(f"{path}: cannot be read as OWL: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    classes = list(onto.classes())
    before = sum(len(c.is_a) for c in classes)
    start = time.perf_counter()
    try:
        with onto:
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError:
        return ReasonerReport(consistent=False, class_count=len(classes), seconds=time.perf_counter() - start)
    except Exception as exc:
        raise EngineError(f"HermiT failed: {str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__}") from None
    seconds = time.perf_counter() - start
    unsat = sorted(str(c.iri) for c in world.inconsistent_classes() if c is not owlready2.Nothing)
    after = sum(len(c.is_a) for c in onto.classes())
    return ReasonerReport(consistent=True, unsatisfiable=unsat, class_count=len(classes),
                          inferred_subclasses=max(after - before, 0), seconds=seconds)
