"""Text of the question bank in English and Norwegian Bokmål: stems, headings and feedback."""

from __future__ import annotations

from ..i18n import in_lang

__all__ = ["WORDS", "w"]

#: key → (English, Norwegian); ``{name}`` fields are filled by :func:`w`
WORDS: dict[str, tuple[str, str]] = {
    "which nerve": ("Which nerve innervates {muscle}?", "Hvilken nerve innerverer {muscle}?"),
    "which roots": (("The nerve of {muscle} is the {nerve}. From which spinal cord segments does it carry its fibres? "
                     "Write the segment codes separated by commas (for example T12, L1)."),
                    ("Nerven til {muscle} er {nerve}. Fra hvilke ryggmargssegmenter fører den fibrene sine? "
                     "Skriv segmentkodene med komma mellom (for eksempel T12, L1).")),
    "attachments": ("Match each muscle attachment to the site where it lies.",
                    "Koble hvert muskelfeste til stedet der det ligger."),
    "attachment": ("{muscle}: {attachment}", "{muscle}: {attachment}"),
    "origin": ("origin", "utspring"),
    "insertion": ("insertion", "feste"),
    "which in space": ("Which {kind} runs in the {space}?", "Hvilken {kind} løper i {space}?"),
    "which through": ("Which {kind} passes through the {space}?", "Hvilken {kind} passerer gjennom {space}?"),
    "kind nerve": ("nerve", "nerve"),
    "kind artery": ("artery", "arterie"),
    "which movement": ("Which movement does {agent} produce when this holds: {condition}?",
                       "Hvilken bevegelse gir {agent} når dette er oppfylt: {condition}?"),
    "action conditions": (("Match each action of {muscle} to the position, condition or activity the source gives for it "
                           "(the action's name says which fibres perform it)."),
                          ("Koble hver funksjon til {muscle} med stillingen, betingelsen eller aktiviteten kilden oppgir for den "
                           "(navnet på funksjonen sier hvilke fibre som utfører den).")),
    "requires": ("needs: {condition}", "krever: {condition}"),
    "especially": ("strongest with: {condition}", "sterkest ved: {condition}"),
    "during": ("during: {condition}", "under: {condition}"),
    "which artery": ("Which arteries supply {muscle} itself (not only its tendon)? Choose all that apply.",
                     "Hvilke arterier forsyner selve {muscle} (ikke bare senen)? Velg alle som passer."),
    "anastomosis members": ("Which arteries send branches into the {anastomosis}? Choose all that apply.",
                            "Hvilke arterier sender greiner inn i {anastomosis}? Velg alle som passer."),
    "anastomosis origins": ("Match each artery of the {anastomosis} to the artery it branches from.",
                            "Koble hver arterie i {anastomosis} til arterien den går ut fra."),
    "label diagram": ("The diagram shows the nerve supply of {muscle}, from the spinal roots to the muscle. Name each numbered box.",
                      "Diagrammet viser nerveforsyningen til {muscle}, fra nerverøttene til muskelen. Sett navn på hver nummererte boks."),
    "latin names": ("Match each structure to its Latin name.", "Koble hver struktur til det latinske navnet."),
    "source": ("Source: {source}", "Kilde: {source}"),
    "from query": ("Answer from the catalog question '{query}' ({params}).",
                   "Svaret kommer fra katalogspørsmålet «{query}» ({params})."),
    "why only": ("Wrong: the ontology states that {subject} is innervated only by {allowed}.",
                 "Feil: ontologien sier at {subject} bare innerveres av {allowed}."),
    "why disjoint": ("Wrong: {option} belongs to the class '{option_kind}', and the ontology states that nothing is both "
                     "'{option_kind}' and '{asked_kind}'.",
                     "Feil: {option} hører til klassen «{option_kind}», og ontologien sier at ingenting er både «{option_kind}» "
                     "og «{asked_kind}»."),
    "why contrast": ("Wrong: the source gives this movement to {other}, not to {subject}.",
                     "Feil: kilden tilskriver denne bevegelsen {other}, ikke {subject}."),
    "right": ("Right.", "Riktig."),
    "or": ("or", "eller"),
    "a branch of": ("a branch of {name}", "en gren av {name}"),
    "title": ("Question bank: gluteus minimus", "Spørsmålsbank: gluteus minimus"),
    "intro": (("Questions generated from the ontology's axioms. Every answer is what the named catalog question returns, and "
               "every wrong option is one the ontology shows to be wrong."),
              ("Spørsmål laget fra aksiomene i ontologien. Hvert svar er det katalogspørsmålet som er nevnt, gir, og hvert "
               "feil alternativ er et som ontologien viser er feil.")),
    "check": ("Check", "Sjekk"),
    "show": ("Show the answer", "Vis svaret"),
    "correct": ("Correct.", "Riktig."),
    "wrong": ("Not quite. The answer is: {answer}", "Ikke helt. Svaret er: {answer}"),
    "score": ("{right} of {total} right", "{right} av {total} riktige"),
    "choose": ("choose…", "velg …"),
    "needs js": ("The practice questions run in your browser and need JavaScript.",
                 "Øvingsspørsmålene kjører i nettleseren og trenger JavaScript."),
    "export hint": ("Teachers: export the same questions with 'gluteonto quiz --format gift' (Moodle) or '--format anki'.",
                    "Lærere: eksporter de samme spørsmålene med «gluteonto quiz --format gift» (Moodle) eller «--format anki»."),
    "answer": ("Answer", "Svar"),
    "item": ("Question {n}", "Spørsmål {n}"),
    "wrote": ("wrote {n} questions to {path}", "skrev {n} spørsmål til {path}"),
}


def w(key: str, lang: str, **values: object) -> str:
    """The text ``key`` in ``lang`` with ``values`` filled in."""
    text = in_lang(WORDS[key], lang)
    return text.format(**values) if values else text
