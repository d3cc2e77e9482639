"""English words the contradiction checks read: polarity, direction, modality, quantifiers,
roles, quantities and added content (`match/lexical/contrast/` and its helpers).

Everything here is data. Words are written in their plain forms; the matcher turns them
into word keys (lemma, US spelling) through the `Lexicon`, so "rose", "risen" and
"rises" all meet "rise". Phrases are tuples of plain lower-case words.
"""

from __future__ import annotations

# --- polarity ---------------------------------------------------------------------------

#: Words that negate what follows them in their clause (contractions are split first:
#: "can't" -> "can not", "cannot" -> "can not").
NEGATION_WORDS: frozenset[str] = frozenset(
    {"not", "no", "never", "none", "nothing", "nobody", "neither", "without", "nowhere"}
)
#: Verbs whose complement is negated ("failed to keep up", "denied that", "lack a lawyer").
NEGATIVE_VERBS: frozenset[str] = frozenset({"fail", "refuse", "deny", "lack", "decline"})
#: Of the negative verbs, those that negate only with "to" after them ("declined to").
NEGATIVE_WITH_TO: frozenset[str] = frozenset({"decline"})
#: Multi-word negations: ("no", "longer") = "no longer", ("yet", "to") = "has yet to".
NEGATION_PHRASES: tuple[tuple[str, ...], ...] = (("no", "longer"), ("yet", "to"))
#: Prefixes that turn a word into its opposite ("unofficial" / "official").
NEGATING_PREFIXES: tuple[str, ...] = ("un", "non", "in", "im", "il", "ir", "dis")

# --- direction and opposite pairs -------------------------------------------------------

#: Axes of opposition: (name, one side, the other side). A claim word on one side and the
#: source's word for the same slot on the other states the opposite fact.
DIRECTION_AXES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "amount",
        (
            "rise", "increase", "raise", "climb", "grow", "growth", "gain", "up", "higher",
            "more", "add", "expand", "expansion", "boost", "jump", "soar", "surge", "lift",
            "extra", "additional", "strengthen", "widen", "hike", "double", "triple",
            "upward", "swell", "rebound",
        ),
        (
            "fall", "drop", "decline", "decrease", "cut", "reduce", "reduction", "lower",
            "down", "less", "fewer", "shrink", "lose", "loss", "slump", "plunge", "sink",
            "narrow", "shed", "trim", "weaken", "halve", "slash", "tumble", "dip",
            "contract", "downward", "diminish",
        ),
    ),
    ("speed", ("accelerate", "quicken", "speed", "faster"), ("slow", "decelerate", "slower")),
    (
        "outcome",
        ("win", "beat", "defeat", "victory", "lead", "ahead", "winner"),
        ("lose", "loss", "trail", "behind", "loser"),
    ),
    ("finance", ("profit", "surplus", "gain"), ("loss", "deficit")),
    (
        "approval",
        (
            "approve", "approval", "pass", "accept", "uphold", "support", "back", "endorse",
            "favor", "for", "adopt", "allow", "permit", "affirm", "ratify", "sign",
        ),
        (
            "reject", "rejection", "oppose", "opposition", "against", "veto", "overturn",
            "reverse", "block", "ban", "forbid", "dismiss", "repeal", "prohibit", "overrule",
        ),
    ),
    (
        "praise",
        ("praise", "welcome", "hail", "applaud", "commend", "laud", "celebrate"),
        ("criticize", "condemn", "attack", "denounce", "blame", "slam", "decry", "deplore"),
    ),
    (
        "open",
        ("open", "reopen", "launch", "start", "begin", "expand", "open"),
        ("close", "shut", "end", "halt", "suspend", "shutter", "closure"),
    ),
    ("verdict", ("acquit", "clear", "exonerate"), ("convict", "guilty", "conviction")),
    ("position", ("above", "over", "exceed", "top"), ("below", "under", "bottom")),
    ("time", ("before", "earlier", "early", "ahead"), ("after", "later", "late", "behind")),
    (
        "quality",
        ("strong", "positive", "good", "success", "succeed"),
        ("weak", "negative", "bad", "failure"),
    ),
    (
        "size",
        ("large", "big", "maximum", "high", "long", "old", "wide"),
        ("small", "little", "minimum", "low", "short", "young", "narrow"),
    ),
    ("trade", ("buy", "hire"), ("sell", "fire")),
    ("sex", ("male",), ("female",)),
    ("truth", ("true", "correct", "accurate"), ("false", "incorrect", "wrong")),
    ("life", ("birth", "bear", "born"), ("death", "die", "dead")),
    ("include", ("include", "with"), ("exclude", "without")),
)  # fmt: skip

#: Words that name a place or side, in opposite pairs ("north walkway" / "south walkway").
PLACE_PAIRS: tuple[tuple[str, str], ...] = (
    ("north", "south"),
    ("east", "west"),
    ("northern", "southern"),
    ("eastern", "western"),
    ("home", "away"),
    ("inside", "outside"),
    ("upstream", "downstream"),
    ("domestic", "foreign"),
    ("urban", "rural"),
)

# --- modality, certainty and tense --------------------------------------------------------

#: Words that make what follows only possible, suspected or believed ("may", "suspected
#: of", "believe"): a claim that states it as fact overstates the source.
POSSIBLE_WORDS: frozenset[str] = frozenset(
    {
        "may", "might", "could", "possibly", "perhaps", "likely", "unlikely", "probably",
        "potential", "potentially", "suspect", "suspected", "alleged", "allegedly",
        "reportedly", "believe", "think", "seem", "appear", "unofficial", "preliminary",
        "provisional", "unconfirmed", "tentative", "face",
    }
)  # fmt: skip
#: Modal auxiliaries among them: a claim that adds one ("may close" for "will close")
#: weakens the source's statement (other hedges a claim may add without being wrong).
MODAL_HEDGES: frozenset[str] = frozenset({"may", "might", "could"})
#: Words that put what follows in the plans, hopes or pending steps of someone ("plans
#: to", "is expected to", "must still"): not done yet.
PLANNED_WORDS: frozenset[str] = frozenset(
    {
        "expect", "expected", "plan", "aim", "intend", "hope", "propose", "proposal",
        "promise", "pledge", "vow", "forecast", "projected", "consider", "considered", "mull",
        "weigh", "explore", "study", "pending", "seek", "try", "attempt", "want",
    }
)  # fmt: skip
#: Phrases that hedge ("cannot be ruled out", "still needs").
HEDGE_PHRASES: tuple[tuple[str, ...], ...] = (
    ("can", "not", "be", "ruled", "out"),
    ("not", "ruled", "out"),
    ("still", "need"),
    ("still", "needs"),
    ("must", "still"),
    ("up", "to"),
)
#: Words that put what follows in the future (said of something that has not happened yet).
FUTURE_WORDS: frozenset[str] = frozenset(
    {"will", "shall", "would", "scheduled", "set", "due", "upcoming", "going", "wo"}
)
#: Words that state something as certain or proven (stronger than a plain statement).
CERTAIN_WORDS: frozenset[str] = frozenset(
    {
        "definitely", "certainly", "certain", "surely", "prove", "proven", "proof",
        "undoubtedly", "guaranteed", "guarantee", "confirmed", "official", "officially",
        "conclusively",
    }
)  # fmt: skip
#: Verbs that report a finding without vouching for it ("found", "showed"): a claim that
#: turns them into "proved" overstates the source.
REPORT_WORDS: frozenset[str] = frozenset(
    {"find", "show", "suggest", "indicate", "report", "say", "estimate", "survey"}
)
#: Verbs of the tentative stage (considered, proposed) against the done stage (introduced).
TENTATIVE_WORDS: frozenset[str] = frozenset(
    {"consider", "propose", "discuss", "study", "explore", "weigh", "debate", "mull", "review"}
)
DONE_WORDS: frozenset[str] = frozenset(
    {"introduce", "implement", "adopt", "enact", "complete", "finish", "achieve", "build"}
)
#: Auxiliaries of the perfect and the past.
PERFECT_AUXILIARIES: frozenset[str] = frozenset({"has", "have", "had", "having"})
PAST_AUXILIARIES: frozenset[str] = frozenset({"was", "were", "did"})
#: Words that may stand between an auxiliary and its verb ("will also be", "has not yet").
AUXILIARY_FILLERS: frozenset[str] = frozenset(
    {
        "be", "been", "being", "is", "are", "am", "also", "still", "yet", "already", "now",
        "then", "just", "only", "ever", "even", "each", "all", "both", "to", "get", "got",
        "definitely", "certainly", "probably", "likely", "soon", "eventually", "finally",
    }
)  # fmt: skip
#: Irregular past forms (the regular ones end in -ed).
IRREGULAR_PAST: frozenset[str] = frozenset(
    {
        "held", "built", "dealt", "ran", "rose", "fell", "won", "lost", "paid", "made", "took",
        "gave", "said", "told", "found", "brought", "sold", "bought", "met", "left", "led",
        "began", "became", "came", "went", "saw", "wrote", "chose", "drove", "grew", "spent",
        "sent", "kept", "felt", "fought", "thought", "taught", "caught", "struck", "stood",
        "understood", "drew", "flew", "knew", "threw", "shook", "broke", "spoke",
        "stole", "woke", "wore", "swore", "tore", "bore", "froze", "rode", "rang", "sang",
        "sank", "swam", "forgot", "got", "hid", "slid", "bit", "lit", "overtook",
        "undertook", "withdrew", "upheld", "oversaw", "outnumbered", "sought", "hung",
        "fled", "fed", "bled", "sped", "lent", "meant", "dug", "stuck", "swept",
        "slept", "wept", "crept", "laid", "heard", "bent", "rebuilt", "reopened", "overcame",
        "shot", "beaten",
        "done", "gone", "seen", "taken", "given", "written", "chosen", "driven", "grown",
        "known", "shown", "thrown", "risen", "fallen", "eaten", "forgotten", "hidden",
        "spoken", "broken", "stolen", "frozen", "ridden", "sung", "sunk", "swum", "begun",
        "become", "come", "run", "had", "did",
    }
)  # fmt: skip

# --- quantifiers -------------------------------------------------------------------------

#: Quantifier words and what share of a group each states: (lowest, highest, lowest
#: included, highest included). "most" is more than half and, as an editor reads it, not all.
QUANTIFIERS: dict[str, tuple[float, float, bool, bool]] = {
    "all": (1.0, 1.0, True, True),
    "every": (1.0, 1.0, True, True),
    "each": (1.0, 1.0, True, True),
    "both": (1.0, 1.0, True, True),
    "entire": (1.0, 1.0, True, True),
    "entirely": (1.0, 1.0, True, True),
    "whole": (1.0, 1.0, True, True),
    "unanimous": (1.0, 1.0, True, True),
    "unanimously": (1.0, 1.0, True, True),
    "most": (0.5, 1.0, False, False),
    "majority": (0.5, 1.0, False, False),
    "mostly": (0.5, 1.0, False, False),
    "mainly": (0.5, 1.0, False, False),
    "largely": (0.5, 1.0, False, False),
    "many": (0.0, 1.0, False, False),
    "some": (0.0, 1.0, False, False),
    "several": (0.0, 1.0, False, False),
    "few": (0.0, 0.5, False, False),
    "minority": (0.0, 0.5, False, False),
    "none": (0.0, 0.0, True, True),
    "no": (0.0, 0.0, True, True),
    "nobody": (0.0, 0.0, True, True),
}
#: Phrases with the same meaning ("nearly all": more than 85%, not all).
QUANTIFIER_PHRASES: dict[tuple[str, ...], tuple[float, float, bool, bool]] = {
    ("nearly", "all"): (0.85, 1.0, True, False),
    ("almost", "all"): (0.85, 1.0, True, False),
    ("virtually", "all"): (0.85, 1.0, True, False),
    ("more", "than", "half"): (0.5, 1.0, False, True),
    ("less", "than", "half"): (0.0, 0.5, True, False),
    ("fewer", "than", "half"): (0.0, 0.5, True, False),
    ("a", "few"): (0.0, 1.0, False, False),
    ("a", "handful"): (0.0, 0.5, False, False),
    ("a", "single"): (0.0, 1.0, False, False),
    ("only", "one"): (0.0, 1.0, False, False),
}
#: Quantifiers that also fix a count: "both" = 2, "a single" = 1, "several" >= 3.
QUANTIFIER_COUNTS: dict[str, tuple[float, float]] = {
    "both": (2, 2),
    "single": (1, 1),
    "a single": (1, 1),
    "only one": (1, 1),
    "several": (3, float("inf")),
    "a few": (2, float("inf")),
    "many": (3, float("inf")),
    "none": (0, 0),
    "no": (0, 0),
    "nobody": (0, 0),
}

# --- roles and entities ------------------------------------------------------------------

#: Nouns that name who did something: people by role, groups and organisations. A claim
#: that puts one where the source has another for the same act has the wrong agent.
ROLE_NOUNS: frozenset[str] = frozenset(
    {
        # people by what they do
        "parent", "teacher", "student", "pupil", "resident", "voter", "citizen", "worker",
        "employee", "employer", "staff", "nurse", "doctor", "surgeon", "patient", "farmer",
        "fisherman", "driver", "rider", "passenger", "pilot", "officer", "police",
        "policeman", "detective", "soldier", "firefighter", "lawyer", "attorney",
        "prosecutor", "defendant", "plaintiff", "judge", "justice", "juror", "jury",
        "witness", "victim", "suspect", "journalist", "reporter", "editor", "author",
        "researcher", "scientist", "engineer", "economist", "analyst", "expert", "official",
        "spokesman", "spokeswoman", "spokesperson", "minister", "president", "governor",
        "mayor", "senator", "councillor", "councilor", "commissioner", "chairman",
        "chairwoman", "chair", "director", "manager", "executive", "chief", "founder",
        "owner", "landlord", "tenant", "shareholder", "investor", "buyer", "seller",
        "customer", "consumer", "shopper", "retailer", "trader", "dealer", "supplier",
        "contractor", "developer", "builder", "archaeologist", "historian", "coach",
        "player", "striker", "defender", "goalkeeper", "guard", "forward", "pitcher",
        "outfielder", "catcher", "captain", "referee", "umpire", "fan",
        "champion", "winner", "loser", "finisher", "runner", "rower", "cyclist",
        "swimmer", "athlete", "candidate", "incumbent", "challenger", "leader", "member",
        "speaker", "sponsor", "critic", "opponent", "supporter", "protester", "activist",
        "campaigner", "advocate", "union", "warden", "ranger", "inspector", "auditor",
        "treasurer", "secretary", "clerk", "agent", "broker", "banker", "accountant",
        "landowner", "villager", "fisher", "miner", "trucker", "teenager", "child",
        "adult", "man", "woman", "men", "women", "boy", "girl", "son", "daughter",
        "mother", "father", "wife", "husband", "family", "neighbour", "neighbor",
        "astronaut", "crew", "team", "club", "side", "squad", "pensioner", "retiree",
        "immigrant", "refugee", "prisoner", "inmate", "priest", "bishop", "pastor",
        "professor", "lecturer", "principal", "superintendent", "headteacher", "dean",
        "chancellor", "regulator", "watchdog", "lender", "borrower", "creditor", "debtor",
        "landlady", "host", "guest", "visitor", "tourist", "user", "subscriber", "viewer",
        "listener", "reader", "writer", "artist", "singer", "actor", "actress", "musician",
        "businesses", "business", "company", "firm", "bank", "charity", "group", "agency",
        "authority", "council", "board", "committee", "panel", "court", "government",
        "ministry", "department", "parliament", "legislature", "congress", "senate",
        "organisation", "organization", "institute", "university", "college", "school",
        "hospital", "trust", "foundation", "association", "federation", "league",
        "commission", "bureau", "army", "navy", "military", "landlords", "owners",
        "opposition", "administration", "cabinet", "prosecution", "maker", "producer",
        "manufacturer", "operator",
    }
)  # fmt: skip
#: Levels of government and kinds of body, which a claim may swap ("state grant" /
#: "federal grant", "city" / "county").
JURISDICTIONS: frozenset[str] = frozenset(
    {
        "federal", "state", "national", "local", "county", "city", "municipal", "town",
        "provincial", "regional", "village", "borough", "parish", "province",
    }
)  # fmt: skip
#: Words that attach what follows to a speaker ("said", "told", "wrote", "called").
SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "say", "tell", "write", "add", "note", "state", "announce", "confirm", "report",
        "explain", "argue", "claim", "recall", "reveal", "estimate", "call", "describe",
        "warn", "insist", "declare", "accuse", "criticize", "praise", "deny", "admit",
        "testify", "predict", "urge", "acknowledge", "conclude", "comment", "respond",
        "reply", "tweet", "post",
    }
)  # fmt: skip
#: Words that introduce a relative clause between an agent and its verb ("X, who ...,").
RELATIVE_WORDS: frozenset[str] = frozenset({"who", "which", "that", "whose", "whom"})
#: Pronouns an agent may be written as (resolved to the last named speaker before).
PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "it", "we", "i"})

# --- quantities --------------------------------------------------------------------------

#: Currencies: word or symbol -> code. "pence" and "cents" are a hundredth of their unit.
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "pound": "GBP", "pounds": "GBP",
    "sterling": "GBP", "gbp": "GBP", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
    "franc": "CHF", "francs": "CHF", "krona": "SEK", "kronor": "SEK", "krone": "NOK",
    "kroner": "NOK", "rand": "ZAR", "peso": "MXN", "pesos": "MXN", "won": "KRW",
    "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "lira": "TRY",
    "real": "BRL", "reais": "BRL", "pence": "GBP/100", "penny": "GBP/100", "p": "GBP/100",
    "cent": "USD/100", "cents": "USD/100",
}  # fmt: skip
CURRENCY_SYMBOLS: dict[str, str] = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}
#: Units of measure: word -> (dimension, factor to the dimension's base unit).
UNITS: dict[str, tuple[str, float]] = {
    "km": ("length", 1000.0), "kilometre": ("length", 1000.0), "kilometer": ("length", 1000.0),
    "kilometres": ("length", 1000.0), "kilometers": ("length", 1000.0),
    "m": ("length", 1.0), "metre": ("length", 1.0), "meter": ("length", 1.0),
    "metres": ("length", 1.0), "meters": ("length", 1.0),
    "cm": ("length", 0.01), "centimetre": ("length", 0.01), "centimetres": ("length", 0.01),
    "centimeter": ("length", 0.01), "centimeters": ("length", 0.01),
    "mm": ("length", 0.001), "millimetre": ("length", 0.001), "millimetres": ("length", 0.001),
    "mile": ("length", 1609.344), "miles": ("length", 1609.344),
    "foot": ("length", 0.3048), "feet": ("length", 0.3048), "ft": ("length", 0.3048),
    "yard": ("length", 0.9144), "yards": ("length", 0.9144),
    "inch": ("length", 0.0254), "inches": ("length", 0.0254),
    "length": ("length-race", 1.0), "lengths": ("length-race", 1.0),
    "tonne": ("mass", 1000.0), "tonnes": ("mass", 1000.0), "ton": ("mass", 907.185),
    "tons": ("mass", 907.185), "kg": ("mass", 1.0), "kilogram": ("mass", 1.0),
    "kilograms": ("mass", 1.0), "kilo": ("mass", 1.0), "kilos": ("mass", 1.0),
    "gram": ("mass", 0.001), "grams": ("mass", 0.001), "g": ("mass", 0.001),
    "lb": ("mass", 0.453592), "lbs": ("mass", 0.453592),
    "litre": ("volume", 1.0), "litres": ("volume", 1.0), "liter": ("volume", 1.0),
    "liters": ("volume", 1.0), "gallon": ("volume", 3.78541), "gallons": ("volume", 3.78541),
    "barrel": ("volume", 158.987), "barrels": ("volume", 158.987),
    "watt": ("power", 1.0), "watts": ("power", 1.0), "kilowatt": ("power", 1e3),
    "kilowatts": ("power", 1e3), "kw": ("power", 1e3), "megawatt": ("power", 1e6),
    "megawatts": ("power", 1e6), "mw": ("power", 1e6), "gigawatt": ("power", 1e9),
    "gigawatts": ("power", 1e9), "gw": ("power", 1e9),
    "kwh": ("energy", 1e3), "mwh": ("energy", 1e6), "gwh": ("energy", 1e9),
    "hectare": ("area", 1e4), "hectares": ("area", 1e4), "acre": ("area", 4046.86),
    "acres": ("area", 4046.86),
    "second": ("time", 1.0), "seconds": ("time", 1.0), "minute": ("time", 60.0),
    "minutes": ("time", 60.0), "hour": ("time", 3600.0), "hours": ("time", 3600.0),
    "day": ("time", 86400.0), "days": ("time", 86400.0), "week": ("time", 604800.0),
    "weeks": ("time", 604800.0), "month": ("time", 2629800.0), "months": ("time", 2629800.0),
    "year": ("time", 31557600.0), "years": ("time", 31557600.0),
    "decade": ("time", 315576000.0), "decades": ("time", 315576000.0),
    "century": ("time", 3155760000.0), "centuries": ("time", 3155760000.0),
    "degree": ("temperature", 1.0), "degrees": ("temperature", 1.0),
    "mph": ("speed", 0.44704), "kph": ("speed", 0.277778),
}  # fmt: skip
#: Periods of a rate ("a year", "per month", "weekly"): word -> period name.
PERIOD_WORDS: dict[str, str] = {
    "hour": "hour", "day": "day", "week": "week", "month": "month", "quarter": "quarter",
    "year": "year", "decade": "decade", "century": "century", "night": "night",
    "season": "season",
}  # fmt: skip
PERIOD_ADJECTIVES: dict[str, str] = {
    "hourly": "hour", "daily": "day", "nightly": "night", "weekly": "week",
    "fortnightly": "fortnight", "monthly": "month", "quarterly": "quarter", "yearly": "year",
    "annual": "year", "annually": "year", "biennial": "2 years", "decadal": "decade",
}  # fmt: skip
#: Words that bound or round a figure: word(s) -> "approx" | "below" | "above" | "max" | "min".
BOUNDS: dict[tuple[str, ...], str] = {
    ("about",): "approx", ("around",): "approx", ("approximately",): "approx",
    ("roughly",): "approx", ("some",): "approx", ("circa",): "approx", ("estimated",): "approx",
    ("an", "estimated"): "approx", ("close", "to"): "approx", ("on", "average"): "approx",
    ("an", "average", "of"): "approx", ("average",): "approx", ("nearly",): "below",
    ("almost",): "below", ("just", "under"): "below", ("just", "below"): "below",
    ("more", "than"): "above", ("over",): "above", ("above",): "above",
    ("upwards", "of"): "above", ("in", "excess", "of"): "above", ("exceeding",): "above",
    ("just", "over"): "above", ("at", "least"): "min", ("no", "fewer", "than"): "min",
    ("no", "less", "than"): "min", ("a", "minimum", "of"): "min",
    ("fewer", "than"): "under", ("less", "than"): "under", ("under",): "under",
    ("below",): "under", ("up", "to"): "max", ("at", "most"): "max",
    ("as", "many", "as"): "max", ("as", "much", "as"): "max", ("no", "more", "than"): "max",
    ("a", "maximum", "of"): "max",
}  # fmt: skip
#: Fractions written in words: phrase -> share.
FRACTION_WORDS: dict[tuple[str, ...], float] = {
    ("half",): 0.5, ("a", "half"): 0.5, ("one", "half"): 0.5, ("a", "third"): 1 / 3,
    ("one", "third"): 1 / 3, ("two", "thirds"): 2 / 3, ("a", "quarter"): 0.25,
    ("one", "quarter"): 0.25, ("three", "quarters"): 0.75, ("a", "fifth"): 0.2,
    ("one", "fifth"): 0.2, ("two", "fifths"): 0.4, ("a", "tenth"): 0.1, ("one", "tenth"): 0.1,
}  # fmt: skip
#: Words after which "a" is the number one ("a million", "a dozen"), never an article.
A_SCALES: frozenset[str] = frozenset(
    {"million", "billion", "trillion", "thousand", "hundred", "dozen"}
)
#: Multiples: "twice", "double" = 2.
MULTIPLES: dict[str, float] = {
    "twice": 2.0, "double": 2.0, "doubled": 2.0, "triple": 3.0, "tripled": 3.0,
    "thrice": 3.0, "quadruple": 4.0, "half": 0.5, "halved": 0.5,
}  # fmt: skip
ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fiftieth": 50,
    "hundredth": 100, "top": 1,
}  # fmt: skip
#: Ordinals only when the next word is one of these ("top seed", not "top officials").
ORDINAL_IF_NEXT: dict[str, frozenset[str]] = {
    "top": frozenset({"seed", "spot", "place", "rank", "ranking", "position"}),
}
#: Words that make "a-b" a vote or a score (rather than a range or a label).
TALLY_CUES: frozenset[str] = frozenset(
    {
        "vote", "voted", "votes", "voting", "ruled", "ruling", "decision", "beat", "beats",
        "won", "win", "wins", "lost", "lose", "loses", "defeated", "defeat", "lead", "led",
        "leads", "trail", "trailed", "score", "scored", "final", "series", "passed",
        "approved", "rejected", "margin", "tally", "split", "draw", "drew", "tie", "tied",
        "victory", "set", "sets", "game", "match", "panel", "majority",
    }
)  # fmt: skip
#: Relative dates: phrase -> (unit, offset from the time of writing).
RELATIVE_DATES: dict[tuple[str, ...], tuple[str, int]] = {
    ("yesterday",): ("day", -1), ("today",): ("day", 0), ("tomorrow",): ("day", 1),
    ("tonight",): ("day", 0), ("last", "night"): ("day", -1),
    ("last", "week"): ("week", -1), ("this", "week"): ("week", 0), ("next", "week"): ("week", 1),
    ("a", "week", "ago"): ("week", -1), ("a", "week", "earlier"): ("week", -1),
    ("the", "previous", "week"): ("week", -1), ("the", "week", "before"): ("week", -1),
    ("last", "month"): ("month", -1), ("this", "month"): ("month", 0),
    ("next", "month"): ("month", 1), ("a", "month", "ago"): ("month", -1),
    ("a", "month", "earlier"): ("month", -1), ("the", "previous", "month"): ("month", -1),
    ("the", "month", "before"): ("month", -1), ("a", "month", "before"): ("month", -1),
    ("last", "year"): ("year", -1), ("this", "year"): ("year", 0),
    ("next", "year"): ("year", 1), ("a", "year", "ago"): ("year", -1),
    ("a", "year", "earlier"): ("year", -1), ("the", "previous", "year"): ("year", -1),
    ("the", "year", "before"): ("year", -1), ("a", "year", "before"): ("year", -1),
    ("last", "season"): ("season", -1), ("this", "season"): ("season", 0),
    ("next", "season"): ("season", 1), ("last", "quarter"): ("quarter", -1),
    ("this", "quarter"): ("quarter", 0), ("next", "quarter"): ("quarter", 1),
    ("last", "decade"): ("decade", -1), ("a", "decade", "ago"): ("decade", -1),
    ("next", "spring"): ("spring", 1), ("last", "spring"): ("spring", -1),
    ("next", "summer"): ("summer", 1), ("last", "summer"): ("summer", -1),
    ("next", "autumn"): ("autumn", 1), ("last", "autumn"): ("autumn", -1),
    ("next", "winter"): ("winter", 1), ("last", "winter"): ("winter", -1),
}  # fmt: skip
#: "N years ago", "N months earlier": the words after a count that make it a relative date.
AGO_WORDS: frozenset[str] = frozenset({"ago", "earlier", "before", "later", "previously"})
SEASONS: frozenset[str] = frozenset({"spring", "summer", "autumn", "fall", "winter"})

# --- added content -------------------------------------------------------------------------

#: Words that state a record or a superlative ("steepest", "all-time", "first ever"): a
#: claim adding one its sources do not state adds a fact.
RECORD_WORDS: frozenset[str] = frozenset(
    {
        "record", "ever", "unprecedented", "historic", "history", "all-time", "first",
        "biggest", "largest", "highest", "lowest", "longest", "shortest", "fastest",
        "slowest", "steepest", "oldest", "youngest", "newest", "worst", "best",
        "greatest", "smallest", "strongest", "weakest", "deepest", "maximum", "minimum",
        "debut", "records",
    }
)  # fmt: skip
#: Words that open a closing clause of cause, purpose or circumstance ("after a truck
#: struck its railing", "despite a petition", "to fight a rise in burglaries").
CAUSE_WORDS: frozenset[str] = frozenset(
    {
        "because", "after", "despite", "amid", "following", "thanks", "due", "owing",
        "helped", "driven", "fuelled", "fueled", "caused", "angered", "prompted", "to",
        "funded", "backed", "affecting", "becoming", "mostly", "mainly", "largely", "as",
        "and", "while", "when", "since",
    }
)  # fmt: skip
