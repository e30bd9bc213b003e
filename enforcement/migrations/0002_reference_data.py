"""Once loaded the seeds/002 programme here; 0004 loads it now.

The loader writes fields that this migration's models do not have yet (staff notes, added in
0003), so it runs after them. Its rows are matched on keys, so a database that ran the old
version of this migration is refreshed by 0004, not duplicated.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("enforcement", "0001_initial"),
        ("portal", "0002_reference_data"),
    ]

    operations = []
