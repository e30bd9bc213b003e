from django.db import migrations, models


class Migration(migrations.Migration):
    """The compare matrix reads its counts from this covering index (the benchmark's compare page)."""

    dependencies = [
        ("flexibilities", "0002_categories"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="provision",
            index=models.Index(
                condition=models.Q(("is_published", True)),
                fields=["party", "category", "implementation_option"],
                include=("id",),
                name="flex_prov_published_cell",
            ),
        ),
    ]
