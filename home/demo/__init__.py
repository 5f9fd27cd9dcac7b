"""Demo content for ``manage.py load_demo``: the real documents of the Participatieraad Zwolle.

The text is transcribed by hand from ``../shared/corpus/`` (extracted from PDF, so with
broken bullets and stray characters) into structured Python data here, so the loader does
not depend on parsing those files. Each module holds one kind of content:

- ``themes``    the themes that run through the documents
- ``pages``     the home page, the meeting index and the standard pages
- ``meetings``  the meeting reports
- ``accounts``  one demo account per role
- ``loader``    builds the page tree and writes everything, idempotently
"""
