"""Spelling variants a search forgives: British and American spellings, accents.

PostgreSQL's synonym and thesaurus dictionaries read files on the database server, which a
migration cannot install on a managed database. So the variants are expanded in the query
instead: a searched word also looks for its other spellings ("license" looks for "licence"
too). Expanding the query rather than rewriting the indexed text needs no reindexing and cannot
damage the stored text; stemming (plurals) and unaccent are left to the database's text search
configurations (see the migration that creates them).

The list is deliberately small and documented; add a pair here when a researcher's search
misses, and a case to tests/flexibilities/test_forgiving_search.py.
"""

import re
import unicodedata

# (pattern, replacement) swapped in both directions, on a lowercased word.
_SWAPS = [
    # licence (British noun) / license: licences, licenced, licencing, licencee...
    (re.compile(r"licenc"), "licens"),
    (re.compile(r"licens"), "licenc"),
    # -ise / -ize and their derivatives: authorise, organisation, patentised...; a spurious
    # form ("exercize") only looks for a word no text holds.
    (re.compile(r"(?<=\w{3})is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"(?<=\w{3})iz(e|es|ed|ing|ation|ations|er|ers)$"), r"is\1"),
    # -yse / -yze: analyse, paralyse
    (re.compile(r"(?<=\w{3})ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"(?<=\w{3})yz(e|es|ed|ing)$"), r"ys\1"),
    # defence, offence / defense, offense
    (re.compile(r"^(de|of)fenc(e|es)$"), r"\1fens\2"),
    (re.compile(r"^(de|of)fens(e|es)$"), r"\1fenc\2"),
    # -our / -or of a few words laws use: labour, favour(able), honour, behaviour
    (re.compile(r"^(lab|fav|hon|behavi|col|neighb|harb)our"), r"\1or"),
    (re.compile(r"^(lab|fav|hon|behavi|col|neighb|harb)or(?!y)"), r"\1our"),
    # centre, metre / center, meter
    (re.compile(r"^(cen|met)tre(s|d)?$"), r"\1ter\2"),
    (re.compile(r"^(cen|met)ter(s|ed)?$"), r"\1tre\2"),
    # judgement, programme
    (re.compile(r"^judgement(s)?$"), r"judgment\1"),
    (re.compile(r"^judgment(s)?$"), r"judgement\1"),
    (re.compile(r"^programme(s)?$"), r"program\1"),
    (re.compile(r"^program(s)?$"), r"programme\1"),
]


def without_accents(text: str) -> str:
    """The text with combining marks removed (é -> e), as PostgreSQL's unaccent does."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def variants(word: str) -> list[str]:
    """The word (lowercased) and its other spellings, the word first, without duplicates."""
    word = word.lower()
    found = [word]
    for pattern, replacement in _SWAPS:
        for known in list(found):
            changed = pattern.sub(replacement, known)
            if changed not in found:
                found.append(changed)
    return found


def phrase_variants(phrase: str) -> list[str]:
    """A phrase with each word's spellings combined (capped, the phrase itself first)."""
    forms = [""]
    for word in phrase.split():
        forms = [f"{form} {variant}".strip() for form in forms for variant in variants(word)]
        forms = forms[:8]  # a long phrase of variant words must not explode the query
    return forms or [phrase]
