from django.db import migrations

from home.roles import sync_groups

WAGTAIL_DEFAULT_GROUPS = ["Moderators", "Editors"]


def remove_unused_default_groups(apps, schema_editor):
    """Wagtail's English default groups would confuse; the council's own groups replace them."""
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [
        migrations.RunPython(sync_groups, migrations.RunPython.noop),
        migrations.RunPython(remove_unused_default_groups, migrations.RunPython.noop),
    ]
