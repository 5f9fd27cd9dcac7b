"""Advice letters as print-ready, archival PDF.

- ``render``: a letter (any version) and a redline of two versions as PDF/A-3a;
- ``fetcher``: the restricted URL fetcher (only the PDF's own static files and the logo);
- ``archive``: the PDF of a sent letter, rendered once and stored with its checksum;
- ``download``: serving those stored bytes; ``middleware``: the fast path for repeat
  downloads, kept in step with the page tree by ``signals``;
- ``redline``: the word-level comparison of two versions, for the admin and the PDF.
"""
