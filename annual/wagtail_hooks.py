from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet

from advices.public.woo.hooks import WOO_DOCUMENTS
from annual import woo
from annual.admin import AnnualReportViewSet, report_admin_url
from annual.lifecycle import PUBLISHED_MESSAGE
from annual.models import AnnualReport

register_snippet(AnnualReportViewSet)


@hooks.register("before_delete_snippet")
def refuse_deleting_published_reports(request, instances):
    if any(isinstance(item, AnnualReport) and item.is_published for item in instances):
        messages.error(request, PUBLISHED_MESSAGE)
        return redirect(report_admin_url("list"))
    return None


@hooks.register("register_snippet_listing_buttons")
def report_listing_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, AnnualReport):
        return []
    return [Button(_("Voorbeeld"), url=report_admin_url("preview", snippet.pk), icon_name="view")]


hooks.register(WOO_DOCUMENTS, woo.woo_documents)
