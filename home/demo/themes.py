"""The themes that run through the corpus, each with where the corpus supports it."""

SOCIAL_BASE = "sterke-sociale-basis"
INTERPLAY = "samenspel-in-het-sociaal-domein"
YOUTH = "jeugd"
ELDERLY = "ouderen"
DISABILITY = "mensen-met-een-beperking"
POVERTY = "armoede"
WORK = "werk-en-dagbesteding"
VOLUNTEERS = "vrijwilligers-en-mantelzorg"
INVOLVEMENT = "inwonerbetrokkenheid"

# (slug, name, description)
THEMES = [
    (
        # Spoor 1 of the Hervormingsagenda (visie); heading and subject of the 2022 letter.
        SOCIAL_BASE,
        "Sterke sociale basis",
        "Inwoners die voor zichzelf en elkaar zorgen, met ondersteuning dichtbij als dat nodig is.",
    ),
    (
        # The plan of aanpak, the council's points on it, the college's reply, the 2019 meeting.
        INTERPLAY,
        "Samenspel in het sociaal domein",
        "Samenwerking tussen inwoners, vrijwilligers, welzijns- en zorgorganisaties en de "
        "gemeente.",
    ),
    (
        # Collective task "Jeugd" in the 2019 report; "Naast WMO, ook Jeugdzorg" in the reply.
        YOUTH,
        "Jeugd",
        "Kinderen en jongeren: zonder drempels van school naar werk, meedoen en zelfstandig wonen.",
    ),
    (
        # Collective task "Vitaal en waardig oud worden"; the passage on senioren.
        ELDERLY,
        "Ouderen",
        "Vitaal en waardig oud worden, ook als ouderen kwetsbaarder worden.",
    ),
    (
        # Collective task in the 2019 report; "Psychisch kwetsbaar" in the visie.
        DISABILITY,
        "Mensen met een (psychische) beperking",
        "Een aanpak in de wijk voor kwetsbare inwoners met een (psychische) beperking.",
    ),
    (
        # Heading "Armoede" in the 2022 letter; "Schulden en armoede" in the visie.
        POVERTY,
        "Armoede",
        "Geld mag geen drempel zijn om mee te doen, bijvoorbeeld aan (sport)verenigingen.",
    ),
    (
        # "Betekenisvolle dagbesteding" (2022); bedrijfsleven and dagbesteding (2019 report).
        WORK,
        "Werk en dagbesteding",
        "Betekenisvolle dagbesteding en een arbeidsmarkt waar iedereen kan meedoen.",
    ),
    (
        # Vrijwilligers en informele zorgers (2019); "62% vrijwilligers", mantelzorgers (advice).
        VOLUNTEERS,
        "Vrijwilligers en mantelzorg",
        "Vrijwilligers, mantelzorgers en informele zorgers, en hun samenwerking met professionals.",
    ),
    (
        # Heading "Inwonerbetrokkenheid: van zorgen voor naar zorgen dat" (2022).
        INVOLVEMENT,
        "Inwonerbetrokkenheid",
        "Inwoners meenemen in het beleid en hen betrekken: van zorgen voor naar zorgen dat.",
    ),
]
