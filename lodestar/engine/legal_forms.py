"""Company legal forms of the member nations, their partners and the countries screening lists name, as
normalised words (lower case, accents folded, no dots: "S.A." is "sa", "Oü" is "ou"), shared by the
engine's name matchers: duplicates among applicants (``duplicates``), screening against sanctions lists
(``screening``) and conflicts of interest (``conflicts``). Each may add words of its own.
"""

from __future__ import annotations

import unicodedata

LEGAL_FORMS = frozenset(
    [
        "ab",
        "ad",
        "ag",
        "aps",
        "as",
        "asa",
        "bv",
        "bvba",
        "co",
        "corp",
        "corporation",
        "cv",
        "dd",
        "doo",
        "ehf",
        "eood",
        "eurl",
        "gmbh",
        "hf",
        "inc",
        "incorporated",
        "jsc",
        "kft",
        "kg",
        "kgaa",
        "kk",
        "ks",
        "lda",
        "limited",
        "ltee",
        "llc",
        "llp",
        "lp",
        "ltd",
        "mbh",
        "nv",
        "ojsc",
        "ood",
        "ooo",
        "ou",
        "oy",
        "oyj",
        "oü",
        "pjsc",
        "plc",
        "sa",
        "sarl",
        "sas",
        "sasu",
        "sca",
        "scs",
        "se",
        "sia",
        "sl",
        "slu",
        "sp",
        "spa",
        "srl",
        "sro",
        "uab",
        "ug",
        "zao",
        "zoo",
    ]
)


def is_legal_form(word: str) -> bool:
    """Whether a word as a text writes it ("S.A.", "GmbH", "Ltd.", "ltée") is a legal form."""
    decomposed = unicodedata.normalize("NFKD", word.replace(".", ""))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold() in LEGAL_FORMS
