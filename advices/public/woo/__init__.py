"""Publication in the Woo index (DiWoo): ``robots.txt`` names one sitemap index per Woo
information category, whose sitemaps list every public document's own URL with its
``diwoo:Document`` metadata. The Woo index (open.overheid.nl) harvests them.

- ``vocabulary``: the TOOI values used (category, document types, actions, language, format)
- ``documents``: what is published, read from the database in a fixed number of queries
- ``hooks``: how another app adds its documents under its own category (``annual``: the
  annual reports, infocat012) without ``advices`` importing it
- ``files``: size and SHA-256 of uploaded files (the sent PDFs store their own)
- ``xml``: the sitemap index and the sitemaps
- ``views``, ``urls``: ``/robots.txt`` and the XML files
"""
