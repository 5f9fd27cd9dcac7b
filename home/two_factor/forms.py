from django import forms
from django.utils.translation import gettext_lazy as _


def app_code_field(label):
    return forms.CharField(
        label=label,
        max_length=16,
        required=False,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": r"[0-9 ]*",
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
    )


def any_code_field(label, help_text=""):
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=32,
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )


class AppCodeForm(forms.Form):
    code = app_code_field(_("Code uit uw authenticator-app (6 cijfers)"))


class RecoveryCodeForm(forms.Form):
    recovery_code = any_code_field(
        _("Herstelcode"), _("Een van de tien herstelcodes die u bij het instellen kreeg.")
    )


class RemoveForm(forms.Form):
    code = any_code_field(
        _("Code uit uw authenticator-app of een herstelcode"),
        _("Zo weten we zeker dat u het zelf bent."),
    )
