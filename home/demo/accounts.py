"""One demo account per role. The passwords are fixed and printed: this is demo data only."""

from dataclasses import dataclass

from home.roles import COUNCIL_MEMBERS, MUNICIPALITY, SECRETARIAT


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    first_name: str
    last_name: str
    group: str | None  # name of a group from home.roles, or None
    role: str  # what the account is for, shown in the command's output
    is_superuser: bool = False

    @property
    def email(self):
        return f"{self.username}@example.org"


ACCOUNTS = [
    DemoAccount(
        username="raadslid",
        password="demo-raadslid",
        first_name="Rianne",
        last_name="Raadslid",
        group=COUNCIL_MEMBERS,
        role="raadslid: schrijft verslagen en adviezen",
    ),
    DemoAccount(
        username="secretaris",
        password="demo-secretaris",
        first_name="Sem",
        last_name="Secretaris",
        group=SECRETARIAT,
        role="secretariaat: stelt vast, verstuurt en publiceert",
    ),
    DemoAccount(
        username="gemeente",
        password="demo-gemeente",
        first_name="Gerda",
        last_name="Gemeente",
        group=MUNICIPALITY,
        role="gemeente: dient adviesaanvragen in, legt reactie, besluit en voortgang vast",
    ),
    DemoAccount(
        username="beheerder",
        password="demo-beheerder",
        first_name="Bas",
        last_name="Beheerder",
        group=None,
        role="beheerder: superuser, mag alles",
        is_superuser=True,
    ),
]
