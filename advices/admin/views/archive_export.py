"""The secretariat's archive export (*Instellingen → Export voor het archief*): choose a
period, download the archive package (``advices.archive``) as a ZIP. The same package as
``manage.py export_archive``. Reads only."""

from django import forms
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.menu import MenuItem
from wagtail.models import Site

from advices.archive.package import ArchiveExportError, build_package
from home.users import refuse

PERMISSION = "advices.export_archive"
ONLY_SECRETARIAT = gettext_lazy("Alleen het secretariaat kan een pakket voor het archief maken.")


def may_export_archive(user):
    return user.is_active and user.has_perm(PERMISSION)


class ArchiveExportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_export_archive(request.user)


class PeriodForm(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("Van"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("De eerste dag waarop een advies is verzonden."),
    )
    end = forms.DateField(
        label=gettext_lazy("Tot en met"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("De laatste dag; adviezen van die dag doen mee."),
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError(_("De einddatum ligt vóór de begindatum."))
        return data


def archive_export(request):
    if not may_export_archive(request.user):
        return refuse(request, ONLY_SECRETARIAT)
    form = PeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        site = Site.find_for_request(request)
        try:
            data, _dossiers = build_package(start, end, site)
        except ArchiveExportError as error:
            form.add_error(None, str(error))
        else:
            response = HttpResponse(data, content_type="application/zip")
            name = f"archief-adviezen-{start.isoformat()}-tot-{end.isoformat()}.zip"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
    return TemplateResponse(
        request,
        "advices/admin/archive_export.html",
        {"page_title": _("Export voor het archief"), "form": form},
        status=400 if form.errors else 200,
    )
