from django.db import migrations

from home.roles import sync_groups


class Migration(migrations.Migration):
    dependencies = [
        ("advices", "0001_initial"),
        ("home", "0002_council_groups"),
    ]

    operations = [migrations.RunPython(sync_groups, migrations.RunPython.noop)]
