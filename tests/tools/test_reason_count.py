"""`gluteonto reason` counts what the reasoner infers beyond what the file given asserts."""

from __future__ import annotations

import pytest

from gluteonto.resources import release_file
from gluteonto.tools.reason import java_available, reason

from ..compile.test_release import committed_inferences

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not java_available(), reason="HermiT needs Java")]  # HermiT runs


def test_reason_counts_the_subclass_links_the_full_variant_adds_to_the_main_release() -> None:
    """Regression: `gluteonto reason` said "0 subclass links inferred" on gluteonto.owl, the full variant and the
    default file alike, though the full variant asserts 11 inferred subclass axioms the main release lacks (owlready2
    replaces a class's parents by the inferred direct ones, so counting parents before and after gave 0)."""
    added = committed_inferences()
    assert added
    main = reason(release_file("gluteonto.owl"))
    assert main.ok and main.inferred_subclasses == len(added)
    assert f"({len(added)} subclass links inferred" in main.render()
    assert reason().inferred_subclasses == len(added)  # the default file is the main release
    # the full variant asserts them all: nothing is inferred beyond what it states
    assert reason(release_file("gluteonto-full.owl")).inferred_subclasses == 0
