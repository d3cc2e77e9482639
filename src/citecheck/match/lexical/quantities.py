"""Typed quantities: what a figure is, so that only like is compared with like.

"12 percent", "$4.2 million", "4-3", "unanimously", "the 78th minute", "2 miles", "90,000
pounds a year", "March 18", "Thursday", "last year", "more than 400 workers": each becomes
a `Quantity` with a kind (money, percent, count, ordinal, tally, measure, year, monthday,
weekday, relative, period, age), its value in a canonical unit, the unit or currency as
written, the rate it is given per ("a year"), a bound ("about", "at least", "up to") and
the words it counts ("workers"). `compare` then says whether two quantities agree, and if
not, how they differ (a figure, a unit, a bound, a date), never across kinds: a dateline
day, an ordinal in a name ("3rd Avenue") or a count of something else is never a rival.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from citecheck.match.lexical.tokens import Text, Tok
from citecheck.match.lexical.vocab import Vocab

#: Kinds of quantity that are dates (their conflicts are date conflicts).
DATE_KINDS = frozenset({"year", "monthday", "weekday", "relative"})

_DASHES = frozenset({"-", "–", "—"})
WORD_QUANTITIES = frozenset(
    {
        "unanimous",
        "unanimously",
        "twice",
        "thrice",
        "double",
        "triple",
        "hourly",
        "daily",
        "nightly",
        "weekly",
        "fortnightly",
        "monthly",
        "quarterly",
        "yearly",
        "annual",
        "annually",
        "biennial",
        "decadal",
    }
)
_YEAR_RANGE = (1500, 2099)


@dataclass(slots=True)
class Quantity:
    """One figure of a text and what it measures."""

    kind: str
    value: float
    lo: int  # token range, bound words and unit included
    hi: int
    value2: float = 0.0  # a tally's second figure; a monthday's day (0: no day)
    unit: str = ""  # currency code, "%"/"pp", a measure's dimension, a relative date's unit
    unit_word: str = ""  # the unit or currency as written ("miles", "euros")
    bound: str = ""  # "approx", "below", "above", "min", "max", "under", or a range's end
    per: str = ""  # the rate's denominator ("year", "litre")
    noun: frozenset[str] = frozenset()  # keys of the words it counts ("deputy")
    total: float | None = None  # "two of the four": 4
    sig: int = 0  # significant digits as written (rounding tolerance)
    factor: float = 1.0  # a measure's unit in its dimension's base unit (km: 1000)
    excluded: bool = False  # a dateline or a label: never compared
    shown: tuple[int, int] | None = None  # a range's end: the whole range, as a reason shows it

    def span(self) -> tuple[int, int]:
        """The tokens a reason quotes for this figure (a range's end: the whole range)."""
        return self.shown or (self.lo, self.hi)

    def family(self) -> str:
        """What must match for two quantities to be compared at all."""
        if self.kind == "measure":
            return f"measure:{self.unit}"
        if self.kind == "relative":
            return "relative"
        return self.kind


def canonical_number(value: float) -> str:
    """A number as the lexical index keys it ("1000000", "4.5")."""
    if math.isfinite(value) and value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.6g}"


def _year_shaped(raw: str) -> bool:
    """Four digits after a month ("December 6771"): the year's slot, whatever its value."""
    return len(raw) == 4 and raw[0] != "0"


def _span_has(toks: Sequence[Tok], lo: int, words: tuple[str, ...]) -> bool:
    if lo < 0 or lo + len(words) > len(toks):
        return False
    return all(toks[lo + k].low == w for k, w in enumerate(words))


def _sig_digits(raw: str) -> int:
    digits = raw.replace(",", "")
    if "." in digits:
        return max(1, len(digits.replace(".", "").lstrip("0")))
    return max(1, len(digits.lstrip("0").rstrip("0")))


class _Scanner:
    """Reads the quantities of one tokenised text, left to right."""

    def __init__(self, text: Text, vocab: Vocab) -> None:
        self.text = text
        self.toks = text.toks
        self.v = vocab
        self.out: list[Quantity] = []
        self.used: set[int] = set()
        self.lexicon_months_full = frozenset(vocab.lexicon.language.months)

    # --- helpers ---------------------------------------------------------------------

    def low(self, i: int) -> str:
        return self.toks[i].low if 0 <= i < len(self.toks) else ""

    def adjacent(self, i: int) -> bool:
        """Token i touches token i - 1 (no space between)."""
        return 0 < i < len(self.toks) and self.toks[i].start == self.toks[i - 1].end

    def number_at(self, i: int) -> tuple[float, int, int] | None:
        """A number starting at token i: (value, next index, significant digits)."""
        if i >= len(self.toks):
            return None
        tok = self.toks[i]
        if tok.kind == "num":
            try:
                return float(tok.text.replace(",", "")), i + 1, _sig_digits(tok.text)
            except ValueError:
                return None
        low = tok.low
        words = self.v.number_words
        if low in ("a", "an") and self.low(i + 1) in self.v.a_scales:
            return 1.0, i + 1, 1
        if low in words and low != "zero":
            value = words[low]
            j = i + 1
            # "twenty-five", "twenty five"
            if 20 <= value < 100 and value % 10 == 0:
                k = j + 1 if self.low(j) in _DASHES else j
                nxt = self.low(k)
                if nxt in words and words[nxt] < 10:
                    value += words[nxt]
                    j = k + 1
            if self.low(j) == "hundred" and value < 100:
                value *= 100
                j += 1
            return value, j, 2
        return None

    def scale_at(self, j: int) -> tuple[float, int]:
        low = self.low(j)
        scales = self.v.scale_words
        if low in scales:
            if len(low) <= 2 and not self.adjacent(j):  # "5bn", "$8.5m"; not "5 m"
                return 1.0, j
            return scales[low], j + 1
        return 1.0, j

    def bound_before(self, i: int) -> tuple[str, int]:
        """A bound or rounding word just before token i ("at least", "about")."""
        for n in self.v.bound_lengths:
            words = tuple(self.low(k) for k in range(i - n, i))
            if i - n >= 0 and words in self.v.bounds:
                return self.v.bounds[words], i - n
        return "", i

    def content_after(self, j: int, limit: int = 3) -> tuple[frozenset[str], int]:
        """Keys of the content words right after j (the counted noun), and where they end."""
        keys: list[str] = []
        k = j
        while k < len(self.toks) and len(keys) < limit:
            tok = self.toks[k]
            if tok.kind == "word" and not tok.stop and not tok.name:
                keys.append(tok.key)
                k += 1
                if self.low(k) in ("'s", "'"):
                    k += 1
                continue
            if tok.kind == "word" and tok.low in ("'s",):
                k += 1
                continue
            if tok.kind == "punct" and tok.text in _DASHES and keys:
                k += 1
                continue
            break
        return frozenset(keys), k

    def add(self, q: Quantity) -> None:
        self.out.append(q)
        self.used.update(range(q.lo, q.hi))

    # --- the scan --------------------------------------------------------------------

    def run(self) -> list[Quantity]:
        i = 0
        while i < len(self.toks):
            if i in self.used:
                i += 1
                continue
            tok = self.toks[i]
            low = tok.low
            if tok.kind == "punct" and tok.text not in self.v.currency_symbols:
                i += 1
                continue
            numeric = tok.kind == "num" or low in self.v.number_words or low in ("a", "an")
            nxt = (
                (low in self.v.relative_starts and self.relative(i))
                or ((low in self.v.months or low in self.v.weekdays) and self.date(i))
                or (tok.text in self.v.currency_symbols and self.money_symbol(i))
                or ((numeric or low in self.v.fraction_starts) and self.fraction(i))
                or (numeric and self.number(i))
                or ((tok.kind == "ord" or low in self.v.ordinal_words) and self.ordinal(i))
                or (low in WORD_QUANTITIES and self.word_quantity(i))
            )
            i = nxt if nxt else i + 1
        self.rates()
        self.datelines()
        self.brackets()
        return sorted(self.out, key=lambda q: q.lo)

    def relative(self, i: int) -> int:
        for n in self.v.relative_lengths:
            words = tuple(self.low(k) for k in range(i, i + n))
            if i + n <= len(self.toks) and words in self.v.relative_dates:
                unit, offset = self.v.relative_dates[words]
                self.add(Quantity("relative", float(offset), i, i + n, unit=unit))
                return i + n
        return 0

    def date(self, i: int) -> int:
        tok = self.toks[i]
        low = tok.low
        months = self.v.months
        if low in self.v.weekdays and tok.cap:
            weekday = self.v.weekdays[low]
            number = float(list(self.v.weekdays).index(weekday) % 7)
            self.add(Quantity("weekday", number, i, i + 1))
            return i + 1
        if low not in months or not tok.cap:
            return 0
        if low in self.v.ambiguous_months and (
            tok.sentence_start
            and self.toks[i + 1 :][:1]
            and self.toks[i + 1].kind not in ("num", "ord")
        ):
            return 0
        month = months[low]
        j = i + 1
        if (
            j < len(self.toks)
            and self.toks[j].text == "."
            and self.adjacent(j)
            and low not in self.lexicon_months_full
        ):
            j += 1  # "Sept."
        day = 0.0
        lo = i
        after = self.toks[j].text.rstrip("stndrh") if j < len(self.toks) else ""
        before = self.toks[i - 1].text.rstrip("stndrh") if i >= 1 else ""
        if (
            i >= 1
            and self.toks[i - 1].kind in ("num", "ord")
            and i - 1 not in self.used
            and before.isdigit()
            and (1 <= int(before) <= 31 or self.day_slot(i - 1, before))
        ):
            day = float(before)  # "18 October" (what follows may be a time: "15:30")
            lo = i - 1
        elif (
            self.toks[j : j + 1]
            and self.toks[j].kind in ("num", "ord")
            and after.isdigit()
            and (1 <= int(after) <= 31)
            and self.low(j + 1) != ":"
        ):
            day = float(after)
            j += 1
        self.add(Quantity("monthday", float(month), lo, j, value2=day))
        k = j + 1 if self.low(j) == "," else j
        if k < len(self.toks) and self.toks[k].kind == "num":
            year = self.toks[k].text
            if year.isdigit() and (
                _YEAR_RANGE[0] <= int(year) <= _YEAR_RANGE[1] or _year_shaped(year)
            ):
                self.add(Quantity("year", float(year), k, k + 1))
                return k + 1
        return j

    def day_slot(self, i: int, raw: str) -> bool:
        """Token i, a two-digit number past 31, stands where a day does ("on 74 November"):
        the date's day as written, impossible or not, so that it faces the source's day."""
        return len(raw) == 2 and i >= 1 and self.low(i - 1) == "on"

    def money_symbol(self, i: int) -> int:
        tok = self.toks[i]
        code = self.v.currency_symbols.get(tok.text)
        if code is None:
            return 0
        lo = i
        if (
            i >= 1
            and self.toks[i - 1].kind == "word"
            and self.toks[i - 1].text.isupper()
            and (self.adjacent(i))
        ):
            lo = i - 1  # "US$", "C$"
        found = self.number_at(i + 1)
        if found is None:
            return 0
        value, j, sig = found
        scale, j = self.scale_at(j)
        bound, blo = self.bound_before(lo)
        noun, _ = self.content_after(j, 1)
        self.add(
            Quantity(
                "money",
                value * scale,
                blo,
                j,
                unit=code,
                unit_word=tok.text,
                bound=bound,
                noun=noun,
                sig=sig,
            )
        )
        return j

    def fraction(self, i: int) -> int:
        # "one in four", "1 in 5"
        first = self.number_at(i)
        if first is not None and self.low(first[1]) == "in":
            second = self.number_at(first[1] + 1)
            if second is not None and second[0] > first[0] > 0:
                bound, blo = self.bound_before(i)
                j = second[1]
                self.add(
                    Quantity(
                        "percent", 100 * first[0] / second[0], blo, j, unit="%", bound=bound, sig=2
                    )
                )
                return j
        for words, share in self.v.fractions_by_length:
            n = len(words)
            if not _span_has(self.toks, i, words):
                continue
            if words == ("half",) and self.low(i - 1) in ("first", "second", "a"):
                return 0  # "the first half" of a game; "a half" is read as the phrase
            j = i + n
            if j < len(self.toks) and self.toks[j].kind == "word" and not self.toks[j].stop:
                return 0  # "a third term": an ordinal before its noun, not a share
            bound, blo = self.bound_before(i)
            # "a quarter of a percentage point": a fraction of a unit
            if self.low(j) == "of" and self.low(j + 1) in ("a", "an"):
                unit_q = self.after_number(share, j + 2, blo, 1, bound, fraction=True)
                if unit_q:
                    return unit_q
            self.add(Quantity("percent", 100 * share, blo, j, unit="%", bound=bound, sig=2))
            return j
        return 0

    def number(self, i: int) -> int:
        tok = self.toks[i]
        found = self.number_at(i)
        if found is None:
            return 0
        value, j, sig = found
        if (
            tok.kind == "num"
            and j < len(self.toks)
            and self.toks[j].low in self.v.months
            and self.toks[j].cap
            and (value <= 31 or self.day_slot(i, tok.text))
        ):
            return 0  # "21 June": the date reads it
        if tok.kind == "num":
            raw = tok.text
            # "1990s"
            if raw.isdigit() and len(raw) == 4 and self.low(j) == "s" and self.adjacent(j):
                self.add(Quantity("year", float(raw), i, j + 1, value2=10.0))
                return j + 1
            # a-b: a vote or score, or a range
            if self.low(j) in _DASHES and self.adjacent(j) and j + 1 < len(self.toks):
                other = self.toks[j + 1]
                if other.kind == "num" and self.adjacent(j + 1):
                    return self.dash_pair(i, value, j + 1)
            # "10 to 12 million euros", "3% to 5%": a range, unless it is a change ("from")
            if raw.isdigit() or raw.replace(",", "").replace(".", "", 1).isdigit():
                k = j + 1 if self.low(j) == "%" else j
                if (
                    self.low(k) == "to"
                    and k + 1 < len(self.toks)
                    and self.toks[k + 1].kind == "num"
                    and (self.low(k + 2) == "%" if k > j else self.unit_follows(k + 2))
                    and "from" not in {self.low(i - 1), self.low(i - 2)}
                ):
                    return self.dash_pair(i, value, k + 1)
            # "1 – 3 months": an en dash between spaces, a unit after, is a range too
            if (
                self.low(j) == "–"
                and j + 1 < len(self.toks)
                and self.toks[j + 1].kind == "num"
                and self.unit_follows(j + 2)
            ):
                return self.dash_pair(i, value, j + 1)
            if (
                raw.isdigit()
                and _YEAR_RANGE[0] <= int(raw) <= _YEAR_RANGE[1]
                and not self.unit_follows(j)
                and self.low(i - 1) not in self.v.currency_symbols
            ):
                self.add(Quantity("year", float(raw), i, j))
                return j
        elif tok.low in ("one", "a", "an") and self.low(j) not in self.v.a_scales:
            # "one" is a count only before a noun ("one school"), never "one of"
            nxt = self.toks[j] if j < len(self.toks) else None
            if nxt is None or nxt.kind != "word" or nxt.stop or tok.low != "one":
                return 0
        # "five to two": a tally in words after a vote cue
        if tok.kind == "word" and self.low(j) == "to":
            second = self.number_at(j + 1)
            if second is None and self.low(j + 1) in ("zero", "nil", "nothing"):
                second = (0.0, j + 2, 1)  # "five to zero"
            alone = second is not None and i == 0 and second[1] == len(self.toks)
            if second is not None and (self.tally_context(i) or alone):
                self.add(
                    Quantity(
                        "tally", max(value, second[0]), i, second[1], value2=min(value, second[0])
                    )
                )
                return second[1]
        bound, blo = self.bound_before(i)
        return self.after_number(value, j, blo, sig, bound) or j

    def unit_follows(self, j: int) -> bool:
        low = self.low(j)
        return (
            low in self.v.units
            or low in self.v.currency_words
            or low in ("%", "percent", "per")
            or low in self.v.plain_scales
        )

    def tally_context(self, i: int) -> bool:
        window = self.toks[max(0, i - 6) : i + 4]
        return any(t.low in self.v.tally_cues or t.key in self.v.tally_cues for t in window)

    def dash_pair(self, i: int, first: float, k: int) -> int:
        second_raw = self.toks[k].text
        second = float(second_raw.replace(",", ""))
        end = k + 1
        small = first <= 200 and second <= 200 and "." not in self.toks[i].text + second_raw
        alone = i == 0 and end == len(self.toks)  # a value read on its own: "4-3"
        series = (
            self.low(end) == ","
            and end + 2 < len(self.toks)
            and (self.low(end + 2) in _DASHES and self.toks[end + 1].kind == "num")
        )
        after_series = i >= 2 and self.low(i - 1) == "," and self.low(i - 3) in _DASHES
        if small and (self.tally_context(i) or series or after_series or alone):
            self.add(Quantity("tally", max(first, second), i, end, value2=min(first, second)))
            return end
        # a range whose unit follows its second figure ("32-37%", "10-12 million euros"):
        # the unit is both ends', so each end is a figure of that kind
        if self.unit_follows(end):
            bound, blo = self.bound_before(i)
            stop = self.after_number(second, end, blo, _sig_digits(second_raw), bound)
            last = self.out[-1] if self.out else None
            if last is not None and last.kind != "count" and last.lo <= k < last.hi:
                # each end bounds the figure: at least the first, at most the second
                # (a bound written before the range, "about 40-45 km", stays on both)
                scale = last.value / second if second else 1.0
                low, high = (last.bound, last.bound) if last.bound else (RANGE_LOW, RANGE_HIGH)
                whole = (min(last.lo, i), last.hi)
                self.out[-1] = replace(last, lo=k, bound=high, shown=whole)
                self.add(
                    replace(
                        last,
                        value=first * scale,
                        lo=whole[0],
                        hi=i + 1,
                        bound=low,
                        shown=whole,
                    )
                )
            self.used.update(range(i, stop or end))
            return stop or end
        # a range: two figures of the same kind ("2000-2020", "40,000-45,000")
        for value, a, b in ((first, i, i + 1), (second, k, k + 1)):
            if float(value).is_integer() and _YEAR_RANGE[0] <= value <= _YEAR_RANGE[1]:
                self.add(Quantity("year", value, a, b))
            else:
                self.add(Quantity("count", value, a, b, sig=_sig_digits(self.toks[a].text)))
        return end

    def after_number(
        self, value: float, j: int, blo: int, sig: int, bound: str, *, fraction: bool = False
    ) -> int:
        """What follows a number at j decides its kind: percent, money, a measure, a count."""
        scale, j = self.scale_at(j)
        value *= scale
        low = self.low(j)
        # percent, percentage points, basis points
        for words in self.v.percent_words:
            if _span_has(self.toks, j, words):
                k = j + len(words)
                unit = "%"
                if self.low(k) in ("point", "points"):
                    unit, k = "pp", k + 1
                self.add(
                    Quantity(
                        "percent", value, blo, k, unit=unit, unit_word=unit, bound=bound, sig=sig
                    )
                )
                return k
        if low == "%":
            self.add(
                Quantity(
                    "percent", value, blo, j + 1, unit="%", unit_word="%", bound=bound, sig=sig
                )
            )
            return j + 1
        if low == "percentage" and self.low(j + 1) in ("point", "points"):
            self.add(
                Quantity(
                    "percent", value, blo, j + 2, unit="pp", unit_word="pp", bound=bound, sig=sig
                )
            )
            return j + 2
        if low == "basis" and self.low(j + 1) in ("point", "points"):
            self.add(
                Quantity(
                    "percent",
                    value / 100,
                    blo,
                    j + 2,
                    unit="pp",
                    unit_word="pp",
                    bound=bound,
                    sig=sig,
                )
            )
            return j + 2
        if fraction:
            return 0
        # money in words: "220 million euros", "9 pence"
        code = self.v.currency_words.get(low)
        if code is not None and not (low == "p" and not self.adjacent(j)):
            if code.endswith("/100"):
                code, value = code[:-4], value / 100
            noun, _ = self.content_after(j + 1, 1)
            self.add(
                Quantity(
                    "money",
                    value,
                    blo,
                    j + 1,
                    unit=code,
                    unit_word=low,
                    bound=bound,
                    noun=noun,
                    sig=sig,
                )
            )
            return j + 1
        # "27-year-old"; "a ten-year sentence" (a measure of time)
        if (
            low in _DASHES
            and self.low(j + 1) in ("year", "month", "week", "day", "hour")
            and (self.low(j + 2) in _DASHES and self.low(j + 3) == "old")
        ):
            self.add(Quantity("age", value, blo, j + 4, sig=sig))
            return j + 4
        if low in _DASHES and self.low(j + 1) in self.v.units and self.adjacent(j + 1):
            dim, factor = self.v.units[self.low(j + 1)]
            self.add(
                Quantity(
                    "measure",
                    value * factor,
                    blo,
                    j + 2,
                    unit=dim,
                    unit_word=self.low(j + 1),
                    bound=bound,
                    sig=sig,
                    factor=factor,
                )
            )
            return j + 2
        # a measure: "2 miles", "1,100 megawatts", "2 hours 21 minutes 7 seconds"
        measure = self.v.units.get(low)
        if measure is not None and not (
            len(low) <= 2 and low not in ("km", "kg", "mw", "kw", "gw", "cm", "mm", "ft", "lb")
        ):
            dim, factor = measure
            total = value * factor
            k = j + 1
            if dim == "time" and self.low(k) == "old":
                self.add(Quantity("age", value, blo, k + 1, sig=sig))
                return k + 1
            if self.low(k) in self.v.ago_words and dim == "time":
                offset = -value if self.low(k) != "later" else value
                self.add(
                    Quantity(
                        "relative",
                        offset,
                        blo,
                        k + 1,
                        unit=low.rstrip("s") if low != "days" else "day",
                    )
                )
                return k + 1
            while dim == "time":  # a compound duration
                nxt = self.number_at(k)
                if nxt is None or self.low(nxt[1]) not in self.v.units:
                    break
                d2, f2 = self.v.units[self.low(nxt[1])]
                if d2 != "time":
                    break
                total += nxt[0] * f2
                k = nxt[1] + 1
            noun, _ = self.content_after(k, 1) if self.low(k) == "of" else (frozenset(), k)
            self.add(
                Quantity(
                    "measure",
                    total,
                    blo,
                    k,
                    unit=dim,
                    unit_word=low,
                    bound=bound,
                    sig=sig,
                    noun=noun,
                    factor=factor,
                )
            )
            return k
        # a count, maybe "of the M", maybe of a noun
        total_of: float | None = None
        k = j
        if low == "of":
            m = k + 1
            while m < len(self.toks) and (
                self.low(m) in ("the", "its", "their", "his", "her", "our", "this", "these")
                or self.low(m).endswith("'s")
                or (self.toks[m].kind == "word" and self.low(m + 1).endswith("'s"))
                or (
                    self.toks[m].name
                    and m + 1 < len(self.toks)
                    and (self.toks[m + 1].name or self.low(m + 1).endswith("'s"))
                )
            ):
                m += 1
            of_total = self.number_at(m)
            if of_total is not None:
                total_of = of_total[0]
                k = of_total[1]
            else:
                noun, _ = self.content_after(m)
                self.add(Quantity("count", value, blo, j, bound=bound, sig=sig, noun=noun))
                return j
        noun, end = self.content_after(k)
        self.add(
            Quantity(
                "count", value, blo, max(j, end), bound=bound, sig=sig, noun=noun, total=total_of
            )
        )
        return max(j, end)

    def ordinal(self, i: int) -> int:
        tok = self.toks[i]
        value: float | None = None
        if tok.kind == "ord":
            value = float(tok.text[:-2])
        elif tok.low in self.v.ordinals and not tok.name:
            need = self.v.ordinal_if_next.get(tok.low)
            if need is not None and self.low(i + 1) not in need:
                return 0
            value = float(self.v.ordinals[tok.low])
        if value is None:
            return 0
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        if nxt is not None and nxt.kind == "word" and nxt.cap:
            return i + 1  # "3rd Avenue", "Fourth District": a name, not a rank
        if tok.cap and not tok.sentence_start:
            return i + 1
        noun, end = self.content_after(i + 1)
        self.add(Quantity("ordinal", value, i, max(i + 1, end), noun=noun))
        return max(i + 1, end)

    def word_quantity(self, i: int) -> int:
        tok = self.toks[i]
        if tok.low in ("unanimous", "unanimously"):
            self.add(Quantity("tally", math.inf, i, i + 1, value2=0.0))
            return i + 1
        if tok.low in self.v.period_adjectives:
            self.add(
                Quantity(
                    "period",
                    0.0,
                    i,
                    i + 1,
                    unit=self.v.period_adjectives[tok.low],
                    unit_word=tok.low,
                )
            )
            return i + 1
        if tok.low in self.v.multiples and tok.low in ("twice", "thrice"):
            if self.low(i + 1) in ("the", "as"):
                self.add(Quantity("multiple", self.v.multiples[tok.low], i, i + 1))
            else:
                self.add(Quantity("count", self.v.multiples[tok.low], i, i + 1, sig=1))
            return i + 1
        if tok.low in ("double", "triple") and self.low(i + 1) == "the":
            self.add(Quantity("multiple", self.v.multiples[tok.low], i, i + 1))
            return i + 1
        return 0

    def rates(self) -> None:
        """'a year', 'per litre' after a figure: the rate it is given per."""
        toks = self.toks
        for i, tok in enumerate(toks[:-1]):
            if tok.low not in ("a", "an", "per", "each", "every") or i in self.used:
                continue
            word = toks[i + 1].low
            period = self.v.period_words.get(word.rstrip("s") if word.endswith("s") else word)
            unit = self.v.units.get(word)
            if period is None and unit is None:
                continue
            if tok.low in ("each", "every") and period is None:
                continue
            owner = None
            for q in reversed(self.out):
                if (
                    q.hi <= i
                    and i - q.hi <= 6
                    and q.kind in ("money", "measure", "count", "percent")
                    and not q.per
                ):
                    owner = q
                    break
            if owner is None:
                continue
            owner.per = period or word
            owner.hi = max(owner.hi, i + 2) if i - owner.hi <= 1 else owner.hi
            self.used.update((i, i + 1))

    def brackets(self) -> None:
        """A number in square brackets ("[4]") is a note marker, not a figure; a count
        written against a slash ("1992/93", "3/4") is part of a season, a date or a ratio."""
        toks = self.toks
        for q in self.out:
            if q.kind == "count" and (
                (q.lo >= 1 and toks[q.lo - 1].text == "/" and self.adjacent(q.lo))
                or (q.hi < len(toks) and toks[q.hi].text == "/" and self.adjacent(q.hi))
            ):
                q.excluded = True
                continue
            if (
                q.lo >= 1
                and toks[q.lo - 1].text == "["
                and q.hi < len(toks)
                and (toks[q.hi].text == "]")
            ):
                q.excluded = True

    def datelines(self) -> None:
        """A dateline's date ("GLENVILLE, Sept. 8 —") is when the story was filed."""
        toks = self.toks
        dash = next((k for k, t in enumerate(toks[:12]) if t.text in ("—", "–", "--")), None)
        if dash is None:
            return
        head = toks[:dash]
        if not head or not (head[0].text.isupper() and len(head[0].text) >= 3):
            return
        for q in self.out:
            if q.hi <= dash:
                q.excluded = True


def extract(text: Text, vocab: Vocab) -> list[Quantity]:
    """The quantities of a tokenised text, in order (quoted ones included)."""
    return _Scanner(text, vocab).run()


# --- comparison ----------------------------------------------------------------------------

#: The bounds of a range's two ends ("32-37%": at least 32%, at most 37%).
RANGE_LOW, RANGE_HIGH = "range_low", "range_high"

_UP = frozenset({"above", "min"})
_DOWN = frozenset({"below", "under", "max"})


def _tolerance(q: Quantity) -> float:
    """Half a unit of the last significant digit written (at least 1% of the value)."""
    value = abs(q.value)
    if value == 0 or not math.isfinite(value):
        return 0.0
    sig = max(1, q.sig or 3)
    magnitude = float(10.0 ** (math.floor(math.log10(value)) - sig + 1))
    return max(magnitude / 2, 0.01 * value)


def _rounds_to(claim: Quantity, source: float) -> bool:
    """The claim's figure is the source's, rounded as the claim writes it."""
    if claim.value == source:
        return True
    if not math.isfinite(claim.value) or not math.isfinite(source):
        return False
    return abs(claim.value - source) <= _tolerance(claim) + 1e-9


def values_agree(claim: Quantity, source: Quantity) -> bool:
    """The claim's figure fits the source's, given the claim's bound or rounding."""
    c, s = claim.value, source.value
    if claim.kind == "tally":
        if math.isinf(c) or math.isinf(s):
            return claim.value2 == 0 and source.value2 == 0
        return (c, claim.value2) == (s, source.value2)
    if claim.kind in ("year", "weekday", "ordinal", "relative", "age"):
        return c == s
    if claim.kind == "monthday":
        return c == s and (claim.value2 == source.value2 or not claim.value2)
    if claim.kind == "period":
        return claim.unit == source.unit
    bound = claim.bound
    tol = _tolerance(claim)
    if bound in (RANGE_LOW, RANGE_HIGH):
        if source.bound in (RANGE_LOW, RANGE_HIGH):
            return source.bound == bound and _rounds_to(claim, s)  # end against the same end
        return s >= c if bound == RANGE_LOW else s <= c  # a figure inside the range
    if source.bound in (RANGE_LOW, RANGE_HIGH):
        return _rounds_to(claim, s)  # a figure against a range's end
    if bound in ("above",):
        return s > c or (s == c and source.bound in _UP)
    if bound == "min":
        return s >= c
    if bound == "below":
        return c * 0.85 <= s <= c
    if bound in ("under", "max"):
        return s <= c or (s == c and source.bound in _DOWN)
    if bound == "approx" or source.bound == "approx":
        return abs(c - s) <= max(tol, _tolerance(source), 0.05 * abs(s))
    return _rounds_to(claim, s)


def same_thing(claim: Quantity, source: Quantity) -> bool:
    """Could the two quantities be about the same thing (same family, compatible nouns)?"""
    if claim.family() != source.family() or claim.excluded or source.excluded:
        return False
    if claim.kind in ("count", "ordinal") and claim.noun and source.noun:
        return bool(claim.noun & source.noun)
    # "21 June" against "June": the source gives no day to compare
    return not (claim.kind == "monthday" and claim.value2 and not source.value2)


@dataclass(frozen=True, slots=True)
class Difference:
    """How a claim's quantity differs from the source's one for the same thing."""

    code: str  # "number_conflict", "date_conflict", "unit_conflict" or "bound_conflict"
    kind: str  # the quantities' kind ("percent", "money", "year", ...)


def compare(claim: Quantity, source: Quantity) -> Difference | None:
    """None when they agree; else how they differ (`same_thing` must hold)."""
    kind = claim.kind
    if kind == "money" and claim.unit != source.unit:
        if _rounds_to(claim, source.value) or claim.value == source.value:
            return Difference("unit_conflict", kind)
        return None  # another currency, another figure: perhaps a conversion
    if kind == "percent" and claim.unit != source.unit:
        if _rounds_to(claim, source.value):
            return Difference("unit_conflict", kind)
        return None
    if kind == "measure" and claim.factor != source.factor:
        if values_agree(claim, source):
            return None  # a conversion
        return Difference("unit_conflict", kind)
    if claim.per and source.per and claim.per != source.per:
        return Difference("unit_conflict", kind)
    if kind == "period":
        return None if claim.unit == source.unit else Difference("unit_conflict", kind)
    if kind == "relative" and claim.unit and source.unit and claim.unit != source.unit:
        return Difference("date_conflict", kind)  # "last week" / "last month"
    if kind not in ("tally", "year", "monthday", "weekday", "relative", "ordinal", "age") and (
        claim.value == source.value
        and (
            (claim.bound in _UP and source.bound in _DOWN)
            or (claim.bound in _DOWN and source.bound in _UP)
        )
    ):
        return Difference("bound_conflict", kind)  # "nearly 200" / "more than 200"
    if values_agree(claim, source):
        return None
    if kind not in ("tally", "year", "monthday", "weekday", "relative", "ordinal", "age") and (
        claim.value == source.value
    ):
        return None
    if kind in DATE_KINDS:
        return Difference("date_conflict", kind)
    return Difference("number_conflict", kind)


def kinds_of(text: str, quantities: Sequence[Quantity]) -> set[str]:
    """The kinds of the quantities read from a value as a reason shows it."""
    return {q.family() for q in quantities}
