"""The groups get their annual report permissions (home.roles): the secretariat drafts and
publishes, the council members read."""

from django.db import migrations

from home.roles import sync_groups


class Migration(migrations.Migration):
    dependencies = [
        ("annual", "0001_initial"),
        ("advices", "0015_advicerequestindexpage"),
        ("home", "0005_letter_help_texts"),
    ]

    operations = [migrations.RunPython(sync_groups, migrations.RunPython.noop)]
