"""The words of the command-line interface in English and Norwegian Bokmål.

Every message, column header and fixed value the CLI prints comes from here, so ``--lang nb``
gives a wholly Norwegian answer. ``la`` (Latin anatomy labels) uses the English interface.

>>> text("rows", "nb", n=3)
'(3 rader)'
>>> header("larger_plexus", "nb")
'større pleksus'
"""

from __future__ import annotations

from collections.abc import Mapping

from .errors import EngineError, InputError
from .vocab import LABEL_LANGS

__all__ = [
    "HEADERS",
    "LABEL_SUFFIX",
    "LANGS",
    "MESSAGES",
    "PARAM_NAMES",
    "UI_LANGS",
    "VALUES",
    "EngineMessageError",
    "Localized",
    "MessageError",
    "cell_text",
    "default_lang",
    "header",
    "in_lang",
    "interface_words",
    "text",
    "ui",
]

#: languages of the interface; ``la`` labels come with the English interface
UI_LANGS = ("en", "nb")
#: languages a user may ask for (labels)
LANGS = LABEL_LANGS


def default_lang(environ: Mapping[str, str]) -> str:
    """The answer language when ``--lang`` is not given: ``GLUTEONTO_LANG``, else ``nb`` for a Norwegian locale."""
    chosen = environ.get("GLUTEONTO_LANG", "").strip().lower()
    if chosen in LANGS:
        return chosen
    locale = next((environ[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(k)), "")
    return "nb" if locale.lower().startswith(("nb", "no", "nn")) else "en"


def ui(lang: str) -> str:
    """Interface language for a label language (``la`` → ``en``)."""
    return "nb" if lang == "nb" else "en"


def in_lang(pair: tuple[str, str], lang: str) -> str:
    """The text of an (English, Norwegian) pair in the interface language of ``lang``.

    >>> in_lang(("yes", "ja"), "nb"), in_lang(("yes", "ja"), "la")
    ('ja', 'yes')
    """
    return pair[1] if ui(lang) == "nb" else pair[0]


#: key → (English, Norwegian); ``{name}`` fields are filled by :func:`text`
MESSAGES: dict[str, tuple[str, str]] = {
    "rows": ("({n} rows)", "({n} rader)"),
    "row": ("(1 row)", "(1 rad)"),
    "rows of": ("({n} rows; {k} different in the first column, {column})",
                "({n} rader; {k} ulike i første kolonne, {column})"),
    "no answers": ("(no answers)", "(ingen svar)"),
    "yes": ("yes", "ja"),
    "no": ("no", "nei"),
    "error": ("error", "feil"),
    "anonymous": ("(anonymous)", "(anonym)"),
    "latin fallback": ("* no Latin name; English shown", "* ikke latinsk navn; engelsk vist"),
    # the three kinds of empty answer
    "empty none": ("No answers: nothing in the ontology fits this question with these values.",
                   "Ingen svar: ingenting i ontologien passer dette spørsmålet med disse verdiene."),
    "empty silent": ("No answers: the source says nothing about {terms} for this question ({question}).",
                     "Ingen svar: kilden sier ingenting om {terms} for dette spørsmålet ({question})."),
    "not a term": ("{value!r} is not a term in gluteonto: no term has that label or synonym.",
                   "{value!r} er ikke et begrep i gluteonto: ingen begreper har det navnet eller synonymet."),
    "unknown code": ("{value!r} is not a term here: nothing in gluteonto has that code or is mapped to it.",
                     "{value!r} er ikke et begrep her: ingenting i gluteonto har den koden eller er koblet til den."),
    "did you mean": ("Did you mean: {names}?", "Mente du: {names}?"),
    "try lookup": ("Try: gluteonto lookup {value}", "Prøv: gluteonto lookup {value}"),
    "ambiguous": ("{value!r} fits several terms: {names}. Give a fuller name or the CURIE.",
                  "{value!r} passer flere begreper: {names}. Skriv et fullere navn eller CURIE-en."),
    "not a value": ("{value!r} is not a valid value for {param} ({hint}).",
                    "{value!r} er ikke en gyldig verdi for {param} ({hint})."),
    "unknown param": ("the question {question!r} has no parameter {param!r} (its parameters: {known}).",
                      "spørsmålet {question!r} har ingen parameter {param!r} (parameterne: {known})."),
    "no params": ("none", "ingen"),
    "unknown query": ("there is no question named {name!r}.", "det finnes ikke noe spørsmål som heter {name!r}."),
    "list queries": ("Run 'gluteonto queries' to list them.", "Kjør 'gluteonto queries' for å se dem."),
    "not name=value": ("{pair!r} is not NAME=VALUE (e.g. -p muscle=\"gluteus medius\")",
                       "{pair!r} er ikke NAVN=VERDI (f.eks. -p muskel=\"gluteus medius\")"),
    "empty value": ("the parameter {param!r} has no value; leave it out to use the default.",
                    "parameteren {param!r} har ingen verdi; utelat den for å bruke standardverdien."),
    "wrong kind": ("{name} is a kind of {kind}, not of {expected}.", "{name} er en type {kind}, ikke {expected}."),
    "questions for": ("Questions that answer for {name}:{commands}", "Spørsmål som svarer for {name}:{commands}"),
    # lookup and queries listings
    "no match": ("no term matches {value!r}", "ingen begreper passer {value!r}"),
    "approximate": ("(closest spellings)", "(nærmeste stavemåter)"),
    "matched": ("(found by {language} {kind}: “{text}”)", "(funnet via {language} {kind}: «{text}»)"),
    "language en": ("English", "engelsk"),
    "language nb": ("Norwegian", "norsk"),
    "language la": ("Latin", "latinsk"),
    "read as": ("(read {value!r} as {name})", "(tolket {value!r} som {name})"),
    "asks": ("questions", "spørsmål"),
    "no questions": ("no packaged question takes this term", "ingen av spørsmålene tar dette begrepet"),
    "default": ("default", "standard"),
    "also": ("also", "også"),
    "no search hit": ("no question mentions {word!r}", "ingen spørsmål nevner {word!r}"),
    "group questions": ("questions", "spørsmål"),
    "group quality control": ("quality control", "kvalitetskontroll"),
    "group FMA comparison": ("FMA comparison (needs FMA data: --data or link-fma)",
                             "FMA-sammenligning (trenger FMA-data: --data eller link-fma)"),
    "label": ("label", "navn"),
    "exact synonym": ("synonym", "synonym"),
    "related synonym": ("related synonym", "beslektet synonym"),
    "interrupted": ("interrupted", "avbrutt"),
    # reading a file the user named
    "file missing": ("{path}: no such file", "{path}: filen finnes ikke"),
    "file permission": ("{path}: permission denied", "{path}: mangler lesetilgang"),
    "file unreadable": ("{path}: cannot be read: {reason}", "{path}: kan ikke leses: {reason}"),
    "file is directory": ("{path}: is a directory, not a file", "{path}: er en mappe, ikke en fil"),
    "file is fifo": ("{path}: is a FIFO (named pipe), not a regular file", "{path}: er et navngitt rør (FIFO), ikke en vanlig fil"),
    "file is device": ("{path}: is a device, not a regular file", "{path}: er en enhet, ikke en vanlig fil"),
    "file is socket": ("{path}: is a socket, not a regular file", "{path}: er en socket, ikke en vanlig fil"),
    "file not readable as": ("{path}: not readable as {what}: {reason}", "{path}: kan ikke leses som {what}: {reason}"),
    "file no triples": ("{path}: contains no RDF triples", "{path}: inneholder ingen RDF-tripler"),
    "file format unknown": ("{path}: cannot tell the RDF format from the file name (use one of {known}, optionally with .gz)",
                            "{path}: RDF-formatet går ikke fram av filnavnet (bruk en av {known}, eventuelt med .gz)"),
    # the report of 'gluteonto validate'
    "validate conforms": ("Conforms: {files} meets every gluteonto shape.",
                          "Godkjent: {files} oppfyller alle SHACL-reglene til gluteonto."),
    "validate fails": ("Does not conform: {problems} in {terms}.", "Ikke godkjent: {problems} i {terms}."),
    "one problem": ("1 problem", "1 problem"),
    "problems": ("{n} problems", "{n} problemer"),
    "one term": ("1 term", "1 begrep"),
    "terms": ("{n} terms", "{n} begreper"),
    # the lines of 'gluteonto info'
    "info gluteonto package": ("gluteonto package", "gluteonto-pakke"),
    "info title": ("title", "tittel"),
    "info ontology IRI": ("ontology IRI", "ontologi-IRI"),
    "info version IRI": ("version IRI", "versjons-IRI"),
    "info license": ("license", "lisens"),
    "info triples": ("triples", "tripler"),
    "info classes": ("classes", "klasser"),
    "info object properties": ("object properties", "objektegenskaper"),
    "info annotation properties": ("annotation properties", "annotasjonsegenskaper"),
    "info existential restrictions": ("existential restrictions", "eksistensielle restriksjoner"),
    "info annotated axioms": ("annotated axioms", "annoterte aksiomer"),
    "info sources": ("sources", "kilder"),
    # refusals and limits that keep a query from reaching the network or exhausting the machine
    "service refused": (("the query uses SERVICE {target} (a federated query, which contacts another server); refused: "
                         "pass --allow-federation to allow it deliberately"),
                        ("spørringen bruker SERVICE {target} (en føderert spørring, som kontakter en annen server); avvist: "
                         "bruk --allow-federation for å tillate det med vilje")),
    "query too large": ("{source}: the query is larger than {limit:,} bytes; refused",
                        "{source}: spørringen er større enn {limit:,} byte; avvist"),
    "not utf-8": ("{source}: not valid UTF-8 (byte {position}: {byte})", "{source}: ikke gyldig UTF-8 (byte {position}: {byte})"),
    "query timeout": ("the query did not finish within {seconds:g} s and was stopped (use --timeout to allow more)",
                      "spørringen ble ikke ferdig innen {seconds:g} s og ble stoppet (bruk --timeout for å gi den mer tid)"),
    "work timeout": ("{what} did not finish within {seconds:g} s and was stopped (use --timeout to allow more)",
                     "{what} ble ikke ferdig innen {seconds:g} s og ble stoppet (bruk --timeout for å gi mer tid)"),
    "too many rows": ("the query returns more than {limit:,} rows; refused (add a LIMIT)",
                      "spørringen gir mer enn {limit:,} rader; avvist (legg til LIMIT)"),
    # SPARQL servers: a graph of one, and 'gluteonto push'
    "graph needs endpoint": ("a graph of a SPARQL server (--graph) needs the server's address (--endpoint)",
                             "en graf på en SPARQL-tjener (--graph) krever tjenerens adresse (--endpoint)"),
    "not a graph iri": ("{graph!r} is not an IRI (a graph is named by an IRI such as https://w3id.org/gluteonto/gluteonto.owl)",
                        "{graph!r} er ikke en IRI (en graf har en IRI som navn, f.eks. https://w3id.org/gluteonto/gluteonto.owl)"),
    "push not a store": ("{url!r} is not an http(s) address of a graph store",
                         "{url!r} er ikke en http(s)-adresse til et graflager"),
    "push too large": ("{path}: more than {limit:,} bytes as N-Triples; load a file this large with the store's own bulk loader",
                       "{path}: mer enn {limit:,} byte som N-Triples; last inn en så stor fil med lagerets egen masseinnlasting"),
    "push auth": ("{url} asks who you are (HTTP {status}): give --user, and the password in GLUTEONTO_PASSWORD or when asked",
                  "{url} spør hvem du er (HTTP {status}): bruk --user, og passordet i GLUTEONTO_PASSWORD eller når du blir spurt"),
    "push refused": ("{url} refused the graph (HTTP {status}): {detail}", "{url} avviste grafen (HTTP {status}): {detail}"),
    "push cut": ("{url} closed the connection before it had the whole file; check whether the graph was replaced",
                 "{url} lukket forbindelsen før hele filen var sendt; sjekk om grafen ble erstattet"),
    "push unreachable": ("cannot reach {url}: {reason}", "når ikke {url}: {reason}"),
    "push done": ("sent {n:,} triples from {file} to {graph} of {url}", "sendte {n:,} tripler fra {file} til {graph} i {url}"),
    "push default graph": ("the default graph", "standardgrafen"),
    "push named graph": ("the graph <{graph}>", "grafen <{graph}>"),
    "push release": ("the release", "utgivelsen"),
    "password for": ("Password for {user} at {host}", "Passord for {user} på {host}"),
}

#: query variable → (English, Norwegian) column header
HEADERS: dict[str, tuple[str, str]] = {
    "acting_part": ("acting part", "virkende del"),
    "action": ("action", "funksjon"),
    "annotation": ("annotation", "annotasjon"),
    "comparison": ("comparison", "sammenligning"),
    "compared_with": ("compared with", "sammenlignet med"),
    "either_or": ("either-or", "enten–eller"),
    "symptom_is": ("symptom is", "symptomet er"),
    "upstream_how": ("how (earlier cause)", "hvordan (tidligere årsak)"),
    "sole_supply": ("only supply", "eneste forsyning"),
    "active_during": ("active during", "aktiv under"),
    "advice": ("advice", "råd"),
    "anastomosis": ("anastomosis", "anastomose"),
    "arises_from": ("arises from", "utgår fra"),
    "which_arises_from": ("which arises from", "som utgår fra"),
    "which_in_turn_arises_from": ("which in turn arises from", "som igjen utgår fra"),
    "artery": ("artery", "arterie"),
    "attachment": ("attachment", "feste"),
    "axiom": ("statement", "utsagn"),
    "blends_with": ("blends with", "smelter sammen med"),
    "bounded_by": ("bounded by", "avgrenset av"),
    "branch": ("branch", "gren"),
    "cause": ("cause", "årsak"),
    "caution": ("caution", "forsiktighetsregel"),
    "certainty": ("certainty", "sikkerhet"),
    "class": ("class", "klasse"),
    "condition": ("condition", "tilstand"),
    "covering_structure": ("covering structure", "dekkende struktur"),
    "definition": ("definition", "definisjon"),
    "dependence": ("depends on", "avhenger av"),
    "distinguishing_feature": ("distinguishing feature", "kjennetegn som skiller"),
    "during": ("during", "under"),
    "effect": ("effect", "følge"),
    "english": ("English", "engelsk"),
    "entities": ("entities", "entiteter"),
    "entity": ("entity", "entitet"),
    "especially_when": ("especially when", "særlig når"),
    "evidence": ("evidence", "dokumentasjon"),
    "example": ("example", "eksempel"),
    "exercise": ("exercise", "øvelse"),
    "exercise_type": ("exercise type", "øvelsestype"),
    "factor": ("factor", "faktor"),
    "finding": ("finding", "funn"),
    "fma": ("FMA", "FMA"),
    "fma_class": ("FMA class", "FMA-klasse"),
    "fma_nerve": ("FMA nerve", "FMA-nerve"),
    "fma_superclass": ("FMA superclass", "FMA-overklasse"),
    "fma_superclass_name": ("FMA superclass name", "navn på FMA-overklasse"),
    "how": ("how", "hvordan"),
    "in_fma": ("in FMA", "i FMA"),
    "in_gluteonto": ("in gluteonto", "i gluteonto"),
    "joint": ("joint", "ledd"),
    "kind": ("kind", "type"),
    "label": ("label", "navn"),
    "label_key": ("label key", "navnenøkkel"),
    "language": ("language", "språk"),
    "larger_plexus": ("larger plexus", "større pleksus"),
    "latin": ("Latin", "latin"),
    "may_be_mistaken_for": ("may be mistaken for", "kan forveksles med"),
    "missing": ("missing", "mangler"),
    "missing_language": ("missing language", "manglende språk"),
    "move_on_when": ("move on when", "gå videre når"),
    "movement": ("movement", "bevegelse"),
    "muscle": ("muscle", "muskel"),
    "neighbour": ("neighbour", "nabo"),
    "nerve": ("nerve", "nerve"),
    "norwegian": ("Norwegian", "norsk"),
    "note": ("note", "merknad"),
    "one_of_them": ("one of them", "en av dem"),
    "ontology": ("ontology", "ontologi"),
    "other": ("other", "annen"),
    "our_nerve": ("nerve in gluteonto", "nerve i gluteonto"),
    "part_of": ("part of", "del av"),
    "plexus": ("plexus", "pleksus"),
    "predicate": ("predicate", "predikat"),
    "problem": ("problem", "problem"),
    "property": ("property", "egenskap"),
    "purpose": ("purpose", "formål"),
    "recommendation": ("recommendation", "anbefaling"),
    "relation": ("relation", "relasjon"),
    "requires": ("requires", "krever"),
    "restriction": ("restriction", "restriksjon"),
    "root": ("root", "nerverot"),
    "same_nerve": ("same nerve", "samme nerve"),
    "segment": ("segment", "segment"),
    "shared_action": ("shared action", "felles funksjon"),
    "site": ("site", "sted"),
    "situation": ("situation", "situasjon"),
    "source": ("source", "kilde"),
    "space": ("space", "rom"),
    "specifically": ("specifically", "nærmere bestemt"),
    "stated_for": ("said of", "sagt om"),
    "stated_or_inherited": ("stated or inherited", "oppgitt eller arvet"),
    "compensating_muscle": ("compensating muscle", "kompenserende muskel"),
    "footnote": ("footnote", "fotnote"),
    "footnote_read_as": ("footnote read as (interpretation)", "fotnoten tolket som (tolkning)"),
    "procedure": ("procedure", "inngrep"),
    "stated_property": ("property", "egenskap"),
    "step": ("step", "trinn"),
    "structure": ("structure", "struktur"),
    "structure_or_space": ("structure or space", "struktur eller rom"),
    "supplied_part": ("supplied part", "forsynt del"),
    "supplying_vessel": ("supplying vessel", "forsynende kar"),
    "symptom": ("symptom", "symptom"),
    "synergist": ("synergist", "synergist"),
    "target": ("target", "mål"),
    "tendon": ("tendon", "sene"),
    "term": ("term", "begrep"),
    "text": ("text", "tekst"),
    "trains": ("trains", "trener"),
    "type": ("type", "type"),
    "uberon": ("Uberon", "Uberon"),
    "underlying_structure": ("underlying structure", "underliggende struktur"),
    "upstream_cause": ("earlier cause", "tidligere årsak"),
    "value": ("value", "verdi"),
    "variant": ("variant", "variant"),
    "via": ("via", "via"),
    "within": ("within", "innenfor"),
    "xref": ("cross-reference", "kryssreferanse"),
}

#: parameter name → its Norwegian name (``-p muskel=…`` works like ``-p muscle=…``)
PARAM_NAMES: dict[str, str] = {
    "anastomosis": "anastomose", "artery": "arterie", "branch": "gren", "condition": "tilstand", "exercise": "øvelse",
    "finding": "funn", "lang": "språk", "movement": "bevegelse", "muscle": "muskel", "nerve": "nerve", "procedure": "inngrep",
    "relation": "relasjon", "segment": "segment", "situation": "situasjon", "space": "rom", "structure": "struktur",
    "symptom": "symptom", "target": "mål", "term": "begrep",
}

#: fixed values the packaged queries bind themselves (English text) → (English, Norwegian) shown in tables
VALUES: dict[str, tuple[str, str]] = {
    "yes": ("yes", "ja"),
    "no": ("no", "nei"),
    "stated": ("stated", "oppgitt"),
    "inherited": ("inherited", "arvet"),
    "1 start with": ("1 start with", "1 start med"),
    "2 then": ("2 then", "2 deretter"),
    "3 avoid": ("3 avoid", "3 unngå"),
    "origin": ("origin", "utspring"),
    "insertion": ("insertion", "feste"),
    "always": ("always", "alltid"),
    "typically": ("typically", "typisk"),
    "possibly": ("possibly", "mulig"),
}

#: suffix of the label column machine formats add next to an IRI column
LABEL_SUFFIX = "_label"


class Localized(Exception):
    """Mixin for errors whose message can be shown in the user's language.

    ``parts`` are (message key, values) pairs joined by a space; ``str()`` gives the English text.
    """

    def __init__(self, *parts: tuple[str, dict[str, object]]) -> None:
        self.parts = parts
        super().__init__(self.render("en"))

    def render(self, lang: str = "en") -> str:
        """The message in ``lang``."""
        return " ".join(text(key, lang, **values) for key, values in self.parts)

    def __reduce__(self) -> tuple[type, tuple[tuple[str, dict[str, object]], ...]]:
        return type(self), self.parts  # so it survives the trip from a query's child process


class MessageError(Localized, InputError):
    """Bad input whose message can be shown in the user's language (exit 2)."""


class EngineMessageError(Localized, EngineError):
    """An engine refusal or failure whose message can be shown in the user's language (exit 2)."""


def text(key: str, lang: str = "en", **values: object) -> str:
    """The message ``key`` in the interface language of ``lang``, with ``values`` filled in."""
    pair = MESSAGES[key]
    return in_lang(pair, lang).format(**values)


def header(variable: str, lang: str = "en") -> str:
    """Column header for a query variable; unknown variables show their name with spaces."""
    pair = HEADERS.get(variable)
    if pair is None:
        return variable.replace("_", " ")
    return in_lang(pair, lang)


def cell_text(value: str, lang: str = "en") -> str:
    """A fixed value of a query answer (``yes``, ``1 start with`` …) in the interface language of ``lang``.

    Other text (labels, definitions) is returned unchanged.
    """
    pair = VALUES.get(value)
    if pair is None:
        return value
    return in_lang(pair, lang)


def interface_words() -> set[str]:
    """English words of the interface vocabulary that never occur in its Norwegian text (for tests)."""
    english: set[str] = set()
    norwegian: set[str] = set()
    for en, nb in [*MESSAGES.values(), *HEADERS.values(), *VALUES.values()]:
        english.update(_words(en))
        norwegian.update(_words(nb))
    return {w for w in english - norwegian if len(w) > 3}


def _words(sentence: str) -> set[str]:
    import re

    return {w.casefold() for w in re.findall(r"[A-Za-zÆØÅæøå]+", re.sub(r"\{[^}]*\}", " ", sentence))}
