"""English words for attributions: unnamed speakers, the article's own reporting, non-speakers.

"Police said …", "Analysts expect …", "The company said …": a generic or unnamed
speaker is still a source a reader needs ("Critics say" is not evidence). The need
decision (`need/signals.py`) looks for one of these nouns as the subject of a speech
or view verb. Phrases are regular-expression alternatives, matched case-insensitively
at word boundaries; word sets are lower case.
"""

from __future__ import annotations

from citecheck.lang.en.lexicon import SPEECH_VERBS, VIEW_VERBS

#: Nouns for speakers who are not named: people by role or group, organisations by kind.
GENERIC_SPEAKERS: frozenset[str] = frozenset(
    {
        # Groups and roles, plural and singular.
        *("police", "officials", "official", "authorities", "officers", "officer"),
        *("analysts", "analyst", "critics", "critic", "experts", "expert"),
        *("economists", "economist", "investigators", "investigator"),
        *("prosecutors", "prosecutor", "detectives", "detective", "researchers", "researcher"),
        *("scientists", "scientist", "doctors", "doctor", "lawyers", "lawyer"),
        *("attorneys", "attorney", "residents", "resident", "neighbours", "neighbors"),
        *("witnesses", "witness", "observers", "insiders", "sources", "source"),
        *("opponents", "supporters", "advocates", "activists", "campaigners", "unions"),
        *("executives", "executive", "regulators", "regulator", "lawmakers", "legislators"),
        *("politicians", "diplomats", "diplomat", "employees", "workers", "staff"),
        *("teachers", "parents", "students", "farmers", "traders", "investors", "voters"),
        *("locals", "organisers", "organizers", "firefighters", "paramedics", "rescuers"),
        *("spokesperson", "spokesman", "spokeswoman", "spokespeople", "representative"),
        *("representatives", "aide", "aides", "adviser", "advisers", "advisor", "advisors"),
        *("people", "person", "someone", "others", "many", "some"),
        # Office holders named by their office.
        *("mayor", "governor", "minister", "ministers", "president", "chairman"),
        *("chairwoman", "chair", "director", "manager", "secretary", "commissioner"),
        *("superintendent", "sheriff", "chief", "judge", "senator", "councillor", "councilor"),
        *("ceo", "founder", "owner", "owners", "coach", "principal", "landlord", "landlords"),
        # Organisations by kind.
        *("company", "firm", "ministry", "department", "agency", "council", "government"),
        *("administration", "board", "committee", "union", "university", "hospital"),
        *("school", "district", "city", "county", "state", "court", "bank", "group"),
        *("campaign", "party", "team", "club", "organisation", "organization", "charity"),
        *("airline", "carrier", "operator", "utility", "insurer", "lender", "retailer"),
        *("manufacturer", "developer", "publisher", "network", "studio", "prosecution"),
        # …and in the plural ("Operators expect", "Airlines say").
        *("companies", "firms", "ministries", "departments", "agencies", "councils"),
        *("governments", "boards", "committees", "universities", "hospitals", "schools"),
        *("districts", "cities", "counties", "states", "courts", "banks", "groups", "parties"),
        *("teams", "clubs", "organisations", "organizations", "charities", "airlines"),
        *("carriers", "operators", "utilities", "insurers", "lenders", "retailers"),
        *("manufacturers", "developers", "publishers", "networks", "studios", "businesses"),
        *("shopkeepers", "merchants", "drivers", "commuters", "passengers", "fishermen"),
        *("economists", "forecasters", "pollsters", "historians", "engineers", "nurses"),
    }
)

#: Speakers that are quantifiers ("some say"); after one, a verb that is also a plural noun
#: ("some states", "many reports") is read as the noun, not as speech.
QUANTIFIER_SPEAKERS: frozenset[str] = frozenset(
    {"some", "many", "others", "several", "most", "few", "both", "all"}
)
NOUN_LIKE_VERBS: frozenset[str] = frozenset(
    {"states", "reports", "notes", "claims", "estimates", "fears", "doubts", "worries"}
    | {"hopes", "calls", "tells", "thoughts", "writes", "records", "concerns"}
)

#: Words that may stand before a generic speaker and belong to it ("the mayor", "some experts").
SPEAKER_DETERMINERS: frozenset[str] = frozenset(
    {"the", "a", "an", "some", "many", "several", "most", "other", "its", "their", "two"}
    | {"three", "four", "five", "few", "both", "local", "senior", "top", "former", "city"}
)

#: Verbs after a generic speaker that report its words or views, beyond the named-speaker ones.
GENERIC_SPEECH_VERBS: frozenset[str] = frozenset(
    (SPEECH_VERBS | VIEW_VERBS) - {"according"}
    | {"say", "tell", "expect", "expected", "believe", "think", "warn", "warns", "urge", "urges"}
    | {"argue", "claim", "estimate", "estimates", "predict", "predicts", "predicted"}
    | {"contend", "contends", "contended", "allege", "alleges", "alleged", "insist", "insists"}
    | {"insisted", "fear", "fears", "feared", "acknowledged", "admitted", "denied", "deny"}
    | {"denies", "described", "describe", "describes", "maintain", "maintains", "maintained"}
    | {"suspect", "suspects", "suspected", "agree", "agreed", "agrees", "disputed", "doubt"}
    | {"doubts", "doubted", "worry", "worries", "worried", "concede", "conceded", "concedes"}
)

#: Verbs that attribute words only when a quotation follows ("called the vote 'a turning point'").
QUOTE_VERBS: frozenset[str] = frozenset(
    {"called", "calls", "call", "dubbed", "labelled", "labeled", "termed", "branded"}
)

#: Adverbs and auxiliaries that may stand between a speaker and the verb ("police have said").
SPEAKER_ADVERBS: frozenset[str] = frozenset(
    {"also", "later", "earlier", "previously", "now", "have", "has", "had", "repeatedly"}
    | {"privately", "publicly", "recently", "still", "already", "widely", "generally", "long"}
    | {"all", "did", "do", "does", "initially", "first", "separately", "both"}
)

#: Phrases that may follow an unnamed speaker before the verb ("people familiar with the talks").
SPEAKER_QUALIFIERS: tuple[str, ...] = (
    r"for",
    r"at",
    r"of",
    r"from",
    r"in",
    r"familiar with",
    r"close to",
    r"briefed on",
    r"with knowledge of",
    r"involved in",
)

#: Capitalised words and acronyms that are things, not speakers ("the ID says", "the API
#: returns"): they never make a sentence "report what X said".
NOT_SPEAKERS: frozenset[str] = frozenset(
    {
        *("ID", "IDs", "API", "APIs", "URL", "URLs", "URI", "SDK", "CLI", "GUI", "UI", "UX"),
        *("JSON", "YAML", "XML", "HTML", "CSS", "CSV", "PDF", "SQL", "HTTP", "HTTPS", "TCP"),
        *("UDP", "IP", "DNS", "TLS", "SSL", "SSH", "JWT", "UUID", "OS", "CPU", "GPU", "RAM"),
        *("SSD", "USB", "FAQ", "README", "TODO", "PR", "CI", "CD", "VM", "OK", "PIN", "ZIP"),
        *("QR", "LED", "TV", "PC", "GB", "MB", "KB", "TB", "AM", "PM", "UTC", "GMT", "ASCII"),
    }
)

#: The article's own reporting: "we reviewed …", "our analysis found …". It needs no
#: citation: the article is the source.
OWN_REPORTING: tuple[str, ...] = (
    r"\bwe (?:reviewed|analy[sz]ed|obtained|counted|surveyed|interviewed|examined|visited"
    r"|observed|calculated|compiled|tallied|mapped|tested|requested|collected|tracked)\b",
    r"\bour (?:own )?(?:analysis|review|reporting|investigation|survey|count|calculations?"
    r"|tally|data|reporters?|journalists?|correspondents?|newsroom|interviews?)\b",
    r"\bthis (?:newspaper|paper|publication|reporter|correspondent|site|outlet|station)\b",
    r"\b(?:told|according to) (?:this|our) (?:newspaper|reporter|correspondent|publication)\b",
)
