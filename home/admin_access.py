"""Which of Wagtail's own admin URLs a role may open at all.

Wagtail checks permissions per view, but several of its views show titles to anyone who may
open the admin: the page choosers and the page move and workflow screens list page titles
(drafts included), the bulk-action screens list the titles of the chosen objects, the document
and image choosers and the admin API show what is in the collections. Our roles need those
screens only for what they may edit: the municipality edits no pages, documents or images.
``AdminAccessMiddleware`` refuses such URLs (403, with the reason in Dutch) before Wagtail's
view runs, for everyone who lacks the permission the screen is for. The role matrix
(tests/access/) holds every admin URL to ``home.roles`` and the README's role table.
"""

from fnmatch import fnmatchcase

from django.apps import apps
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from home.users import refuse

PAGE_ACTIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]

NO_PAGES = _("U werkt niet aan pagina's van de website; dit scherm is niet voor u.")
NO_DOCUMENTS = _("U werkt niet met documenten in het beheer; dit scherm is niet voor u.")
NO_IMAGES = _("U werkt niet met afbeeldingen in het beheer; dit scherm is niet voor u.")
NO_WORKFLOWS = _("Alleen een beheerder stelt werkstromen in.")
NO_BULK = _("U mag dit niet doen met deze onderdelen.")


def may_work_on_pages(user):
    return PagePermissionPolicy().user_has_any_permission(user, PAGE_ACTIONS)


def document_policy():
    return policy_registry.get_by_type(get_document_model())


def image_policy():
    return policy_registry.get_by_type(get_image_model())


def may_choose_documents(user):
    return document_policy().user_has_any_permission(user, ["add", "change", "choose"])


def may_choose_images(user):
    return image_policy().user_has_any_permission(user, ["add", "change", "choose"])


def may_manage_workflows(user):
    return user.has_perm("wagtailcore.change_workflow")


def bulk_refusal(user, kwargs):
    """A bulk action lists the titles of what it would act on: only for those who may act."""
    try:
        model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
    except (KeyError, LookupError):
        return None  # Wagtail answers 404
    if issubclass(model, Page):
        return None if may_work_on_pages(user) else NO_PAGES
    opts = model._meta
    if any(
        user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
        for action in ("change", "delete")
    ):
        return None
    for policy in (document_policy(), image_policy()):
        if model is policy.model and policy.user_has_any_permission(user, ["change", "delete"]):
            return None
    return NO_BULK


# (URL name pattern, may the user open it?, the reason when not). The first match decides.
RULES = [
    # Link choosers in the rich-text editor show nothing of the site.
    ("wagtailadmin_choose_page_*_link", None, None),
    ("wagtailadmin_choose_page*", may_work_on_pages, NO_PAGES),
    ("wagtailadmin_explore*", may_work_on_pages, NO_PAGES),
    ("wagtailadmin_pages:*", may_work_on_pages, NO_PAGES),
    ("wagtailadmin_api:pages:*", may_work_on_pages, NO_PAGES),
    ("wagtailadmin_reports:site_history*", None, None),  # filtered per object by Wagtail
    ("wagtailadmin_reports:*", may_work_on_pages, NO_PAGES),
    ("wagtailadmin_workflows:*", may_manage_workflows, NO_WORKFLOWS),
    ("wagtaildocs_chooser:*", may_choose_documents, NO_DOCUMENTS),
    ("wagtailadmin_api:documents:*", may_choose_documents, NO_DOCUMENTS),
    ("wagtailimages_chooser:*", may_choose_images, NO_IMAGES),
    ("wagtailadmin_api:images:*", may_choose_images, NO_IMAGES),
]


def refusal(user, url_name, kwargs):
    """Why ``user`` may not open the admin URL named ``url_name``, or None."""
    if user.is_superuser:
        return None
    if url_name == "wagtail_bulk_action":
        return bulk_refusal(user, kwargs)
    for pattern, allowed, reason in RULES:
        if fnmatchcase(url_name, pattern):
            return None if allowed is None or allowed(user) else reason
    return None


# Wagtail's deliberate server error ("failwhale"), for trying out error pages: not a screen
# for anyone on a council's site.
HIDDEN_URL_NAMES = {"wagtailadmin_error_test"}


class AdminAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is not None and match.view_name in HIDDEN_URL_NAMES:
            raise Http404
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated:
            return None  # Wagtail sends anonymous visitors to the login page
        reason = refusal(user, match.view_name, view_kwargs)
        return refuse(request, reason) if reason else None
