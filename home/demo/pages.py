"""The home page, the meeting index and the standard pages, in plain Dutch (B1).

Facts about the council come only from the corpus; the accessibility and privacy pages
describe this website, not the council, and name no phone numbers or e-mail addresses.
"""

from .stream import (
    accessibility_statement,
    heading,
    paragraph,
    paragraph_with_link,
    privacy_statement,
    rich_text,
)

COUNCIL_NAME = "Participatieraad Zwolle"

# CouncilSettings for the default site. The corpus gives no address, e-mail address or phone
# number for the council (the letter of 17 June 2022 gives the college's Postbus, as the
# addressee; the presentation names two officials of the municipality), so those stay empty and
# the demo letters go without return address; never invent one. The chair signs the letter of
# 17 June 2022.
COUNCIL_SETTINGS = {
    "name": COUNCIL_NAME,
    "municipality": "Zwolle",
    "chair_name": "Aljona Wertheim",
    "chair_role": "Voorzitter",
    # The Woo index: the municipality publishes (gm0193 is gemeente Zwolle in the TOOI list).
    "tooi_publisher": "gm0193",
    "tooi_publisher_name": "gemeente Zwolle",
}
# What the letters print from CouncilSettings but the corpus does not give: the loader says so.
COUNCIL_LETTER_FIELDS_NOT_IN_CORPUS = ["postal_address", "visiting_address", "email", "phone"]

HOME = {
    "slug": "home",
    "title": COUNCIL_NAME,
    "intro": rich_text(
        "De Participatieraad Zwolle geeft het college van burgemeester en wethouders advies "
        "over het sociaal domein. Het gaat dan over de ondersteuning van inwoners, "
        "bijvoorbeeld jongeren, ouderen en mensen met een beperking.",
        "De raad luistert daarvoor naar inwoners, vrijwilligers en organisaties, bijvoorbeeld "
        "op bijeenkomsten. Op deze website leest u de verslagen van die bijeenkomsten.",
    ),
    "body": [],
    "search_description": (
        "De Participatieraad Zwolle geeft het college advies over het sociaal domein. Lees de "
        "verslagen van bijeenkomsten."
    ),
}

MEETING_INDEX = {
    "slug": "bijeenkomsten",
    "title": "Bijeenkomsten",
    "show_in_menus": True,
    "intro": (
        "Op bijeenkomsten praten inwoners, vrijwilligers, professionals en de "
        "Participatieraad met elkaar over het sociaal domein in Zwolle. Hier leest u de "
        "verslagen."
    ),
    "search_description": (
        "Verslagen van bijeenkomsten over het sociaal domein in Zwolle, zoals veldbijeenkomsten "
        "en een ‘ontmoet en groet’."
    ),
}

# The AdviceIndexPage (advices.pages.advice_index). Created by advices.demo.load, right after the
# meeting index, so the menu reads: Bijeenkomsten, Adviezen, Over de Participatieraad.
ADVICE_INDEX = {
    "slug": "adviezen",
    "title": "Adviezen",
    "show_in_menus": True,
    "intro": (
        "De Participatieraad geeft het college van burgemeester en wethouders advies over het "
        "sociaal domein. Hier leest u de adviezen die de raad heeft verstuurd. Elk advies "
        "bestaat uit genummerde aanbevelingen. Per aanbeveling kunt u volgen wat ermee gebeurt."
    ),
    "search_description": (
        "De adviezen van de Participatieraad Zwolle aan het college, met per aanbeveling wat "
        "ermee gebeurt."
    ),
}

# The RecommendationIndexPage (advices.pages.tracker): the tracker with the dashboard.
# Created by advices.demo.load right after the "Adviezen" page, so the menu reads:
# Bijeenkomsten, Adviezen, Aanbevelingen, Over de Participatieraad.
RECOMMENDATION_INDEX = {
    "slug": "aanbevelingen",
    "title": "Aanbevelingen",
    "show_in_menus": True,
    "intro": (
        "Hier staan alle aanbevelingen uit de adviezen van de Participatieraad. Bij elke "
        "aanbeveling leest u wat het college ervan vindt en hoe ver het ermee is. Zoek op een "
        "woord, of kies een thema, een jaar of een status."
    ),
    "search_description": (
        "Alle aanbevelingen van de Participatieraad Zwolle aan het college, met per aanbeveling "
        "het standpunt van het college en wat ermee gebeurt."
    ),
}

# The AdviceRequestIndexPage (advices.pages.request_index). Created by advices.demo.load right
# after the meeting index, so the menu follows the cycle: Bijeenkomsten, Adviesaanvragen,
# Adviezen, Aanbevelingen, Over de Participatieraad.
REQUEST_INDEX = {
    "slug": "adviesaanvragen",
    "title": "Adviesaanvragen",
    "show_in_menus": True,
    "intro": (
        "Het college van burgemeester en wethouders kan de Participatieraad om advies vragen. "
        "Dat heet een adviesaanvraag. Hier ziet u wat het college de raad vroeg, wanneer het "
        "advies klaar moet zijn en wat de raad met de vraag heeft gedaan."
    ),
    "search_description": (
        "De vragen van het college aan de Participatieraad Zwolle, met de uiterste datum voor "
        "het advies en wat de raad antwoordde."
    ),
}

ABOUT = {
    "slug": "over-de-participatieraad",
    "title": "Over de Participatieraad",
    "show_in_menus": True,
    "intro": (
        "De Participatieraad Zwolle geeft het college van burgemeester en wethouders advies "
        "over het sociaal domein. De raad haalt daarvoor ervaringen op bij inwoners, "
        "vrijwilligers en organisaties."
    ),
    "search_description": (
        "Wat doet de Participatieraad Zwolle? De raad geeft het college gevraagd en ongevraagd "
        "advies over het sociaal domein."
    ),
    "body": [
        heading("Wat is het sociaal domein?"),
        paragraph(
            "Het sociaal domein gaat over de ondersteuning van inwoners. Bijvoorbeeld voor "
            "jongeren (jeugd), voor mensen die hulp nodig hebben om thuis te wonen en mee te "
            "doen (Wmo), en bij werk en meedoen in de samenleving (participatie)."
        ),
        heading("Advies aan het college"),
        paragraph(
            "De raad geeft het college van burgemeester en wethouders advies. Soms vraagt het "
            "college de raad om advies. Dat heet gevraagd advies. De raad kan ook zelf advies "
            "geven, zonder dat het college erom vraagt. Dat heet ongevraagd advies.",
            "Het college reageert met een brief op het advies. Een paar voorbeelden:",
            items=[
                "De raad gaf aandachtspunten bij het plan van aanpak ‘Samenspel in het sociaal "
                "domein’. Het college reageerde daarop punt voor punt.",
                "In november 2019 gaf de raad advies over de Hervormingsagenda sociaal domein.",
                "Op 17 juni 2022 stuurde de raad het advies ‘Sterke sociale basis’.",
            ],
        ),
        heading("Bijeenkomsten"),
        paragraph(
            "De raad wil weten wat er speelt in de stad. Daarom organiseert de raad "
            "bijeenkomsten, zoals een ‘ontmoet en groet’. Op 9 mei 2022 kwamen daar ongeveer "
            "70 mensen op af: inwoners, mensen uit het werkveld, vertegenwoordigers van "
            "belangenorganisaties, leden van de gemeenteraad en de gemeente.",
            "Leden van de raad praten ook mee op andere bijeenkomsten, zoals de veldbijeenkomst "
            "‘Samenspel in het sociaal domein’. En de raad praat met de gemeente, bijvoorbeeld "
            "in een werksessie.",
            "Wat de raad hoort, gebruikt de raad voor zijn adviezen.",
        ),
        heading("Wat gebeurt er met het advies?"),
        paragraph(
            "De raad volgt wat het college met het advies doet. Na het advies van november "
            "2019 schreef het college dat een inventarisatie van organisaties gepland stond "
            "voor het eerste kwartaal van 2020. In het advies van juni 2022 vroeg de raad wat "
            "daarmee tot nu toe was gedaan en bereikt.",
        ),
        heading("Voorzitter"),
        paragraph("In 2022 was Aljona Wertheim voorzitter van de Participatieraad Zwolle."),
    ],
}

# The accessibility statement in the model of digitoegankelijk.nl: what it covers, the status
# and the last check (the ``accessibility_statement`` block, from ACCESSIBILITY_STATEMENT), what
# the site does, and how to report a problem (the contact page).
ACCESSIBILITY = {
    "slug": "toegankelijkheid",
    "title": "Toegankelijkheidsverklaring",
    "show_in_menus": False,
    "intro": (
        "Iedereen moet deze website kunnen gebruiken. Ook als u slecht ziet, een hulpmiddel "
        "gebruikt of geen muis gebruikt."
    ),
    "search_description": (
        "Hoe toegankelijk is deze website, en wat kunt u doen als iets niet werkt?"
    ),
    "body": [
        heading("Over deze verklaring"),
        paragraph(
            "De Participatieraad Zwolle wil dat deze website voldoet aan de richtlijnen WCAG "
            "2.1, op niveau AA. Dat zijn internationale afspraken over toegankelijke websites. "
            "Overheidsorganisaties moeten zich daaraan houden. Dat staat in het Besluit "
            "digitale toegankelijkheid overheid.",
            "Deze verklaring gaat over deze website van de Participatieraad Zwolle.",
        ),
        accessibility_statement(),
        heading("Wat wij doen"),
        paragraph(
            items=[
                "Bovenaan elke pagina staat een link waarmee u het menu overslaat. U gaat dan "
                "meteen naar de inhoud.",
                "De website werkt ook zonder JavaScript.",
                "U kunt alles bedienen met alleen het toetsenbord.",
                "U kunt inzoomen. De tekst wordt dan groter en de pagina past zich aan. U mist "
                "geen tekst.",
                "Wij schrijven zo veel mogelijk in eenvoudige taal.",
                "Elke pagina wordt automatisch gecontroleerd op fouten in de toegankelijkheid. "
                "Een volledig onderzoek door deskundigen is nog niet gedaan.",
            ],
        ),
    ],
}

# The statement's settings for the demo site: the site was built for WCAG 2.1 AA and is
# checked automatically, but nobody has researched the whole site (WCAG-EM) yet, and it is
# in no register: status C, and no date of a last check, no report, no label.
ACCESSIBILITY_STATEMENT = {"status": "C"}

PRIVACY = {
    "slug": "privacy",
    "title": "Privacy",
    "show_in_menus": False,
    "intro": "Op deze pagina leest u welke gegevens deze website bewaart.",
    "search_description": (
        "Welke gegevens bewaart deze website? Geen volgcookies; alleen wat nodig is om in te "
        "loggen en om u per e-mail te laten weten wat er met een advies gebeurt."
    ),
    "body": [
        heading("Geen cookies die u volgen"),
        paragraph(
            "Deze website gebruikt geen cookies die uw bezoek volgen. Er zijn geen cookies voor "
            "reclame en geen cookies van andere bedrijven. U hoeft niet in te loggen om de "
            "website te lezen."
        ),
        heading("Inloggen"),
        paragraph(
            "Alleen wie inlogt, krijgt een sessiecookie. Die cookie onthoudt dat u bent "
            "ingelogd. Het inlogformulier gebruikt ook een cookie voor de beveiliging van het "
            "formulier. Deze cookies zijn nodig om de website te laten werken."
        ),
        heading("Accounts"),
        paragraph(
            "Leden van de raad, het secretariaat en medewerkers van de gemeente hebben een "
            "account. Van hen bewaren wij:",
            items=[
                "hun naam en e-mailadres;",
                "hun wachtwoord, versleuteld;",
                "wie een tekst heeft gemaakt of veranderd, en wanneer.",
            ],
        ),
        privacy_statement(),
        heading("Vragen"),
        paragraph_with_link(
            "Hebt u een vraag over uw gegevens? ",
            "Neem contact op met het secretariaat van de Participatieraad",
            "/contact/",
            ".",
        ),
    ],
}

# Children of the home page, in menu order. The meeting index is handled with MEETING_INDEX.
STANDARD_PAGES = [ABOUT, ACCESSIBILITY, PRIVACY]
