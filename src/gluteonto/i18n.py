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
    "Phrase",
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
    "gzip corrupt": ("{path}: corrupt or truncated gzip data ({reason})", "{path}: ødelagte eller avkuttede gzip-data ({reason})"),
    "input too large": ("{path}: more than {limit:,} bytes after decompression; refused",
                        "{path}: mer enn {limit:,} byte etter utpakking; avvist"),
    "jsonld remote context": ("{path}: its JSON-LD @context is in another document, which is never fetched; inline the context in the file",
                              "{path}: JSON-LD-konteksten (@context) ligger i et annet dokument, som aldri hentes; legg konteksten inn i filen"),
    "literal too long": ("{path}: a literal of {size:,} characters exceeds the limit of {limit:,}; refused",
                         "{path}: en literal på {size:,} tegn overskrider grensen på {limit:,}; avvist"),
    "iri too long": ("{path}: an IRI of {size:,} characters exceeds the limit of {limit:,}; refused",
                     "{path}: en IRI på {size:,} tegn overskrider grensen på {limit:,}; avvist"),
    "xml external dtd": ("{path}: the RDF/XML document type refers to an external DTD; refused (nothing is fetched)",
                         "{path}: RDF/XML-dokumenttypen viser til en ekstern DTD; avvist (ingenting hentes)"),
    "xml external entity": ("{path}: XML entity &{name}; is external (SYSTEM/PUBLIC); refused (nothing is fetched)",
                            "{path}: XML-entiteten &{name}; er ekstern (SYSTEM/PUBLIC); avvist (ingenting hentes)"),
    "xml parameter entity": ("{path}: XML parameter entity %{name} declared; refused",
                             "{path}: XML-parameterentiteten %{name} er deklarert; avvist"),
    "xml nested entity": ("{path}: XML entity &{name}; refers to other entities (possible 'billion laughs'); refused",
                          "{path}: XML-entiteten &{name}; viser til andre entiteter (mulig «billion laughs»); avvist"),
    "xml markup entity": ("{path}: XML entity &{name}; holds markup, not just text; refused",
                          "{path}: XML-entiteten &{name}; inneholder markering, ikke bare tekst; avvist"),
    "xml long entity": ("{path}: XML entity &{name}; is longer than {limit} characters; refused",
                        "{path}: XML-entiteten &{name}; er lengre enn {limit} tegn; avvist"),
    "xml many entities": ("{path}: more than {limit} XML entity declarations; refused",
                          "{path}: mer enn {limit} XML-entitetsdeklarasjoner; avvist"),
    "xml other declaration": ("{path}: the RDF/XML document type declares more than plain entities; refused",
                              "{path}: RDF/XML-dokumenttypen deklarerer mer enn enkle entiteter; avvist"),
    "xml expansion": (("{path}: XML entity references add more text than allowed ({limit:,} characters plus {ratio} times "
                       "the file's own size; possible 'billion laughs'); refused"),
                      ("{path}: XML-entitetsreferanser legger til mer tekst enn tillatt ({limit:,} tegn pluss {ratio} ganger "
                       "filens egen størrelse; mulig «billion laughs»); avvist")),
    "xml too deep": ("{path}: XML elements nested more than {limit:,} deep; refused",
                     "{path}: XML-elementer nøstet mer enn {limit:,} nivåer dypt; avvist"),
    "xml long token": ("{path}: an XML tag, comment or declaration longer than {limit:,} bytes; refused",
                       "{path}: en XML-tagg, -kommentar eller -deklarasjon lengre enn {limit:,} byte; avvist"),
    "json too deep": ("{path}: JSON arrays and objects nested more than {limit:,} deep; refused",
                      "{path}: JSON-lister og -objekter nøstet mer enn {limit:,} nivåer dypt; avvist"),
    # 'gluteonto site -o DIR'
    "site not folder": ("{path}: exists and is not a folder", "{path}: finnes og er ikke en mappe"),
    "site foreign folder": ("{path}: folder is not empty and holds no gluteonto site; choose an empty or new folder",
                            "{path}: mappen er ikke tom og inneholder ikke noe gluteonto-nettsted; velg en tom eller ny mappe"),
    "site would overwrite": ("{path}: the site would write a file here that it did not write before; refused (move it away first)",
                             "{path}: nettstedet ville skrive en fil her som det ikke skrev forrige gang; avvist (flytt den først)"),
    "site busy": ("{path}: another 'gluteonto site' is writing to this folder", "{path}: en annen «gluteonto site» skriver til denne mappen"),
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
    "service unchecked": (("the query mentions SERVICE (a federated query) but cannot be parsed to check it ({reason}); "
                           "refused: pass --allow-federation to run it anyway"),
                          ("spørringen nevner SERVICE (en føderert spørring), men kan ikke tolkes for å sjekke det ({reason}); "
                           "avvist: bruk --allow-federation for å kjøre den likevel")),
    "query too large": ("{source}: the query is larger than {limit:,} bytes; refused",
                        "{source}: spørringen er større enn {limit:,} byte; avvist"),
    "not utf-8": ("{source}: not valid UTF-8 (byte {position}: {byte})", "{source}: ikke gyldig UTF-8 (byte {position}: {byte})"),
    "query timeout": ("the query did not finish within {seconds:g} s and was stopped (use --timeout to allow more)",
                      "spørringen ble ikke ferdig innen {seconds:g} s og ble stoppet (bruk --timeout for å gi den mer tid)"),
    "work timeout": ("{what} did not finish within {seconds:g} s and was stopped (use --timeout to allow more)",
                     "{what} ble ikke ferdig innen {seconds:g} s og ble stoppet (bruk --timeout for å gi mer tid)"),
    "what query": ("the query", "spørringen"),
    "what reasoner": ("the reasoner", "resonnereren"),
    "what check": ("checking the query", "sjekken av spørringen"),
    "endpoint url": ("{url!r} is not an http(s) SPARQL endpoint URL ({reason})",
                     "{url!r} er ikke en http(s)-adresse til et SPARQL-endepunkt ({reason})"),
    "crash stack": ("{what} ended with a stack overflow: the input is nested too deeply",
                    "{what} stoppet med stabeloverflyt: inndataene er nøstet for dypt"),
    "crash memory": ("{what} ran out of memory (it may use {limit} more than the loaded data)",
                     "{what} gikk tom for minne (den kan bruke {limit} mer enn de innleste dataene)"),
    "crash killed": ("{what} was killed (signal SIGKILL; the system may have run out of memory)",
                     "{what} ble drept (signal SIGKILL; systemet kan ha gått tom for minne)"),
    "crash signal": ("{what} ended abnormally (signal {signal})", "{what} stoppet unormalt (signal {signal})"),
    "crash status": ("{what} ended abnormally (exit status {status})", "{what} stoppet unormalt (avslutningskode {status})"),
    "too many rows": ("the query returns more than {limit:,} rows; refused (add a LIMIT)",
                      "spørringen gir mer enn {limit:,} rader; avvist (legg til LIMIT)"),
    "timeout range": ("{value!r} is not a number of seconds from {minimum:g} to {maximum:,.0f}",
                      "{value!r} er ikke et antall sekunder fra {minimum:g} til {maximum:,.0f}"),
    "timeout range zero": ("{value!r} is not a number of seconds from {minimum:g} to {maximum:,.0f} (0: no limit)",
                           "{value!r} er ikke et antall sekunder fra {minimum:g} til {maximum:,.0f} (0: ingen grense)"),
    "stdin closed": ("standard input is closed: there is no query to read", "standard inn er lukket: det er ingen spørring å lese"),
    "stdout closed": ("standard output is closed: nothing can be printed (use -o FILE)",
                      "standard ut er lukket: ingenting kan skrives ut (bruk -o FIL)"),
    "query surrogate": ("the query contains {escape}, which is not a Unicode character; refused",
                        "spørringen inneholder {escape}, som ikke er et Unicode-tegn; avvist"),
    # writing a file the user named (-o)
    "output names folder": ("{path}: ends with '/', which names a folder; give a file name",
                            "{path}: slutter med '/', som betyr en mappe; oppgi et filnavn"),
    "output special": ("{path}: is a special file; only regular files are written (use -o - for standard output)",
                       "{path}: er en spesialfil; bare vanlige filer skrives (bruk -o - for standard ut)"),
    "output is directory": ("{path}: is a directory; only regular files are written (use -o - for standard output)",
                            "{path}: er en mappe; bare vanlige filer skrives (bruk -o - for standard ut)"),
    "output is device": ("{path}: is a device; only regular files are written (use -o - for standard output)",
                         "{path}: er en enhet; bare vanlige filer skrives (bruk -o - for standard ut)"),
    "output is fifo": ("{path}: is a FIFO (named pipe); only regular files are written (use -o - for standard output)",
                       "{path}: er et navngitt rør (FIFO); bare vanlige filer skrives (bruk -o - for standard ut)"),
    "output is socket": ("{path}: is a socket; only regular files are written (use -o - for standard output)",
                         "{path}: er en socket; bare vanlige filer skrives (bruk -o - for standard ut)"),
    "output read-only": ("{path}: is read-only; make it writable or choose another output",
                         "{path}: er skrivebeskyttet; gjør den skrivbar eller velg en annen utfil"),
    "output is input": ("{path}: is also an input ({source}); refusing to overwrite it, choose another output",
                        "{path}: er også en innfil ({source}); den blir ikke overskrevet, velg en annen utfil"),
    "output parent not dir": ("{path}: {parent} is not a directory", "{path}: {parent} er ikke en mappe"),
    "output cannot write": ("{path}: cannot write there: {reason}", "{path}: kan ikke skrive dit: {reason}"),
    "output symlink system": ("{path}: a symbolic link leads it to {real}, in a system folder; refused",
                              "{path}: en symbolsk lenke fører den til {real}, i en systemmappe; avvist"),
    "output package data": ("{path}: is among gluteonto's own installed files ({root}); refused, choose another output",
                            "{path}: ligger blant gluteontos egne installerte filer ({root}); avvist, velg en annen utfil"),
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


class Phrase(str):
    """A message key used as a value of another message: it is shown in that message's language.

    >>> text("work timeout", "nb", what=Phrase("what reasoner"), seconds=5)[:12]
    'resonnereren'
    """


def text(key: str, lang: str = "en", **values: object) -> str:
    """The message ``key`` in the interface language of ``lang``, with ``values`` filled in."""
    pair = MESSAGES[key]
    shown = {name: text(value, lang) if isinstance(value, Phrase) else value for name, value in values.items()}
    return in_lang(pair, lang).format(**shown)


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
