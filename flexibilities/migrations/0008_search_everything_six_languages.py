"""Search in six languages (flexibilities.search_index): Russian, Arabic, Portuguese and German
configurations, Chinese character pairs, an aggregate that joins vectors, one search vector per
flexibility and per party (SearchTarget), each provision's own vector kept inline, a
vocabulary by language, and every stored vector rebuilt in batches.

Only dictionaries that ship with PostgreSQL are used (no files on the server), so the
migration runs on a managed database too.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.contrib.postgres.indexes import GistIndex
from django.db import migrations, models

_CONFIGS = {
    "flex_russian": "russian_stem",
    "flex_arabic": "arabic_stem",
    "flex_portuguese": "portuguese_stem",
    "flex_german": "german_stem",
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

# Every run of Han characters replaced by its overlapping pairs ("强制许可" -> "强制 制许 许可");
# a single Han character stays; text without Han characters is returned as it is.
CJK_BIGRAMS = r"""
CREATE FUNCTION flex_cjk_bigrams(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
SELECT CASE WHEN t !~ '[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]' THEN t ELSE (
  SELECT string_agg(CASE WHEN m.r[1] ~ '^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}$'
    THEN (SELECT string_agg(substr(m.r[1], i, 2), ' ' ORDER BY i)
          FROM generate_series(1, length(m.r[1]) - 1) AS i)
    ELSE m.r[1] END, ' ' ORDER BY m.n)
  FROM regexp_matches(t, '[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+', 'g')
    WITH ORDINALITY AS m(r, n)
) END
$$
"""
TSVECTOR_AGG = (
    "CREATE AGGREGATE flex_tsvector_agg(tsvector)"
    " (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '')"
)


# The provision's vector holds its own words only (about 1 KB): kept in the row (compressed if
# need be) rather than moved to TOAST, so matching and ranking do not read a second table.
INLINE_VECTOR = (
    "ALTER TABLE flexibilities_provision ALTER COLUMN search_vector SET STORAGE MAIN",
    "ALTER TABLE flexibilities_provision ALTER COLUMN search_vector SET STORAGE EXTENDED",
)


def rebuild(apps, schema_editor):
    from flexibilities import search_index

    search_index.refresh_reference_vocabulary(apps)
    if apps.get_model("flexibilities", "Provision").objects.exists():
        search_index.rebuild_all()


class Migration(migrations.Migration):
    dependencies = [("flexibilities", "0007_flexibility_alerts")]

    operations = [
        migrations.RunSQL(CREATE_CONFIGS, DROP_CONFIGS),
        migrations.RunSQL(CJK_BIGRAMS, "DROP FUNCTION IF EXISTS flex_cjk_bigrams(text)"),
        migrations.RunSQL(TSVECTOR_AGG, "DROP AGGREGATE IF EXISTS flex_tsvector_agg(tsvector)"),
        migrations.DeleteModel(name="SearchWord"),
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("word", models.CharField(max_length=60)),
                ("language", models.CharField(max_length=8)),
            ],
            options={
                "indexes": [
                    GistIndex(fields=["word"], name="flex_word_trgm", opclasses=["gist_trgm_ops"])
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=["word", "language"], name="flex_searchword_unique"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="SearchTarget",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("vector", django.contrib.postgres.search.SearchVectorField()),
                (
                    "category",
                    models.OneToOneField(
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="flexibilities.flexibilitycategory",
                    ),
                ),
                (
                    "party",
                    models.OneToOneField(
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="portal.party",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("category__isnull", True), ("party__isnull", True), _connector="XOR"
                        ),
                        name="flex_searchtarget_one_kind",
                    )
                ],
            },
        ),
        migrations.RunSQL(*INLINE_VECTOR),
        migrations.RunPython(rebuild, migrations.RunPython.noop),
    ]
