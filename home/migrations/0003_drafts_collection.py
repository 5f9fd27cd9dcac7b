from django.db import migrations

from home.roles import sync_groups


class Migration(migrations.Migration):
    """The drafts collection (documents only the council may open) and the council members'
    upload rights moved there (home/roles.py)."""

    dependencies = [
        ("home", "0002_council_groups"),
        ("advices", "0011_reply_message"),
    ]

    operations = [migrations.RunPython(sync_groups, migrations.RunPython.noop)]
