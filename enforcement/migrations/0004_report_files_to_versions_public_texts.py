"""Data: each report's single file becomes its version 1; the ASEAN programme's texts are
refreshed so that what the public reads is public text and the working notes are staff notes.

A migration of its own (not beside 0003 or 0005): PostgreSQL refuses to alter a table in the
transaction that wrote rows with deferred foreign-key checks into it.
"""

from django.db import migrations

from enforcement.reference import load_asean_programme


def files_become_first_versions(apps, schema_editor):
    report_model = apps.get_model("enforcement", "CountryReport")
    for report in report_model.objects.exclude(file=""):
        storage = report.file.storage
        version = report.versions.create(
            number=1,
            file=report.file.name,
            file_name=report.file.name.rsplit("/", 1)[-1][:200],
            size=storage.size(report.file.name) if storage.exists(report.file.name) else 0,
        )
        if report.status == "approved":
            report.approved_version = version
            report.save(update_fields=["approved_version"])


def load_public_texts(apps, schema_editor):
    load_asean_programme(apps)


class Migration(migrations.Migration):
    dependencies = [("enforcement", "0003_report_versions_programme_team_staff_notes")]

    operations = [
        migrations.RunPython(files_become_first_versions, migrations.RunPython.noop),
        migrations.RunPython(load_public_texts, migrations.RunPython.noop),
    ]
