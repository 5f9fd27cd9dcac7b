"""``manage.py load_demo``: the page tree and the demo content of the Participatieraad Zwolle.

Lives in ``advices`` because it loads both apps: first home's pages, themes, council settings
and accounts (``home.demo``), then the advice letters and the college's replies
(``advices.demo``), in one transaction. ``home`` knows nothing of ``advices``."""

import argparse

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from advices.demo.load import load_demo_letters
from advices.demo.load_replies import load_demo_replies
from annual.demo import load_annual_reports
from home.demo.loader import CREATED, DEMO_ADDRESS, UNCHANGED, UPDATED, load_demo


def host_and_port(value):
    """``127.0.0.1:8000`` -> ``("127.0.0.1", 8000)``, for ``--address``."""
    host, _colon, port = value.rpartition(":")
    if not host or not port.isdigit():
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, got {value!r}")
    return host, int(port)


class Command(BaseCommand):
    help = (
        "Build the page tree and load the demo content (meetings, themes, council settings, "
        "advice letters, the college's replies) and one demo account per role. Safe to run "
        "again: existing content is left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-accounts",
            action="store_true",
            help="Do not create or update the demo accounts.",
        )
        parser.add_argument(
            "--refresh",
            action="store_true",
            help=(
                "Also reset existing demo pages, themes and council settings to the demo "
                "content (in place; one new revision per page). Overwrites edits."
            ),
        )

        parser.add_argument(
            "--address",
            type=host_and_port,
            default=DEMO_ADDRESS,
            help=(
                "HOST:PORT where the demo is served (default 127.0.0.1:8000): given to the "
                "default site if it still has Wagtail's stock address (localhost:80)."
            ),
        )

    def handle(self, *args, no_accounts=False, refresh=False, address=DEMO_ADDRESS, **options):
        try:
            # One transaction: the advice letters need the pages, themes and accounts.
            with transaction.atomic():
                report = load_demo(with_accounts=not no_accounts, refresh=refresh, address=address)
                load_demo_letters(report, refresh=refresh)
                load_demo_replies(report)
                load_annual_reports(report)
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc

        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        for kind, counts in report.counts.items():
            self.stdout.write(
                f"  {kind}: {counts[CREATED]} created, {counts[UPDATED]} updated, "
                f"{counts[UNCHANGED]} unchanged"
            )
        for note in report.notes:
            self.stdout.write(f"  note: {note}")

        if report.accounts:
            self.stdout.write("")
            self.stdout.write(
                self.style.WARNING(
                    "Demo accounts. These passwords are public demo passwords: "
                    "never use them on a real site."
                )
            )
            for account in report.accounts:
                self.stdout.write(
                    f"  {account.username:<11} password: {account.password:<16} "
                    f"{account.first_name} {account.last_name} ({account.role})"
                )
