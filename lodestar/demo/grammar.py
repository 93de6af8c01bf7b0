"""Just enough grammar to fill sentence frames with noun phrases in English and French.

A frame names the form a slot needs in its format spec, e.g. ``"{tech:the}"`` or ``"{tech:du}"``, and
the noun phrase renders itself in that form (articles, elision, contractions). A spec that starts
with a capital letter capitalises the result, for slots that open a sentence.

Noun phrases are written as ``"<marks>:<text>"``. English marks: ``p`` plural, ``u`` uncountable,
``an``/``a`` to override the article. French marks: gender ``m``/``f``, ``p`` plural, ``!`` for an
aspirated h or any word that refuses elision (``le hangar``).
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

_FR_VOWELS = "aeiouyhâàäéèêëîïôöûùü"
_EN_VOWELS = "aeiou"


@dataclass(frozen=True)
class EnNP:
    text: str
    plural: bool = False
    article: str = ""  # "a" or "an" when the spelling misleads ("a UAV", "an MRI scanner")
    mass: bool = False  # uncountable: "we develop solid-state hydrogen storage", no article

    def _form(self, spec: str) -> str:
        if spec in ("", "cap"):
            return self.text
        if spec == "the":
            return f"the {self.text}"
        if spec == "a":
            if self.plural or self.mass:
                return self.text
            article = self.article or ("an" if self.text[:1].lower() in _EN_VOWELS else "a")
            return f"{article} {self.text}"
        raise ValueError(f"unknown English form {spec!r}")

    def __format__(self, spec: str) -> str:
        return _capitalised(self._form(spec.lower()), spec)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class FrNP:
    text: str
    feminine: bool = False
    plural: bool = False
    elides: bool = True

    @property
    def _vowel(self) -> bool:
        return self.elides and self.text[:1].lower() in _FR_VOWELS

    def _form(self, spec: str) -> str:
        text = self.text
        if spec in ("", "cap"):
            return text
        if spec == "de":  # "de" without article: "système de stockage", "kit d'essai"
            return f"d'{text}" if self._vowel else f"de {text}"
        if self.plural:
            article = {"le": "les", "un": "des", "du": "des", "au": "aux"}
        elif self._vowel:
            article = {"le": "l'", "un": "une" if self.feminine else "un", "du": "de l'", "au": "à l'"}
        elif self.feminine:
            article = {"le": "la", "un": "une", "du": "de la", "au": "à la"}
        else:
            article = {"le": "le", "un": "un", "du": "du", "au": "au"}
        if spec not in article:
            raise ValueError(f"unknown French form {spec!r}")
        word = article[spec]
        return f"{word}{text}" if word.endswith("'") else f"{word} {text}"

    def __format__(self, spec: str) -> str:
        return _capitalised(self._form(spec.lower()), spec)

    def __str__(self) -> str:
        return self.text


def _capitalised(text: str, spec: str) -> str:
    return text[:1].upper() + text[1:] if spec[:1].isupper() else text


def en(marked: str) -> EnNP:
    marks, sep, text = marked.partition(":")
    if not sep or " " in marks:
        return EnNP(marked)
    flags = marks.split(",")
    article = next((f for f in flags if f in ("a", "an")), "")
    return EnNP(text, plural="p" in flags, article=article, mass="u" in flags)


def fr(marked: str) -> FrNP:
    marks, sep, text = marked.partition(":")
    if not sep or not marks or set(marks) - set("mfp!"):
        raise ValueError(f"French noun phrase needs its gender: {marked!r}")
    return FrNP(text, feminine="f" in marks, plural="p" in marks, elides="!" not in marks)


NP = EnNP | FrNP


def np(language: str, marked: str) -> NP:
    return fr(marked) if language == "fr" else en(marked)


# French typography: a no-break space before the colon and inside guillemets, a narrow one before
# ; ! ? (Imprimerie nationale). Frames are written with ordinary spaces and fixed here once.
_FR_SPACING = [
    (re.compile(r" ([:»])"), "\u00a0\\1"),
    (re.compile(r"« "), "«\u00a0"),
    (re.compile(r" ([;!?])"), "\u202f\\1"),
]


_SPACES = re.compile(r"[ \t]+")
_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")  # "S.A." ending a sentence


def typeset(text: str, language: str) -> str:
    # Each pattern runs only where it can match: the demo and the simulation typeset some 25,000
    # paragraphs and titles, most with nothing to change.
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    text = text.strip()
    if ".." in text:
        text = _DOUBLE_STOP.sub(".", text)
    if language == "fr":
        for pattern, replacement in _FR_SPACING:
            text = pattern.sub(replacement, text)
    return text


def sentence(text: str) -> str:
    """Capitalise the first letter; frames may open with a lower-case slot."""
    text = text.strip()
    return text[:1].upper() + text[1:]


def pick(rng: random.Random, items: Sequence[T]) -> T:
    return items[rng.randrange(len(items))]


_ASCII = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "Ae",
        "ß": "ss",
        "ı": "i",
        "đ": "d",
        "Đ": "D",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "Ð": "D",
        "œ": "oe",
        "Œ": "Oe",
    }
)


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")


def email_part(name: str) -> str:
    """``"Łukasz Wójcik-Nowak"`` -> ``"lukasz.wojcik-nowak"``: what a company would set up."""
    return ".".join(re.sub(r"[^a-z0-9-]+", "", ascii_fold(p).lower()) for p in name.split()).strip(".")
