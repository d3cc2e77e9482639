"""English cues of the citation-need decision: analysis, reported speech, hedges, narration.

Phrases are regular-expression alternatives (matched case-insensitively at word
boundaries); word sets are lower-case tokens. The need decision compiles them once.
"""

from __future__ import annotations

from citecheck.lang.en.lexicon import SPEECH_VERBS, VIEW_VERBS

#: Analysis or opinion presented as the article's own conclusion ("suggests", "marks a").
ANALYSIS_PHRASES: tuple[str, ...] = (
    r"suggests?",
    r"suggesting",
    r"indicates?",
    r"indicating",
    r"signals?",
    r"signal(?:l)?ing",
    r"reflects?",
    r"reflecting",
    r"underscores?",
    r"underlines?",
    r"highlights?",
    r"demonstrates?",
    r"illustrates?",
    r"reveals?",
    r"implies",
    r"shows? that",
    r"points? to",
    r"is (?:attempting|trying|seeking|aiming|designed) to",
    r"attempts? to",
    r"aims? to",
    r"intends? to",
    r"seeks? to",
    r"marks? an?\b",
    r"represents? an?\b",
    r"appears? to",
    r"seems? to",
    r"likely",
    r"unlikely",
    r"probably",
    r"arguably",
    r"clearly",
    r"undoubtedly",
    r"strategic",
    r"signific(?:ant|antly)",
    r"crucial",
    r"critical",
    r"pivotal",
    r"landmark",
    r"unprecedented",
    r"views? .{0,40} as",
    r"rather than",
    r"in order to",
    r"a sign of",
    r"a desire",
    r"an effort",
)

#: Signs that a sentence reports findings: speech verbs plus research and data words.
REPORTED_PHRASES: tuple[str, ...] = (
    *sorted(v for v in SPEECH_VERBS if v != "according"),
    r"according to",
    r"found that",
    r"study",
    r"survey",
    r"research",
    r"data",
    r"percent",
    r"per cent",
)

#: Verbs after which the words or views belong to the name before them ("Lee hopes").
STANCE_PHRASES: tuple[str, ...] = (
    *sorted(v for v in SPEECH_VERBS | VIEW_VERBS if v != "according"),
    r"according to",
    r"called for",
)

#: "he said", "she believes" at the start of a sentence: speech of someone named before.
SPEECH_PRONOUNS: tuple[str, ...] = ("he", "she", "they", "it", "we")
SPEECH_AFTER_PRONOUN: frozenset[str] = (SPEECH_VERBS | VIEW_VERBS) - {"according"}

#: Openers of transitions, sign-offs and asides: sentences that state nothing to source.
TRANSITION_PHRASES: tuple[str, ...] = (
    r"in (?:conclusion|summary|short|addition|other words)",
    r"to (?:summarize|sum up|conclude)",
    r"overall",
    r"however",
    r"furthermore",
    r"moreover",
    r"for example",
    r"for instance",
    r"here (?:are|is)",
    r"let(?:'s| us)",
    r"see (?:also|below|above)",
    r"note that",
    r"read more",
    r"click",
    r"subscribe",
    r"thanks?",
    r"thank you",
    r"i hope",
    r"hope this",
    r"good luck",
)

#: Money and percentages: symbols, and currency words after a figure.
MONEY_SYMBOLS = "%$€£¥"
MONEY_WORDS: tuple[str, ...] = (r"percent", r"per cent", r"dollars?", r"euros?", r"pounds?")

HEDGES: frozenset[str] = frozenset(
    [
        "may",
        "might",
        "could",
        "can",
        "should",
        "would",
        "often",
        "generally",
        "typically",
        "usually",
        "commonly",
        "sometimes",
        "frequently",
        "potentially",
        "possibly",
    ]
)
FIRST_PERSON: frozenset[str] = frozenset(["i", "we", "our", "my", "us", "me", "ours"])
SECOND_PERSON: frozenset[str] = frozenset(["you", "your", "yours", "yourself"])
PAST_AUXILIARIES: frozenset[str] = frozenset(["was", "were", "had", "did"])
PRESENT_AUXILIARIES: frozenset[str] = frozenset(["is", "are", "has", "have", "does", "do"])
SUPERLATIVES: frozenset[str] = frozenset(
    ["most", "least", "first", "last", "only", "largest", "biggest", "best", "worst"]
)
DEMONSTRATIVES: frozenset[str] = frozenset(["this", "these", "that", "those", "it", "they", "such"])
CONNECTIVES: frozenset[str] = frozenset(
    [
        "however",
        "additionally",
        "furthermore",
        "moreover",
        "also",
        "overall",
        "therefore",
        "thus",
        "finally",
        "similarly",
        "consequently",
        "instead",
    ]
)
#: Subjects before a present-tense verb in narration ("she persuades", "who tells").
NARRATION_SUBJECTS: frozenset[str] = frozenset(
    ["he", "she", "it", "they", "also", "then", "who", "which", "and"]
)
PRONOUN_STARTS: frozenset[str] = frozenset(
    ["he", "she", "they", "his", "her", "their", "him", "them"]
)

#: Present-tense verbs that report a view or analyse ("Lee hopes", "the deal signals"):
#: not narration, so they never make a sentence read as a plot summary.
NOT_NARRATION: frozenset[str] = frozenset(
    [
        "says",
        "hopes",
        "believes",
        "expects",
        "claims",
        "thinks",
        "argues",
        "warns",
        "urges",
        "pledges",
        "vows",
        "insists",
        "suggests",
        "indicates",
        "signals",
        "reflects",
        "underscores",
        "underlines",
        "highlights",
        "demonstrates",
        "illustrates",
        "reveals",
        "implies",
        "shows",
        "points",
        "marks",
        "represents",
        "appears",
        "seems",
        "attempts",
        "aims",
        "intends",
        "seeks",
        "views",
    ]
)
