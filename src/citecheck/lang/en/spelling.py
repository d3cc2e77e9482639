"""British → American spelling, so "labour" in a claim matches "labor" in a source."""

from __future__ import annotations

#: Spelling variants whose suffix rules would misfire; the rules below catch the rest.
VARIANTS: dict[str, str] = {
    "labour": "labor",
    "labours": "labor",
    "programme": "program",
    "programmes": "program",
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "practise": "practice",
    "grey": "gray",
    "tyre": "tire",
    "tyres": "tire",
    "cheque": "check",
    "aluminium": "aluminum",
    "jewellery": "jewelry",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "analogue": "analog",
    "kerb": "curb",
    "plough": "plow",
    "manoeuvre": "maneuver",
    "paediatric": "pediatric",
    "anaemia": "anemia",
    "oestrogen": "estrogen",
    "foetus": "fetus",
    "judgement": "judgment",
    "ageing": "aging",
    "towards": "toward",
    "whilst": "while",
    "amongst": "among",
}

#: (British suffix, American suffix), applied when the American form is the commoner word.
SUFFIX_RULES: tuple[tuple[str, str], ...] = (
    ("isation", "ization"),
    ("isations", "izations"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ise", "ize"),
    ("ises", "izes"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("our", "or"),
    ("ours", "ors"),
    ("oured", "ored"),
    ("ouring", "oring"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("elled", "eled"),
    ("elling", "eling"),
    ("ogue", "og"),
)
