"""Fill the recommendations' texts in the six languages (portal/reference/: English from
development_agenda.json, the portal team's translations from development_agenda_texts.json)."""

from django.db import migrations

from portal.reference.loaders import load_recommendation_texts


def load(apps, schema_editor):
    load_recommendation_texts(apps)


class Migration(migrations.Migration):
    dependencies = [("portal", "0008_recommendation_text_translations")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
