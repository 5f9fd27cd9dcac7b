"""Demo advice letters for ``manage.py load_demo``: the real letters of the Participatieraad Zwolle.

As in ``home.demo``, the text is transcribed by hand from ``../shared/corpus/`` (extracted from
PDF) into structured Python data, and the loader writes it through the models' own API, so the
history, the numbering and the freeze rules are the same as for a letter made in the admin.

- ``letters``  the letters, their recommendations and their draft versions
- ``load``     writes them, idempotently, after the pages, themes and accounts of ``home.demo``
"""
