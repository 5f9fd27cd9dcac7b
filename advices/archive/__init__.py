"""The archive export: a ZIP package for the municipal archive (e-depot) with the sent letters'
PDFs exactly as sent, the college's replies and MDTO 1.0.1 metadata (Nationaal Archief).

- ``formats``: the file format of a PDF as a PRONOM identifier;
- ``mdto``: the MDTO XML of an information object and of a file;
- ``dossiers``: what one advice dossier holds (letter, reply) and its metadata;
- ``package``: the period's dossiers written as one reproducible ZIP.

Reads only: the export changes nothing in the database or in the stored files.
"""
