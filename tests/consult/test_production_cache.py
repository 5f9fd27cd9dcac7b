"""Production keeps one cache for all its processes (issue 10): the cached tracker and
dashboard (advices/freshness.py) and the sent PDFs' memory (advices/pdf/download.py) must
agree between web workers and the task worker. The choice is Django's database cache; its
table comes with ``manage.py migrate`` (advices/apps.py), without a step of its own."""

from tests.consult.production import production_manage, production_shell


def test_production_shares_one_cache_between_processes(tmp_path):
    database = tmp_path / "db.sqlite3"
    # Any migrate creates the table (sessions: the smallest app to migrate).
    production_manage(database, "migrate", "--noinput", "sessions")
    backend = production_shell(
        database,
        "from django.conf import settings; from django.core.cache import cache; "
        "cache.set('k', 'gedeeld', 60); print(settings.CACHES['default']['BACKEND'])",
    )
    assert backend == "django.core.cache.backends.db.DatabaseCache"  # not one per process
    seen = production_shell(database, "from django.core.cache import cache; print(cache.get('k'))")
    assert seen == "gedeeld"  # another process sees what the first one stored
