"""Full-text search over provisions that forgives spelling, accents, plurals and one typo.

PostgreSQL (production, CI) keeps a stored tsvector per provision, built with the text search
configuration of the provision's language (English, French, Spanish, or 'simple' for any
other), each of which strips accents first (unaccent). A query is looked up in every
configuration at once, each word OR-ed with its other spellings (spelling.py), so a French
text is matched with French stemming and an English one with English stemming. A word that no
published text contains is also matched with its nearest vocabulary word (pg_trgm), and a
weaker neighbour is offered as "did you mean". The vector is indexed with GIN, ranked with
ts_rank and highlighted with ts_headline.

The SQLite demo database matches every word (or a spelling variant of it, or its singular)
anywhere in the law title, article or text, and highlights in Python.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connection
from django.db.models import Case, CharField, F, IntegerField, Q, QuerySet, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from flexibilities.spelling import phrase_variants, without_accents

# The configurations made by migration 0004 (unaccent, then the language's stemmer).
LANGUAGE_CONFIGS = {"en": "flex_english", "fr": "flex_french", "es": "flex_spanish"}
OTHER_CONFIG = "flex_simple"
QUERY_CONFIGS = (*LANGUAGE_CONFIGS.values(), OTHER_CONFIG)
# A query word missing from the vocabulary is matched with its nearest word from this trigram
# similarity on (one typo in a word of 8 letters scores about 0.5), offered as "did you mean"
# from pg_trgm's default threshold (0.3) up.
AUTO_CORRECT_SIMILARITY = 0.5
MIN_CORRECTED_LENGTH = 5
MAX_WORDS = 12
# ts_headline marks matches with these; they cannot occur in stored text (the services strip
# control characters), so the headline can be escaped and then marked safely.
_START, _STOP = "\x02", "\x03"
_TOKEN = re.compile(r'(-?)"([^"]+)"|(\S+)')
SNIPPET_CHARS = 320


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def row_config() -> Case:
    """The text search configuration of a provision's language (SQL expression)."""
    return Case(
        *[When(language=code, then=Value(name)) for code, name in LANGUAGE_CONFIGS.items()],
        default=Value(OTHER_CONFIG),
        output_field=CharField(),
    )


def provision_vector() -> SearchVector:
    config = row_config()
    return (
        SearchVector("law_title", weight="A", config=config)
        + SearchVector("article", weight="A", config=config)
        + SearchVector("text", weight="B", config=config)
    )


def refresh_search_vectors(queryset: QuerySet) -> None:
    """Recompute the stored search vector and the vocabulary of the given provisions (no-op off
    PostgreSQL)."""
    if is_postgres():
        queryset.update(search_vector=provision_vector())
        refresh_vocabulary(queryset)


# The words of published texts, unaccented and lowercased, for the typo correction.
_VOCABULARY_SQL = """
INSERT INTO flexibilities_searchword (word)
SELECT DISTINCT w FROM flexibilities_provision p,
  regexp_split_to_table(
    lower(unaccent(p.law_title || ' ' || p.article || ' ' || p.text)), '[^[:alpha:]]+'
  ) AS w
WHERE p.is_published AND p.id IN ({ids}) AND length(w) BETWEEN 4 AND 60
ON CONFLICT (word) DO NOTHING
"""


def refresh_vocabulary(queryset: QuerySet) -> None:
    """Add the words of the given published provisions to the vocabulary (PostgreSQL)."""
    if not is_postgres():
        return
    ids_sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(_VOCABULARY_SQL.format(ids=ids_sql), params)


# Queries ------------------------------------------------------------------------------------


@dataclass
class Clause:
    """Words or phrases of which one must appear (joined by OR), or none when negated."""

    alternatives: list[str]
    negated: bool = False
    corrections: dict[str, str] = field(default_factory=dict)

    def forms(self) -> list[str]:
        found = []
        for alternative in [*self.alternatives, *self.corrections.values()]:
            found += [form for form in phrase_variants(alternative) if form not in found]
        return found


def _clauses(q: str) -> list[Clause]:
    clauses: list[Clause] = []
    join_next = False
    for negated, phrase, word in _TOKEN.findall(q)[: MAX_WORDS * 2]:
        if not phrase and word.upper() == "OR":
            join_next = bool(clauses)
            continue
        if word.startswith("-") and len(word) > 1:
            negated, word = "-", word[1:]
        term = (phrase or word).strip().strip("+").strip()
        if not re.search(r"\w", term):
            continue
        if join_next and not negated and not clauses[-1].negated:
            clauses[-1].alternatives.append(term)
        else:
            clauses.append(Clause([term], negated=bool(negated)))
        join_next = False
    return clauses[:MAX_WORDS]


class ParsedQuery:
    """A search query parsed once per request: its clauses and the typo corrections."""

    def __init__(self, q: str):
        self.q = q
        self.clauses = _clauses(q)

    def __bool__(self) -> bool:
        return bool(self.clauses)

    @property
    def terms(self) -> list[str]:
        """The words and phrases to highlight (every form, corrections included)."""
        self.corrections  # noqa: B018 - the corrections join the clauses' forms
        return [form for clause in self.clauses if not clause.negated for form in clause.forms()]

    @cached_property
    def corrections(self) -> dict[str, str]:
        """{typed word: vocabulary word} applied to the search (PostgreSQL)."""
        applied = {}
        for word, (nearest, similarity) in self._nearest.items():
            if similarity >= AUTO_CORRECT_SIMILARITY:
                applied[word] = nearest
        for clause in self.clauses:
            for alternative in clause.alternatives:
                key = without_accents(alternative.lower())
                if key in applied and not clause.negated:
                    clause.corrections[alternative] = applied[key]
        return applied

    @cached_property
    def suggestion(self) -> str:
        """The query with every unknown word replaced by its nearest vocabulary word, or ""."""
        original = without_accents(self.q)
        replaced = original
        for word, (nearest, _similarity) in self._nearest.items():
            replaced = re.sub(rf"(?i)\b{re.escape(word)}\b", nearest, replaced)
        return replaced if replaced != original else ""

    @cached_property
    def _nearest(self) -> dict[str, tuple[str, float]]:
        words = {
            without_accents(alternative.lower())
            for clause in self.clauses
            for alternative in clause.alternatives
            if " " not in alternative
        }
        candidates = sorted(w for w in words if len(w) >= MIN_CORRECTED_LENGTH and w.isalpha())
        if not candidates or not is_postgres():
            return {}
        return {
            word: (nearest, similarity)
            for word, nearest, similarity in nearest_words(candidates)
            if nearest not in phrase_variants(word)
        }

    def tsquery(self) -> SearchQuery:
        """Every clause in each language's configuration, the configurations OR-ed."""
        self.corrections  # noqa: B018 - the corrections join the clauses' forms
        combined = None
        for config in QUERY_CONFIGS:
            in_config = None
            for clause in self.clauses:
                part = None
                for form in clause.forms():
                    kind = "phrase" if " " in form else "plain"
                    one = SearchQuery(form, config=config, search_type=kind)
                    if clause.negated:  # none of the forms: ~a & ~b (Django negates one query)
                        part = ~one if part is None else part & ~one
                    else:
                        part = one if part is None else part | one
                in_config = part if in_config is None else in_config & part
            combined = in_config if combined is None else combined | in_config
        return combined


_NEAREST_SQL = """
SELECT t.term, s.word, similarity(s.word, t.term)
FROM unnest(%s::text[]) AS t(term)
CROSS JOIN LATERAL (
  SELECT word FROM flexibilities_searchword WHERE word %% t.term
  ORDER BY word <-> t.term, word LIMIT 1
) AS s
"""


def nearest_words(words: list[str]) -> list[tuple[str, str, float]]:
    """(word, its nearest vocabulary word, their trigram similarity), in one query."""
    with connection.cursor() as cursor:
        cursor.execute(_NEAREST_SQL, [words])
        return cursor.fetchall()


def parse(q) -> ParsedQuery:
    return q if isinstance(q, ParsedQuery) else ParsedQuery(q)


def search_terms(q) -> list[str]:
    """The words and phrases of a query and their other spellings, without operators."""
    return parse(q).terms


def matching(queryset: QuerySet, q) -> QuerySet:
    """Provisions matching the query (every clause; on SQLite, as substrings)."""
    parsed = parse(q)
    if not parsed:
        return queryset.none()
    if is_postgres():
        return queryset.filter(search_vector=parsed.tsquery())
    for clause in parsed.clauses:
        condition = Q()
        for form in clause.forms():
            for text in {form, _singular(form)}:
                condition |= (
                    Q(law_title__icontains=text)
                    | Q(article__icontains=text)
                    | Q(text__icontains=text)
                )
        queryset = queryset.exclude(condition) if clause.negated else queryset.filter(condition)
    return queryset


def _singular(form: str) -> str:
    """A crude singular for SQLite's substring match ("licences" -> "licence")."""
    return form[:-1] if len(form) > 4 and form.endswith("s") else form


def by_relevance(queryset: QuerySet, q) -> QuerySet:
    """Order matches best first; on SQLite, a title or article match counts for more."""
    parsed = parse(q)
    if is_postgres():
        rank = SearchRank(F("search_vector"), parsed.tsquery())
    else:
        first = (parsed.terms or [""])[0]
        rank = Case(
            When(Q(law_title__icontains=first) | Q(article__icontains=first), then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
    return queryset.annotate(rank=rank).order_by(
        "-rank", F("law_date").desc(nulls_last=True), "-id"
    )


# Highlighting -------------------------------------------------------------------------------


def highlight(text: str, terms: list[str]) -> SafeString:
    """The text escaped, then every occurrence of a term wrapped in <mark>."""
    escaped = str(escape(text))
    patterns = [re.escape(str(escape(term))) for term in terms if term]
    if not patterns:
        return mark_safe(escaped)  # escaped just above
    pattern = re.compile("|".join(sorted(patterns, key=len, reverse=True)), re.IGNORECASE)
    # Only <mark> is added, around pieces of the already escaped text.
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped))


def snippet(text: str, terms: list[str], width: int = SNIPPET_CHARS) -> SafeString:
    """A window of the text around the first matching term, highlighted."""
    lowered = text.lower()
    positions = [lowered.find(term.lower()) for term in terms]
    found = [pos for pos in positions if pos >= 0]
    start = max(0, min(found) - width // 4) if found else 0
    if start:  # begin at a word, not inside one
        space = text.find(" ", start, min(found))
        start = space + 1 if space >= 0 else start
    piece = text[start : start + width]
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + width < len(text) else ""
    return mark_safe(prefix + highlight(piece, terms) + suffix)  # highlight() escapes


def headlines(rows: list, q) -> dict[int, SafeString]:
    """Highlighted excerpts of the text of the given provisions, by id (one query on PG)."""
    parsed = parse(q)
    if not parsed or not rows:
        return {}
    if not is_postgres():
        terms = parsed.terms
        return {row.pk: snippet(row.text, terms) for row in rows}
    found = (
        type(rows[0])
        .objects.filter(pk__in=[row.pk for row in rows])
        .annotate(
            headline=SearchHeadline(
                "text",
                parsed.tsquery(),
                config=row_config(),
                start_sel=_START,
                stop_sel=_STOP,
                max_words=45,
                min_words=20,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
        .values_list("pk", "headline")
    )
    return {pk: _marked(headline) for pk, headline in found}


def _marked(headline: str) -> SafeString:
    escaped = str(escape(headline))
    # The markers are control characters that escaping leaves alone and stored text lacks.
    return mark_safe(escaped.replace(_START, "<mark>").replace(_STOP, "</mark>"))
