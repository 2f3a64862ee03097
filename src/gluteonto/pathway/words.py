"""The pathway's headings and fixed words in English and Norwegian Bokmål."""

from __future__ import annotations

from ..i18n import in_lang

__all__ = ["STRENGTH_WORDS", "WORDS", "w"]

#: strength of a link → (English, Norwegian) tag shown next to it; "stated" links get no tag
STRENGTH_WORDS: dict[str, tuple[str, str]] = {
    "always": ("always", "alltid"),
    "typically": ("typically", "typisk"),
    "often": ("often", "ofte"),
    "can": ("can", "kan"),
    "contributes": ("contributes", "bidrar"),
    "risk": ("risk factor", "risikofaktor"),
    "population": ("population level", "på gruppenivå"),
    "associated": ("seen together", "ses sammen"),
}

WORDS: dict[str, tuple[str, str]] = {
    "pathway": ("pathway", "forløp"),
    "what": ("What it is", "Hva det er"),
    "behind": ("What can lie behind it", "Hva som kan ligge bak"),
    "leads to": ("What it can lead to or is seen with", "Hva det kan føre til eller ses sammen med"),
    "shows": ("What it shows and where", "Hva det gir og hvor"),
    "differentials": ("How to tell it apart", "Slik skiller du det fra andre tilstander"),
    "assess": ("What to assess and consider", "Hva som bør vurderes"),
    "programme": ("Where to start and how to progress", "Hvor du starter og hvordan du trapper opp"),
    "exercises": ("Exercises that train what is involved", "Øvelser som trener det som er involvert"),
    "silent": ("The source says nothing about this for {term}.", "Kilden sier ingenting om dette for {term}."),
    "chain note": ("Each exercise is reached through a chain of statements in the source; the chain is not a "
                   "recommendation the source makes for {term}.",
                   "Hver øvelse er nådd gjennom en kjede av utsagn i kilden; kjeden er ikke en anbefaling kilden "
                   "gir for {term}."),
    "why": ("why", "hvorfor"),
    "other routes": ("{n} more routes in the source", "{n} andre veier i kilden"),
    "other route": ("1 more route in the source", "1 annen vei i kilden"),
    "targets": ("targets", "retter seg mot"),
    "trains": ("trains", "trener"),
    "cautions": ("watch for", "pass på"),
    "compensation": ("do not let these take over", "ikke la disse ta over"),
    "indicated": ("indicated for", "indisert ved"),
    "stage": ("stage", "trinn"),
    "stage unknown": ("the source does not say which stage this exercise belongs to, nor whether it loads the tendon",
                      "kilden sier ikke hvilket trinn øvelsen hører til, eller om den belaster senen"),
    "start": ("start with", "start med"),
    "then": ("then", "deretter"),
    "move on when": ("move on when", "gå videre når"),
    "avoid": ("avoid", "unngå"),
    "no look alikes": ("the source names no look-alikes or distinguishing findings",
                       "kilden nevner ingen forvekslinger eller funn som skiller"),
    "source": ("source", "kilde"),
    "sources": ("sources", "kilder"),
    "no source": ("no source given", "ingen kilde oppgitt"),
    "either or": ("one of several alternatives", "ett av flere alternativer"),
    "via": ("stated for {name}", "oppgitt for {name}"),
    "term page": ("term page", "begrepsside"),
}


def w(key: str, lang: str, **values: object) -> str:
    """A pathway word in ``lang`` (``nb`` Norwegian, anything else English), with ``values`` filled in."""
    return in_lang(WORDS[key], "nb" if lang == "nb" else "en").format(**values)


def strength_word(strength: str, lang: str) -> str:
    """The tag for a link's strength ("" for plain statements)."""
    pair = STRENGTH_WORDS.get(strength)
    return in_lang(pair, "nb" if lang == "nb" else "en") if pair else ""
