from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("enforcement", "0004_report_files_to_versions_public_texts")]

    operations = [migrations.RemoveField(model_name="countryreport", name="file")]
