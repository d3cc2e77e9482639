"""The catalogue of reason codes: each stable code, what it means, and how it reads.

Every `Reason` in a report is built here by `reason(code, **params)`, so a code's
message is written once, and docs/reasons.md (checked by a test) lists them all.
Codes are stable: scripts and renderers may branch on them. Messages may improve.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from citecheck.report import Reason, ReasonParam

#: How many characters of a quote a reason shows.
QUOTE_CHARS = 100
#: How many characters of a suggested source's quote an `uncited` reason shows.
SUGGESTION_CHARS = 120


def shorten(text: str, limit: int) -> str:
    """One line of at most `limit` characters, cut with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def quoted(values: object) -> str:
    """`'a', 'b'`: values as a reason lists them."""
    if isinstance(values, str):
        return f"'{values}'"
    if isinstance(values, list | tuple):
        return ", ".join(f"'{v}'" for v in values)
    return f"'{values}'"


Params = Mapping[str, ReasonParam]


def _ids(value: ReasonParam) -> str:
    """`1, 2`: source ids as a reason lists them."""
    return ", ".join(value) if isinstance(value, list) else str(value)


@dataclass(frozen=True, slots=True)
class Code:
    """One reason code: what it means (for docs/reasons.md) and how its message reads."""

    meaning: str
    render: Callable[[Params], str]
    params: tuple[str, ...] = ()


def _conflict(p: Params) -> str:
    return f"source {p['source']} says '{p['source_value']}', the claim says '{p['claim_value']}'"


def _absent(p: Params) -> str:
    return f"no cited source mentions '{p['term']}'"


def _backed(p: Params) -> str:
    unseen = p.get("unseen") or []
    tail = f" (not in the source: {quoted(unseen)})" if unseen else ""
    return f"source {p['source']} backs it: '{p['quote']}'{tail}"


def _backed_together(p: Params) -> str:
    unseen = p.get("unseen") or []
    tail = f" (not in the source: {quoted(unseen)})" if unseen else ""
    return f"the cited passages back it: '{p['quote']}'{tail}"


def _suggested(p: Params) -> str:
    quote = f": '{p['quote']}'" if p.get("quote") else ""
    return f"source {p['source']} supports it; cite [{p['source']}]{quote}"


CATALOGUE: dict[str, Code] = {
    # What the judge found, for cited claims: where the source says otherwise
    # (`contradicted`). Each names both sides and what kind of thing was compared.
    "number_conflict": Code(
        "A figure of the claim differs from the source's figure of the same kind for the "
        "same thing (a count, an amount, a percentage, a score or vote, a rank).",
        _conflict,
        ("source", "source_value", "claim_value", "kind"),
    ),
    "date_conflict": Code(
        "A date of the claim (year, month, day, weekday, or a relative date such as 'last "
        "year') differs from the source's date of the same kind for the same event.",
        _conflict,
        ("source", "source_value", "claim_value", "kind"),
    ),
    "unit_conflict": Code(
        "The claim gives the source's figure in another unit, currency, scale or rate "
        "(miles for kilometres, euros for pounds, per month for per year, percent for "
        "percentage points).",
        _conflict,
        ("source", "source_value", "claim_value", "kind"),
    ),
    "bound_conflict": Code(
        "The claim bounds the source's figure the other way ('at least' for 'up to', "
        "'nearly' for 'more than').",
        _conflict,
        ("source", "source_value", "claim_value", "kind"),
    ),
    "polarity_conflict": Code(
        "The claim negates what the source states, or states what the source negates "
        "(not, no, never, without, fail to, refuse to, deny, lack...).",
        _conflict,
        ("source", "source_value", "claim_value", "kind"),
    ),
    "direction_conflict": Code(
        "The claim gives the opposite direction or outcome for the same fact (rise/fall, "
        "approve/reject, win/lose, praise/criticise, open/close, acquit/convict).",
        _conflict,
        ("source", "source_value", "claim_value", "kind"),
    ),
    "role_conflict": Code(
        "The claim gives another person, organisation, place or role for the same fact "
        "(who did it, to whom, where, in what capacity).",
        _conflict,
        ("source", "source_value", "claim_value", "kind"),
    ),
    "speaker_mismatch": Code(
        "The claim credits a quotation or a statement to someone other than the source does.",
        lambda p: (
            f"source {p['source']} credits it to '{p['source_value']}', "
            f"the claim to '{p['claim_value']}'"
        ),
        ("source", "source_value", "claim_value", "kind"),
    ),
    "quote_mismatch": Code(
        "A quotation of the claim is not the source's words: the source has a near match "
        "that differs (the diff gives the words removed with - and added with +).",
        lambda p: (
            f"source {p['source']} quotes '{p['source_value']}', the claim quotes "
            f"'{p['claim_value']}' ({p['diff']})"
        ),
        ("source", "source_value", "claim_value", "kind", "diff"),
    ),
    "modality_conflict": Code(
        "The claim states with another certainty, tense or modality what the source states "
        "(may/will, plans to/has, is suspected of/did, expected/done).",
        _conflict,
        ("source", "source_value", "claim_value", "kind"),
    ),
    "quantifier_conflict": Code(
        "The claim quantifies the group otherwise than the source (all/most/some/none, "
        "'unanimously' for a split vote, 'most' for 17 percent).",
        _conflict,
        ("source", "source_value", "claim_value", "kind"),
    ),
    # What the claim adds (`partial` at best).
    "added_content": Code(
        "The claim adds a fact no cited passage states: a record or superlative, a cause, a "
        "figure or a clause of its own.",
        lambda p: f"the claim adds '{p['term']}', which no cited passage states",
        ("term",),
    ),
    "quote_absent": Code(
        "A quotation of the claim is in no cited source, not even nearly.",
        lambda p: f"no cited source has the quotation '{p['quote']}'",
        ("quote",),
    ),
    "name_absent": Code("A name the claim gives appears in no cited source.", _absent, ("term",)),
    "number_absent": Code(
        "A figure the claim gives appears in no cited source.", _absent, ("term",)
    ),
    "date_absent": Code("A date the claim gives appears in no cited source.", _absent, ("term",)),
    "term_absent": Code(
        "A distinctive word of the claim appears in no cited source.", _absent, ("term",)
    ),
    "terms_apart": Code(
        "Words of the claim appear in the source, but away from the passages backing the rest.",
        lambda p: (
            f"{quoted(p['terms'])} appear(s) in the source but not in the passages that "
            "match the rest"
        ),
        ("terms",),
    ),
    "backed_by": Code(
        "The source passage that backs the claim (supported claims).",
        _backed,
        ("source", "quote", "unseen"),
    ),
    "backed_together": Code(
        "Several cited passages back the claim together (supported claims).",
        _backed_together,
        ("quote", "unseen"),
    ),
    "partly_backed": Code(
        "How much of the claim the closest passage backs.",
        lambda p: (
            f"the closest passage (source {p['source']}) backs about {p['share']}% of the "
            f"claim: '{p['quote']}'"
        ),
        ("source", "share", "quote"),
    ),
    "no_match": Code(
        "Nothing in the cited sources matches the claim.",
        lambda p: f"nothing in source(s) {_ids(p['sources'])} matches the claim",
        ("sources",),
    ),
    "no_content_words": Code(
        "The claim has no words to check (only stop words or punctuation).",
        lambda p: "the claim has no content words to check",
    ),
    "no_backing_passage": Code(
        "No passage of the cited sources backs the claim.",
        lambda p: f"no passage of source {_ids(p['sources'])} backs this claim",
        ("sources",),
    ),
    "sources_unreadable": Code(
        "None of the cited sources could be read.",
        lambda p: "none of the cited sources could be read",
    ),
    # Markers and sources.
    "covered_by_later_marker": Code(
        "Paragraph scope: the claim has no marker; the next marker in its paragraph covers it.",
        lambda p: f"covered by {p['markers']} later in its paragraph",
        ("markers",),
    ),
    "source_not_given": Code(
        "A marker names a source that was not given.",
        lambda p: f"[{p['source']}] names a source that was not given",
        ("source",),
    ),
    "source_unloadable": Code(
        "A cited source could not be loaded (missing file, HTTP error, refused address…).",
        lambda p: f"source {p['source']} could not be loaded: {p['error']}",
        ("source", "error"),
    ),
    "checked_against_given": Code(
        "Some cited sources are missing; the verdict against the ones that were given.",
        lambda p: (
            f"against the source(s) that were given ({_ids(p['sources'])}), "
            f"the claim is {p['status']}"
        ),
        ("sources", "status"),
    ),
    "marker_problem": Code(
        "A marker was malformed or implausible and was read leniently.",
        lambda p: str(p["note"]),
        ("note",),
    ),
    "citation_needed_tag": Code(
        "The article marks the claim [citation needed].",
        lambda p: "the article itself marks this claim [citation needed]",
    ),
    "suggested_source": Code(
        "An uncited claim is backed by a given source, which it could cite.",
        _suggested,
        ("source", "quote"),
    ),
    # Citation need, for claims that cite nothing.
    "attribution_uncited": Code(
        "Reports a named person's words or views without citing a source.",
        lambda p: f"reports what '{p['speaker']}' said or thinks but cites no source",
        ("speaker",),
    ),
    "generic_attribution_uncited": Code(
        "Reports the words or views of an unnamed or generic speaker (police, analysts, the "
        "company, the mayor) without citing a source.",
        lambda p: f"attributes it to '{p['speaker']}' but cites no source",
        ("speaker",),
    ),
    "analysis_uncited": Code(
        "Reads as the article's own analysis or opinion, unattributed and uncited.",
        lambda p: f"reads as unattributed analysis ('{p['cue']}'): attribute or cite it",
        ("cue",),
    ),
    "figure_uncited": Code(
        "States a figure without citing a source.",
        lambda p: f"states a figure ('{p['figure']}') but cites no source",
        ("figure",),
    ),
    "fact_uncited": Code(
        "States a checkable fact (a name, number or date) without citing a source.",
        lambda p: f"states a fact ('{p['fact']}') but cites no source",
        ("fact",),
    ),
    "reported_uncited": Code(
        "Reports findings (said, according to, a study) without citing a source.",
        lambda p: "states a fact (reported facts) but cites no source",
    ),
    "claim_uncited": Code(
        "States something a reader needs a source for, without citing one.",
        lambda p: "states a fact but cites no source",
    ),
    # Why a claim needs no source.
    "exempt_heading": Code("A heading needs no source.", lambda p: "a heading needs no source"),
    "exempt_code": Code("Code needs no source.", lambda p: "a code needs no source"),
    "exempt_question": Code("A question needs no source.", lambda p: "a question needs no source"),
    "exempt_transition": Code(
        "A transition or sign-off needs no source.",
        lambda p: "a transition needs no source",
    ),
    "exempt_fragment": Code(
        "A fragment (a label or caption, no sentence of its own) needs no source.",
        lambda p: "a fragment, not a sentence: needs no source",
    ),
    "exempt_no_content": Code(
        "Says too little to check (fewer than three content words).",
        lambda p: "says too little to need a source",
    ),
    "exempt_own_reporting": Code(
        'The article\'s own reporting ("we reviewed", "our analysis"): the article is the source.',
        lambda p: "the article's own reporting: it is the source",
    ),
    "exempt_definition": Code(
        "Profile docs: a definition of a term needs no source.",
        lambda p: "a definition (docs profile): needs no source",
    ),
    "exempt_procedure": Code(
        "Profile docs: a procedure step or instruction needs no source.",
        lambda p: "a procedure step (docs profile): needs no source",
    ),
    "exempt_plan": Code(
        'Profile docs: the authors\' own plans ("We plan to …") need no source.',
        lambda p: "the authors' own plan (docs profile): needs no source",
    ),
    "no_need": Code(
        "The need model does not rate the sentence as needing a source.",
        lambda p: f"does not read as a claim that needs a source (need score {p['score']})",
        ("score",),
    ),
}


#: The codes that say why an `exempt` claim needs no source: every exempt claim has one.
EXEMPT_CODES: frozenset[str] = frozenset(
    code for code in CATALOGUE if code.startswith("exempt_") or code == "no_need"
)


def reason(code: str, **params: ReasonParam) -> Reason:
    """A `Reason` with its message rendered from the catalogue (KeyError for unknown codes)."""
    entry = CATALOGUE[code]
    return Reason(code=code, params=dict(params), message=entry.render(params))


def catalogue_markdown() -> str:
    """docs/reasons.md: every code, what it means, and its parameters (kept in sync by a test)."""
    lines = [
        "# Reason codes",
        "",
        "Every reason in a report is a `Reason(code, params, message)`. The codes below are",
        "stable: scripts and renderers may branch on them and read their parameters. The",
        "messages are for people and may be reworded. Generated from `citecheck/reasons.py`",
        "(`python scripts/reasons_doc.py > docs/reasons.md`).",
        "",
        "| code | meaning | parameters |",
        "|---|---|---|",
    ]
    for code, entry in CATALOGUE.items():
        params = ", ".join(f"`{p}`" for p in entry.params) or "–"
        lines.append(f"| `{code}` | {entry.meaning} | {params} |")
    return "\n".join(lines) + "\n"
