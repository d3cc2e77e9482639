"""What English sentence boundaries depend on: abbreviations, titles and sentence starters."""

from __future__ import annotations

from citecheck.lang.en.lexicon import MONTH_ABBREVIATIONS


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


#: Titles before a name: never the end of a sentence ("Dr. Smith").
TITLES = _words(
    """mr mrs ms mx dr prof messrs mmes mme mlle rev revd hon sen sens gov gen rep reps
    lt col capt cpt sgt cpl adm maj st mt pres supt insp det cmdr amb fr sra srta
    brig lieut"""
)
#: Abbreviations that never end a sentence (they are followed by more of it).
NEVER_FINAL = _words("e.g. i.e. cf. vs. viz. a.k.a. incl. resp. esp. approx. ca. c.f.")
#: Labels that precede a number: "No. 10", "Jan. 5", "p. 3", "Fig. 2".
NUMBER_LABELS = _words(
    """no nos vol vols pp p fig figs art arts sec secs ch chap para op tab eq eqs ref refs
    pt pts est ed eds nr num"""
) | frozenset(MONTH_ABBREVIATIONS)
#: Could end a sentence or not; decided by the next word.
AMBIGUOUS = _words(
    """etc inc ltd co corp jr sr al bros llc plc dept univ assn govt ave blvd rd
    intl natl min max"""
)
#: Words that commonly start a sentence: after an ambiguous abbreviation they mean a new one.
STARTERS = _words(
    """The A An This That These Those It Its He She They We I You His Her Their Our My
    In On At For But And Or So Yet If As When While After Before Since Although Though
    However Meanwhile Also Still Then There Here Some Many Most All Not One Two
    According Despite During By With Without Under Other Such What Why How Who Where
    Which Last Next Earlier Later Today Yesterday Now Each Both Neither Nor Even Only
    Instead Thus Hence Therefore Moreover Furthermore Nevertheless Nonetheless Indeed
    Besides Overall Finally First Second Third From To Of Over Among Between Through
    Against Unlike Like Because Until Unless Whether Once Every Any Few Several Much
    Another Let Please Yes No Officials Experts Critics Analysts"""
)
