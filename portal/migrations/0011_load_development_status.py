"""Load the development status records, and refresh the parties and the registry.

Parties get their corrected names ("Netherlands (Kingdom of the)") and membership notes;
recommendations their immediate-implementation sources and corrected texts. `manage.py load_reference_data` (or
`refresh_development_status` for the status alone) does the same after an edit.
"""

from django.db import migrations

from portal.reference.loaders import (
    load_development_agenda,
    load_development_status,
    load_parties,
    load_recommendation_texts,
)


def load(apps, schema_editor):
    load_parties(apps)
    load_development_status(apps)
    load_development_agenda(apps)
    load_recommendation_texts(apps)  # the corrected English text in its text_en column


class Migration(migrations.Migration):
    dependencies = [("portal", "0010_development_status_records")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
