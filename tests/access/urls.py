"""Every URL of the site, enumerated from the URLconf and filled with the objects of a
``World``: a new URL (ours or Wagtail's) joins the role matrix by itself, and a URL whose
arguments this module cannot fill makes the matrix fail until it is taught how."""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.contrib.settings.registry import registry as settings_registry

from tests.access.world import DRAFT_MARKER

# Arguments that name nothing that exists: the view must answer 404 (or refuse) for everyone.
MISSING = 999_999

# URLs that are not views of the product: Wagtail's own test and catch-all patterns.
NOT_VIEWS = {"admin/test404/", "admin/^.*/$", "^api/v1/"}


@dataclass(frozen=True)
class Route:
    name: str  # the URL name with its namespaces, or the route for an unnamed pattern
    route: str  # the pattern as written, for messages
    pattern: object


@dataclass(frozen=True)
class Target:
    """One concrete URL of a route; ``subject`` names the objects it was filled with
    (``draft_letter``, ``live_page``, ``missing``, ...)."""

    name: str
    url: str
    subject: str = ""


def routes():
    def walk(patterns, prefix="", namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                if route in NOT_VIEWS:
                    continue
                if pattern.name:
                    name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                else:
                    name = route
                yield Route(name=name, route=route, pattern=pattern)

    seen = set()
    for route in walk(get_resolver().url_patterns):
        if (route.name, route.route) not in seen:
            seen.add((route.name, route.route))
            yield route


ADD_PAGE_VIEWS = {
    "wagtailadmin_pages:add",
    "wagtailadmin_pages:preview_on_add",
    "wagtailadmin_pages:add_subpage",
}


class UnknownArgument(LookupError):
    pass


_SNIPPET_NAMESPACE = re.compile(
    r"^wagtailsnippet(?:s|choosers)_(?P<app>[a-z_]+?)_(?P<model>[a-z]+):"
)


def _objects_of_model(world, model):
    """(instance, label) of ``model`` that a URL is tried with: the council's secrets first."""
    by_model = {
        "advices.adviceletter": ["draft_letter", "sent_letter"],
        "advices.erratum": ["erratum"],
        "advices.collegeresponse": ["response"],
        "advices.recommendationanswer": ["answer"],
        "advices.commitment": ["commitment"],
        "advices.followup": ["followup"],
        "advices.councilassessment": ["assessment"],
        "home.theme": ["theme"],
        "wagtailcore.page": ["draft_page", "live_page"],
        "wagtaildocs.document": ["draft_document", "document"],
        "wagtailimages.image": ["image"],
        "auth.user": ["administrator", "other_secretary", "member", "clerk"],
        "auth.group": ["group"],
        # issue 13 (admin)
        "advices.advicerequest": ["advice_request"],
        # issue 13, decisions
        "advices.decision": ["decision"],
        # -- the annual report (app annual) --
        "annual.annualreport": ["draft_report", "published_report"],
        # -- issue 14, names: per name, publish it or show the role only --
        "home.namedperson": ["named_person"],
    }
    label = model._meta.label_lower
    if label not in by_model:
        raise UnknownArgument(f"no test objects for the model {label}")
    return [(getattr(world, name), name) for name in by_model[label]]


def _namespace_model(name):
    match = _SNIPPET_NAMESPACE.match(name)
    if match:
        return apps.get_model(match["app"], match["model"])
    for prefix, label in [
        ("wagtailusers_users:", "auth.User"),
        ("wagtailusers_groups:", "auth.Group"),
        ("wagtaildocs", "wagtaildocs.Document"),
        ("wagtailimages", "wagtailimages.Image"),
        ("wagtailadmin_api:documents:", "wagtaildocs.Document"),
        ("wagtailadmin_api:images:", "wagtailimages.Image"),
        ("wagtailadmin_api:pages:", "wagtailcore.Page"),
        ("wagtailadmin_pages:", "wagtailcore.Page"),
    ]:
        if name.startswith(prefix):
            return apps.get_model(label)
    return None


def _pks(world, names):
    return [(getattr(world, name).pk, name) for name in names]


def _values(world, route, argument):
    """(value, label) for every value ``argument`` of ``route`` is tried with."""
    name = route.name
    missing = [(MISSING, "missing")]
    pages = _pks(world, ["draft_page", "live_page"])
    fixed = {
        "page_id": pages,
        "parent_page_id": pages,
        "page_to_move_id": pages,
        "page_pk": pages,
        "destination_id": _pks(world, ["meeting_index"]),
        "revision_id": [(world.draft_page.latest_revision.pk, "draft_revision")],
        "revision_id_a": [("earliest", "")],
        "revision_id_b": [("latest", "")],
        "document_id": _pks(world, ["document"]),
        "doc_id": _pks(world, ["document"]),
        "image_id": _pks(world, ["image"]),
        "redirect_id": _pks(world, ["redirect"]),
        "collection_id": _pks(world, ["public_collection"]),
        "history_id": [(world.letter_history_id, "draft_letter_version")],
        "number": [(1, "")],
        "nummer": [(1, "")],
        "kenmerk": [
            (world.draft_letter.reference, "draft_letter"),
            (world.sent_letter.reference, "sent_letter"),
        ],
        "slug": [(world.theme.slug, "theme")],
        "token": [("onbekend", "missing")],
        "uidb64": [("MQ", "")],
        "filter_spec": [("original", "")],
        "object_id": _pks(world, ["draft_letter"]),
    }
    for unknown in (
        "uploaded_file_id",
        "task_state_id",
        "workflow_state_id",
        "session_id",
        "restriction_id",
        "page_view_restriction_id",
        "task_id",
        "workflow_pk",
    ):
        fixed[unknown] = missing
    if argument == "action_name":
        return [("copy", "")] if name.startswith("wagtailadmin_api") else [("approve", "")]
    if argument == "parent_page_id" and name in ADD_PAGE_VIEWS:
        # A meeting is added to the meetings' index (page types allow nothing else).
        return _pks(world, ["meeting_index"])
    if argument in fixed:
        return fixed[argument]
    if argument == "pk" and name.startswith("follow:"):
        if name == "follow:letter":
            return _pks(world, ["draft_letter", "sent_letter"])
        return [
            (world.draft_letter.recommendations.first().pk, "draft_letter"),
            (world.answer.recommendation_id, "sent_letter"),
        ]
    if argument == "pk":
        for prefix, label in [
            ("wagtailsites:", "site"),
            ("wagtailsettings:", "site"),
            ("wagtailadmin_collections:", "public_collection"),
            ("wagtailredirects:", "redirect"),
        ]:
            if name.startswith(prefix):
                return _pks(world, [label])
        if name.startswith("wagtailadmin_workflows:"):
            return missing
        model = _namespace_model(name)
        if model is not None:
            return [(obj.pk, label) for obj, label in _objects_of_model(world, model)]
    raise UnknownArgument(f"{route.route}: no value for <{argument}> (URL name {name})")


def _model_arguments(route):
    """Routes with an app label and model name in the URL: which models to try."""
    name = route.name
    if name == "wagtail_bulk_action":
        bulk_action_registry._scan_for_bulk_actions()  # filled on first use otherwise
        for app_label, models in bulk_action_registry.actions.items():
            for model_name, actions in models.items():
                for action in actions:
                    yield {"app_label": app_label, "model_name": model_name, "action": action}
    elif name.startswith("wagtailsettings:"):
        for model in settings_registry:
            yield {"app_name": model._meta.app_label, "model_name": model._meta.model_name}
    elif name in ("wagtailadmin_pages:add", "wagtailadmin_pages:preview_on_add"):
        yield {"content_type_app_name": "home", "content_type_model_name": "meetingpage"}
    elif name.startswith("wagtailadmin_pages:type_use"):
        yield {"content_type_app_name": "home", "content_type_model_name": "meetingpage"}
    elif name == "wagtailadmin_pages:choose_parent":
        yield {"app_label": "home", "model_name": "meetingpage"}
    elif name == "wagtailadmin_tag_model_autocomplete":
        yield {"app_name": "home", "model_name": "meetingpage"}
    elif name == "wagtailadmin_workflows:add_task":
        yield {"app_label": "wagtailcore", "model_name": "groupapprovaltask"}
    elif name == "wagtailadmin_editing_sessions:ping":
        yield {"app_label": "advices", "model_name": "adviceletter"}
    else:
        yield {}


def _query(world, route, model_arguments):
    """What a GET adds: a search for the council's secret (in lower case, so that a search box
    repeating the query does not count as a leak), and ids where a view takes them."""
    # Wagtail's admin API refuses unknown parameters.
    query = [] if route.name.startswith("wagtailadmin_api") else [("q", DRAFT_MARKER.lower())]
    model = None
    if route.name == "wagtail_bulk_action":
        model = apps.get_model(model_arguments["app_label"], model_arguments["model_name"])
    elif route.name.endswith("chosen_multiple"):
        model = _namespace_model(route.name)
        if route.name == "wagtailadmin_choose_page_chosen_multiple":
            model = apps.get_model("wagtailcore", "Page")
    if model is not None:
        query += [("id", obj.pk) for obj, _label in _objects_of_model(world, model)]
    return "?" + urlencode(query) if query else ""


def _positional(world, route):
    """Unnamed-group regex routes: Wagtail's page serving and document serving."""
    if route.name == "wagtail_serve":
        return [
            ("/", "home"),
            (world.live_page.url, "live_page"),
            ("/bijeenkomsten/concept-bijeenkomst/", "draft_page"),
        ]
    if route.name == "wagtaildocs_serve":
        return [(world.draft_document.url, "draft_document"), (world.document.url, "document")]
    return None


def targets(world):
    """(Target, or the UnknownArgument) for every route."""
    for route in routes():
        positional = _positional(world, route)
        if positional is not None:
            for url, label in positional:
                yield Target(route.name, url, label)
            continue
        arguments = [
            name
            for name in route.pattern.pattern.regex.groupindex
            if name not in ("app_label", "model_name", "action")
            and not name.startswith("content_type_")
            and name != "app_name"
        ]
        try:
            if "/" in route.name:
                raise UnknownArgument(f"{route.route}: an unnamed URL; name it")
            for model_arguments in _model_arguments(route):
                combos = [(dict(model_arguments), [])]
                for argument in arguments:
                    combos = [
                        ({**kwargs, argument: value}, labels + [label])
                        for kwargs, labels in combos
                        for value, label in _values(world, route, argument)
                    ]
                for kwargs, labels in combos:
                    url = reverse(route.name, kwargs=kwargs or None)
                    subject = "+".join(label for label in labels if label)
                    if route.name == "wagtail_bulk_action":
                        subject = f"{model_arguments['app_label']}.{model_arguments['model_name']}"
                    url += _query(world, route, model_arguments)
                    yield Target(route.name, url, subject)
        except UnknownArgument as error:
            yield error
