"""English: the one language citecheck ships today (`LANGUAGE`)."""

from __future__ import annotations

from citecheck.lang import Language, NeedCues, SplitterWords
from citecheck.lang.en import attribution, cues, docs, lexicon, sentences, spelling
from citecheck.lang.en.synonyms import SYNONYMS

LANGUAGE = Language(
    code="en",
    spacy_code="en",
    wordfreq_code="en",
    stop_words=lexicon.STOP,
    negations=lexicon.NEGATIONS,
    speech_verbs=lexicon.SPEECH_VERBS,
    view_verbs=lexicon.VIEW_VERBS,
    name_joiners=lexicon.NAME_JOINERS,
    articles=lexicon.ARTICLES,
    clause_words=lexicon.CLAUSE_WORDS,
    months=lexicon.MONTHS,
    ambiguous_months=lexicon.AMBIGUOUS_MONTHS,
    month_abbreviations=lexicon.MONTH_ABBREVIATIONS,
    weekdays=lexicon.WEEKDAYS,
    number_words=lexicon.NUMBER_WORDS,
    weak_number_words=lexicon.WEAK_NUMBER_WORDS,
    scale_words=lexicon.SCALE_WORDS,
    scale_abbreviations=lexicon.SCALE_ABBREVIATIONS,
    percent_words=lexicon.PERCENT_WORDS,
    antonym_pairs=lexicon.ANTONYM_PAIRS,
    spelling_variants=spelling.VARIANTS,
    spelling_suffixes=spelling.SUFFIX_RULES,
    synonyms=SYNONYMS,
    reference_titles=lexicon.REFERENCE_TITLES,
    splitter=SplitterWords(
        titles=sentences.TITLES,
        never_final=sentences.NEVER_FINAL,
        number_labels=sentences.NUMBER_LABELS,
        ambiguous=sentences.AMBIGUOUS,
        starters=sentences.STARTERS,
    ),
    need=NeedCues(
        analysis=cues.ANALYSIS_PHRASES,
        reported=cues.REPORTED_PHRASES,
        stance=cues.STANCE_PHRASES,
        transitions=cues.TRANSITION_PHRASES,
        speech_pronouns=cues.SPEECH_PRONOUNS,
        speech_after_pronoun=cues.SPEECH_AFTER_PRONOUN,
        money_symbols=cues.MONEY_SYMBOLS,
        money_words=cues.MONEY_WORDS,
        hedges=cues.HEDGES,
        first_person=cues.FIRST_PERSON,
        second_person=cues.SECOND_PERSON,
        past_auxiliaries=cues.PAST_AUXILIARIES,
        present_auxiliaries=cues.PRESENT_AUXILIARIES,
        superlatives=cues.SUPERLATIVES,
        demonstratives=cues.DEMONSTRATIVES,
        connectives=cues.CONNECTIVES,
        narration_subjects=cues.NARRATION_SUBJECTS,
        pronoun_starts=cues.PRONOUN_STARTS,
        not_narration=cues.NOT_NARRATION,
        generic_speakers=attribution.GENERIC_SPEAKERS,
        speaker_determiners=attribution.SPEAKER_DETERMINERS,
        generic_speech_verbs=attribution.GENERIC_SPEECH_VERBS,
        quote_verbs=attribution.QUOTE_VERBS,
        speaker_adverbs=attribution.SPEAKER_ADVERBS,
        speaker_qualifiers=attribution.SPEAKER_QUALIFIERS,
        quantifier_speakers=attribution.QUANTIFIER_SPEAKERS,
        noun_like_verbs=attribution.NOUN_LIKE_VERBS,
        not_speakers=attribution.NOT_SPEAKERS,
        own_reporting=attribution.OWN_REPORTING,
        docs_definitions=docs.DEFINITIONS,
        docs_step_verbs=docs.STEP_VERBS,
        docs_step_openers=docs.STEP_OPENERS,
        docs_plans=docs.PLANS,
        docs_numbered_parts=docs.NUMBERED_PARTS,
    ),
)

ENGLISH = LANGUAGE

__all__ = ["ENGLISH", "LANGUAGE"]
