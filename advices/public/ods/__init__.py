"""The gemeenteraad's information system: a read-only API in the shape of VNG's ODS Open
Raadsinformatie (OpenAPI 2.0.0-beta.4, vendored in ``standards/ods-open-raadsinformatie/``).

A RIS (iBabs, Notubiz) or the griffie reads the council's advice as *ingekomen stukken*
(informatieobjecten), the council as their *indiener*, the college's replies as *antwoord*,
and the decisions after the advice as *besluiten* with the college's commitments as their
``toezegging`` text. Only what is public elsewhere on the site is shown here.
"""
