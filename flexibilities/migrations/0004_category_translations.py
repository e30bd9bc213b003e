"""Reload the flexibility categories to add their Arabic, Chinese and Russian descriptions and
implementation-option labels (the portal team's translations, in categories.json)."""

from django.db import migrations

from flexibilities.reference.loaders import load_categories


def load(apps, schema_editor):
    load_categories(apps)


class Migration(migrations.Migration):
    dependencies = [("flexibilities", "0003_provision_published_cell_index")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
