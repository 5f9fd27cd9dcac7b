from django.db import models
from django.utils.translation import gettext_lazy as _

from home.models.unique import UniqueMessagesMixin


class FollowTarget(models.TextChoices):
    RECOMMENDATION = "aanbeveling", _("aanbeveling")
    LETTER = "advies", _("advies")
    THEME = "thema", _("thema")
    # Every new request for advice; ``target_id`` is always 0 (there is one list of them).
    REQUESTS = "adviesaanvragen", _("nieuwe adviesaanvragen")


class Subscription(UniqueMessagesMixin, models.Model):
    """Someone who follows a recommendation, a letter, a theme or the new requests for advice
    by email, without an account.

    Only the address and what it follows are stored. Confirmed by a signed link (double
    opt-in); removed by a signed one-click link.
    """

    email = models.EmailField(_("e-mailadres"))
    target_type = models.CharField(_("volgt"), max_length=20, choices=FollowTarget.choices)
    target_id = models.PositiveBigIntegerField(_("nummer van wat gevolgd wordt"))
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True)
    # When the last confirmation mail was sent: a repeat within the follow window sends none
    # (advices.notify.subscriptions.claim_confirmation_mail decides, in one UPDATE).
    confirmation_sent_at = models.DateTimeField(
        _("bevestigingsmail gestuurd op"), null=True, blank=True
    )

    unique_messages = {("email", "target_type", "target_id"): _("Dit e-mailadres volgt dit al.")}

    class Meta:
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnementen")
        constraints = [
            models.UniqueConstraint(
                fields=["email", "target_type", "target_id"], name="one_subscription_per_target"
            )
        ]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self):
        return f"{self.email} → {self.get_target_type_display()} {self.target_id}"

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None
