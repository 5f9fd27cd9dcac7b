"""The read-only endpoints: GET (and HEAD) only; every answer is JSON, errors included."""

from functools import wraps

from django.http import JsonResponse
from django.utils.translation import gettext as _

from advices.pages.urls import PublicUrls
from advices.public.ods import documents as docs
from advices.public.ods.council import Council
from advices.public.ods.decisions import commitments_by_decision, decision_json, public_decisions
from advices.public.ods.headers import with_api_headers
from advices.public.ods.pagination import PageNotFound, page_of
from advices.public.ods.problems import BadParameter, bad_parameter, not_found, problem
from home.named_people import apply_name_choices_to_data

# Addresses and identifiers stay as they are; every other text shows hidden names as roles.
LINK_KEYS = {"id", "link", "next", "previous"}


def read_only(view):
    """GET and HEAD only; a wrong page or parameter is the spec's problem answer, not a 500."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = problem(request, 405, _("Deze API kan alleen lezen."), _("Gebruik GET."))
            response["Allow"] = "GET, HEAD"
            return response
        try:
            body = view(request, *args, **kwargs)
        except BadParameter as error:
            return bad_parameter(request, error)
        except PageNotFound as error:
            return not_found(request, str(error))
        if body is None:
            return not_found(request)
        body = apply_name_choices_to_data(body, keep=_is_link)
        return with_api_headers(JsonResponse(body, json_dumps_params={"ensure_ascii": False}))

    return wrapper


def _is_link(key):
    return key in LINK_KEYS or key.lower().endswith("url")


def _documents(request):
    return docs.Documents(request, Council(request), PublicUrls(request))


@read_only
def information_objects(request):
    page, envelope = page_of(request, docs.catalogue())
    rows = list(page.object_list)
    letter_pks = [pk for _day, kind, pk in rows if kind == docs.LETTER]
    reply_pks = [pk for _day, kind, pk in rows if kind == docs.REPLY]
    letters, replies = docs.letters_by_pk(letter_pks), docs.replies_by_pk(reply_pks)
    build = _documents(request)
    results = [
        build.letter(letters[pk]) if kind == docs.LETTER else build.reply(replies[pk])
        for _day, kind, pk in rows
    ]
    return {**envelope, "results": results}


@read_only
def letter(request, kenmerk):
    found = docs.public_letters().filter(reference=kenmerk).select_related("sent_pdf").first()
    return _documents(request).letter(found) if found else None


@read_only
def reply(request, kenmerk):
    found = docs.public_replies().filter(letter__reference=kenmerk).select_related("letter")
    found = found.first()
    return _documents(request).reply(found) if found else None


def _submitted_letters(request):
    """The letters whose indiener is asked for: all, or the one ``informatieobject`` names
    (its id or its URL, as the spec's filter gives it)."""
    references = docs.public_letters().order_by("-date", "-pk").values_list("reference", flat=True)
    wanted = request.GET.get("informatieobject")
    if wanted is None:
        return references
    last = wanted.rstrip("/").rsplit("/", 1)[-1]
    prefix = docs.letter_id("")
    return references.filter(reference=last[len(prefix) :]) if last.startswith(prefix) else []


@read_only
def submitters(request):
    page, envelope = page_of(request, _submitted_letters(request))
    build = _documents(request)
    return {**envelope, "results": [build.submitter(reference) for reference in page]}


@read_only
def submitter(request, kenmerk):
    if not docs.public_letters().filter(reference=kenmerk).exists():
        return None
    return _documents(request).submitter(kenmerk)


@read_only
def units(request):
    page, envelope = page_of(request, [Council(request).unit()])
    return {**envelope, "results": list(page)}


@read_only
def council(request):
    return Council(request).unit()


@read_only
def decisions(request):
    page, envelope = page_of(request, public_decisions())
    shown = list(page.object_list)
    lines = commitments_by_decision([decision.pk for decision in shown])
    return {
        **envelope,
        "results": [decision_json(request, d, lines.get(d.pk, [])) for d in shown],
    }


@read_only
def decision(request, nummer):
    found = public_decisions().filter(pk=nummer).first()
    if found is None:
        return None
    return decision_json(request, found, commitments_by_decision([found.pk]).get(found.pk, []))
