"""Search that forgives accents and typos: unaccent and pg_trgm, one text search configuration
per language (unaccent, then the language's stemmer), the vocabulary for typo correction, and
every stored vector rebuilt with its language's configuration.

unaccent and pg_trgm are trusted extensions (a database owner may create them, on managed
databases too) and the configurations use only dictionaries that ship with them, no files.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.contrib.postgres.indexes import GinIndex
from django.db import migrations, models

_CONFIGS = {
    "flex_english": "english_stem",
    "flex_french": "french_stem",
    "flex_spanish": "spanish_stem",
    "flex_simple": "simple",
}
CREATE_CONFIGS = [
    sql
    for name, dictionary in _CONFIGS.items()
    for sql in (
        f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.simple)",
        f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR"
        f" asciiword, asciihword, hword_asciipart, word, hword, hword_part"
        f" WITH unaccent, {dictionary}",
    )
]
DROP_CONFIGS = [f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}" for name in _CONFIGS]

# The same vector as flexibilities.search.provision_vector(), for the rows already stored.
REBUILD_VECTORS = """
UPDATE flexibilities_provision SET search_vector =
  setweight(to_tsvector(c.cfg, coalesce(law_title, '')), 'A')
  || setweight(to_tsvector(c.cfg, coalesce(article, '')), 'A')
  || setweight(to_tsvector(c.cfg, coalesce(text, '')), 'B')
FROM (SELECT id, (CASE language WHEN 'en' THEN 'flex_english' WHEN 'fr' THEN 'flex_french'
  WHEN 'es' THEN 'flex_spanish' ELSE 'flex_simple' END)::regconfig AS cfg
  FROM flexibilities_provision) AS c
WHERE c.id = flexibilities_provision.id
"""
FILL_VOCABULARY = """
INSERT INTO flexibilities_searchword (word)
SELECT DISTINCT w FROM flexibilities_provision p,
  regexp_split_to_table(
    lower(unaccent(p.law_title || ' ' || p.article || ' ' || p.text)), '[^[:alpha:]]+'
  ) AS w
WHERE p.is_published AND length(w) BETWEEN 4 AND 60
ON CONFLICT (word) DO NOTHING
"""


class Migration(migrations.Migration):
    dependencies = [("flexibilities", "0004_category_translations")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunSQL(CREATE_CONFIGS, DROP_CONFIGS),
        migrations.CreateModel(
            name="SearchWord",
            fields=[("word", models.CharField(max_length=60, primary_key=True, serialize=False))],
        ),
        migrations.AddIndex(
            model_name="searchword",
            index=GinIndex(fields=["word"], name="flex_word_trgm", opclasses=["gin_trgm_ops"]),
        ),
        migrations.RunSQL(REBUILD_VECTORS, migrations.RunSQL.noop),
        migrations.RunSQL(FILL_VOCABULARY, migrations.RunSQL.noop),
    ]
