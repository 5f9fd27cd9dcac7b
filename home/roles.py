"""The council's user groups and what each may do, in one place.

Called from data migrations with the historical app registry, so it only uses
``apps.get_model``. Running it again brings existing groups in line: a change
here ships with a new migration that calls ``sync_groups`` (the latest one
depends on every app whose permissions are named below).
"""

from django.utils.translation import gettext_lazy as _

COUNCIL_MEMBERS = "Raadsleden"
SECRETARIAT = "Secretariaat"
MUNICIPALITY = "Gemeente"

GROUP_DESCRIPTIONS = {
    COUNCIL_MEMBERS: _("Schrijven verslagen en adviesbrieven en leggen ze voor ter vaststelling."),
    SECRETARIAT: _("Stellen adviezen vast, versturen en publiceren ze en beheren de leden."),
    MUNICIPALITY: _(
        "Dienen adviesaanvragen in en leggen de reactie van het college, de besluiten en de "
        "voortgang vast."
    ),
}

# Model permissions per group, as "app_label.codename".
MODEL_PERMISSIONS = {
    COUNCIL_MEMBERS: [
        "wagtailadmin.access_admin",
        "home.view_theme",
        "advices.add_adviceletter",
        "advices.change_adviceletter",
        "advices.view_adviceletter",
        "advices.propose_adviceletter",
        "advices.view_erratum",
        "advices.view_collegeresponse",
        "advices.view_recommendationanswer",
        "advices.view_commitment",
        "advices.view_followup",
        "advices.add_councilassessment",
        "advices.change_councilassessment",
        "advices.view_councilassessment",
        "advices.view_advicerequest",
        "advices.view_decision",
        "annual.view_annualreport",
    ],
    SECRETARIAT: [
        "wagtailadmin.access_admin",
        "home.add_theme",
        "home.change_theme",
        "home.delete_theme",
        "home.view_theme",
        "home.change_councilsettings",
        "home.change_accessibilitystatement",
        "home.add_namedperson",
        "home.change_namedperson",
        "home.delete_namedperson",
        "home.view_namedperson",
        "auth.add_user",
        "auth.change_user",
        "auth.view_user",
        "advices.add_adviceletter",
        "advices.change_adviceletter",
        "advices.delete_adviceletter",
        "advices.view_adviceletter",
        "advices.propose_adviceletter",
        "advices.adopt_adviceletter",
        "advices.send_adviceletter",
        "advices.add_erratum",
        "advices.change_erratum",
        "advices.view_erratum",
        "advices.change_lettersettings",
        "advices.change_archivesettings",
        "advices.export_archive",
        "advices.view_collegeresponse",
        "advices.view_recommendationanswer",
        "advices.view_commitment",
        "advices.view_followup",
        "advices.add_councilassessment",
        "advices.change_councilassessment",
        "advices.view_councilassessment",
        "advices.add_advicerequest",
        "advices.change_advicerequest",
        "advices.view_advicerequest",
        "advices.handle_advicerequest",
        "advices.extend_advicerequest",
        "advices.view_decision",
        "annual.add_annualreport",
        "annual.change_annualreport",
        "annual.view_annualreport",
        "annual.publish_annualreport",
    ],
    # The municipality records the college's side; it never edits the council's letters.
    MUNICIPALITY: [
        "wagtailadmin.access_admin",
        "advices.add_collegeresponse",
        "advices.change_collegeresponse",
        "advices.view_collegeresponse",
        "advices.add_recommendationanswer",
        "advices.change_recommendationanswer",
        "advices.view_recommendationanswer",
        "advices.add_commitment",
        "advices.change_commitment",
        "advices.view_commitment",
        "advices.add_followup",
        "advices.change_followup",
        "advices.view_followup",
        "advices.view_councilassessment",
        "advices.add_advicerequest",
        "advices.change_advicerequest",
        "advices.view_advicerequest",
        "advices.add_decision",
        "advices.change_decision",
        "advices.view_decision",
    ],
}

# Page permissions on the whole tree (granted on the root page).
PAGE_PERMISSIONS = {
    COUNCIL_MEMBERS: ["add_page", "change_page"],
    SECRETARIAT: [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
    MUNICIPALITY: [],
}

# Image and document permissions on the root collection (and so on every collection).
# Council members upload documents only into the drafts collection (below).
COLLECTION_PERMISSIONS = {
    COUNCIL_MEMBERS: [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.choose_document",
    ],
    SECRETARIAT: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    MUNICIPALITY: [],
}


# Documents of drafts: only the council may open them (a collection with a view restriction
# for these groups) until a page that uses them is published (home/document_privacy.py).
DRAFTS_COLLECTION = "Concepten (niet openbaar)"
DRAFTS_COLLECTION_READERS = [COUNCIL_MEMBERS, SECRETARIAT]
DRAFTS_COLLECTION_PERMISSIONS = {
    COUNCIL_MEMBERS: ["wagtaildocs.add_document", "wagtaildocs.choose_document"],
    SECRETARIAT: [],
    MUNICIPALITY: [],
}

# treebeard's materialised path: four base-36 characters per level.
_PATH_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _path_step(number):
    digits = ""
    for _position in range(4):
        number, digit = divmod(number, 36)
        digits = _PATH_ALPHABET[digit] + digits
    return digits


def ensure_drafts_collection(apps, root_collection):
    """The drafts collection under the root, readable by the council only. Historical models
    have no treebeard methods, so the child is added by its path."""
    Collection = apps.get_model("wagtailcore", "Collection")
    Group = apps.get_model("auth", "Group")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    drafts = Collection.objects.filter(depth=2, name=DRAFTS_COLLECTION).first()
    if drafts is None:
        siblings = Collection.objects.filter(depth=2, path__startswith=root_collection.path)
        last = siblings.order_by("-path").values_list("path", flat=True).first()
        number = int(last[-4:], 36) + 1 if last else 1
        drafts = Collection.objects.create(
            name=DRAFTS_COLLECTION, path=root_collection.path + _path_step(number), depth=2
        )
        Collection.objects.filter(pk=root_collection.pk).update(numchild=siblings.count())
    restriction = CollectionViewRestriction.objects.filter(collection=drafts).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=drafts, restriction_type="groups"
        )
    restriction.groups.set(Group.objects.filter(name__in=DRAFTS_COLLECTION_READERS))
    return drafts


def ensure_permissions_exist(apps):
    """Permissions are normally created after migrating; groups need them now."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _permission(apps, dotted):
    """The permission, or None while its app is not migrated yet (a later sync adds it)."""
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def _permissions(apps, names):
    return [perm for perm in (_permission(apps, name) for name in names) if perm is not None]


def sync_groups(apps, schema_editor=None):
    ensure_permissions_exist(apps)
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for name in GROUP_DESCRIPTIONS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(_permissions(apps, MODEL_PERMISSIONS[name]))
        if root_page is not None:
            GroupPagePermission.objects.filter(group=group).delete()
            page_permissions = [f"wagtailcore.{codename}" for codename in PAGE_PERMISSIONS[name]]
            for permission in _permissions(apps, page_permissions):
                GroupPagePermission.objects.create(
                    group=group, page=root_page, permission=permission
                )
        if root_collection is not None:
            GroupCollectionPermission.objects.filter(group=group).delete()
            drafts = ensure_drafts_collection(apps, root_collection)
            for collection, permissions in [
                (root_collection, COLLECTION_PERMISSIONS[name]),
                (drafts, DRAFTS_COLLECTION_PERMISSIONS[name]),
            ]:
                for permission in _permissions(apps, permissions):
                    GroupCollectionPermission.objects.create(
                        group=group, collection=collection, permission=permission
                    )
