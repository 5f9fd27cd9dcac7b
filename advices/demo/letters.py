"""The demo advice letters, transcribed from the corpus.

Repairs are only of PDF extraction damage: lines broken in the middle of a sentence are joined,
double spaces and spaces before punctuation are gone, and a word split over two lines
("kosten- verhogend", "hulp- afhankelijkheid") is one word again. The council's own wording,
typos included ("Een sterkte sociale basis", "te actief te betrekken", "bevestigd"), stays.

Each recommendation keeps the council's words: the explanation goes in ``context``, the advising
sentence(s) in ``advice``. Paragraphs inside ``context`` or ``advice`` are separated by a blank
line and list items start with "- " on their own line (plain text, rendered with line breaks).
"""

import datetime
import zoneinfo
from dataclasses import dataclass, field

from django.utils.html import escape

from home.demo import themes as t

SOURCE_2022 = "advies-sterke-sociale-basis-2022-06-17.txt"
SOURCE_2019 = "advies-aandachtspunten-samenspel.txt"
SOURCE_2019_REPLY = "collegereactie-plan-van-aanpak-samenspel.txt"
SOURCE_VISION = "visie-sociale-basis-presentatie.txt"

# The demo accounts of home.demo.accounts that write and send the letters.
MEMBER = "raadslid"
SECRETARY = "secretaris"

CHAIR = "Aljona Wertheim"

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def on(year, month, day, hour=10, minute=0):
    """A moment in Zwolle, to date a draft or a step of a letter entered after the fact."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


def p(*paragraphs):
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


def ol(*items):
    return "<ol>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ol>"


def ul(*items):
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def lines(*items):
    """A plain-text list for ``context`` or ``advice``."""
    return "\n".join(f"- {item}" for item in items)


@dataclass(frozen=True)
class Rec:
    """One recommendation as it stands in the sent letter, and how it read in earlier drafts.

    ``since`` is the draft version in which it first appears. ``drafts`` maps a version to the
    ``(context, advice)`` it had then; a version without an entry takes the next later entry,
    or the final text. So ``{2: X}`` means: X in versions 1 and 2, the final text from 3 on.
    """

    heading: str
    advice: str
    context: str = ""
    since: int = 1
    drafts: dict = field(default_factory=dict)

    def text_at(self, version):
        """``(context, advice)`` in draft ``version``, or None if not in the letter yet."""
        if version < self.since:
            return None
        later = sorted(v for v in self.drafts if v >= version)
        return self.drafts[later[0]] if later else (self.context, self.advice)


@dataclass(frozen=True)
class Draft:
    """One saved version of the letter's text, before it goes to the secretary."""

    author: str  # username of a demo account
    reason: str  # the change reason in the version history
    introduction: str | None = None  # None: the letter's final introduction
    closing: str | None = None  # None: the letter's final closing
    at: datetime.datetime | None = None  # when it was saved; None: when the demo is loaded


@dataclass(frozen=True)
class DemoLetter:
    reference: str | None  # None: proposed on creation (PR-<year>-NN); found again by subject
    date: datetime.date | None  # None: the day the demo is loaded
    subject: str
    addressee: str
    salutation: str
    introduction: str
    closing: str
    signatory_name: str
    signatory_role: str
    themes: list
    meetings: list  # slugs of MeetingPages from home.demo.meetings
    recommendations: list
    drafts: list  # Draft per saved version; the last one is the final text
    # (action, username, reason, at): ``at`` dates the step (advices.actions.transition), so a
    # letter of 2019 is sent in 2019 and its reply term runs from then.
    transitions: list = field(default_factory=list)
    sources: list = field(default_factory=list)
    # The number of the demo request (advices.demo.requests) the letter answers: gevraagd
    # advies. None: ongevraagd. Set before the letter is adopted: it is part of its frozen text.
    answers: str | None = None

    def recommendations_at(self, version):
        """The recommendations of draft ``version`` (1-based), as (rec, context, advice)."""
        found = []
        for rec in self.recommendations:
            text = rec.text_at(version)
            if text is not None:
                found.append((rec, *text))
        return found


ADDRESSEE_ZWOLLE = (
    "Aan het college van burgemeester en wethouders\n"
    "van de gemeente Zwolle\n"
    "Postbus 10007\n"
    "8000 GA Zwolle"
)

CLOSING_2022 = p(
    "Mocht ons advies aanleiding geven tot vragen of opmerkingen dan horen we dat graag."
)

# =============================================================================================
# 17 June 2022: "Sterke sociale basis", after the ontmoet en groet of 9 May 2022
# =============================================================================================
#
# kind: ongevraagd. The letter gives the advice the council gathered at its own meeting and
# mentions no request of the college.
#
# Splitting: one recommendation per bullet, and per advice where a bullet (or the paragraph
# that follows it without a bullet) holds two distinct advices that each stand alone:
# buurtinitiatieven / campagne, informatiepakketten / vertrouwenspersonen, apart naar gewoon /
# duidelijk zijn wat mogelijk is, SWT / huisartsen, wijkmanagers / premie op samenwerking,
# verbinders / ontschotting. Not split where the second advice leans on the first
# ("Ondersteun deze groepen ...", "En vraag aan professionals ...", "Wanneer dit vraagt om ...").
# The first bullet of "Sociale kaart" restates the college's vision and advises nothing: it is
# the context of the next one. The passage on the advice of November 2019 and the college's
# reply ends in a question ("Wij horen graag ..."): that question is the recommendation.
#
# The drafts (versions 1 and 2, and their wording) are CONSTRUCTED FOR THE DEMO, so that the
# version history and the redline show something real. They are reductions and rewordings of
# the sent text, in the council's own words; they add no facts. Only the final version is the
# letter as it was sent.

BC = "Betekenisvolle sociale contacten"
ZL = "Zelfredzaam leven"
SSB = "Sterke sociale basis"
AR = "Armoede"
SK = "Sociale kaart"
SW = "Samenwerking"
IB = "Inwonerbetrokkenheid: van zorgen voor naar zorgen dat"
BD = "Betekenisvolle dagbesteding"
TS = "Tot slot"

RECOMMENDATIONS_2022 = [
    # -- Betekenisvolle sociale contacten ------------------------------------------------------
    Rec(
        BC,
        "Wij adviseren u om initiatieven op buurtniveau, georganiseerd door de bewoners zelf, "
        "te stimuleren zodat mensen elkaar in hun eigen omgeving kunnen ontmoeten.",
    ),
    Rec(
        BC,
        context=(
            "Mensen zijn niet bij voorbaat gewend om naar elkaar om te zien, mede omdat "
            "buurtbewoners elkaar niet altijd kennen. Dit vraagt om een omslag in het omgaan "
            "met elkaar. Daarbij zijn mensen soms verleerd om hulp te vragen, aan de andere "
            "kant zijn mensen bang om hulp aan te bieden."
        ),
        advice=(
            "Wij adviseren u om in te zetten, bijvoorbeeld met een campagne, in het omzien "
            "naar elkaar."
        ),
        drafts={
            1: (
                "",
                "Wij adviseren u om in te zetten op het omzien naar elkaar, bijvoorbeeld met "
                "een campagne.",
            ),
            2: (
                "Mensen zijn niet gewend om naar elkaar om te zien. Dit vraagt om een omslag "
                "in het omgaan met elkaar.",
                "Wij adviseren u om in te zetten op het omzien naar elkaar, bijvoorbeeld met "
                "een campagne.",
            ),
        },
    ),
    Rec(
        BC,
        "Stimuleer daarnaast welzijnsorganisaties om laagdrempelige buurtactiviteiten aan te "
        "bieden zoals bijvoorbeeld al georganiseerd wordt in Buurtcafé Holtenbroek en informeer "
        "de inwoners, in de betreffende buurt, huis-aan-huis met bijvoorbeeld flyers in diverse "
        "talen.",
        drafts={
            1: (
                "",
                "Stimuleer welzijnsorganisaties om laagdrempelige buurtactiviteiten aan te "
                "bieden, zoals in Buurtcafé Holtenbroek.",
            ),
        },
    ),
    Rec(
        BC,
        context=(
            "Ook zijn er veel alleengaanden in Zwolle die het moeilijk vinden om een stap naar "
            "‘buiten’ te zetten. Mede vanwege de Corona pandemie zijn contacten steeds vaker "
            "digitaal, de vereenzaming en angst voor het aangaan van contacten is hierdoor "
            "toegenomen."
        ),
        advice=(
            "Wij adviseren u om de inwoner in zijn eigen omgeving op te zoeken en in te zetten "
            "op het aangaan van persoonlijke contacten."
        ),
        drafts={
            1: (
                "",
                "Wij adviseren u om de inwoner in zijn eigen omgeving op te zoeken en in te "
                "zetten op het aangaan van persoonlijke contacten.",
            ),
        },
    ),
    Rec(
        BC,
        "Stimuleer ook de welzijnsorganisaties dit om inwoners op te zoeken. Het mooie "
        "voorbeeld “Vitaal en veilig thuis” zou kunnen worden uitgerold naar andere (moeilijk "
        "bereikbare) inwoners.",
        since=2,
    ),
    Rec(
        BC,
        "Ook adviseren wij u om als gemeente in te zetten op informatiepakketten en die "
        "persoonlijk aan te bieden zodat de inwoner geïnformeerd wordt over het aanbod zorg, "
        "welzijn, sport en cultuur in de gemeente (geboorte, verhuizing, nieuwkomer, 18 jaar) "
        "en persoonlijk contact heeft met een medewerker van de gemeente en of een "
        "welzijnsorganisatie.",
        drafts={
            2: (
                "",
                "Wij adviseren u om in te zetten op informatiepakketten over het aanbod zorg, "
                "welzijn, sport en cultuur in de gemeente, en die persoonlijk aan te bieden.",
            ),
        },
    ),
    Rec(
        BC,
        context="Veel burgers zijn het vertrouwen in de (lokale) overheid kwijt.",
        advice=(
            "Daarbij adviseren wij u om ook gebruik te maken van vertrouwenspersonen (kerk, "
            "moskee, sportclub), zij kunnen een rol spelen in het contact leggen."
        ),
        since=3,
    ),
    # -- Zelfredzaam leven --------------------------------------------------------------------
    Rec(
        ZL,
        context=(
            "Uw ambitie is om in te zetten op gelijke kansen voor een zelfredzaam leven. Een "
            "mooi streven. Om zelfredzaam te zijn moet je de weg weten, de taal kennen en "
            "gemotiveerd zijn. Bovendien kan een klein persoonlijk netwerk zelfredzaamheid "
            "hinderen."
        ),
        advice=(
            "Wij adviseren u om in samenwerking met het SWT, de huisarts, welzijnswerk en ook "
            "andere partijen zoals de kerk, moskee en het verenigingsleven te betrekken om "
            "kwetsbare inwoners te bereiken en waar nodig te ondersteunen."
        ),
        drafts={
            1: (
                "Om zelfredzaam te zijn moet je de weg weten, de taal kennen en gemotiveerd zijn.",
                "Wij adviseren u om samen met het SWT, de huisarts, welzijnswerk, de kerk, "
                "moskee en het verenigingsleven kwetsbare inwoners te bereiken en waar nodig "
                "te ondersteunen.",
            ),
        },
    ),
    Rec(
        ZL,
        context=(
            "Ook wordt er tegenwoordig veel digitaal aangeboden aan en gevraagd van inwoners. "
            "Niet iedereen is in staat, ouderen om deze digitalisering te volgen. Denk aan "
            "ouderen of mensen met een andere taal. Voorheen was bijvoorbeeld “de Peperbus” het "
            "huis aan huisblad waarin veel initiatieven gemeld werden."
        ),
        advice=(
            "Wij adviseren u om huis-aan-huisbladen en wijkkranten te blijven gebruiken voor "
            "informatie aan inwoners naast het digitale aanbod."
        ),
        drafts={
            1: (
                "Niet iedereen kan de digitalisering volgen.",
                "Wij adviseren u om naast het digitale aanbod ook huis-aan-huisbladen en "
                "wijkkranten te gebruiken.",
            ),
        },
    ),
    Rec(
        ZL,
        context=(
            "U geeft aan in te willen zetten op de beweging van apart naar gewoon. De "
            "Participatieraad en de aanwezigen tijdens de ‘Ontmoet en Groet’ ondersteunen deze "
            "beweging van harte."
        ),
        advice=(
            "Wij adviseren u in te zetten op het stimuleren van inwoners dat het laten zien dat "
            "je hulp en ondersteuning nodig hebt normaal is. Openheid is belangrijk, schaamte is "
            "niet nodig."
        ),
        drafts={
            1: (
                "",
                "Wij adviseren u om inwoners te stimuleren dat het normaal is om te laten zien "
                "dat je hulp en ondersteuning nodig hebt.",
            ),
        },
    ),
    Rec(
        ZL,
        context=(
            "Ook hebben mensen niet altijd helder wat ze nodig hebben aan ondersteuning. Soms "
            "verwachten mensen veel en vinden zij dat ze ergens recht op hebben. Deze "
            "vanzelfsprekendheid is niet altijd realistisch."
        ),
        advice="Tegelijkertijd adviseren wij u om duidelijk te zijn over wat er mogelijk is.",
        since=2,
    ),
    # -- Sterke sociale basis -----------------------------------------------------------------
    Rec(
        SSB,
        context=(
            "Een sterkte sociale basis in Zwolle is een ideaal waar iedere organisatie naar toe "
            "zou moeten werken als stip op de horizon. Wij geven u daarbij de volgende "
            "aandachtspunten mee:"
        ),
        advice=(
            "Er wordt veel verwacht van de samenleving, maar helemaal zonder de hulp van "
            "organisaties, zal het voor sommige inwoners lastig zijn. Er moet maatwerk zijn."
        ),
        drafts={1: ("", "Er wordt veel verwacht van de samenleving. Er moet maatwerk zijn.")},
    ),
    Rec(
        SSB,
        "De sociale basis is een natuurlijke wisselwerking tussen buurtgenoten. Het verschilt "
        "per wijk, per school, per sportvereniging. Als er een paar actieve mensen in de wijk "
        "wonen, pakken ze het op en maken de buurt/school/sportvereniging enthousiast. Als deze "
        "natuurlijke aanjagers er niet zijn, wordt het lastig. Veel mensen zijn op hun eigen "
        "leven gericht, werken of studeren niet in de buurt, hun sociale contacten spelen zich "
        "vaak niet in de wijk af.",
        since=2,
    ),
    Rec(
        SSB,
        context=(
            "Er zijn geen kosten verbonden aan deze bijeenkomsten maar veel "
            "lotgenotencontactgroepen kunnen niet meer door omdat de huurprijzen voor een "
            "locatie sterk stijgt en men geen budget heeft. Er is behoefte aan deze vorm van "
            "ondersteuning die voor de gemeente weinig kost maar een grote impact kan hebben op "
            "inwoners en zeker bij kan dragen aan een sterke sociale basis."
        ),
        advice=(
            "We adviseren u om lotgenotencontactgroepen zoals de AA, beter bekend te maken en "
            "het SWT en andere partners vaker door te laten verwijzen naar deze partners. "
            "Ondersteun deze groepen die zonder professionals elkaar helpen en versterken door "
            "een ruimte aan te bieden waar zij kosteloos bijeen kunnen komen."
        ),
        drafts={
            1: (
                "",
                "We adviseren u om lotgenotencontactgroepen zoals de AA beter bekend te maken "
                "en deze groepen een ruimte aan te bieden waar zij kosteloos bijeen kunnen "
                "komen.",
            ),
        },
    ),
    # -- Armoede ------------------------------------------------------------------------------
    Rec(
        AR,
        context=(
            "Voor deelname aan (sport)verenigingen kan armoede een drempel vormen. Er zijn wel "
            "fondsen om daarmee te helpen, mensen hebben echter vaak schaamte om te vragen. Dit "
            "belemmert mensen om mee te doen. Het participatiefonds is er slechts voor mensen "
            "tot 65, daarna is er geen financiële ondersteuning meer via fondsen, daardoor is "
            "het zelfs soms onmogelijk vanwege contributie om lid te worden van een ouderenbond "
            "en dan deel te kunnen nemen aan de activiteiten."
        ),
        advice=(
            "Wij adviseren u om alle inwoners van Zwolle de mogelijkheid te bieden deel te "
            "kunnen nemen aan sociale activiteiten, ongeacht de leeftijd, om hun netwerk te "
            "vergroten. Wanneer dit vraagt om het wegnemen van financiële belemmeringen "
            "adviseren wij u deze weg te nemen."
        ),
        drafts={
            2: (
                "Voor deelname aan (sport)verenigingen kan armoede een drempel vormen. Het "
                "participatiefonds is er slechts voor mensen tot 65.",
                "Wij adviseren u om alle inwoners van Zwolle de mogelijkheid te bieden deel te "
                "kunnen nemen aan sociale activiteiten, ongeacht de leeftijd.",
            ),
        },
    ),
    # -- Sociale kaart (added in version 2) ---------------------------------------------------
    Rec(
        SK,
        context=(
            "U geeft in uw visie aan, professionele ondersteuning in te willen zetten om mensen "
            "te ondersteunen in het versterken van eigen kracht onder andere door hen toe te "
            "leiden naar het aanbod in Zwolle en activiteiten en initiatieven met elkaar te "
            "verbinden.\n\n"
            "Tijdens de ‘Ontmoet en Groet’ werd in verschillende groepen aangegeven dat bij "
            "zowel professionals als bij inwoners niet bekend is welke aanbod er is in de "
            "sociale basis in Zwolle. Binnen Zwolle lijkt er voldoende aanwezig te zijn om "
            "mensen te ondersteunen naar een stevige basis, maar weten organisaties van elkaar "
            "niet dat ze bestaan, laat staan dat mensen die de sociale basis missen, de juiste "
            "weg weten te vinden. Veel organisaties vissen in dezelfde vijver. Voor de cliënten "
            "kan het verwarrend zijn. Er is zoveel moois in Zwolle dat inwoners en "
            "professionals de weg kwijt raken."
        ),
        advice="Wij adviseren u om als gemeente hierin de regie te nemen.",
        since=2,
        drafts={
            2: (
                "Tijdens de ‘Ontmoet en Groet’ werd aangegeven dat bij zowel professionals als "
                "bij inwoners niet bekend is welke aanbod er is in de sociale basis in Zwolle. "
                "Organisaties weten van elkaar niet dat ze bestaan.",
                "Wij adviseren u om als gemeente de regie te nemen.",
            ),
        },
    ),
    Rec(
        SK,
        context="Zowel inwoners als professionals moeten weten welk aanbod er is.",
        advice=(
            "Wij adviseren u om alle inwoners en professionals te informeren in duidelijke, "
            "begrijpelijke en toegankelijke taal over de mogelijkheden die er zijn in Zwolle."
        ),
        since=2,
    ),
    Rec(
        SK,
        context="Veel mensen weten de weg niet en vinden het moeilijk om ergens aan te kloppen.",
        advice=(
            "Wij adviseren u om buddy’s in te zetten die deze inwoners helpt bij het vinden van "
            "de juiste loketten."
        ),
        since=2,
    ),
    Rec(
        SK,
        context="Veel inwoners kennen het SWT niet of vinden de drempel te hoog.",
        advice="Wij adviseren u om het SWT meer bekendheid te geven en de drempel te verlagen.",
        since=2,
    ),
    Rec(
        SK,
        context="Zij hebben laagdrempelig contact met veel inwoners.",
        advice=(
            "Daarnaast adviseren wij u de huisartsen te actief te betrekken om die sterke "
            "sociale basis te helpen te krijgen."
        ),
        since=3,
    ),
    Rec(
        SK,
        context=(
            "In november 2019 heeft de Participatieraad u geadviseerd rondom de "
            "Hervormingsagenda waar het versterken sociale basis onderdeel van uit maakt. De "
            "participatieraad adviseerde toen om te inventariseren welke organisatie waarmee "
            "bezig is. Zowel van betaalde organisaties als vrijwilligersorganisaties, zodat "
            "overlap kan worden teruggebracht en een efficiëntieslag gemaakt wordt. Daarnaast "
            "adviseerde de participatieraad om meer in te zetten op het Right to Challenge.\n\n"
            "Uw reactie was: De inventarisatie van de bestaande organisaties en waar ze mee "
            "bezig zijn, staat gepland voor het eerste kwartaal in 2020. We onderschrijven de "
            "noodzaak om de uitkomsten af te zetten tegen de beoogde resultaten. Van daaruit "
            "kunnen we waar nodig een efficiëntieslag maken om gerichter te sturen in het "
            "belang van de inwoner."
        ),
        advice=(
            "Wij horen graag wat er tot nu toe is gedaan en bereikt en of en welke plannen u "
            "eventueel hebt voor de nabije toekomst."
        ),
        since=2,
        drafts={
            2: (
                "In november 2019 heeft de Participatieraad u geadviseerd om te inventariseren "
                "welke organisatie waarmee bezig is.\n\n"
                "Uw reactie was: De inventarisatie van de bestaande organisaties en waar ze mee "
                "bezig zijn, staat gepland voor het eerste kwartaal in 2020.",
                "Wij horen graag wat er tot nu toe is gedaan en bereikt.",
            ),
        },
    ),
    # -- Samenwerking (added in version 2) ----------------------------------------------------
    Rec(
        SW,
        context=(
            "U geeft aan de beweging in te willen zetten van individuele zorg naar het "
            "samenbrengen van vragen. Dit vraagt enerzijds om een goede sociale kaart en de "
            "kennis van die kaart bij professionals, informele organisaties en inwoners. "
            "Anderzijds van een goede samenwerking.\n\n"
            "Samenwerking kost tijd, tijd is geld. Niet iedere organisatie krijgt "
            "samenwerkingstijd vergoed."
        ),
        advice=(
            "Wij adviseren u om te kijken naar welke samenwerking in de gemeente goed gaat "
            "(bijv. Pierik) en dit ook uit te voeren in andere wijken in samenwerking met "
            "inwoners. Leer van het samenwerken en kracht van spontane initiatieven."
        ),
        since=2,
        drafts={
            2: (
                "U geeft aan de beweging in te willen zetten van individuele zorg naar het "
                "samenbrengen van vragen. Dit vraagt om een goede samenwerking.",
                "Wij adviseren u om te kijken naar welke samenwerking in de gemeente goed gaat "
                "(bijv. Pierik) en dit ook uit te voeren in andere wijken.",
            ),
        },
    ),
    Rec(
        SW,
        "Wijkmanagers zijn de centrale figuren in een wijk, maak hen beter zichtbaar voor "
        "organisaties en bovenal voor inwoners.",
        since=2,
    ),
    Rec(
        SW,
        context=(
            "Verbinding tussen vrijwilligers en professionals brengt vaak veel tot stand, soms "
            "nog meer dan het oorspronkelijke doel. Meer samenwerking is wenselijk. "
            "Professionals werken soms wel samen maar inwoners met mooie initiatieven weten "
            "vaak niet van elkaars bestaan. Men vindt opnieuw een wiel uit. Zowel professionals "
            "als inwoners."
        ),
        advice=(
            "Stimuleer als gemeente samenwerking, zet bijvoorbeeld een premie op samenwerking."
        ),
        since=2,
    ),
    # -- Inwonerbetrokkenheid -----------------------------------------------------------------
    Rec(
        IB,
        context=(
            "De transformatie is ingezet van verzorgingsstaat naar participatie samenleving. "
            "Dit is bij organisaties/professionals bekend. Inwoners zijn hierin nog onvoldoende "
            "meegenomen."
        ),
        advice=(
            "Wij adviseren u uitdrukkelijk om de inwoner mee te nemen in de transformatie van "
            "zorgen voor naar zorgen dat."
        ),
        drafts={
            2: (
                "Inwoners zijn hierin nog onvoldoende meegenomen.",
                "Wij adviseren u om de inwoner mee te nemen in de transformatie van zorgen voor "
                "naar zorgen dat.",
            ),
        },
    ),
    Rec(
        IB,
        "Leg als gemeente het beleid duidelijk, begrijpelijk en toegankelijk uit en betrek de "
        "inwoners.",
    ),
    Rec(
        IB,
        context="Wat heeft de inwoner nodig om in zijn kracht te kunnen staan?",
        advice=(
            "Trek als gemeente samen op met (vrijwilligers)organisaties in het bevragen en "
            "betrekken van inwoners. En vraag aan professionals om naar een bijeenkomsten ook "
            "een inwoner mee te nemen. Hierdoor worden inwoners automatisch meer betrokken."
        ),
        since=2,
    ),
    # -- Betekenisvolle dagbesteding ----------------------------------------------------------
    Rec(
        BD,
        context="U geeft aan in te zetten op een betekenisvolle dagbesteding.",
        advice=(
            "Wij adviseren u om de organisaties die nu als taak hebben mensen met de afstand "
            "tot de arbeidsmarkt aan het werk te helpen om ook werkgevers te begeleiden en te "
            "ondersteunen nadat mensen bij een werkgever zijn geplaatst."
        ),
    ),
    Rec(
        BD,
        context=(
            "Mensen met een Wajong uitkering, mogen geen gebruik maken van de startbanen vanuit "
            "de gemeente (zij vallen onder het UWV)."
        ),
        advice=(
            "Wij adviseren u te onderzoeken of ook deze groep mensen ondersteuning kunnen "
            "krijgen en gebruik mogen maken van startbanen."
        ),
        drafts={
            1: (
                "",
                "Wij adviseren u te onderzoeken of ook mensen met een Wajong uitkering gebruik "
                "mogen maken van de startbanen vanuit de gemeente.",
            ),
        },
    ),
    Rec(
        BD,
        context="De arbeidsmarkt is niet inclusief.",
        advice=(
            "Vraag inwoners en werkgevers wat er nodig is om meer inclusief te kunnen zijn. "
            "Gebruik hun input om gezamenlijk te komen tot een meer inclusieve arbeidsmarkt "
            "waarbij iedereen ongeacht achtergrond van betekenis kan zijn."
        ),
        since=2,
    ),
    # -- Tot slot (added in version 3) --------------------------------------------------------
    Rec(
        TS,
        context=(
            "Wij ondersteunen uw visie en missie die u in de hervormingsagenda hebt verwoord. "
            "Echter horen en zien we knelpunten in de uitwerking er van."
        ),
        advice=(
            "Wij adviseren u om welzijnswerk, zorgaanbieders en ook kerken, moskeeën en "
            "verenigingen in te zetten als verbinders. Met als doel het aanjagen en ondersteunen "
            "van de sterke sociale basis."
        ),
        since=3,
    ),
    Rec(
        TS,
        "Zet tevens in op gemeentelijke ontschotting waardoor integrale benadering meer "
        "vanzelfsprekend wordt.",
        since=3,
    ),
    Rec(
        TS,
        context=(
            "Er is veel wantrouwen naar de overheid. De politiek heeft de taak om zich in de "
            "diversiteit van groepen te blijven verdiepen. De houding van de overheid t.o.v. de "
            "burger bevestigd zijn hulpafhankelijkheid. Er is veel wantrouwen naar mensen toe, "
            "veel regels zijn gebaseerd op wantrouwen en niet op belangen van mensen."
        ),
        advice=(
            "Wij adviseren u om in te zetten op het terugverdienen van vertrouwen door inwoners "
            "te betrekken en te luisteren naar wensen en behoeften. Ga naar de inwoners toe in "
            "de voor hen ‘eigen omgeving’."
        ),
        since=3,
    ),
]

INTRO_2022_MEETING = (
    "Op 9 mei 2022 organiseerde de Participatieraad Zwolle een “ontmoet en groet”. Tijdens deze "
    "bijeenkomst waren zo’n 70 mensen aanwezig variërend van mensen uit het werkveld, "
    "vertegenwoordigers van belangen (cliënten/patiënten)organisaties, Zwolse inwoners, leden "
    "van de gemeenteraad, een medewerker van de gemeente en wethouder van Willigen. Het thema "
    "van de middag was: ‘versterken sociale basis’."
)
INTRO_2022_VISION = (
    "U hebt in uw hervormingsagenda Sociaal Domein een visie geformuleerd met betrekking tot de "
    "sociale basis:",
    "De sociale basis bestaat voor het grootste gedeelte uit mensen die voor zichzelf en elkaar "
    "zorgdragen en met elkaar een gemeenschap vormen. (Professionele) ondersteuning is bedoeld "
    "om die kracht te versterken en een extra vangnet te bieden voor kwetsbare mensen. Bij "
    "voorkeur is dat regulier aanbod dat om die reden (nog) inclusiever en toegankelijker moet "
    "worden voor kwetsbaren. Zo werken we aan inclusiviteit. Het gaat ook om de verschuiving "
    "van individueel naar groepsaanbod. De rol van (professionele) ondersteuning is dan om dat "
    "te stimuleren, om mensen toe te leiden tot dit aanbod, en initiatieven en activiteiten met "
    "elkaar te verbinden. Minder gaat het om het zelf organiseren van nieuw aanbod. Krachtige "
    "samenleving betekent ook ruim baan voor inwonerinitiatieven en sociaal ondernemerschap.",
)
INTRO_2022_AMBITIONS = (
    p("Met de ambities:")
    + ol(
        "Inwoners hebben betekenisvolle sociale contacten en dag invulling",
        "Inwoners zijn vitaal en gezond",
        "Inwoners hebben gelijke kansen op een zelfredzaam leven.",
    )
    + p("met daarbij de gewenste beweging")
    + ul(
        "van apart naar gewoon",
        "van deelprobleem naar totaaloplossing",
        "van zorgen voor naar zorgen dat",
        "van individuele zorg naar samenbrengen vragen",
    )
)
INTRO_2022_END = (
    "Tijdens de ‘ontmoet en groet’ zijn aanbevelingen opgehaald die we u graag voorleggen in "
    "een advies."
)

LETTER_2022 = DemoLetter(
    reference="PR-2022-01",
    date=datetime.date(2022, 6, 17),
    subject="Sterke sociale basis",
    addressee=ADDRESSEE_ZWOLLE,
    salutation="Geacht College,",
    introduction=(
        p(INTRO_2022_MEETING, *INTRO_2022_VISION) + INTRO_2022_AMBITIONS + p(INTRO_2022_END)
    ),
    closing=CLOSING_2022,
    signatory_name=CHAIR,
    signatory_role="Voorzitter Participatieraad Zwolle",
    themes=[t.SOCIAL_BASE, t.POVERTY, t.WORK, t.INVOLVEMENT],
    meetings=["ontmoet-en-groet-sterke-sociale-basis-2022"],
    recommendations=RECOMMENDATIONS_2022,
    drafts=[
        # Constructed for the demo (see above): a first, shorter opzet by a council member.
        Draft(
            author=MEMBER,
            reason="Eerste opzet na de ontmoet en groet",
            introduction=p(
                "Op 9 mei 2022 organiseerde de Participatieraad Zwolle een “ontmoet en groet” "
                "met zo’n 70 aanwezigen. Het thema van de middag was: ‘versterken sociale "
                "basis’.",
                INTRO_2022_END,
            ),
            closing="",
            at=on(2022, 5, 23, 14),
        ),
        Draft(
            author=MEMBER,
            reason="Aanbevelingen Sociale kaart en Samenwerking toegevoegd",
            introduction=p(INTRO_2022_MEETING, *INTRO_2022_VISION, INTRO_2022_END),
            at=on(2022, 6, 1, 14),
        ),
        # The final text: the letter as sent.
        Draft(
            author=MEMBER, reason="Opmerkingen van de voorzitter verwerkt", at=on(2022, 6, 9, 14)
        ),
    ],
    # The letter is dated 17 June 2022 and is sent that day: the response term of six weeks
    # ends on 29 July 2022, and without a recorded reply it shows "reactie te laat". When it
    # was put forward and adopted is not known; the demo says 10 and 14 June 2022, and dates
    # the constructed drafts above (after the meeting of 9 May) in May and June 2022.
    transitions=[
        ("propose", SECRETARY, "Ter vaststelling voorgelegd (juni 2022)", on(2022, 6, 10, 9)),
        ("adopt", SECRETARY, "Vastgesteld (juni 2022)", on(2022, 6, 14, 15)),
        ("send", SECRETARY, "Verzonden aan het college op 17 juni 2022", on(2022, 6, 17, 10)),
    ],
    sources=[SOURCE_2022],
)

# =============================================================================================
# 2019: aandachtspunten bij het plan van aanpak "Samenspel in het sociaal domein"
# =============================================================================================
#
# The document is a poster: "ZwolsModel? Inwoner centraal en gedegen aanpak", twelve points
# under three headings, without date, salutation or signature.
#
# Date: not in the document. The college's reply (SOURCE_2019_REPLY) speaks of a meeting with
# the council "op 6 februari" (past) and a werksessie "op 28 maart aanstaande" (to come), and
# of the veldbijeenkomst "op 23 april", which the demo dates 2019 (home.demo.meetings). So the
# advice went out before 28 March 2019, probably after 6 February: we use 1 March 2019.
#
# Kind: gevraagd. The reply thanks the council for "de handreikingen in uw reactie op het plan
# van aanpak" and the poster says "De stukken hebben we gelezen": the college put its plan to
# the council. The letter answers that request, AV-2019-01 (advices.demo.requests), which says
# what the documents do not give (the request's date, kenmerk, question and term).
#
# Signatory: the poster is not signed; the college's reply is addressed to "mevrouw Wertheim",
# the chair. Addressee: the college of Zwolle (the reply comes from it); the poster gives no
# address, so there is no postal address.
#
# Headings: PDF extraction jumbled the poster's columns and put the three headings at the end.
# By content: the four points on the voorveld, volunteers and mantelzorgers (reorganisatie,
# 62% vrijwilligers, draagvlak, draagkracht) belong under "Sociale basis/Mantelzorgers";
# structure, programme and contracting (overzichtelijke delen, pijlers en bewegingen, start van
# een proces, aanbesteding) under "Organisatorisch" ("Overzichtelijke delen" points to the
# bewegingen "zie onder", so those two share a column); working together, roles and trust
# (inbreng professionals, voortbouwen en samen evalueren, rollen, systeem en vertrouwen) under
# "Samenspel". Within a heading the points keep their order in the extracted text.
#
# Each point: its own title opens the context; the advising sentence(s) are the advice.

ASP = "Aandachtspunten Samenspel"
AO = "Aandachtspunten Organisatorisch"
ASB = "Aandachtspunten Sociale basis/Mantelzorgers"


def point(heading, title, explanation, advice):
    context = f"{title}\n\n{explanation}" if explanation else title
    return Rec(heading, advice=advice, context=context)


RECOMMENDATIONS_2019 = [
    point(
        ASP,
        "Inbreng professionals en ‘ZwolsModel’",
        "De inbreng van (sociale) professionals, ervaringsdeskundigen en inwoners is "
        "noodzakelijk om deze stevige ambities waar te maken.",
        "Prima om te leren van andere steden, maar durf ook van eigen kracht uit te gaan. Er "
        "zijn wel 10 steden als ‘best practice’ genoemd, die dat later niet waren. Kies voor een "
        "model met Zwols DNA (sociaal en samenwerken).",
    ),
    point(
        ASP,
        "Voortbouwen op inspanningen",
        "Er zijn de laatste jaren stappen gezet in het sociaal domein (SWT, maatschappelijk, "
        "participatie, voorveld, wmozorg etc.).",
        "Belangrijk is verder te bouwen en samenhang vorm te geven. Bouw verder op o.a. "
        "dagbesteding, thuisondersteuning, participatie. Ook is het goed om samen te evalueren.",
    ),
    point(
        ASP,
        "Rollen en Professioneel Partnerschap",
        "Samenwerken is belangrijk. SamenZwolle en proeftuin ‘goede dagen’ zijn mooie "
        "voorbeelden. Samenwerken is eenvoudiger vanuit heldere rollen en verantwoordelijkheden "
        "en steunend opdrachtgeverschap. Meer werkzaamheden in complexe consortia is "
        "onwenselijk en kostenverhogend.",
        "Wees zuinig op SWT. Ook SWT heeft baat bij heldere rollen en positie.",
    ),
    point(
        ASP,
        "Systeem verandering en vertrouwen?",
        "In een paar zinnen in het document: integrale opdracht, prikkels, bekostiging, "
        "afrekensystematiek, sturing, effecten, beleid, inkoop, juridisch, monitoring.",
        "Meer systeemwereld? Of ook vertrouwen en ruimte bij gebleken prestaties voor "
        "inwoners? Ruimte voor innovatie. Ook dat is ZwolsModel!",
    ),
    point(
        AO,
        "Overzichtelijke delen",
        "Collectivisering gaat over diverse thema’s en kent meerdere bewegingen (zie onder).",
        "Het is raadzaam om de hervormingsagenda pijlers te geven naar thema (bijv. jeugd, "
        "beschermd wonen, ggz/epa, arbeid etc.). In elk thema speelt collectivisering. Per "
        "pijler: doelen en kernteam. Daarboven overkoepelende (strategische) sturing. "
        "Overzichtelijke delen!",
    ),
    point(
        AO,
        "Hervormingsagenda: pijlers en bewegingen",
        "",
        "Herken de volgende bewegingen per thema:\n"
        + lines(
            "Preventief",
            "Van Licht naar Niet",
            "Van Zwaar naar Lichter",
            "Van individueel naar Collectief/groep",
            "Impactoptimalisatie (meer bereik op huidige inzet, betere benutting logistiek)",
        ),
    ),
    point(
        AO,
        "Start van een proces",
        "De stukken hebben we gelezen als een start van een proces. Er staat al wel ‘hoe’ en "
        "inhoud in waar kanttekeningen bij geplaatst kunnen worden. Soms lijkt het niet over "
        "Zwolle te gaan. De genoemde voorbeelden in het voorveld zijn er al. Ze kunnen wel "
        "worden versterkt.",
        "Ken het voorveld, kijk wat er is. Heb de data-analyse op orde en ontwerp "
        "programmastructuur.",
    ),
    point(
        AO,
        "Aanbesteding, contractering en subsidiëring",
        "Er zijn vele manieren om sociale activiteiten om te zetten in contracten. Landelijk "
        "zijn er veel voorbeelden dat aanbestedingen (bijvoorbeeld o.b.v. een ‘big bang’) niet "
        "gewenste resultaten leveren. Gelukkig landelijk erkend.",
        "Onderzoek vooraf bij activiteiten welk contract- of subsidievorm past. Bouw op een "
        "ZwolsModel van gericht samen ontwikkelen.",
    ),
    point(
        ASB,
        "Geen ‘reorganisatie’ van het voorveld",
        "Collectivisering lijkt op een reorganisatieplan van het voorveld. Dat zou het niet "
        "moeten zijn. Dit voorveld is een mooi fijnmazig en hybride geheel dat niet totaal "
        "anders moet, maar wel ingezet kan worden voor normalisatie, fijne dagen, noaberschap. "
        "Dan dalen kosten en wordt het leuker.",
        "Erken de eigen dynamiek van de sociale basis. Het initiatief komt uit de inwoner.",
    ),
    point(
        ASB,
        "ZwolsModel: 62% vrijwilligers",
        "Directie VWS: ‘Wat ons opviel, is dat de gemeente Zwolle zeer positief naar voren kwam "
        "in dit rapport. Van de grotere steden in Nederland heeft de gemeente Zwolle "
        "bijvoorbeeld - met afstand - het hoogste aandeel vrijwilligers’.",
        "Zuinig op zijn! Let op draagvlak en draagkracht! Heb oog voor de kracht van de wijk en "
        "de buurt!",
    ),
    point(
        ASB,
        "Draagvlak",
        "De verwachtingen van vrijwilligers, mantelzorgers, voorveldorganisaties nemen jaarlijks "
        "toe. Mensen en initiatieven moeten meer oppakken voor zichzelf en de omgeving. "
        "Werkgevers moeten openstaan voor ‘nieuwe werknemers’.",
        "Voor ‘inclusie’ is draagvlak nodig. Dit wordt vaak onderschat.",
    ),
    point(
        ASB,
        "Draagkracht",
        "Naast draagvlak heeft het voorveld ook ‘draagkracht’ ofwel ‘sterke schouders’ nodig om "
        "meer en nieuwe verantwoordelijkheden te dragen. Lichte begeleiding en coördinatie is "
        "noodzakelijk om inwoners, initiatieven, vrijwilligers en mantelzorgers te "
        "ondersteunen.",
        # The poster has no full stop here; one is added.
        "Zorg voor lichte begeleiding, coördinatie en normalisatie.",
    ),
]

LETTER_2019 = DemoLetter(
    reference="PR-2019-01",
    date=datetime.date(2019, 3, 1),  # assumed: see above
    subject="Plan van aanpak Samenspel in het sociaal domein",
    addressee="Aan het college van burgemeester en wethouders\nvan de gemeente Zwolle",
    salutation="Geacht college,",
    introduction=p(
        "Bij uw plan van aanpak ‘Samenspel in het sociaal domein’ geeft de Participatieraad "
        "Zwolle u aandachtspunten mee, onder de titel ‘ZwolsModel? Inwoner centraal en gedegen "
        "aanpak’. De aandachtspunten gaan over het samenspel, over de organisatie en over de "
        "sociale basis en mantelzorgers.",
    )
    + "<p><i>"
    + escape(
        "Toelichting bij de demo: het advies is een poster met aandachtspunten, zonder datum, "
        "aanhef of ondertekening. De datum van dit advies staat niet in het stuk; wij gaan uit "
        "van 1 maart 2019, omdat de reactie van het college een bijeenkomst met de raad op "
        "6 februari noemt als al geweest, en de werksessie ‘op 28 maart aanstaande’ en de "
        "veldbijeenkomst van 23 april (2019) als nog te komen. De ondertekening volgt uit de "
        "reactie, die gericht is aan mevrouw Wertheim. Welk punt onder welke kop staat, hebben "
        "wij afgeleid uit de inhoud: bij het omzetten van de pdf raakten de kolommen door "
        "elkaar."
    )
    + "</i></p>",
    closing="",
    signatory_name=CHAIR,
    signatory_role="Voorzitter",
    themes=[t.INTERPLAY, t.SOCIAL_BASE, t.VOLUNTEERS],
    answers="AV-2019-01",
    # The meeting of 6 February is not in the demo; the veldbijeenkomst came after the advice.
    meetings=[],
    recommendations=RECOMMENDATIONS_2019,
    # Entered, put forward, adopted and sent on the (assumed) date of the letter, 1 March 2019:
    # when each step really happened is not known.
    drafts=[
        Draft(
            author=SECRETARY,
            reason="Aandachtspunten bij het plan van aanpak ingevoerd",
            at=on(2019, 3, 1, 9),
        ),
    ],
    transitions=[
        ("propose", SECRETARY, "Ter vaststelling voorgelegd (2019)", on(2019, 3, 1, 9, 15)),
        ("adopt", SECRETARY, "Vastgesteld (2019)", on(2019, 3, 1, 9, 30)),
        (
            "send",
            SECRETARY,
            "Verzonden aan het college (datum aangenomen: 1 maart 2019)",
            on(2019, 3, 1, 10),
        ),
    ],
    sources=[SOURCE_2019, SOURCE_2019_REPLY],
)

# =============================================================================================
# November 2019: advies rondom de Hervormingsagenda sociaal domein
# =============================================================================================
#
# This letter is NOT IN THE CORPUS. What it advised is known from the June 2022 letter
# (SOURCE_2022, under "Sociale kaart"): "In november 2019 heeft de Participatieraad u
# geadviseerd rondom de Hervormingsagenda waar het versterken sociale basis onderdeel van uit
# maakt. De participatieraad adviseerde toen om te inventariseren welke organisatie waarmee
# bezig is. Zowel van betaalde organisaties als vrijwilligersorganisaties, zodat overlap kan
# worden teruggebracht en een efficiëntieslag gemaakt wordt. Daarnaast adviseerde de
# participatieraad om meer in te zetten op het Right to Challenge."
#
# The two recommendations are those two advices, with "De participatieraad adviseerde toen om"
# turned into the letter's own "Wij adviseren u om"; the context is the clause about the
# Hervormingsagenda. Nothing else is added: the letter's introduction says where it comes from.
# The college's reply, as far as the 2022 letter quotes it, is in advices.demo.replies.
#
# Date: "november 2019"; the day is not known. The demo uses 25 November 2019 and says so.
# Kind: ongevraagd: the 2022 letter says the council advised "rondom de Hervormingsagenda";
# nothing in the corpus says the college asked. The gemeenteraad adopted the Hervormingsagenda
# in February 2020 (SOURCE_VISION), but the corpus gives neither the day nor a link to or the
# text of that decision, which a decision record needs: so the demo records no decision.
# Signatory: the chair, Aljona Wertheim: the college writes to her in early 2019 and she signs
# the letter of June 2022. Addressee: the college of Zwolle, without a postal address (none is
# known for 2019). Heading: "Versterken sociale basis", after the clause quoted above.

HERVORMING = "Versterken sociale basis"

LETTER_2019_HERVORMING = DemoLetter(
    reference="PR-2019-02",
    date=datetime.date(2019, 11, 25),  # assumed: see above
    subject="Hervormingsagenda sociaal domein",
    addressee="Aan het college van burgemeester en wethouders\nvan de gemeente Zwolle",
    salutation="Geacht college,",
    introduction=p(
        "De Participatieraad Zwolle adviseert u rondom de Hervormingsagenda sociaal domein, "
        "waar het versterken van de sociale basis onderdeel van uitmaakt.",
    )
    + "<p><i>"
    + escape(
        "Toelichting bij de demo: deze brief zelf zit niet in de bronnen van de demo. Wat de "
        "raad adviseerde, weten we uit het advies ‘Sterke sociale basis’ van 17 juni 2022, dat "
        "schrijft: ‘In november 2019 heeft de Participatieraad u geadviseerd rondom de "
        "Hervormingsagenda’. De twee aanbevelingen hieronder geven weer wat dat advies van 2022 "
        "daarover zegt. De precieze dag van dit advies is niet bekend; wij gaan uit van "
        "25 november 2019."
    )
    + "</i></p>",
    closing="",
    signatory_name=CHAIR,
    signatory_role="Voorzitter",
    themes=[t.SOCIAL_BASE, t.VOLUNTEERS],
    meetings=[],
    recommendations=[
        Rec(
            HERVORMING,
            context="Het versterken van de sociale basis maakt onderdeel uit van de "
            "Hervormingsagenda.",
            advice=(
                "Wij adviseren u om te inventariseren welke organisatie waarmee bezig is. Zowel "
                "van betaalde organisaties als vrijwilligersorganisaties, zodat overlap kan "
                "worden teruggebracht en een efficiëntieslag gemaakt wordt."
            ),
        ),
        Rec(
            HERVORMING,
            "Daarnaast adviseren wij u om meer in te zetten op het Right to Challenge.",
        ),
    ],
    drafts=[
        Draft(
            author=SECRETARY,
            reason="Advies over de Hervormingsagenda ingevoerd (november 2019)",
            at=on(2019, 11, 25, 9),
        ),
    ],
    transitions=[
        ("propose", SECRETARY, "Ter vaststelling voorgelegd (2019)", on(2019, 11, 25, 9, 15)),
        ("adopt", SECRETARY, "Vastgesteld (2019)", on(2019, 11, 25, 9, 30)),
        (
            "send",
            SECRETARY,
            "Verzonden aan het college (datum aangenomen: 25 november 2019)",
            on(2019, 11, 25, 10),
        ),
    ],
    sources=[SOURCE_2022],
)

# =============================================================================================
# A concept: a reaction to the municipality's vision on the social basis
# =============================================================================================
#
# CONSTRUCTED FOR THE DEMO, as an example of a letter still being written. It reacts to the
# vision (SOURCE_VISION: "Samen verder bouwen", the gesprekstafels around the three ambitions
# and their yearly cycle, "Informatie verschaffen over de sociale kaart") with points the
# council made before: the inwoner at the table (2022, Inwonerbetrokkenheid) and the regie on
# the sociale kaart (2022, Sociale kaart). It is dated the day the demo is loaded and gets the
# next free reference of that year. The signatory is the chair from the council settings, as
# the admin form proposes it.

LETTER_CONCEPT = DemoLetter(
    reference=None,
    date=None,
    subject="Visie op de sociale basis en de gesprekstafels",
    addressee=ADDRESSEE_ZWOLLE,
    salutation="Geacht College,",
    introduction=p(
        "Concept, nog niet vastgesteld door de Participatieraad.",
        "In uw visie op de sociale basis kiest u voor ‘samen verder bouwen’: geen grootschalige "
        "organisatorische veranderingen, maar betere informatie, sturing en verbinding van de "
        "goede dingen die al gebeuren. U wilt daarvoor werken met gesprekstafels rondom de drie "
        "ambities, waar maatschappelijke partners, inwonervertegenwoordiging, wijkteam en "
        "gemeente elkaar ontmoeten.",
        "Wij geven u daarbij de volgende aanbevelingen mee. Ze sluiten aan bij ons advies "
        "‘Sterke sociale basis’ van 17 juni 2022.",
    ),
    closing=CLOSING_2022,
    signatory_name=CHAIR,
    signatory_role="Voorzitter",
    themes=[t.SOCIAL_BASE, t.INVOLVEMENT],
    meetings=["ontmoet-en-groet-sterke-sociale-basis-2022"],
    recommendations=[
        Rec(
            "Gesprekstafels",
            context=(
                "Volgens uw visie komen de gesprekstafels elk jaar op vaste momenten bijeen: in "
                "januari en in oktober drie thema gesprekstafels, in mei één gezamenlijke "
                "gesprekstafel. De gemeente gebruikt wat aan de tafels wordt besproken en "
                "opgehaald om jaarlijks inhoudelijke prioriteiten en kaders te formuleren."
            ),
            advice=(
                "Wij adviseren u om de Participatieraad te betrekken bij deze jaarlijkse cyclus "
                "van gesprekstafels, zodat de ervaringen van inwoners meewegen in de "
                "prioriteiten en kaders."
            ),
        ),
        Rec(
            "Gesprekstafels",
            context=(
                "Aan de gesprekstafels zit inwonervertegenwoordiging. In ons advies van 17 juni "
                "2022 vroegen wij u om professionals te vragen naar bijeenkomsten ook een "
                "inwoner mee te nemen. Hierdoor worden inwoners automatisch meer betrokken."
            ),
            advice=(
                "Wij adviseren u om ook aan de gesprekstafels inwoners zelf te laten "
                "aanschuiven, naast hun vertegenwoordigers."
            ),
        ),
        Rec(
            "Sociale kaart",
            context=(
                "Uw visie noemt ‘informatie verschaffen over de sociale kaart’ als een activiteit "
                "die voor subsidie in aanmerking komt. In ons advies van 17 juni 2022 gaven wij "
                "aan dat bij zowel professionals als bij inwoners niet bekend is welk aanbod er "
                "is, en adviseerden wij u om als gemeente hierin de regie te nemen."
            ),
            advice=(
                "Wij adviseren u om de sociale kaart een vast onderwerp te maken aan de "
                "gesprekstafels, zodat partners hun aanbod op elkaar afstemmen en inwoners en "
                "professionals de weg weten te vinden."
            ),
        ),
    ],
    drafts=[
        Draft(author=MEMBER, reason="Eerste opzet, nog bespreken in de raad"),
    ],
    transitions=[],
    sources=[SOURCE_VISION, SOURCE_2022],
)

LETTERS = [LETTER_2019, LETTER_2019_HERVORMING, LETTER_2022, LETTER_CONCEPT]
