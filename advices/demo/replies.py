"""The college's replies to the demo letters, transcribed from the corpus.

As in ``letters``, only PDF extraction damage is repaired: lines are joined, the bullet glyphs
of the PDF are "- " list items, double spaces are gone. The college's own wording stays.

Each reply is recorded the way the municipality records one (``advices.actions``): the reply
letter with its full text and a plain-Dutch (B1) summary, then per recommendation the
college's verdict with the college's own words as the answer, and the commitments the reply
makes. A recommendation the reply does not answer keeps an empty verdict ("wacht op
reactie"); why, is in a comment at that recommendation.

Recommendations are found by their number in the sent letter; ``expect`` is a piece of their
text, so that a renumbered letter is noticed (the loader skips the answer, with a note)
instead of answering the wrong recommendation.
"""

import datetime
from dataclasses import dataclass, field

from advices.models import Verdict

from .letters import SOURCE_2019_REPLY, SOURCE_2022, on

# The demo account of the municipal clerk, who records the college's side.
CLERK = "gemeente"

COLLEGE = "College van B&W (gemeente Zwolle)"


@dataclass(frozen=True)
class DemoCommitment:
    description: str
    responsible: str
    # As the admin form reads it (advices.lifecycle.due_dates.parse_due): "Q1 2020", "31-03-2020".
    due: str


@dataclass(frozen=True)
class DemoAnswer:
    number: int  # the recommendation's number in the sent letter
    expect: str  # a piece of the recommendation's context or advice
    verdict: str = ""  # a Verdict; "" when the reply does not answer it
    answer: str = ""  # the college's own words
    commitments: list = field(default_factory=list)


@dataclass(frozen=True)
class DemoReply:
    reference: str  # the letter it answers
    received_on: datetime.date
    at: datetime.datetime  # when the clerk records it: dates the history and the status change
    college_reference: str
    text: str
    summary: str
    answers: list
    sources: list = field(default_factory=list)


# =============================================================================================
# The college's reply to "Plan van aanpak Samenspel in het sociaal domein" (PR-2019-01)
# =============================================================================================
#
# Date: not in the document. It speaks of the meeting with the council "op 6 februari" as past
# and of the werksessie "op 28 maart aanstaande" as to come, and it answers the advice that the
# demo dates 1 March 2019 (see letters.py). So it was written between 1 and 28 March 2019; the
# demo uses 15 March 2019, and the summary says so. The college's kenmerk is not in the text.
#
# The reply is written under its own headings, which are not the twelve points of the poster:
# "De inwoner van Zwolle", "Cliënt- en inwonerparticipatie", "De term collectivisering", and
# under "Overige Aandachtspunten": "Het voorliggend veld", "Herschik middelen", "De relatie
# vrijwilligers en professionals en ervaringsdeskundigheid", "Scholing, training en coaching",
# "Naast WMO, ook Jeugdzorg", then "Inclusiviteit". Some of these answer points that are not
# among the twelve (the college may have had a fuller text than the poster in the corpus). Each
# recommendation below gets the passages whose words answer it, and a verdict only where those
# words support one. The whole reply is in ``text``; the summary names what it answers beyond
# the twelve points (scholing, training en coaching).
#
# Commitments: the reply names no date for any of them. The model needs one, so the demo takes
# the end of the year of the reply, Q4 2019 (stored as 31 December 2019), and the summary says
# the reply itself gives no date. With no progress recorded they show as late since 2020.

# One string per paragraph, as the college wrote them; list items on their own line.
TEXT_2019 = "\n\n".join(
    [
        "Geachte mevrouw Wertheim,",
        (
            "Dank voor de handreikingen in uw reactie op het plan van aanpak ‘samenspel in het "
            "sociaal domein’. De thema’s en suggesties die u aansnijdt helpen ons de aanpak een "
            "stap verder te brengen. Graag werken we met de Participatieraad Zwolle verder aan de "
            "concrete uitwerking van dit plan van aanpak, waarbij goede zorg en ondersteuning en "
            "de betaalbaarheid het uitgangspunt zijn, zoals benoemd in het door de gemeenteraad "
            "vastgestelde interventieplan."
        ),
        "De inwoner van Zwolle",
        (
            "In de uitwerking van het plan van aanpak gaan we uit van concrete profielen inwoners "
            "die staan voor opgaven binnen het sociaal domein. De profielen helpen ons om steeds "
            "op het netvlies te houden voor wie we het doen: voor jongeren die we zonder drempels "
            "van school naar werk en participatie willen leiden, voor ouderen op het "
            "overgangsmoment van vitaal naar kwetsbaar; hoe kunnen zij veilig langer thuis wonen? "
            "Voor kwetsbare inwoners met een psychische aandoening voor wie we een wijkgerichte "
            "aanpak willen inrichten. Of huishoudens met vragen op alle leefdomeinen; hoe komen "
            "we voor hen tot levensloopbestendige zorg en -ondersteuning?"
        ),
        (
            "De inwoners van Zwolle vormen het uitgangspunt voor de hervormingsagenda; voor hen "
            "doen we het immers."
        ),
        (
            "Denken in opgaven helpt bij een integrale blik en het organiseren van een "
            "samenhangende uitvoering ten behoeve van inwoners."
        ),
        (
            "Het college begrijpt dat een bijeenkomst hierover met de Participatieraad heeft "
            "plaatsgevonden op 6 februari in het kader van de Hervormingsagenda, en dat u het "
            "gesprek hierover met de projectleider Anke van Beckhoven verdiept in een werksessie "
            "op 28 maart aanstaande."
        ),
        "Cliënt- en inwonerparticipatie",
        (
            "De veldbijeenkomst met het maatschappelijk voorveld op 23 april is één van de "
            "stappen in een samenspraakproces met inwoners. Tijdens deze bijeenkomst gaan we met "
            "maatschappelijke organisaties aan de hand van de profielen in gesprek. Met als "
            "centrale vraag: hoe kunnen we de ondersteuning aan Zwollenaren anders en slimmer "
            "organiseren?"
        ),
        (
            "We willen inzicht in wat de nieuwe oplossingen vragen in de samenwerking tussen "
            "partners, met inwoners, met welzijn- en zorgorganisaties en met het maatschappelijk "
            "voorveld. We verkennen wat partijen nodig hebben om hieraan mede uitvoering te "
            "geven. De opbrengst gaat deel uitmaken van de opdracht aan het sociaal domein."
        ),
        (
            "De opbrengst wordt voorgelegd en getoetst bij de ‘Samenspel tafel’ waar we met "
            "welzijns- en zorgorganisaties reflecteren op de voorstellen. Uiteraard zijn we nog "
            "niet klaar ná deze bijeenkomsten. Ook na 23 april wordt er op gezette tijden en in "
            "verschillende vormen en samenstellingen met de stad, inwoners, instellingen en "
            "verenigingen, over de opgave en de koers gesproken."
        ),
        "De term collectivisering",
        (
            "Het begrip collectivisering kan op verschillende manieren worden uitgelegd. De "
            "beweging die we beogen vraagt om samenspel. We hebben daarom het plan de titel: "
            "‘Samenspel in het sociaal domein; naar een sociale en zorgzame basis’, meegegeven "
            "omdat het aankomt op samenspel tussen bewoners, ondernemers, "
            "vrijwilligersorganisaties, zorg- en welzijnsorganisaties."
        ),
        "Overige Aandachtspunten in uw advies.",
        "Het voorliggend veld",
        (
            "Het voorliggend veld is divers en kleurrijk en bestaat uit het geheel van "
            "gesubsidieerde en ongesubsidieerde organisaties, vrijwilligersnetwerken en "
            "belangenorganisaties. We zien dat de rijkheid van dit voorliggende veld nog "
            "onvoldoende benut wordt. Het samenspel tussen formele en informele organisaties kan "
            "sterker."
        ),
        (
            "We onderzoeken hoe we het voorliggend veld kunnen versterken. De veldbijeenkomst op "
            "23 april kan daartoe handvatten geven."
        ),
        "Herschik middelen",
        (
            "De beweging naar voren houdt in dat we middelen op een andere manier willen "
            "benutten, waarbij wij de behoefte onderschrijven aan ruimte voor innovatie."
        ),
        "De relatie vrijwilligers en professionals en ervaringsdeskundigheid",
        (
            "We nemen de suggestie over om ervaringsdeskundigheid als criterium mee te nemen in "
            "ons gesprek met het gesubsidieerde maatschappelijk voorveld en gecontracteerde "
            "partijen."
        ),
        (
            "Het samenspel in de relatie vrijwilliger-professional komt tot stand in een concrete "
            "situatie en in de concrete uitvoeringspraktijk. Het zijn de uitvoerende partijen die "
            "hier samen met informele organisaties het gesprek over voeren. We onderschrijven een "
            "aanpak die de instrumentele inzet van vrijwilligers en mantelzorgers overstijgt."
        ),
        "Scholing, training en coaching",
        (
            "We menen dat het gebied van scholing en training een verantwoordelijkheid is van de "
            "aanbieders. We verwachten van aanbieders dat zij de dagelijkse praktijk en de "
            "gemeentelijke visie op het sociaal domein vertalen naar hun eigen beleid op het "
            "terrein van deskundigheidsbevordering."
        ),
        "Naast WMO, ook Jeugdzorg",
        (
            "Collectivisering betreft alle domeinen: Jeugd, Wmo, Participatie. Met onze regionale "
            "partners in de jeugdzorg onderzoeken we de mogelijkheden."
        ),
        "Inclusiviteit",
        (
            "Collectivisering heeft als focus: oplossingen zoeken in het gewone leven. De "
            "leidende principes van de hervorming die we zoeken dienen een inclusieve "
            "samenleving:\n"
            "- Herstel van het gewone leven binnen het gewone leven, waar nodig ondersteund door "
            "het eigen netwerk.\n"
            "- Gemeente Zwolle ondersteunt waar dat niet lukt. De inwoner houdt hierover de "
            "regie.\n"
            "- Ondersteuning is zo licht als mogelijk, dichtbij huis en collectief waar dat "
            "passend is.\n"
            "- Oplossingen worden integraal gewogen.\n"
            "- Gemeente Zwolle werkt liever preventief dan curatief."
        ),
        (
            "Graag willen we met de Participatieraad de beweging naar voren en het benutten van "
            "ervaringsdeskundigheid verdiepen."
        ),
        "Met vriendelijke groet,",
        "Burgemeester en wethouders van Zwolle,",
        "drs H.J. Meijer, burgemeester,",
        "mr I. Geveke, secretaris,",
    ]
)

SUMMARY_2019 = (
    "Het college bedankt de raad voor de aandachtspunten. Het wil samen met de raad verder "
    "werken aan het plan. Het college neemt het voorstel over om ervaringsdeskundigheid mee te "
    "wegen in gesprekken met organisaties die subsidie of een opdracht van de gemeente krijgen. "
    "Het onderzoekt hoe het voorliggend veld sterker kan worden. Met de partners in de jeugdzorg "
    "kijkt het wat daar kan. Scholing en training van medewerkers is volgens het college een "
    "taak van de organisaties zelf. Het college wil met de raad verder praten over de beweging "
    "naar voren en over ervaringsdeskundigheid. Op een deel van de aandachtspunten gaat de brief "
    "niet in. "
    "De brief noemt geen datum voor deze toezeggingen; deze demo neemt het einde van 2019. Ook "
    "de datum van de brief zelf staat er niet in. De demo neemt 15 maart 2019: de brief noemt "
    "de bijeenkomst van 6 februari als geweest en de werksessie van 28 maart als nog te komen."
)

REPLY_2019 = DemoReply(
    reference="PR-2019-01",
    received_on=datetime.date(2019, 3, 15),  # assumed: see above
    at=on(2019, 3, 15, 14),
    college_reference="",  # not in the text
    text=TEXT_2019,
    summary=SUMMARY_2019,
    answers=[
        # 1 "Inbreng professionals en ‘ZwolsModel’": the inbreng of professionals,
        # ervaringsdeskundigen and inwoners is answered (the samenspraakproces with inwoners and
        # organisations; "We nemen de suggestie over" on ervaringsdeskundigheid, the one point of
        # the poster that names ervaringsdeskundigen). The advising sentences themselves (learn
        # from other cities but trust your own strength, a model with Zwols DNA) are not
        # answered: so "deels overgenomen", not "overgenomen".
        DemoAnswer(
            1,
            expect="ervaringsdeskundigen",
            verdict=Verdict.PARTLY_ADOPTED,
            answer=(
                "De veldbijeenkomst met het maatschappelijk voorveld op 23 april is één van de "
                "stappen in een samenspraakproces met inwoners. […] Ook na 23 april wordt er op "
                "gezette tijden en in verschillende vormen en samenstellingen met de stad, "
                "inwoners, instellingen en verenigingen, over de opgave en de koers gesproken.\n\n"
                "We nemen de suggestie over om ervaringsdeskundigheid als criterium mee te nemen "
                "in ons gesprek met het gesubsidieerde maatschappelijk voorveld en gecontracteerde "
                "partijen.\n\n"
                "Graag willen we met de Participatieraad de beweging naar voren en het benutten "
                "van ervaringsdeskundigheid verdiepen."
            ),
            commitments=[
                DemoCommitment(
                    "We nemen de suggestie over om ervaringsdeskundigheid als criterium mee te "
                    "nemen in ons gesprek met het gesubsidieerde maatschappelijk voorveld en "
                    "gecontracteerde partijen.",
                    COLLEGE,
                    "Q4 2019",  # the reply gives no date: the demo takes the end of 2019
                ),
                # One sentence on two things: the beweging naar voren (see 4 and 6) and
                # ervaringsdeskundigheid. Recorded once, here, where ervaringsdeskundigen are.
                DemoCommitment(
                    "Graag willen we met de Participatieraad de beweging naar voren en het "
                    "benutten van ervaringsdeskundigheid verdiepen.",
                    COLLEGE,
                    "Q4 2019",  # the reply gives no date: the demo takes the end of 2019
                ),
            ],
        ),
        # 2 "Voortbouwen op inspanningen": not answered. The reply's general words ("verder
        # werken aan de concrete uitwerking", "een samenhangende uitvoering") are about the plan
        # as a whole and say nothing about building on dagbesteding, thuisondersteuning and
        # participatie, or about evaluating together. Not even "voor kennisgeving".
        DemoAnswer(2, expect="samen te evalueren"),
        # 3 "Rollen en Professioneel Partnerschap": not answered. The reply does not mention the
        # SWT, roles in consortia or opdrachtgeverschap; its passage on the relation between
        # volunteers and professionals leaves that to "de uitvoerende partijen".
        DemoAnswer(3, expect="Wees zuinig op SWT"),
        # 4 "Systeem verandering en vertrouwen?": under its heading "Herschik middelen" the
        # college "onderschrijft de behoefte aan ruimte voor innovatie", the council's own words
        # ("Ruimte voor innovatie"). The question itself (more system, or trust and room for
        # proven performance?) is not answered: "deels overgenomen".
        DemoAnswer(
            4,
            expect="Ruimte voor innovatie",
            verdict=Verdict.PARTLY_ADOPTED,
            answer=(
                "De beweging naar voren houdt in dat we middelen op een andere manier willen "
                "benutten, waarbij wij de behoefte onderschrijven aan ruimte voor innovatie."
            ),
        ),
        # 5 "Overzichtelijke delen" (pillars per theme, e.g. jeugd; collectivisering in every
        # theme): the college agrees collectivisering concerns all domains, Jeugd included, and
        # explores jeugdzorg with its regional partners ("Naast WMO, ook Jeugdzorg"). It does not
        # take over pillars per theme with goals and a kernteam: it works from profiles of
        # inwoners and opgaven. Our reading: "deels overgenomen".
        DemoAnswer(
            5,
            expect="pijlers te geven naar thema",
            verdict=Verdict.PARTLY_ADOPTED,
            answer=(
                "Collectivisering betreft alle domeinen: Jeugd, Wmo, Participatie. Met onze "
                "regionale partners in de jeugdzorg onderzoeken we de mogelijkheden.\n\n"
                "In de uitwerking van het plan van aanpak gaan we uit van concrete profielen "
                "inwoners die staan voor opgaven binnen het sociaal domein. […] Denken in "
                "opgaven helpt bij een integrale blik en het organiseren van een samenhangende "
                "uitvoering ten behoeve van inwoners."
            ),
            commitments=[
                DemoCommitment(
                    "Collectivisering betreft alle domeinen: Jeugd, Wmo, Participatie. Met onze "
                    "regionale partners in de jeugdzorg onderzoeken we de mogelijkheden.",
                    f"{COLLEGE}, met de regionale partners in de jeugdzorg",
                    "Q4 2019",  # the reply gives no date: the demo takes the end of 2019
                ),
            ],
        ),
        # 6 "Hervormingsagenda: pijlers en bewegingen" (preventief, van licht naar niet, van
        # zwaar naar lichter, van individueel naar collectief): the college answers with the
        # leading principles of its own reform, which hold the same movements ("zo licht als
        # mogelijk", "collectief waar dat passend is", "liever preventief dan curatief"). It
        # presents them as its own, not as taken over: "al bestaand beleid".
        DemoAnswer(
            6,
            expect="Van Zwaar naar Lichter",
            verdict=Verdict.EXISTING_POLICY,
            answer=(
                "Collectivisering heeft als focus: oplossingen zoeken in het gewone leven. De "
                "leidende principes van de hervorming die we zoeken dienen een inclusieve "
                "samenleving:\n"
                "- Herstel van het gewone leven binnen het gewone leven, waar nodig ondersteund "
                "door het eigen netwerk.\n"
                "- Gemeente Zwolle ondersteunt waar dat niet lukt. De inwoner houdt hierover de "
                "regie.\n"
                "- Ondersteuning is zo licht als mogelijk, dichtbij huis en collectief waar dat "
                "passend is.\n"
                "- Oplossingen worden integraal gewogen.\n"
                "- Gemeente Zwolle werkt liever preventief dan curatief."
            ),
        ),
        # 7 "Start van een proces" (the examples in the voorveld exist and "kunnen wel worden
        # versterkt"; know the voorveld): answered under "Het voorliggend veld" with "We
        # onderzoeken hoe we het voorliggend veld kunnen versterken": "wordt onderzocht". The
        # data-analyse and programmastructuur are not answered.
        DemoAnswer(
            7,
            expect="Ken het voorveld",
            verdict=Verdict.UNDER_INVESTIGATION,
            answer=(
                "Het voorliggend veld is divers en kleurrijk en bestaat uit het geheel van "
                "gesubsidieerde en ongesubsidieerde organisaties, vrijwilligersnetwerken en "
                "belangenorganisaties. We zien dat de rijkheid van dit voorliggende veld nog "
                "onvoldoende benut wordt. Het samenspel tussen formele en informele organisaties "
                "kan sterker.\n\n"
                "We onderzoeken hoe we het voorliggend veld kunnen versterken. De veldbijeenkomst "
                "op 23 april kan daartoe handvatten geven."
            ),
            commitments=[
                DemoCommitment(
                    "We onderzoeken hoe we het voorliggend veld kunnen versterken. De "
                    "veldbijeenkomst op 23 april kan daartoe handvatten geven.",
                    COLLEGE,
                    "Q4 2019",  # the reply gives no date: the demo takes the end of 2019
                ),
            ],
        ),
        # 8 "Aanbesteding, contractering en subsidiëring": not answered. The reply mentions
        # subsidised and contracted parties only for ervaringsdeskundigheid as a criterion (see
        # 1), not which form of contract or subsidy fits an activity.
        DemoAnswer(8, expect="welk contract- of subsidievorm past"),
        # 9 "Geen ‘reorganisatie’ van het voorveld" ("Collectivisering lijkt op een
        # reorganisatieplan van het voorveld. Dat zou het niet moeten zijn."): answered under "De
        # term collectivisering": the term can be read in several ways, the intended movement is
        # samenspel, which is why the plan already has that title. The college does not use the
        # word reorganisatie; it says its existing plan is about samenspel: "al bestaand beleid".
        DemoAnswer(
            9,
            expect="reorganisatieplan",
            verdict=Verdict.EXISTING_POLICY,
            answer=(
                "Het begrip collectivisering kan op verschillende manieren worden uitgelegd. De "
                "beweging die we beogen vraagt om samenspel. We hebben daarom het plan de titel: "
                "‘Samenspel in het sociaal domein; naar een sociale en zorgzame basis’, "
                "meegegeven omdat het aankomt op samenspel tussen bewoners, ondernemers, "
                "vrijwilligersorganisaties, zorg- en welzijnsorganisaties."
            ),
        ),
        # 10 "ZwolsModel: 62% vrijwilligers", 11 "Draagvlak", 12 "Draagkracht": not answered.
        # "We onderschrijven een aanpak die de instrumentele inzet van vrijwilligers en
        # mantelzorgers overstijgt" is in their spirit, but it closes the college's own point on
        # the relation between volunteers and professionals and answers neither being careful
        # with volunteers, nor draagvlak for inclusion, nor light guidance and coordination for
        # the voorveld ("Ondersteuning is zo licht als mogelijk" is about support to inwoners).
        # Too loose for a verdict, even "voor kennisgeving": the sentence is in the full text.
        DemoAnswer(10, expect="62% vrijwilligers"),
        DemoAnswer(11, expect="draagvlak nodig"),
        DemoAnswer(12, expect="lichte begeleiding, coördinatie en normalisatie"),
    ],
    sources=[SOURCE_2019_REPLY],
)

# =============================================================================================
# The college's reply to the advice on the Hervormingsagenda (PR-2019-02)
# =============================================================================================
#
# Not in the corpus as a document. The June 2022 letter (SOURCE_2022, "Sociale kaart") quotes
# it: "Uw reactie was: De inventarisatie ... in het belang van de inwoner." That quote is all
# that is known: it is the ``text`` (marked as an excerpt), and the summary says so.
#
# Date: not known; the reply came after the advice of November 2019 and before the first
# quarter of 2020 it plans for. The demo uses 16 December 2019 and the summary says so.

REPLY_2019_HERVORMING = DemoReply(
    reference="PR-2019-02",
    received_on=datetime.date(2019, 12, 16),  # assumed: see above
    at=on(2019, 12, 16, 14),
    college_reference="",
    text=(
        "[…] De inventarisatie van de bestaande organisaties en waar ze mee bezig zijn, staat "
        "gepland voor het eerste kwartaal in 2020. We onderschrijven de noodzaak om de "
        "uitkomsten af te zetten tegen de beoogde resultaten. Van daaruit kunnen we waar nodig "
        "een efficiëntieslag maken om gerichter te sturen in het belang van de inwoner. […]"
    ),
    summary=(
        "Het college plant de inventarisatie van de organisaties en waar ze mee bezig zijn in "
        "het eerste kwartaal van 2020. Daarna wil het college de uitkomsten vergelijken met de "
        "doelen, en waar nodig efficiënter werken. "
        "Van deze reactie kennen we alleen het antwoord over de inventarisatie: het advies "
        "‘Sterke sociale basis’ van 17 juni 2022 haalt het aan. Wat het college antwoordde over "
        "het Right to Challenge, weten we niet. Ook de datum van de reactie is niet bekend; deze "
        "demo gaat uit van 16 december 2019."
    ),
    answers=[
        # The college plans exactly the inventory the council advised, and endorses using its
        # outcome for an efficiëntieslag: "overgenomen". Its promise has a date: Q1 2020.
        DemoAnswer(
            1,
            expect="te inventariseren welke organisatie waarmee bezig is",
            verdict=Verdict.ADOPTED,
            answer=(
                "De inventarisatie van de bestaande organisaties en waar ze mee bezig zijn, staat "
                "gepland voor het eerste kwartaal in 2020. We onderschrijven de noodzaak om de "
                "uitkomsten af te zetten tegen de beoogde resultaten. Van daaruit kunnen we waar "
                "nodig een efficiëntieslag maken om gerichter te sturen in het belang van de "
                "inwoner."
            ),
            commitments=[
                DemoCommitment(
                    "Inventarisatie van de bestaande organisaties en waar ze mee bezig zijn",
                    COLLEGE,
                    "Q1 2020",  # "gepland voor het eerste kwartaal in 2020"
                ),
            ],
        ),
        # The Right to Challenge: the June 2022 letter quotes no answer on it, so its verdict
        # stays empty ("wacht op reactie").
        DemoAnswer(2, expect="Right to Challenge"),
    ],
    sources=[SOURCE_2022],
)

REPLIES = [REPLY_2019, REPLY_2019_HERVORMING]
