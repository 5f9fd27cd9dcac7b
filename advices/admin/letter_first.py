"""Choosing the letter first on the college's side: a new commitment, progress update or
assessment starts with links to the letters whose recommendations may be chosen; one of them
(``?brief=PR-2022-01``) narrows the recommendation list to that letter. Links, not a second
form, so it works without JavaScript and inside Wagtail's edit form."""

from urllib.parse import urlencode

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from advices.models import AdviceLetter

LETTER_PARAM = "brief"


def letter_reference(request):
    """The reference of the letter asked for, as typed (at most a reference's length)."""
    return request.GET.get(LETTER_PARAM, "").strip()[:40]


def letters_of(recommendations):
    """The letters of ``recommendations`` with how many of them each has, newest first:
    one query."""
    counts = dict(
        recommendations.order_by()
        .values_list("letter_id")
        .annotate(count=Count("pk"))
        .values_list("letter_id", "count")
    )
    letters = AdviceLetter.objects.filter(pk__in=counts).order_by("-date", "-pk")
    return [(letter, counts[letter.pk]) for letter in letters.only("reference", "subject")]


class LetterFirstPanel(Panel):
    """Above the recommendation field of a new record: "Kies eerst de brief"."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "advices/admin/letter_first_panel.html"

        def is_shown(self):
            return super().is_shown() and not self.instance.pk and self.request is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            chosen = (self.form.chosen_letter_reference or "").upper()
            kept = {key: value for key, value in self.request.GET.items() if key != LETTER_PARAM}
            links = []
            for letter, count in letters_of(self.form.recommendation_choices()):
                query = urlencode({**kept, LETTER_PARAM: letter.reference})
                links.append(
                    {
                        "url": f"{self.request.path}?{query}",
                        "reference": letter.reference,
                        "subject": letter.subject,
                        "count": count,
                        "current": letter.reference.upper() == chosen,
                    }
                )
            all_query = urlencode(kept)
            context.update(
                {
                    "heading": _("Kies eerst de brief"),
                    "links": links,
                    "all_url": self.request.path + (f"?{all_query}" if all_query else ""),
                    "narrowed": self.form.letter_narrowed,
                    "unknown": self.form.chosen_letter_reference and not self.form.letter_narrowed,
                    "asked": self.form.chosen_letter_reference,
                }
            )
            return context
