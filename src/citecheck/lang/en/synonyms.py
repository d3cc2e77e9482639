"""Common paraphrases of general English, as word-key groups ("died" ~ "death").

Lemmas join inflections ("met" ~ "meet"); these groups join words a writer swaps when
restating a source. They are deliberately few and general: a related word is credited
less than the same word (see `retrieve.SYNONYM_CREDIT`).
"""

from __future__ import annotations

_GROUPS = (
    "die death dead deceased",
    "bear birth born",
    "marry marriage married wedding wed",
    "win victory winner",
    "lose defeat loss",
    "elect election vote",
    "film movie",
    "begin start launch commence",
    "end finish conclude",
    "buy purchase acquire acquisition",
    "large big major huge",
    "small little minor",
    "kill murder slay",
    "song single track",
    "release publish issue",
    "establish found founder create",
    "attack assault strike",
    "injure wound hurt",
    "woman female",
    "man male",
    "child kid",
    "doctor physician",
    "car vehicle automobile",
    "job employment",
    "company firm business corporation",
    "city town",
    "country nation",
    "rise increase grow growth",
    "fall decline decrease drop",
    "say state tell declare",
    "help assist aid",
    "need require",
    "show reveal demonstrate",
    "use employ utilize",
    "build construct construction",
    "leave depart quit resign",
    "award prize honor",
    "army military",
    "worry concern worried concerned",
    "talk discuss discussion",
    "meet meeting",
    "speak speech",
    "plan intend",
    "try attempt",
    "end abolish",
    "receive get obtain",
    "allow permit",
    "sell sale",
    "pay wage salary",
    "author writer",
    "novel book",
    "star actor actress",
    "director direct",
    "study research",
    "sick ill illness disease",
    "cause lead",
    "fast quick rapid",
    "old ancient",
    "new novel",
    "famous renowned",
    "compete competition",
    "score goal",
    "team club squad",
    "appoint name",
    "chief head leader",
    "president chairman",
    "ruling verdict decision",
    "trial case",
    "jury juror",
    "council councillor councilor",
    "arrest detain",
    "prison jail",
    "hospital clinic",
    "ship vessel boat",
    "plane aircraft",
    "home house residence",
    "school university college",
)

#: word key -> the other keys of its group(s)
SYNONYMS: dict[str, tuple[str, ...]] = {}
for _group in _GROUPS:
    _words = _group.split()
    for _w in _words:
        SYNONYMS[_w] = tuple(
            dict.fromkeys([*SYNONYMS.get(_w, ()), *(o for o in _words if o != _w)])
        )
