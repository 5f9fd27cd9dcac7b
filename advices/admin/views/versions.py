"""The letter's versions in the admin: list, compare as a redline, restore as a new version."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from advices.actions.letters import RestoreVersion
from advices.admin.views.base import LetterAdminViewMixin, refuse
from advices.lifecycle.permissions import edit_refusal
from advices.pdf.redline import letter_redline
from advices.queries.versions import find_version, letter_versions


class LetterVersionsView(LetterAdminViewMixin, TemplateView):
    """Every version, newest first, with a choice of two to compare and a restore button."""

    template_name = "advices/admin/letter_versions.html"
    page_title = gettext_lazy("Versies")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        versions = letter_versions(self.letter)
        refusal = edit_refusal(self.request.user, self.letter)
        context.update(
            letter=self.letter,
            versions=versions[::-1],
            default_a=versions[-2].number if len(versions) > 1 else None,
            default_b=versions[-1].number if versions else None,
            can_restore=refusal is None,
            restore_refusal=refusal,
            compare_url=self.letter_url("compare"),
            status_url=self.letter_url("status"),
        )
        return context


def chosen_pair(query, versions):
    """(old, new, message, is_error) from ?a=&b=; the pair is None when it cannot be shown."""
    by_number = {version.number: version for version in versions}
    raw_a, raw_b = query.get("a", "").strip(), query.get("b", "").strip()
    if len(versions) < 2:
        return None, None, _("Deze brief heeft nog maar één versie."), False
    if not raw_a and not raw_b:
        return None, None, _("Kies twee versies om te vergelijken."), False
    if not raw_a or not raw_b:
        return None, None, _("Kies twee versies om te vergelijken."), True
    try:
        a, b = int(raw_a), int(raw_b)
    except ValueError:
        return None, None, _("Een versienummer is een heel getal, zoals 3."), True
    for number in (a, b):
        if number not in by_number:
            message = _(
                "Versie %(number)s bestaat niet. Deze brief heeft versie 1 tot en met %(last)s."
            ) % {"number": number, "last": versions[-1].number}
            return None, None, message, True
    if a == b:
        return None, None, _("Kies twee verschillende versies."), True
    if a > b:
        # A redline reads from old to new: deleted is what went away over time.
        note = _(
            "Versie %(a)s is nieuwer dan versie %(b)s. "
            "U ziet de wijzigingen van de oudere naar de nieuwere versie."
        ) % {"a": a, "b": b}
        return by_number[b], by_number[a], note, False
    return by_number[a], by_number[b], "", False


class LetterCompareView(LetterAdminViewMixin, TemplateView):
    """A word-level redline of the whole letter between two chosen versions."""

    template_name = "advices/admin/letter_compare.html"
    page_title = gettext_lazy("Versies vergelijken")

    def get(self, request, *args, **kwargs):
        versions = letter_versions(self.letter)
        old, new, message, is_error = chosen_pair(request.GET, versions)
        context = self.get_context_data(
            letter=self.letter,
            versions=versions[::-1],
            old=old,
            new=new,
            redline=letter_redline(old, new) if old else None,
            message=message,
            is_error=is_error,
            compare_url=self.letter_url("compare"),
            versions_url=self.letter_url("versions"),
        )
        return self.render_to_response(context, status=400 if is_error else 200)


class RestoreForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Toelichting (niet verplicht)"),
        required=False,
        max_length=60,
        help_text=gettext_lazy("Komt achter 'Versie N teruggezet' in de lijst met versies."),
    )


class LetterRestoreView(LetterAdminViewMixin, TemplateView):
    """GET: what restoring would change, and a confirm button. POST: restore it."""

    template_name = "advices/admin/letter_compare.html"
    page_title = gettext_lazy("Versie terugzetten")

    def refusal(self):
        return edit_refusal(self.request.user, self.letter)

    def get(self, request, *args, **kwargs):
        if refusal := self.refusal():
            return refuse(request, refusal)
        versions = letter_versions(self.letter)
        version = find_version(versions, history_id=kwargs["history_id"])
        if version is None:
            raise Http404(_("Deze versie hoort niet bij deze brief."))
        if version.is_latest:
            messages.info(request, _("Dit is al de huidige versie."))
            return redirect(self.letter_url("versions"))
        # Shown as current → chosen: exactly what the restore will change.
        context = self.get_context_data(
            letter=self.letter,
            old=versions[-1],
            new=version,
            redline=letter_redline(versions[-1], version),
            restore=version,
            next_number=versions[-1].number + 1,
            form=RestoreForm(),
            versions_url=self.letter_url("versions"),
        )
        return self.render_to_response(context)

    def post(self, request, *args, **kwargs):
        form = RestoreForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors.get("reason", [])))
            return redirect(self.letter_url("restore", kwargs["history_id"]))
        try:
            RestoreVersion(
                self.letter, kwargs["history_id"], request.user, form.cleaned_data["reason"]
            ).execute()
        except PermissionDenied as error:
            return refuse(request, str(error))
        except LookupError as error:
            raise Http404(_("Deze versie hoort niet bij deze brief.")) from error
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.letter_url("versions"))
        versions = letter_versions(self.letter)
        restored = find_version(versions, history_id=kwargs["history_id"])
        messages.success(
            request,
            _("Versie %(old)s is teruggezet als nieuwe versie %(new)s.")
            % {"old": restored.number, "new": versions[-1].number},
        )
        return redirect(self.letter_url("versions"))
