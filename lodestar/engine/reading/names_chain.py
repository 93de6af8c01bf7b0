"""The chains of capitalised words the name reader starts from (``names.py``), and the bodies the press
names in several ways (each counted once).

A chain is capitalised words joined by spaces and small connectors ("of", "for", "de", "du", "d’"...);
it never runs across a line break. A small word glued to the next by the page ("saidLt. Gen.",
"duForum") is not a camel-case name: the chain starts inside the glued word."""

from __future__ import annotations

import re

UPPER = "A-ZÀ-ÖØ-Ý"
# "U.S. Army", "U.K. Ministry of Defence": a dotted abbreviation joins the name that follows it.
_DOTTED = (
    rf"(?:[{UPPER}]\.){{2,}}(?=[ \t\u00a0]+(?!(?:The|A|An|It|In|On|At|This|Le|La|Les|Il|Elle|Un|Une|Ce|"
    rf"Cette)\b)[{UPPER}])"
)
# A small word glued to the name after it by the page ("saidLt. Gen.", "duForum", "perThe"), or any word of
# four letters or more ("defenceAdam Bry", "executiveSkydio"): not camel case. An elided article before a
# lower-case word ("L’objectif", "D’ici") opens a sentence, not a name.
_GLUE = re.findall(
    r"\w+",
    "du de au et of in on to by at des aux the and per for par sur said says pour dans avec from "
    "with told selon",
)
_CAP = (
    rf"(?![LD]['’][a-zà-ÿ])(?:{_DOTTED}|(?:[{UPPER}]|St|Mt)\.(?= )|[{UPPER}][\w&’'.-]*\w|[{UPPER}]|"
    rf"(?!(?:{'|'.join(_GLUE)})[{UPPER}]|[a-z]{{4,}}[{UPPER}][a-z]{{2}})[a-z]+[{UPPER}][\w-]*|\d+[{UPPER}][\w-]*)"
)
# ... and the name then starts inside the glued word.
_GLUED_START = "|".join([*(f"(?<=(?<![\\w-]){word})" for word in _GLUE), "(?<=[a-z]{4})(?=[A-Z][a-z]{2})"])
CONNECT = (
    r"(?:of the|for the|von der|van der|van den|of|for|and|&|on|de|du|des|de la|de l['’]|d['’]|l['’]|pour|"
    r"pour l['’]|et|van|von|der|le|la|y)"
)
GAP = r"[ \t\u00a0]"  # names never run across a line break
CHAIN = re.compile(
    rf"(?:(?<![\w-])(?<![^dlDLu]['’])|(?=[{UPPER}])(?:{_GLUED_START}))"
    rf"{_CAP}(?:(?:{GAP}+(?:{CONNECT}{GAP}*)?|{GAP}*(?:d|l)['’]){_CAP})*"
)


# One body under several names (the labels and the analysts count it once): each name to the group's first.
SYNONYMS = (
    (
        "Pentagon",
        "Pentagone",
        "Defense Department",
        "Department of Defense",
        "US Department of Defense",
        "DoD",
        "DOD",
        "U.S. Department of Defense",
        "département de la Défense",
    ),
    ("Ministry of Defence", "MoD", "MOD", "UK Ministry of Defence"),
    (
        "NATO",
        "Nato",
        "OTAN",
        "Otan",
        "North Atlantic Treaty Organization",
        "NATO Alliance",
        "North Atlantic Alliance",
        "Alliance atlantique",
        "Organisation du traité de l’Atlantique Nord",
        "Organisation du traité de l'Atlantique Nord",
    ),
    ("ministère des Armées", "Ministère des Armées", "MinArm"),
    ("Direction générale de l’armement", "Direction générale de l'armement", "DGA"),
    ("Agence de l’innovation de défense", "Agence de l'innovation de défense", "AID"),
    ("European Union", "EU", "Union européenne", "UE"),
)
