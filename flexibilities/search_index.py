"""The stored search vectors, and the vocabulary of the typo correction.

A provision is found by its own words and by what it inherits from its flexibility and its
party. Each is stored once:

- the provision's vector (Provision.search_vector) holds only its own words: its law title,
  law number and article (weight A) and its text (weight B), stemmed with the text search
  configuration of its own language (see CONFIGS; any other language is only lowercased and
  unaccented). About 1 KB, stored inline;
- one vector per flexibility and per party (SearchTarget): the flexibility's name (A), its
  TRIPS articles ("Article 31" in six languages, C) and its description (D), in each of the
  six languages the category stores them in, each stemmed in that language; the party's name
  in six languages and its codes (C), the name of its regional bureau and of the regional
  organisations it belongs to (D), in six languages.

The search (search.py) matches a word against the few targets first, then asks for provisions
whose own vector holds the word or whose flexibility or party matched it. Copying the
inherited words into every provision's vector made it 6.4 KB (TOASTed, a 391 MB GIN index)
and a search 10 to 100 times slower (README, "Speed").

Chinese has no spaces between words and PostgreSQL ships no Chinese parser, so every run of
Han characters is indexed (and queried) as its overlapping character pairs (flex_cjk_bigrams,
migration 0008): "强制许可" is indexed as 强制 制许 许可. Most Chinese words are two characters,
so a pair matches a word where single characters would match nearly everything; a query of
several pairs must find all of them.

The provision vectors are written by the services that save or import provisions
(refresh_search_vectors) and rebuilt, in batches, by the rebuild_search_index command and the
migration that changed them; a flexibility's or party's vector by refresh_targets, called on
saving one (apps.py) and by the same rebuild.
"""

from collections.abc import Iterable

from django.apps import apps as django_apps
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.utils import translation

from flexibilities.counts_cache import provisions_changed
from flexibilities.models import FlexibilityCategory, Provision, SearchTarget, SearchWord
from flexibilities.reference.loaders import LANGUAGE_FIELDS
from portal.models import Party, Region

# The configurations made by migrations 0005 and 0008 (unaccent, then the language's stemmer).
CONFIGS = {
    "en": "flex_english",
    "fr": "flex_french",
    "es": "flex_spanish",
    "ru": "flex_russian",
    "ar": "flex_arabic",
    "pt": "flex_portuguese",
    "de": "flex_german",
}
SIMPLE = "flex_simple"
UN_LANGUAGES = ("en", "fr", "es", "ar", "zh", "ru")
# "Article 31" as a reader of each language types it (before the article's reference).
ARTICLE_WORDS = {
    "en": "Article",
    "fr": "article",
    "es": "artículo",
    "ar": "المادة",
    "zh": "第",
    "ru": "статья",
}
TREATY_NAMES = "TRIPS ADPIC تريبس ТРИПС 与贸易有关的知识产权协定"
BATCH = 25_000


def config_of(language: str) -> str:
    return CONFIGS.get(language, SIMPLE)


def config_sql(column: str = "language") -> str:
    """The regconfig of a provision's language, as SQL over its language column."""
    whens = " ".join(f"WHEN '{code}' THEN '{name}'" for code, name in CONFIGS.items())
    return f"(CASE {column} {whens} ELSE '{SIMPLE}' END)::regconfig"


def _translated(instance, field: str) -> Iterable[tuple[str, str]]:
    for language in UN_LANGUAGES:
        value = getattr(instance, f"{field}_{LANGUAGE_FIELDS[language]}", None)
        if value:
            yield language, value


def category_pieces(category) -> list[tuple[str, str, str]]:
    """(configuration, text, weight) of what a category's provisions are found by."""
    pieces = [(config_of(lang), name, "A") for lang, name in _translated(category, "name")]
    pieces += [(config_of(lang), text, "D") for lang, text in _translated(category, "description")]
    if category.trips_articles:
        for language, word in ARTICLE_WORDS.items():
            refs = " ".join(f"{word} {article}" for article in category.trips_articles)
            pieces.append((config_of(language), refs, "C"))
        pieces.append((SIMPLE, TREATY_NAMES, "D"))
    return pieces


def party_pieces(party, organisations: list) -> list[tuple[str, str, str]]:
    """(configuration, text, weight) of what a party's provisions are found by."""
    pieces = [(config_of(lang), name, "C") for lang, name in _translated(party, "name")]
    pieces.append((SIMPLE, f"{party.code} {party.iso3}", "C"))
    if party.region:
        for language in UN_LANGUAGES:
            with translation.override(language):
                pieces.append((config_of(language), str(Region(party.region).label), "D"))
    for organisation in organisations:
        pieces += [(c, text, "D") for c, text, _w in party_pieces(organisation, [])]
    if party.is_asean:
        pieces.append((SIMPLE, "ASEAN", "D"))
    return pieces


_TARGETS_SQL = """
INSERT INTO flexibilities_searchtarget (category_id, party_id, vector)
SELECT CASE WHEN left(k, 1) = 'c' THEN substr(k, 2)::bigint END,
  CASE WHEN left(k, 1) = 'p' THEN substr(k, 2)::bigint END,
  flex_tsvector_agg(setweight(to_tsvector(c::regconfig, flex_cjk_bigrams(t)), w::"char"))
FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[]) AS u(k, c, t, w)
GROUP BY k
"""


def refresh_targets(category_ids=None, party_ids=None) -> None:
    """Rewrite the search vectors of the given categories and parties (all if both None)."""
    categories = FlexibilityCategory.objects.all()
    parties = Party.objects.prefetch_related("organisations")
    targets = SearchTarget.objects.all()
    if category_ids is not None or party_ids is not None:
        category_ids, party_ids = list(category_ids or []), list(party_ids or [])
        categories = categories.filter(pk__in=category_ids)
        parties = parties.filter(pk__in=party_ids)
        targets = targets.filter(Q(category_id__in=category_ids) | Q(party_id__in=party_ids))
    rows = [(f"c{c.pk}", *piece) for c in categories for piece in category_pieces(c)]
    for party in parties:
        organisations = list(party.organisations.all())
        rows += [(f"p{party.pk}", *piece) for piece in party_pieces(party, organisations)]
    with transaction.atomic():
        targets.delete()
        if rows:
            with connection.cursor() as cursor:
                cursor.execute(_TARGETS_SQL, [list(column) for column in zip(*rows, strict=True)])


_UPDATE_SQL = f"""
UPDATE flexibilities_provision p SET search_vector =
  setweight(to_tsvector({config_sql("p.language")},
    flex_cjk_bigrams(concat_ws(' ', p.law_title, p.law_number, p.article))), 'A')
  || setweight(to_tsvector({config_sql("p.language")}, flex_cjk_bigrams(p.text)), 'B')
WHERE p.id = ANY(%s)
"""  # noqa: S608 - built from constants, values passed as parameters


def _update(ids: list[int]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(_UPDATE_SQL, [ids])


def refresh_search_vectors(queryset: QuerySet) -> None:
    """Recompute the stored vector and the vocabulary of the given provisions, and the vectors
    of their flexibilities and parties (a few small rows)."""
    rows = list(queryset.order_by().values_list("pk", "category_id", "party_id"))
    if not rows:
        return
    refresh_targets({row[1] for row in rows}, {row[2] for row in rows})
    ids = [row[0] for row in rows]
    refresh_reference_vocabulary()  # a party or flexibility loaded since: one INSERT
    for start in range(0, len(ids), BATCH):
        _update(ids[start : start + BATCH])
        refresh_vocabulary(ids[start : start + BATCH])


def rebuild_all(report=None) -> int:
    """Rebuild every flexibility's, party's and provision's vector and the whole vocabulary,
    BATCH provisions per transaction (250,000 provisions are 10 short transactions, not one
    long lock)."""
    refresh_targets()
    ids = list(Provision.objects.order_by("pk").values_list("pk", flat=True))
    SearchWord.objects.all().delete()
    refresh_reference_vocabulary()
    for start in range(0, len(ids), BATCH):
        with transaction.atomic():
            _update(ids[start : start + BATCH])
            refresh_vocabulary(ids[start : start + BATCH])
        if report:
            report(min(start + BATCH, len(ids)), len(ids))
    provisions_changed()  # the cached search counts may change
    return len(ids)


# Vocabulary ---------------------------------------------------------------------------------

# The words of published texts, unaccented and lowercased, by the text's language. Han text
# is left out: typo correction does not apply to Chinese.
_WORDS = "regexp_split_to_table(lower(unaccent({text})), '[^[:alpha:]]+')"
_VOCABULARY_SQL = f"""
INSERT INTO flexibilities_searchword (word, language)
SELECT DISTINCT w, p.language FROM flexibilities_provision p,
  {_WORDS.format(text="p.law_title || ' ' || p.article || ' ' || p.text")} AS w
WHERE p.is_published AND p.id = ANY(%s) AND length(w) BETWEEN 4 AND 60 AND w !~ '[一-鿿]'
ON CONFLICT (word, language) DO NOTHING
"""  # noqa: S608 - built from constants, values passed as parameters
_REFERENCE_VOCABULARY_SQL = f"""
INSERT INTO flexibilities_searchword (word, language)
SELECT DISTINCT w, u.language FROM unnest(%s::text[], %s::text[]) AS u(language, t),
  {_WORDS.format(text="u.t")} AS w
WHERE length(w) BETWEEN 4 AND 60 AND w !~ '[一-鿿]'
ON CONFLICT (word, language) DO NOTHING
"""  # noqa: S608 - built from constants, values passed as parameters


def refresh_vocabulary(ids: list[int]) -> None:
    """Add the words of the given published provisions to their language's vocabulary."""
    with connection.cursor() as cursor:
        cursor.execute(_VOCABULARY_SQL, [list(ids)])


def refresh_reference_vocabulary(apps=django_apps) -> None:
    """Add the flexibility names and descriptions and the party names, by language (a data
    migration passes its historical models)."""
    rows = []
    for category in apps.get_model("flexibilities", "FlexibilityCategory").objects.all():
        rows += list(_translated(category, "name")) + list(_translated(category, "description"))
    for party in apps.get_model("portal", "Party").objects.all():
        rows += list(_translated(party, "name"))
    if rows:
        with connection.cursor() as cursor:
            cursor.execute(_REFERENCE_VOCABULARY_SQL, [[r[0] for r in rows], [r[1] for r in rows]])
