"""The meeting reports, transcribed from the corpus and repaired where PDF extraction broke them.

Repairs: bullets that PDF extraction split over several lines are one item again, stray
characters and double spaces are gone, and the "Versteken" typo in the caption of the four
V's reads "Versterken". Otherwise the wording is the report's own.
"""

import datetime

from . import themes as t
from .stream import (
    call_out,
    call_out_html,
    four_vs,
    heading,
    key_figures,
    paragraph,
    quotes,
)

SOURCE_2019 = "verslag-veldbijeenkomst-samenspel-sociaal-domein-23-april.txt"
SOURCE_2019_YEAR = "collegereactie-plan-van-aanpak-samenspel.txt"
SOURCE_2019_AGENDA = "visie-sociale-basis-presentatie.txt"
SOURCE_2022 = "advies-sterke-sociale-basis-2022-06-17.txt"

# ---------------------------------------------------------------------------------------------
# 23 April (2019): veldbijeenkomst "Samenspel in het sociaal domein"
# ---------------------------------------------------------------------------------------------

YEAR_NOTE_2019 = (
    "Het verslag noemt geen jaar. Wij gaan uit van 2019. De reactie van het college op het "
    "plan van aanpak ‘Samenspel in het sociaal domein’ kondigt deze veldbijeenkomst van "
    "23 april aan als een van de stappen in het werk aan de Hervormingsagenda sociaal domein. "
    "Volgens de presentatie van de gemeente over de visie op de sociale basis begon die "
    "Hervormingsagenda begin 2019."
)

QUOTES_2019 = [
    "Organisaties durven het nog niet aan om hun aanbod los te laten op het moment dat zij "
    "zien dat andere partijen of inwoners dit ook doen.",
    "Organisaties doen iets liever zelf, dan dat zij samenspel zoeken en het overlaten aan een "
    "andere organisatie.",
    "Zwolse partners doen allemaal leuke eigen dingen…, naast elkaar.",
    "Je kijkt eerst naar je eigen toko en dan naar de verbinding.",
    "Zodra het gemeentevervoer van ouderen werd aanbesteed, verdwenen bewoners initiatieven "
    "zoals de Tuktuk of vrijwilligersvervoer.",
    "De diversiteit in aanbod leidt tot gebrek aan overzicht.",
]

# "Wat willen we vasthouden of versterken": the report names both together.
HOLD_OR_STRENGTHEN_2019 = [
    "Zorg dat jongeren met een beperking het huis uit gaan en hun blikveld verbreden.",
    "Kijk naar de inwoner én zijn omgeving; betrek de hele context.",
    "Zorg voor natuurlijke verbindingen met ‘buiten’ en de normale wereld. Huiskamers horen "
    "in het voorveld thuis.",
    "Soms heb je een klein zetje nodig. Het is prettig als iemand iets start, bijvoorbeeld "
    "opruimen van je huis, zodat je daarna weer ruimte ziet.",
    "Inwoners met dementie en niet-aangeboren hersenletsel hebben baat bij specifieke op hen "
    "toegesneden vormen van begeleiding en dagbesteding.",
    "Koppelen van welzijnswerk aan ouderenzorg. Bewoners van verzorging en verpleeghuizen, "
    "zitten vaker alleen op hun kamer en voelen zich minder verbonden met de samenleving.",
    "De groep inwoners met vroege dementie of niet-aangeboren hersenletsel stijgt. Deze groep "
    "kan met wat aanpassingen in bijvoorbeeld werktijden, gewoon blijven meedoen. De "
    "casemanager dementie kan daar een rol in vervullen.",
    "Voor mensen met een psychische aandoening werkt het als er één contactpersoon is per "
    "gezin. De persoon met een psychische aandoening kan een ‘omgevingsplan’ maken en daarin "
    "precies beschrijven wat er moet gebeuren als de verwardheid toeslaat. In dat "
    "omgevingsplan staan namen, telefoonnummers van de contactpersoon in de straat en in het "
    "gezin, beschreven wordt wat de rol van de buren is, wat de rol van het gezin is. Dit "
    "omgevingsplan kan onderdeel uitmaken van het wijkplan.",
    "Bruggebouwers zijn actieve inwoners die een brug slaan naar kwetsbare ouderen.",
]

# "Wat is er niet en willen we vernieuwen?" The last three items stand in a narrow column
# next to the picture in the PDF; they continue this list.
RENEW_2019 = [
    "Minder zorgen en meer participeren naar vermogen; het bedrijfsleven betrekken om "
    "kwetsbare inwoners op te nemen. De plekken waar het gewone leven zich afspeelt (werk, "
    "sportvereniging, school) versterken met expertise, training en begeleiding.",
    "Inloophuizen voor en door mensen met dementie in het voorstadium. Naar voorbeeld van de "
    "Odense huizen.",
    "Laagdrempelig personenvervoer met fietstaxi’s of golfkarretjes voor eenvoudige ritjes "
    "naar de markt. Gerund door vrijwilligers of inwoners.",
    "Vrijwilligerswerk ‘kleiner’ maken; ga even met je buur het 8-uur journaal kijken of maak "
    "een ontbijtje voor iemand.",
    "Intramurale locaties van verpleegzorg, beschermd wonen, tot GGZ zorg, kunnen een relatie "
    "met de buurt maken. Dat vraagt een transformatie naar buurtgerichte collectieve plekken "
    "waar mensen uit de buurt terecht kunnen als vrijwilliger, om koffie te drinken of waar ze "
    "een hapje mee eten.",
]

# "Wat willen we verlaten omdat het niet werkt?"
LEAVE_2019 = [
    "De gemeentelijke financiële structuur van toewijzingen, potjes, geldstromen, subsidies- "
    "en schotten daarin.",
    "Door de financiële schotten en rapportages komt samenwerking niet tot zijn recht.",
    "Maak van de handelingsverlegenheid die we allemaal voelen, een collectieve ervaring door "
    "het te delen.",
    "Er is veel aanbod, maar is er ook een vraag? Hebben we er oog voor dat aanbod ook een "
    "aanzuigende werking kan hebben?",
    "Versnippering, gebrek aan samenhang tussen alle activiteiten en aanbod.",
    "Ga als professional naast een vrijwilliger staan en niet erboven.",
    "Onnodige regels en registratie.",
    "Dubbelingen in het aanbod.",
    "Keukentafelgesprekken door zorgaanbieders. Het sociaal wijkteam doet dat.",
    "Traditionele vormen van daginvulling op werkdagen loslaten. Eenzaamheid en behoefte aan "
    "contact speelt vooral ’s avonds en in het weekend.",
    "Cliënten gaan naar activiteiten van de ‘eigen’ organisatie. Dit draagt niet bij aan "
    "normaliseren.",
    "Noem kinderen en jongeren geen achterstandskinderen. Denk aan de impact die dat heeft op hen.",
    "De Wij-Zij cultuur en logica op alle niveaus: jong versus oud, organisaties onderling, "
    "informeel-formeel, de verschillende wetten voor jeugd, participatie, langdurige zorg of "
    "maatschappelijke ondersteuning.",
]

FOUR_VS_INTRO_2019 = (
    "De vier V’s: Vasthouden, Versterken, Vernieuwen, Verlaten. Het verslag noemt vasthouden "
    "en versterken samen, onder de vraag ‘Wat willen we vasthouden of versterken?’. Die "
    "punten staan daarom allemaal bij Vasthouden. Bij Vernieuwen staat wat de deelnemers "
    "noemden bij ‘Wat is er niet en willen we vernieuwen?’ en bij Verlaten wat zij noemden bij "
    "‘Wat willen we verlaten omdat het niet werkt?’."
)

BODY_2019 = [
    paragraph(
        "23 april zaten we om de tafel met ruim 80 deelnemers om in 3 rondes te praten over "
        "samenspel in het sociaal domein. De deelnemers waren afkomstig uit welzijn, zorg, "
        "sport, vrijwilligerswerk, de kerken."
    ),
    key_figures([("ruim 80", "deelnemers"), ("3", "gespreksrondes")]),
    call_out("Welk jaar?", YEAR_NOTE_2019),
    heading("Inwoners centraal"),
    paragraph(
        "De inwoners van Zwolle vormen het uitgangspunt voor het samenspel tussen "
        "(vrijwilligers)organisaties, tussen formele en informele zorg, tussen inwoners, "
        "vrijwilligers en professionals; voor hen doen we het immers.",
        "We hebben de collectieve opgave, geformuleerd aan de hand van de vragen van onze "
        "inwoners. Het gaat om:",
        items=[
            "Jeugd: zonder drempels van school naar werk, participatie en zelfstandig wonen.",
            "Mensen met een (psychische) beperking: een wijkgerichte aanpak voor kwetsbare "
            "inwoners.",
            "Vitaal en waardig oud worden: ouderen op het snijpunt van vitaal naar kwetsbaar.",
        ],
        after=[
            "Denken in opgaven helpt bij een integrale blik en het concreet maken wat we "
            "precies bedoelen met collectieve aanpakken."
        ],
    ),
    call_out(
        "Leidraad",
        "De leidraad voor alle inwoners is: Herstel van het gewone leven, in het gewone leven. "
        "Aan de hand van dit motto zijn we met elkaar in gesprek gegaan.",
    ),
    heading("Observaties"),
    paragraph(
        "Een belangrijke observatie in álle gespreksrondes was: alle bouwstenen voor een "
        "sociale en zorgzame basis zijn aanwezig in Zwolle. Er is veel aanbod, praktijken, "
        "expertise, vrijwillige inzet, initiatieven.",
        "Alle bouwstenen zijn nog onvoldoende op elkaar geschakeld en blijven losse "
        "puzzelstukjes, de hele puzzel komt niet in beeld. Een netwerkaanpak kan alle "
        "bouwstenen verbinden.",
        "Of het nou over vervoer van senioren, vrijwilligerswerk, het maken van matches tussen "
        "vraag en aanbod of ondersteuning ging; tijdens de gesprekken ontstonden matches tussen "
        "mensen en activiteiten die tot dan toe nog niet van elkaar wisten wat ze doen.",
    ),
    quotes(QUOTES_2019),
    heading("Samenspel en wederkerigheid"),
    paragraph(
        "Welke prikkel leidt tot samenwerking? vroegen deelnemers elkaar in de sessies. Een "
        "aantal concrete suggesties:",
        items=[
            "Wederkerigheid afdwingen in contract of overeenkomst. Letterlijk ‘werk’ maken "
            "door SROI (social return).",
            "Koppel alle subsidies aan wederkerigheid. Vraag bij nieuwe subsidieovereenkomsten "
            "welke tegenprestatie de ontvangende partij voor de stad gaat leveren.",
            "Investeren in communicatie en zichtbaar maken.",
        ],
    ),
    heading("Omdenken"),
    paragraph(
        "Veelvuldig werd gevraagd om omdenken. Een paar voorbeelden:",
        items=[
            "Kunnen we hulpverleners vragen op te houden met ‘hulp te verlenen’. De reflex om "
            "als hulpverlener een probleem op te lossen, kan worden omgezet in de vraag: wat is "
            "er al geregeld en hoe kan deze inwoner hier gebruik van maken? Zorg dat "
            "hulpverleners toegerust zijn om samen met de omgeving van een jongere of ouder de "
            "weg te vinden die past.",
            "Laten we het zorggeld besteden aan bedrijven en (sport)verenigingen en hen "
            "supporten tot het vasthouden van jongeren en kwetsbare inwoners. Met begeleiding "
            "door een vertrouwenspersoon uit het voorveld op normale werk- en "
            "vrijwilligersplekken.",
            "Wethouders kunnen bedrijvennetwerken versterken door een actieve benadering en "
            "lobby bij bedrijven.",
            "Check je mindset! Denk niet in kwetsbare mensen maar vraag hen: wat kunt u "
            "betekenen voor Zwolle?",
            "Ga ervan uit dat mensen liever hun passie willen delen met anderen, in plaats van "
            "naar een vorm van dagbesteding te gaan die hierbij niet aansluit.",
            "Verlaat je werkplek. Schuif eens aan bij het sociaal wijkteam. Loop een "
            "snuffelstage bij elkaar, ga in elkaars schoenen staan. Vraag je dan af: wat heeft "
            "die ander van mij nodig om zijn werk goed te kunnen doen?",
        ],
    ),
    heading("Ouderen"),
    paragraph(
        "Ouderen worden geconfronteerd met rouw, verlies, pijn en verdriet. Zij leveren in hoog "
        "tempo steeds meer in aan zelfstandigheid, mobiliteit, fysieke kracht, netwerken, "
        "partner. Heb oog voor dit proces. De kernvraag voor senioren is: Hoe richt ik mijn "
        "leven in? De primaire aandacht gaat niet uit naar een product als respijtzorg, maar "
        "bijvoorbeeld naar het goede gesprek over rouw en verlies."
    ),
    call_out_html(
        "Een andere kernvraag",
        "<p>In het gesprek werd de kernvraag voor vitaal en waardig oud worden veranderd van: "
        "<i>Hoe kunnen we ervoor zorgen dat ouderen langer zelfstandig kunnen wonen?</i> in: "
        "<i>Hoe organiseer ik mijn leven?</i></p>",
    ),
    # The four V's block renders its own heading "De vier V's".
    four_vs(
        intro=FOUR_VS_INTRO_2019,
        hold=HOLD_OR_STRENGTHEN_2019,
        renew=RENEW_2019,
        leave=LEAVE_2019,
    ),
    heading("Plaat bij het verslag"),
    paragraph(
        "In het verslag staat een plaat. Dit zijn de onderdelen die erop staan, in de volgorde "
        "van de plaat. Hoe de onderdelen op de plaat ten opzichte van elkaar staan, is hier niet "
        "overgenomen.",
        items=[
            "Specialistische hulp.",
            "Zelfredzaamheid en ondersteuning uit de omgeving.",
            "Basisinfrastructuur.",
            "Maatschappelijk voorveld: welzijn- en zorgorganisaties met een publieke taak en "
            "opdracht van de gemeente. Basis voor de opdracht is Participatiewet, Jeugdwet, of "
            "Wet publieke gezondheid.",
            "Maatschappelijk voorveld; onverplicht, vanuit het hart. Buren, initiatieven, "
            "mantelzorgers, vrijwilligersorganisaties, maatjes-projecten, de kerken.",
            "Sociaal Wijkteam Zwolle.",
        ],
    ),
    heading("Reflectie"),
    paragraph(
        "De bijeenkomst en alles wat er gezegd is, leidt tot de volgende reflecties:",
        "Zwolle staat op een kruispunt. Intensiever werken aan hybridisering tussen wijkteams en "
        "informele partijen? Of ervoor kiezen om de wisselwerking tussen informeel en formeel "
        "niet zozeer bij sociale wijkteams te leggen, maar bij de sociale basis (een breed en "
        "laagdrempelig aanbod van buurtinitiatieven, vrijwilligersorganisaties en professionele "
        "voorzieningen gericht op ontmoeting, vroegsignalering en lichte ondersteuning)?",
        "Het samenspel tussen maatschappelijke organisaties is een middel om tot betere "
        "resultaten te komen ten behoeve van de inwoners. De intrinsieke motivatie ligt bij "
        "organisaties en impliceert een onderlinge afhankelijkheid. Samenspel is zeker niet "
        "makkelijk en vraagt het overstijgen van eigen (organisatie)belangen.",
        "Wat staat samenspel in de weg? De gemeente wil met organisaties kijken waar we "
        "drempels kunnen wegnemen en samenspel mogelijk maken.",
        "Het denken in opgaven helpt bij een integrale blik en het concreet maken wat we "
        "precies bedoelen met collectief aanpakken. Maar hoe doe je dat: sturen op opgaven die "
        "de verschillende kokers en wetten overstijgen?",
    ),
]

MEETING_2019 = {
    "slug": "veldbijeenkomst-samenspel-sociaal-domein-2019",
    "title": "Veldbijeenkomst Samenspel in het sociaal domein",
    "meeting_type": "veldbijeenkomst",
    "date": datetime.date(2019, 4, 23),
    "start_time": None,
    "end_time": None,
    "location": "",
    "participant_count": 80,
    "participant_count_qualifier": "ruim",
    "themes": [
        t.INTERPLAY,
        t.SOCIAL_BASE,
        t.YOUTH,
        t.ELDERLY,
        t.DISABILITY,
        t.WORK,
        t.VOLUNTEERS,
    ],
    "participant_groups": [
        (
            "Actieve initiatiefnemers",
            "Zij willen mee praten en doen over hoe participatie is geregeld in Zwolle.",
        ),
        (
            "Actieve inwoners",
            "Zij praten formeel al mee in de Participatieraad en zien deze bijeenkomst als een "
            "extra platform om hun stem te laten horen.",
        ),
        (
            "Vrijwilligers en informele zorgers",
            "Zij verlenen ondersteuning als maatje, buddy, begeleider.",
        ),
        (
            "Professionals",
            "Zij werken in het welzijnsveld of bij zorgorganisaties.",
        ),
    ],
    "summary": (
        "Op 23 april 2019 praatten ruim 80 deelnemers uit welzijn, zorg, sport, "
        "vrijwilligerswerk en de kerken in 3 rondes over samenspel in het sociaal domein. "
        "De belangrijkste observatie: alle bouwstenen voor een sociale en zorgzame basis zijn "
        "aanwezig in Zwolle, maar ze zijn nog onvoldoende op elkaar geschakeld. Het verslag "
        "noemt geen jaar; wij gaan uit van 2019 (zie ‘Welk jaar?’)."
    ),
    "search_description": (
        "Verslag van de veldbijeenkomst over samenspel in het sociaal domein in Zwolle, "
        "23 april 2019: observaties, uitspraken van deelnemers en de vier V’s."
    ),
    "body": BODY_2019,
    "sources": [SOURCE_2019, SOURCE_2019_YEAR, SOURCE_2019_AGENDA],
}

# ---------------------------------------------------------------------------------------------
# 9 May 2022: "ontmoet en groet", as the letter of 17 June 2022 describes it
# ---------------------------------------------------------------------------------------------

# The headings of the letter of 17 June 2022, in its order (without "Tot slot").
ADVICE_SUBJECTS_2022 = [
    "Betekenisvolle sociale contacten",
    "Zelfredzaam leven",
    "Sterke sociale basis",
    "Armoede",
    "Sociale kaart",
    "Samenwerking",
    "Inwonerbetrokkenheid",
    "Betekenisvolle dagbesteding",
]

BODY_2022 = [
    paragraph(
        "Op 9 mei 2022 organiseerde de Participatieraad Zwolle een ‘ontmoet en groet’. Het "
        "thema van de middag was: ‘versterken sociale basis’.",
        "Er waren zo’n 70 mensen aanwezig: mensen uit het werkveld, vertegenwoordigers van "
        "belangenorganisaties (cliënten/patiënten), Zwolse inwoners, leden van de gemeenteraad, "
        "een medewerker van de gemeente en wethouder Van Willigen.",
    ),
    key_figures([("ongeveer 70", "aanwezigen")]),
    heading("De visie van het college"),
    paragraph(
        "Het college heeft in de Hervormingsagenda Sociaal Domein een visie op de sociale basis "
        "geschreven. Daarin staat: ‘De sociale basis bestaat voor het grootste gedeelte uit "
        "mensen die voor zichzelf en elkaar zorgdragen en met elkaar een gemeenschap vormen.’ "
        "Het college heeft daarbij drie ambities:",
        items=[
            "Inwoners hebben betekenisvolle sociale contacten en daginvulling.",
            "Inwoners zijn vitaal en gezond.",
            "Inwoners hebben gelijke kansen op een zelfredzaam leven.",
        ],
    ),
    heading("Wat we hoorden"),
    paragraph(
        "In verschillende groepen werd gezegd dat zowel professionals als inwoners niet weten "
        "welk aanbod er is in de sociale basis in Zwolle.",
        "Het college wil de beweging maken ‘van apart naar gewoon’. De Participatieraad en de "
        "aanwezigen tijdens de ‘ontmoet en groet’ ondersteunen deze beweging van harte.",
    ),
    heading("Wat de raad ermee deed"),
    paragraph(
        "Tijdens de ‘ontmoet en groet’ zijn aanbevelingen opgehaald. De Participatieraad heeft "
        "die op 17 juni 2022 in een advies aan het college van burgemeester en wethouders "
        "gestuurd, met als onderwerp ‘Sterke sociale basis’. De aanbevelingen gaan over:",
        items=ADVICE_SUBJECTS_2022,
    ),
]

MEETING_2022 = {
    "slug": "ontmoet-en-groet-sterke-sociale-basis-2022",
    "title": "Ontmoet en groet: versterken sociale basis",
    "meeting_type": "ontmoet-en-groet",
    "date": datetime.date(2022, 5, 9),
    # The letter says "middag": no exact time. The location is not known.
    "start_time": None,
    "end_time": None,
    "location": "",
    "participant_count": 70,
    "participant_count_qualifier": "ongeveer",
    "themes": [t.SOCIAL_BASE, t.POVERTY, t.WORK, t.INVOLVEMENT],
    "participant_groups": [
        ("Mensen uit het werkveld", ""),
        (
            "Vertegenwoordigers van belangenorganisaties",
            "Vertegenwoordigers van cliënten- en patiëntenorganisaties.",
        ),
        ("Zwolse inwoners", ""),
        ("Leden van de gemeenteraad", ""),
        ("Gemeente", "Een medewerker van de gemeente en wethouder Van Willigen."),
    ],
    "summary": (
        "Op 9 mei 2022 organiseerde de Participatieraad Zwolle een ‘ontmoet en groet’ over het "
        "versterken van de sociale basis, met ongeveer 70 aanwezigen. De aanbevelingen van die "
        "middag stuurde de raad op 17 juni 2022 als advies ‘Sterke sociale basis’ naar het "
        "college."
    ),
    "search_description": (
        "Ontmoet en groet van de Participatieraad Zwolle op 9 mei 2022 over het versterken van "
        "de sociale basis, met ongeveer 70 aanwezigen."
    ),
    "body": BODY_2022,
    "sources": [SOURCE_2022],
}

MEETINGS = [MEETING_2019, MEETING_2022]
