"""``manage.py reset_two_factor <username>``: for someone who lost both the phone and the
recovery codes. Removes the authenticator app and the recovery codes of that account; at the
next login the person sets it up again (required roles are sent to the setup page)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from home.two_factor.devices import remove_two_factor


class Command(BaseCommand):
    help = "Zet tweestapsverificatie uit voor een account (app en herstelcodes kwijt)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist as error:
            raise CommandError(f"Geen account met gebruikersnaam {username!r}.") from error
        remove_two_factor(user)
        self.stdout.write(
            f"Tweestapsverificatie van {username} is uitgezet; bij de volgende login stelt "
            "deze persoon het opnieuw in."
        )
