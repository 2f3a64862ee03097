"""Sentence templates and interface words of the term card, in English and Norwegian Bokmål.

Templates take ``{s}`` (the subject) and ``{o}`` (the filler) and read as a clinician would say
them. A property without a template is shown as "subject — property label — filler".
"""

from __future__ import annotations

import re
from typing import TypeVar

from ..i18n import in_lang
from ..vocab import RO

__all__ = ["EQUIVALENT", "IS_A", "SENTENCES", "WORDS", "capitalize", "pieces", "sentence", "template_for", "verb_phrase",
           "word"]

T = TypeVar("T")

_G = "https://w3id.org/gluteonto/GLUTEONTO_"

#: property IRI → (English template, Norwegian template)
SENTENCES: dict[str, tuple[str, str]] = {
    str(RO.has_muscle_origin): ("{s} originates from {o}", "{s} har utspring fra {o}"),
    str(RO.has_muscle_insertion): ("{s} inserts on {o}", "{s} fester på {o}"),
    str(RO.part_of): ("{s} is part of {o}", "{s} er en del av {o}"),
    str(RO.has_part): ("{s} has {o} as a part", "{s} har {o} som del"),
    str(RO.located_in): ("{s} lies in {o}", "{s} ligger i {o}"),
    _G + "0000900": ("{s} lies deep to {o}", "{s} dekkes av {o}"),
    _G + "0000944": ("{s} lies deeper than {o}", "{s} ligger dypere enn {o}"),
    _G + "0000901": ("{s} lies superficial to {o}", "{s} ligger overfladisk for {o}"),
    _G + "0000902": ("{s} lies in front of {o}", "{s} ligger foran {o}"),
    _G + "0000903": ("{s} lies behind {o}", "{s} ligger bak {o}"),
    str(RO.adjacent_to): ("{s} lies next to {o}", "{s} ligger inntil {o}"),
    _G + "0000904": ("{s} is bounded by {o}", "{s} avgrenses av {o}"),
    str(RO.continuous_with): ("{s} is continuous with {o}", "{s} går over i {o}"),
    str(RO.attached_to): ("{s} is attached to {o}", "{s} er festet til {o}"),
    str(RO.innervated_by): ("{s} is innervated by {o}", "{s} innerveres av {o}"),
    str(RO.innervates): ("{s} innervates {o}", "{s} innerverer {o}"),
    str(RO.branching_part_of): ("{s} is a branch of {o}", "{s} er en gren av {o}"),
    str(RO.connecting_branch_of): ("{s} arises as a branch of {o}", "{s} går ut som en gren fra {o}"),
    _G + "0000907": ("{s} carries fibres from {o}", "{s} har fibre fra {o}"),
    _G + "0000905": ("{s} passes through {o}", "{s} passerer gjennom {o}"),
    _G + "0000906": ("{s} runs together with {o}", "{s} løper sammen med {o}"),
    str(RO.vessel_supplies_blood_to): ("{s} supplies blood to {o}", "{s} forsyner {o} med blod"),
    _G + "0000908": ("{s} receives a branch from {o}", "{s} får en gren fra {o}"),
    _G + "0000909": ("{s} is performed by {o}", "{s} utføres av {o}"),
    _G + "0000910": ("{s} acts on {o}", "{s} virker over {o}"),
    _G + "0000911": ("{s} moves {o}", "{s} beveger {o}"),
    _G + "0000912": ("{s} takes place during {o}", "{s} skjer under {o}"),
    _G + "0000913": ("{s} requires {o}", "{s} forutsetter {o}"),
    _G + "0000914": ("{s} is strongest with {o}", "{s} forsterkes ved {o}"),
    _G + "0000915": ("{s} prevents {o}", "{s} forhindrer {o}"),
    _G + "0000916": ("{s} works together with {o}", "{s} virker synergistisk med {o}"),
    _G + "0000917": ("{s} is active during {o}", "{s} er aktiv under {o}"),
    _G + "0000918": ("{s} affects {o}", "{s} rammer {o}"),
    _G + "0000919": ("{s} often affects {o}", "{s} rammer ofte {o}"),
    _G + "0000920": ("{s} shows {o}", "{s} kjennetegnes av {o}"),
    _G + "0000921": ("{s} may show {o}", "{s} kan gi {o}"),
    _G + "0000922": ("{s} is told apart by {o}", "{s} skilles ut ved {o}"),
    _G + "0000923": ("{s} has {o} as a risk factor", "{s} har {o} som risikofaktor"),
    _G + "0000924": ("{s} is associated with {o}", "{s} er forbundet med {o}"),
    _G + "0000925": ("{s} leads to {o}", "{s} fører til {o}"),
    _G + "0000926": ("{s} contributes to {o}", "{s} bidrar til {o}"),
    _G + "0000927": ("{s} can be mistaken for {o}", "{s} kan forveksles med {o}"),
    _G + "0000928": ("{s} targets {o}", "{s} retter seg mot {o}"),
    _G + "0000929": ("{s} avoids compensation by {o}", "{s} unngår kompensasjon fra {o}"),
    _G + "0000930": ("{s} calls for caution: {o}", "{s} krever forsiktighet: {o}"),
    _G + "0000931": ("{s} is indicated for {o}", "{s} er indisert ved {o}"),
    _G + "0000932": ("{s} trains {o}", "{s} trener {o}"),
    _G + "0000933": ("{s} is a recommended first step in {o}", "{s} er anbefalt som første trinn ved {o}"),
    _G + "0000934": ("{s} progresses to {o}", "{s} progredieres til {o}"),
    _G + "0000935": ("{s} should be avoided in {o}", "{s} bør unngås ved {o}"),
    _G + "0000936": ("{s} gives higher activation than {o}", "{s} gir høyere aktivering enn {o}"),
    _G + "0000937": ("{s} is recommended in {o}", "{s} anbefales ved {o}"),
    _G + "0000938": ("{s} can lead to {o}", "{s} kan føre til {o}"),
    _G + "0000939": ("{s} is progressed from when there is {o}", "{s} trappes opp når det er {o}"),
    _G + "0000940": ("{s} is a risk factor for {o}", "{s} er en risikofaktor for {o}"),
    _G + "0000941": ("{s} is more common in {o}", "{s} rammer oftere {o}"),
    _G + "0000942": ("{s} typically shows {o}", "{s} kjennetegnes typisk av {o}"),
    _G + "0000943": ("{s} allows less compensation than {o}", "{s} gir mindre kompensasjon enn {o}"),
    _G + "0000946": ("{s} keeps the training apart from that of {o}", "{s} holder treningen adskilt fra treningen av {o}"),
    _G + "0000947": ("{s} is a result of {o}", "{s} er et resultat av {o}"),
    _G + "0000948": ("{s} follows {o}", "{s} følger etter {o}"),
    _G + "0000949": ("{s} was reported to work especially in {o}", "{s} er rapportert å virke særlig hos {o}"),
    _G + "0000950": ("{s} is most active during {o}", "{s} er mest aktiv under {o}"),
}

IS_A = ("{s} is a kind of {o}", "{s} er en type {o}")
EQUIVALENT = ("{s} is by definition {o}", "{s} er per definisjon {o}")

#: interface words: key → (English, Norwegian)
WORDS: dict[str, tuple[str, str]] = {
    "source": ("source", "kilde"),
    "sources": ("sources", "kilder"),
    "the article": ("the article", "artikkelen"),
    "section": ("section", "avsnitt"),
    "inherited from": ("inherited from", "arvet fra"),
    "roots": ("roots", "røtter"),
    "labels": ("Labels", "Navn"),
    "synonyms": ("Synonyms", "Synonymer"),
    "definition": ("Definition", "Definisjon"),
    "is a": ("Is a", "Er en"),
    "subclasses": ("Subclasses", "Underklasser"),
    "relations": ("Relations", "Relasjoner"),
    "inherited": ("Inherited relations", "Arvede relasjoner"),
    "incoming": ("What points to this term", "Hva som viser til dette begrepet"),
    "details": ("Details", "Detaljer"),
    "mappings": ("Mappings", "Koblinger"),
    "questions": ("Questions you can ask about it", "Spørsmål du kan stille om det"),
    "notes": ("Notes", "Merknader"),
    "uses": ("Statements", "Utsagn"),
    "cites": ("Statements citing this source", "Utsagn som viser til denne kilden"),
    "characteristics": ("Characteristics", "Egenskaper"),
    "term sources": ("Term sources", "Kilder for begrepet"),
    "no latin": ("no Latin name; English shown", "ikke latinsk navn; engelsk vist"),
    "and": ("and", "og"),
    "that": ("that", "som"),
    "class": ("class", "klasse"),
    "object property": ("relation", "relasjon"),
    "annotation property": ("annotation property", "annotasjonsegenskap"),
    "individual": ("source", "kilde"),
    "transitive": ("transitive", "transitiv"),
    "symmetric": ("symmetric", "symmetrisk"),
    "inverse of": ("inverse of", "omvendt av"),
    "part of": ("part of", "del av"),
    "sub-property of": ("sub-property of", "underegenskap av"),
    "parameter": ("parameter", "parameter"),
    "exact": ("exact match", "eksakt treff"),
    "close": ("close match", "nært treff"),
    "broad": ("broader match", "bredere treff"),
    "narrow": ("narrower match", "smalere treff"),
    "related": ("related match", "beslektet treff"),
    "xref": ("cross-reference", "kryssreferanse"),
    "coverage": ("Not covered by the source", "Ikke dekket av kilden"),
    "editorial": ("Editorial note", "Redaksjonell merknad"),
    "comment": ("Comment", "Kommentar"),
    "footnote": ("the article's footnote", "artikkelens fotnote"),
    "read as": ("read as", "tolket som"),
    "interpretation": ("an interpretation, since the article's reference list is unnumbered",
                       "en tolkning, siden artikkelens kildeliste er unummerert"),
    "compensation by": ("compensation by", "kompensasjon fra"),
}


def word(key: str, lang: str) -> str:
    """An interface word in ``lang`` (``la`` uses English)."""
    return in_lang(WORDS[key], lang)


def capitalize(text: str) -> str:
    """Upper-case the first letter only (labels stay as written: 'gluteus minimus' → 'Gluteus minimus')."""
    return text[:1].upper() + text[1:]


def pieces(template: str, subject: T, filler: T) -> tuple[str | T, ...]:
    """Split a template into text and the two term objects, in reading order (empty text dropped)."""
    out: list[str | T] = []
    for part in re.split(r"(\{s\}|\{o\})", template):
        if part == "{s}":
            out.append(subject)
        elif part == "{o}":
            out.append(filler)
        elif part:
            out.append(part)
    return tuple(out)


def template_for(prop_iri: str, prop_label: str, lang: str) -> str:
    """The sentence template of a property in ``lang`` ("{s} — label — {o}" when none is defined)."""
    template = SENTENCES.get(prop_iri)
    return in_lang(template, lang) if template else f"{{s}} — {prop_label} — {{o}}"


def sentence(prop_iri: str, prop_label: str, subject: str, filler: str, lang: str) -> str:
    """A sentence for ``subject PROPERTY some filler`` in ``lang``."""
    return capitalize(template_for(prop_iri, prop_label, lang).format(s=subject, o=filler))


def verb_phrase(prop_iri: str, prop_label: str, lang: str) -> str:
    """The words between subject and filler of a property's sentence ("is performed by"); the label if there are none."""
    template = SENTENCES.get(prop_iri)
    if template is None:
        return prop_label
    text = in_lang(template, lang)
    if text.startswith("{s} ") and text.endswith(" {o}") and text.count("{") == 2:
        return text[4:-4]
    return prop_label
