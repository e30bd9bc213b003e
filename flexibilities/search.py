"""Full-text search over provisions, in six languages, forgiving spelling, accents, plurals
and one typo.

Each provision has a stored vector of its own words, and each flexibility and party one of what
its provisions inherit, in six languages (search_index.py). A query is parsed once
(ParsedQuery, one statement): each word or quoted phrase, with its other spellings
(spelling.py) and its typo correction, is turned by PostgreSQL into a tsquery with every
language's configuration (and Chinese character pairs), OR-ed, and matched against the few
flexibility and party vectors. A provision matches when, for every word, its own vector
holds it or its flexibility or party is one that does: per word a BitmapOr of the category
and party indexes and the GIN index, AND-ed (or, when the filters leave few rows, a check of
those rows, the integer comparisons first). The same plan answers a query in any language,
and a query may mix languages and kinds of words ("Kenya licence obligatoire", "Article 31").

A word that no published text, flexibility or party name contains is also matched with its
nearest word of the vocabulary of the query's language (pg_trgm); a weaker neighbour makes a
"did you mean", which the page offers only when it finds more. Only the page shown is
highlighted (ts_headline).
"""

import re
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import connection
from django.db.models import Case, CharField, F, FloatField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from flexibilities.models import FlexibilityCategory
from flexibilities.search_index import CONFIGS, SIMPLE
from flexibilities.spelling import phrase_variants, without_accents

QUERY_CONFIGS = (*CONFIGS.values(), SIMPLE)
# A word that is a stop word in one of these is left out of the query (it cannot be required:
# the texts in that language do not index it). Portuguese and German stop words ("war",
# "will") are common English words, so they only drop out of their own language's part.
STOP_WORD_CONFIGS = tuple(CONFIGS[code] for code in ("en", "fr", "es", "ru", "ar"))
# A query word missing from the vocabulary is matched with its nearest word from this trigram
# similarity on (one typo in a word of 8 letters scores about 0.5), offered as "did you mean"
# from pg_trgm's default threshold (0.3) up.
AUTO_CORRECT_SIMILARITY = 0.5
MIN_CORRECTED_LENGTH = 5
MAX_WORDS = 12
LATIN_LANGUAGES = ("en", "fr", "es", "pt", "de")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
ARABIC = re.compile(r"[\u0600-\u06ff]")
# ts_headline marks matches with these; they cannot occur in stored text (the services strip
# control characters), so the headline can be escaped and then marked safely.
_START, _STOP = "\x02", "\x03"
_TOKEN = re.compile(r'(-?)"([^"]+)"|(\S+)')


def query_languages(text: str) -> tuple[str, ...]:
    """The languages a query may be in, from its script (Latin: any of LATIN_LANGUAGES)."""
    if HAN.search(text):
        return ("zh",)
    if ARABIC.search(text):
        return ("ar",)
    if re.search(r"[\u0400-\u04ff]", text):
        return ("ru",)
    return LATIN_LANGUAGES


def fold(text: str) -> str:
    """Lowercased, and unaccented like the vocabulary (PostgreSQL's unaccent leaves Arabic
    letters as they are, so Arabic keeps its hamza)."""
    text = text.lower()
    return text if ARABIC.search(text) else without_accents(text)


def row_config() -> Case:
    """The text search configuration of a provision's language (SQL expression)."""
    return Case(
        *[When(language=code, then=Value(name)) for code, name in CONFIGS.items()],
        default=Value(SIMPLE),
        output_field=CharField(),
    )


class TsQuery(SearchQuery):
    """A tsquery already built (by ParsedQuery), passed as one parameter."""

    def __init__(self, text: str):
        super().__init__(text, search_type="raw")
        self.text = text

    def as_sql(self, compiler, connection, function=None, template=None):
        return "%s::tsquery", [self.text]


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


_KNOWN_SQL = "SELECT word, language FROM flexibilities_searchword WHERE word = ANY(%s)"
_NEAREST_SQL = """
SELECT t.term, l.language, s.word, similarity(s.word, t.term)
FROM unnest(%s::text[]) AS t(term) CROSS JOIN unnest(%s::text[]) AS l(language)
CROSS JOIN LATERAL (
  SELECT word FROM flexibilities_searchword
  WHERE word %% t.term AND language = l.language
  ORDER BY word <-> t.term, word LIMIT 1
) AS s
"""
# Each form's tsquery in every configuration, then (same statement) the flexibilities and
# parties whose vector matches it, with its rank there: a few dozen small rows.
_TSQUERY_SQL = """
WITH u AS (
  SELECT u.n, c.cfg, CASE
    WHEN c.cfg = %s AND u.form ~ '[\u3400-\u9fff]'
      THEN plainto_tsquery(c.cfg::regconfig, flex_cjk_bigrams(u.form))
    WHEN u.form LIKE '%% %%' THEN phraseto_tsquery(c.cfg::regconfig, u.form)
    ELSE plainto_tsquery(c.cfg::regconfig, u.form) END AS q
  FROM unnest(%s::int[], %s::text[]) AS u(n, form) CROSS JOIN unnest(%s::text[]) AS c(cfg)
)
SELECT n, cfg, q::text, NULL::bigint, NULL::bigint, NULL::real FROM u
UNION ALL
SELECT u.n, NULL, NULL, t.category_id, t.party_id, ts_rank(t.vector, u.q)
FROM u JOIN flexibilities_searchtarget t ON t.vector @@ u.q
"""


@dataclass
class Word:
    """One clause of the query as SQL: its tsquery, and the flexibilities and parties (by id)
    whose vector matches it, with their rank."""

    tsquery: str
    negated: bool
    categories: dict[int, float]
    parties: dict[int, float]

    def condition(self) -> Q:
        """The provision's flexibility or party, or its own words, match this clause. The
        integer comparisons come first: where they hold, the vector is not read."""
        found = Q(search_vector=TsQuery(self.tsquery))
        if self.parties:
            found = Q(party_id__in=sorted(self.parties)) | found
        if self.categories:
            found = Q(category_id__in=sorted(self.categories)) | found
        return ~found if self.negated else found


class ParsedQuery:
    """A search query parsed once per request: its clauses, typo corrections and tsquery."""

    def __init__(self, q: str):
        self.q = q
        self.clauses = _clauses(q)
        self.languages = query_languages(q)

    def __bool__(self) -> bool:
        return bool(self.clauses)

    @property
    def terms(self) -> list[str]:
        """The words and phrases of the query and their other spellings (corrections too)."""
        self.corrections  # noqa: B018 - the corrections join the clauses' forms
        return [form for clause in self.clauses if not clause.negated for form in clause.forms()]

    @cached_property
    def _words(self) -> list[str]:
        return sorted(
            {
                fold(alternative)
                for clause in self.clauses
                for alternative in clause.alternatives
                if " " not in alternative and not HAN.search(alternative)
            }
        )

    @cached_property
    def _nearest(self) -> dict[str, tuple[str, float]]:
        """{unknown word: (nearest word, similarity)}, all from one language's vocabulary: the
        query's, from its script and, among Latin languages, the one knowing most of its words
        (or, knowing none, the one whose nearest words are closest)."""
        if not self._words or self.languages == ("zh",):
            return {}
        with connection.cursor() as cursor:
            cursor.execute(_KNOWN_SQL, [self._words])
            known = cursor.fetchall()
            known_words = {word for word, _language in known}
            unknown = [
                w
                for w in self._words
                if w not in known_words and len(w) >= MIN_CORRECTED_LENGTH and w.isalpha()
            ]
            if not unknown:
                return {}
            languages = list(self.languages)
            by_language = {lang: sum(1 for _w, lg in known if lg == lang) for lang in languages}
            best = max(by_language.values())
            if best:
                languages = [lang for lang in languages if by_language[lang] == best]
            cursor.execute(_NEAREST_SQL, [unknown, languages])
            found = cursor.fetchall()
        scores = {lang: sum(s for _t, lg, _w, s in found if lg == lang) for lang in languages}
        chosen = max(languages, key=lambda lang: (scores[lang], -languages.index(lang)))
        return {
            term: (word, similarity)
            for term, language, word, similarity in found
            if language == chosen and word not in phrase_variants(term)
        }

    @cached_property
    def corrections(self) -> dict[str, str]:
        """{typed word: vocabulary word} also searched (a likely typo, not in the vocabulary)."""
        applied = {
            w: near for w, (near, sim) in self._nearest.items() if sim >= AUTO_CORRECT_SIMILARITY
        }
        for clause in self.clauses:
            for alternative in clause.alternatives:
                key = fold(alternative)
                if key in applied and not clause.negated:
                    clause.corrections[alternative] = applied[key]
        return applied

    @cached_property
    def suggestion(self) -> str:
        """The query with every unknown word replaced by its nearest vocabulary word, or ""."""
        original = self.q if ARABIC.search(self.q) else without_accents(self.q)
        replaced = original
        for word, (nearest, _similarity) in self._nearest.items():
            replaced = re.sub(rf"(?i)\b{re.escape(word)}\b", nearest, replaced)
        return replaced if replaced != original else ""

    @cached_property
    def words(self) -> list[Word]:
        """Each clause as SQL (one statement), without the stop words."""
        self.corrections  # noqa: B018 - the corrections join the clauses' forms
        forms = [(n, form) for n, clause in enumerate(self.clauses) for form in clause.forms()]
        if not forms:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                _TSQUERY_SQL,
                [SIMPLE, [n for n, _ in forms], [f for _, f in forms], list(QUERY_CONFIGS)],
            )
            rows = cursor.fetchall()
        words = []
        for n, clause in enumerate(self.clauses):
            mine = [(config, text) for m, config, text, *_ in rows if m == n and config]
            if any(not text and config in STOP_WORD_CONFIGS for config, text in mine):
                continue  # a stop word: texts in that language do not index it
            alternatives = sorted({text for _config, text in mine if text})
            if not alternatives:
                continue
            categories: dict[int, float] = {}
            parties: dict[int, float] = {}
            for m, config, _text, category, party, rank in rows:
                if m == n and not config:
                    found = categories if category else parties
                    key = category or party
                    found[key] = max(found.get(key, 0.0), rank)
            joined = " | ".join(f"( {text} )" for text in alternatives)
            words.append(Word(f"( {joined} )", clause.negated, categories, parties))
        if all(word.negated for word in words):
            return []  # only exclusions, or only stop words: nothing to look for
        return words

    @property
    def tsquery_text(self) -> str:
        """Each clause's forms in every configuration OR-ed, the clauses AND-ed ("" if none):
        what the provision's own text is highlighted with."""
        return " & ".join(f"!{w.tsquery}" if w.negated else w.tsquery for w in self.words)

    def tsquery(self) -> TsQuery:
        return TsQuery(self.tsquery_text)


def parse(q) -> ParsedQuery:
    return q if isinstance(q, ParsedQuery) else ParsedQuery(q)


def search_terms(q) -> list[str]:
    """The words and phrases of a query and their other spellings, without operators."""
    return parse(q).terms


def matching(queryset: QuerySet, q) -> QuerySet:
    """Provisions matching the query: for every clause, the provision's own vector, its
    flexibility's or its party's holds it (the GIN index OR the category and party indexes,
    one plan whatever the language)."""
    words = parse(q).words
    if not words:
        return queryset.none()
    return queryset.filter(*[word.condition() for word in words])


# A word's rank: in the provision's own vector, plus in its flexibility's and its party's
# (looked up in the arrays of the targets that matched; 0 when its target did not).
_WORD_RANK = (
    "coalesce(ts_rank(flexibilities_provision.search_vector, %s::tsquery), 0)"
    " + coalesce((%s::real[])[array_position(%s::bigint[],"
    " flexibilities_provision.category_id)], 0)"
    " + coalesce((%s::real[])[array_position(%s::bigint[], flexibilities_provision.party_id)], 0)"
)


def by_relevance(queryset: QuerySet, q) -> QuerySet:
    """Order matches best first, newest on a tie. A provision ranks by its weakest word; a
    word scores the ts_rank of its own vector (title and article most, then the text) plus the
    word's rank in its flexibility's vector (the name most, then the treaty articles, the
    description) and in its party's (name and codes, then region and organisations). So
    "compulsory licence" puts the compulsory licences, where both words are in the name, above
    a licensing clause whose description mentions compulsory licences once. Only rows below
    RANK_LIMIT (filters.py) are ranked, reading their small inline vectors."""
    ranks, params = [], []
    for word in parse(q).words:
        if word.negated:
            continue
        ranks.append(f"({_WORD_RANK})")
        categories, parties = sorted(word.categories), sorted(word.parties)
        params += [word.tsquery, [word.categories[c] for c in categories], categories]
        params += [[word.parties[p] for p in parties], parties]
    sql = ranks[0] if len(ranks) == 1 else f"LEAST({', '.join(ranks)})"
    # Built from the constant above; every value is a parameter.
    rank = RawSQL(sql, params, output_field=FloatField())  # noqa: S611
    return queryset.annotate(rank=rank).order_by(
        "-rank", F("law_date").desc(nulls_last=True), "-id"
    )


# Flexibilities by name -------------------------------------------------------------------------

_NEAREST_CATEGORIES_SQL = """
SELECT c.id, max(word_similarity(lower(unaccent(%s)), lower(unaccent(n)))) AS score
FROM flexibilities_flexibilitycategory c,
  unnest(ARRAY[c.name_en, c.name_fr, c.name_es, c.name_ar, c.name_zh_hans, c.name_ru]) AS n
WHERE n IS NOT NULL
GROUP BY c.id HAVING max(word_similarity(lower(unaccent(%s)), lower(unaccent(n)))) >= 0.3
ORDER BY score DESC, c.id LIMIT %s
"""


def nearest_categories(q: str, limit: int = 3) -> list:
    """The flexibilities whose name (in any of the six languages) is closest to the query."""
    if not q.strip():
        return []
    with connection.cursor() as cursor:
        cursor.execute(_NEAREST_CATEGORIES_SQL, [q, q, limit])
        ids = [pk for pk, _score in cursor.fetchall()]
    found = FlexibilityCategory.objects.in_bulk(ids)
    return [found[pk] for pk in ids]


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


def headlines(rows: list, q) -> dict[int, SafeString]:
    """Highlighted excerpts of the text of the given provisions (the page shown), by id, cut
    at word boundaries by ts_headline, in one query."""
    parsed = parse(q)
    if not parsed or not rows or not parsed.tsquery_text:
        return {}
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
