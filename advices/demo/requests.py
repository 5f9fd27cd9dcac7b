"""The demo requests for advice (*adviesaanvragen*): one the corpus shows, one made up.

A request is only registered as real where a document shows that the college put something
to the council; each request gives only the facts the documents give. Whatever the demo
assumes, the request itself says, in a "Toelichting bij de demo" at the end of its questions
(plain text, public on the request's page), as the demo letters do in their introduction.
"""

import datetime
from dataclasses import dataclass, field

from advices.lifecycle.requests import TAKE_UP, RequesterKind
from home.demo import themes as t

from .letters import SECRETARY, SOURCE_2019, SOURCE_2019_REPLY, on

# The demo account of the municipal clerk, who submits a request in the admin.
CLERK = "gemeente"


@dataclass(frozen=True)
class DemoRequest:
    # None: proposed on creation (AV-<year>-NN) and found again by subject, as the concept letter.
    reference: str | None
    subject: str
    questions: str
    registered_by: str  # username of a demo account
    # When it is entered in the register (dates its history); None: when the demo is loaded.
    registered_at: datetime.datetime | None
    requester_kind: str = RequesterKind.COLLEGE
    requester_name: str = ""
    contact_name: str = ""
    contact_email: str = ""
    # Days before the day the demo is loaded (a made-up request stays open); None: not known.
    received_days_ago: int | None = None
    letter_days_ago: int | None = None
    municipal_reference: str = ""
    themes: list = field(default_factory=list)
    # (action, username, reason): steps taken by hand after registering, when the demo loads.
    steps: list = field(default_factory=list)
    sources: list = field(default_factory=list)

    @property
    def authors(self):
        """The demo accounts that enter it and take its steps."""
        return {self.registered_by} | {username for _action, username, _reason in self.steps}

    def received_on(self, today):
        if self.received_days_ago is None:
            return None
        return today - datetime.timedelta(days=self.received_days_ago)

    def letter_date(self, today):
        if self.letter_days_ago is None:
            return None
        return today - datetime.timedelta(days=self.letter_days_ago)


# =============================================================================================
# 2019: the plan van aanpak "Samenspel in het sociaal domein"
# =============================================================================================
#
# The college's reply (SOURCE_2019_REPLY) thanks the council "voor de handreikingen in uw reactie
# op het plan van aanpak ‘samenspel in het sociaal domein’" and wants to work on the plan "met de
# Participatieraad Zwolle"; the council's poster (SOURCE_2019) says "De stukken hebben we gelezen
# als een start van een proces". So the college put its plan to the council, and the council's
# reaction (PR-2019-01) answers it: the demo registers that request and links the letter to it.
#
# What the documents do NOT give: the college's letter, its date and kenmerk, the exact question
# and a term. So there is no date of receipt (the register allows that for a request from before
# it existed), no deadline ("termijn onbekend") and no kenmerk, and the PDF of PR-2019-01 has no
# "Uw brief van" row. The title of the plan is the one the reply gives. The request is entered in
# the register on the day the demo enters the letter itself (1 March 2019, assumed: see
# letters.py), just before it; sending the letter marks it answered.

SAMENSPEL = DemoRequest(
    reference="AV-2019-01",
    subject="Plan van aanpak ‘Samenspel in het sociaal domein; naar een sociale en zorgzame basis’",
    questions=(
        "Het college legde de Participatieraad het plan van aanpak ‘Samenspel in het sociaal "
        "domein; naar een sociale en zorgzame basis’ voor. Het plan hoort bij de "
        "Hervormingsagenda sociaal domein. De raad gaf een reactie met aandachtspunten.\n\n"
        "Toelichting bij de demo: de brief waarin het college de raad om een reactie vroeg, "
        "zit niet in de bronnen van de demo. Dat het college het plan aan de raad voorlegde, "
        "leiden wij af uit de reactie van het college (‘Dank voor de handreikingen in uw "
        "reactie op het plan van aanpak’) en uit de reactie van de raad (‘De stukken hebben we "
        "gelezen als een start van een proces’). De datum van de aanvraag, het kenmerk van de "
        "gemeente, de precieze vraag en de termijn zijn niet bekend. Daarom staat hier geen "
        "uiterste datum."
    ),
    registered_by=SECRETARY,
    registered_at=on(2019, 3, 1, 8),
    themes=[t.INTERPLAY, t.SOCIAL_BASE],
    sources=[SOURCE_2019_REPLY, SOURCE_2019],
)

# =============================================================================================
# A made-up request that is still open
# =============================================================================================
#
# MADE UP FOR THE DEMO: the corpus holds no request that is still open, so a visitor would not
# see a running term, days left or the step "in behandeling". Its subject says "Voorbeeld", and
# its questions say it is made up. It names no person or office of Zwolle: it is submitted by the
# demo clerk of the municipality and taken up by the demo secretary. Its dates follow the day
# the demo is loaded (received ten days before, so the term of the council settings still
# runs), like the concept letter; it gets the next free number of that year.

EXAMPLE = DemoRequest(
    reference=None,
    subject="Voorbeeld: uitwerking van de gesprekstafels sociale basis",
    questions=(
        "Toelichting bij de demo: deze aanvraag is verzonnen om te laten zien hoe een "
        "adviesaanvraag eruitziet terwijl de raad eraan werkt. Zij staat niet in de bronnen van "
        "de demo. De datums, het kenmerk en de vragen zijn bedacht.\n\n"
        "Het college vraagt de raad:\n"
        "1. Wie moeten er volgens de raad aan de gesprekstafels zitten?\n"
        "2. Hoe kunnen inwoners zelf meepraten aan de gesprekstafels?"
    ),
    registered_by=CLERK,
    registered_at=None,
    contact_name="Gerda Gemeente",
    contact_email="gemeente@example.org",
    received_days_ago=10,
    letter_days_ago=12,
    municipal_reference="VB-0001",
    themes=[t.SOCIAL_BASE, t.INVOLVEMENT],
    steps=[
        (TAKE_UP, SECRETARY, "Voorbeeld: de raad bespreekt de vragen in een werksessie."),
    ],
)

REQUESTS = [SAMENSPEL, EXAMPLE]
