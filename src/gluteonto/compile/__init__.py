"""Build time: turns the edit source into the releases (YAML → typed entries → OWL graph → release files),
and the message catalogues into the files the run time reads.

``python -m gluteonto.compile [ROOT]`` rebuilds ``ontology/*.owl|ttl|jsonld``, the FMA bridge, the
Protégé catalog and the SSSOM set of a source checkout from its ``ontology/source/``. It needs PyYAML
(the ``build`` extra) and an explicit checkout (the current folder by default); the editable source
is not in the wheel. The runtime package (query layer, engines, tools, CLI) never imports it.

Modules: :mod:`.source` (read and index the YAML), :mod:`.compiler` (OWL axioms with provenance),
:mod:`.bridge` (FMA bridge and catalog), :mod:`.sssom` (mapping set), :mod:`.babelon` (translation
table), :mod:`.constants` (the term constants, ``gluteonto/iris.py``), :mod:`.messages` (PO catalogues →
MO files), :mod:`.release` (all files).
"""

from __future__ import annotations

__all__: list[str] = []
