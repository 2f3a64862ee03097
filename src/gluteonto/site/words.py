"""Interface text of the documentation site in English and Norwegian Bokmål."""

from __future__ import annotations

from ..i18n import in_lang

__all__ = ["SITE_LANGS", "WORDS", "other_lang", "t"]

SITE_LANGS = ("en", "nb")

#: key → (English, Norwegian)
WORDS: dict[str, tuple[str, str]] = {
    "home": ("Home", "Hjem"),
    "browse": ("Browse", "Bla gjennom"),
    "diagrams": ("Diagrams", "Diagrammer"),
    "questions": ("Questions", "Spørsmål"),
    "practice": ("Practice", "Øving"),
    "editor title": ("Ask in SPARQL", "Spør med SPARQL"),
    "editor intro": (("Load one of the catalog's questions (its default values are filled in), change it or write your own, and "
                      "run it. Terms in the answer link to their pages."),
                     ("Hent et av spørsmålene i katalogen (standardverdiene er fylt inn), endre det eller skriv ditt eget, og "
                      "kjør det. Begrepene i svaret lenker til sidene sine.")),
    "editor needs server": (("Queries run on the SPARQL endpoint of 'gluteonto serve' (open this page as "
                             "http://127.0.0.1:7878/sparql); opened from disk, the page can show the questions but not run them."),
                            ("Spørringene kjøres på SPARQL-endepunktet til «gluteonto serve» (åpne siden som "
                             "http://127.0.0.1:7878/sparql); åpnet fra disken kan siden vise spørsmålene, men ikke kjøre dem.")),
    "editor load": ("Load a catalog question", "Hent et spørsmål fra katalogen"),
    "editor query": ("SPARQL query", "SPARQL-spørring"),
    "editor run": ("Run", "Kjør"),
    "editor rows": ("{n} rows", "{n} rader"),
    "editor running": ("Running…", "Kjører …"),
    "editor failed": ("The query failed: {error}", "Spørringen mislyktes: {error}"),
    "editor yes": ("Yes (true)", "Ja (sant)"),
    "editor no": ("No (false)", "Nei (usant)"),
    "questions subtitle": ("Ready-made clinical and anatomical questions, with their answers",
                           "Ferdige kliniske og anatomiske spørsmål, med svar"),
    "search": ("Search", "Søk"),
    "search label": ("Search terms in Norwegian, English or Latin", "Søk etter begreper på norsk, engelsk eller latin"),
    "search placeholder": ("Search: gluteus, n. gluteus superior…", "Søk: setemuskel, Trendelenburg…"),
    "search results": ("Search results", "Søkeresultater"),
    "search needs js": ("The search runs in your browser and needs JavaScript.", "Søket kjører i nettleseren og trenger JavaScript."),
    "skip": ("Skip to content", "Hopp til innholdet"),
    "switch": ("Norsk", "English"),
    "switch title": ("Denne siden på norsk", "This page in English"),
    "footer": ("Generated from gluteonto {version} (ontology release {release}). Ontology, queries and mappings CC BY 4.0.",
               "Laget fra gluteonto {version} (ontologiutgave {release}). Ontologi, spørringer og koblinger CC BY 4.0."),
    "neighbourhood": ("Neighbourhood diagram", "Nabolagsdiagram"),
    "selection": ("It shows {shown} of the {total} relations, a few of each kind; the text lists them all.",
                  "Det viser {shown} av de {total} relasjonene, noen av hver sort; teksten lister dem alle."),
    "no diagrams": (("Diagram not drawn: Graphviz (the dot program) was not installed when this site was generated. "
                    "Install the graphviz package and run 'gluteonto site' again."),
                    ("Diagrammet er ikke tegnet: Graphviz (programmet dot) var ikke installert da nettstedet ble laget. "
                    "Installer pakken graphviz og kjør 'gluteonto site' på nytt.")),
    "diagram file": ("Diagram as an SVG file (for printing or slides)", "Diagrammet som SVG-fil (for utskrift eller lysbilder)"),
    "diagram help": (("Boxes link to the term pages. Colours: muscles red, nerves yellow, arteries orange, other anatomy grey, "
                     "movements and actions blue, clinical findings peach, exercises green, positions and conditions lilac."),
                     ("Boksene lenker til begrepssidene. Farger: muskler røde, nerver gule, arterier oransje, annen anatomi grå, "
                     "bevegelser og funksjoner blå, kliniske funn fersken, øvelser grønne, stillinger og betingelser lilla.")),
    "latin names": ("The same diagram with Latin names", "Det samme diagrammet med latinske navn"),
    "classes": ("Classes", "Klasser"),
    "relations": ("Relations", "Relasjoner"),
    "annotation properties": ("Annotation properties", "Annotasjonsegenskaper"),
    "sources": ("Sources", "Kilder"),
    "catalog intro": (("The packaged questions: each is a SPARQL query you can run with 'gluteonto query NAME', on the SPARQL "
                      "endpoint of 'gluteonto serve', or paste unchanged into Protégé or any SPARQL 1.1 server. The answer shown "
                      "is the one for the default parameters."),
                      ("De ferdige spørsmålene: hvert er en SPARQL-spørring du kan kjøre med 'gluteonto query NAVN', mot "
                      "SPARQL-endepunktet til 'gluteonto serve', eller lime uendret inn i Protégé eller en annen SPARQL 1.1-server. "
                      "Svaret som vises, er svaret med standardparametrene.")),
    "group questions": ("Clinical and anatomical questions", "Kliniske og anatomiske spørsmål"),
    "group quality control": ("Quality-control checks (no rows means the check passes)",
                              "Kvalitetskontroller (ingen rader betyr at kontrollen er bestått)"),
    "group FMA comparison": ("Comparisons with FMA (need FMA data: gluteonto link-fma FMA_FILE --query NAME)",
                             "Sammenligninger med FMA (krever FMA-data: gluteonto link-fma FMA_FIL --query NAVN)"),
    "description": ("Description", "Beskrivelse"),
    "answer means": ("What the answer means", "Hva svaret betyr"),
    "parameters": ("Parameters", "Parametere"),
    "parameter": ("Parameter", "Parameter"),
    "default": ("Default", "Standard"),
    "meaning": ("Meaning", "Betydning"),
    "no parameters": ("No parameters.", "Ingen parametere."),
    "sparql": ("SPARQL", "SPARQL"),
    "default answer": ("Answer with the default parameters", "Svar med standardparametrene"),
    "run it": ("Run it", "Kjør den"),
    "rows": ("{n} rows", "{n} rader"),
    "row": ("1 row", "1 rad"),
    "no answers": ("No answers.", "Ingen svar."),
    "english only": ("(in English only)", "(bare på engelsk)"),
    "answer failed": ("The default answer could not be computed: {error}", "Standardsvaret kunne ikke beregnes: {error}"),
    "title other": ("In Norwegian:", "På engelsk:"),
    "home intro": (("An OWL 2 ontology of the gluteus minimus, built from the Norwegian Fysiobasen article and the textbooks it "
                   "cites. Every statement shows the article section (and textbook) it comes from. Browse the terms, look at "
                   "the diagrams, or ask the packaged questions."),
                   ("En OWL 2-ontologi for gluteus minimus, bygd på Fysiobasen-artikkelen og lærebøkene den viser til. Hvert "
                   "utsagn viser hvilket avsnitt i artikkelen (og hvilken lærebok) det kommer fra. Bla gjennom begrepene, se på "
                   "diagrammene, eller still de ferdige spørsmålene.")),
    "start here": ("Start here", "Begynn her"),
    "counts": ("{classes} classes, {relations} relations, {questions} questions, {sources} sources",
               "{classes} klasser, {relations} relasjoner, {questions} spørsmål, {sources} kilder"),
    "offline": (("This site works opened straight from disk: no server and no network are needed. Use your browser's print "
                "command for a term page or a diagram."),
                ("Nettstedet virker åpnet rett fra disken: ingen server og intet nettverk trengs. Bruk nettleserens "
                "utskriftsfunksjon for en begrepsside eller et diagram.")),
    "kind class": ("class", "klasse"),
    "kind object property": ("relation", "relasjon"),
    "kind annotation property": ("annotation property", "annotasjonsegenskap"),
    "kind individual": ("source", "kilde"),
    "kind question": ("question", "spørsmål"),
    "kind pathway": ("clinical pathway", "klinisk forløp"),
    "pathways": ("Pathways", "Forløp"),
    "pathways title": ("Clinical pathways", "Kliniske forløp"),
    "pathways intro": (("From a sign, symptom, condition or history to what can lie behind it, what it leads to, how to tell it "
                        "apart, what to assess and which exercises train what is involved — each step as the source states it, "
                        "with its strength and section."),
                       ("Fra et tegn, symptom, en tilstand eller en sykehistorie til hva som kan ligge bak, hva det kan føre til, "
                        "hvordan det skilles fra andre tilstander, hva som bør vurderes og hvilke øvelser som trener det som er "
                        "involvert — hvert trinn slik kilden sier det, med styrke og avsnitt.")),
    "all pathways": ("All starting points", "Alle utgangspunkter"),
    "pathway from here": ("Clinical pathway from here", "Klinisk forløp herfra"),
}


def t(key: str, lang: str, **values: object) -> str:
    """The interface text ``key`` in ``lang``, with ``values`` filled in."""
    text = in_lang(WORDS[key], lang)
    return text.format(**values) if values else text


def other_lang(lang: str) -> str:
    """The site's other language."""
    return "en" if lang == "nb" else "nb"
