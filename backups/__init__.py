"""Backups that restore: ``manage.py backup`` writes one archive (the database, every media
file and a manifest with their SHA-256), ``manage.py restore`` puts it back into an empty
database and media folder and checks the result. See the README, "Backup and restore".

The app is generic: it knows the two databases (SQLite, PostgreSQL) and the media folder,
not the advice cycle. An app adds its own counts and checks through two optional methods on
its AppConfig (``backups.reports``); ``advices`` uses them for the letters and the stored PDFs.
"""
