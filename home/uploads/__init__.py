"""Checks on uploaded files, before anything is stored (issue 11).

Uploaded files end up on the public site, so each is checked for what its extension promises
and for what could harm a reader or the server:

- ``pdf``: a real PDF, not encrypted, without attachments, XFA forms, JavaScript or other
  actions that run by themselves, and whose streams do not unpack to more than a limit
  (measured without unpacking them in memory);
- ``office``: Word, Excel and OpenDocument files (ZIP packages) of the promised type, without
  macros, embedded programs or a password, and not a ZIP bomb (``zips``);
- ``text``: CSV and plain text of a limited size in a text encoding.

``documents.validate_document_upload`` picks the check by extension (Wagtail's document form,
``home/document_forms.py``); ``advices.uploads`` uses the PDF check for the college's reply.
Each refusal is a ``ValidationError`` with its own Dutch message and code (``messages``);
the limits are settings (``limits``).
"""
