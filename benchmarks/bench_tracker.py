"""How much do the tracker, a recommendation page and the exports cost with 10,000
recommendations, compared with a bare page?

Builds a throwaway SQLite database (never the one DATABASE_URL points to) with 1,000 sent
letters of 10 recommendations each, the college's replies, verdicts, follow-ups and
commitments (bulk inserts: a few seconds), a home page, a bare StandardPage, the advice index
and the tracker ("Aanbevelingen"). Then requests each URL through Django's test Client,
interleaved so that all see the same machine noise, reading streamed bodies to the end, and
prints the median time per request, the number of SQL queries and the ratio to the bare page.

Target: the HTML pages (tracker unfiltered, filtered, searched; a recommendation; the site
search over letters, recommendations, replies, meetings and pages) within 2x
of the bare page. The CSV export writes all 10,000 rows; it has no target beside the bare
page, but its query count must stay constant and its time is printed per 1,000 rows.

Each URL is timed twice: as a repeat view (what most readers get: the tracker's list and
figures come from the cache while nothing was recorded, see ``advices.queries.freshness``) and as a
first view, with the cache emptied before every request of every URL (the bare page's too).

Run with `make bench`. Measures the whole request in-process (URL routing, Wagtail's page
serving, queries, template rendering), not the network. On PostgreSQL, in a throwaway
cluster: `BENCH_ON_POSTGRES=1 scripts/with-postgres .venv/bin/python
benchmarks/bench_tracker.py` (it refuses a database that already has tables).
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

LETTERS = 1_000
PER_LETTER = 10
ROUNDS = 15
WARMUP = 2
HTML_TARGET = 2.0

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
workdir = tempfile.TemporaryDirectory(prefix="adviesvolger-bench-tracker-")
ON_POSTGRES = os.environ.get("BENCH_ON_POSTGRES") == "1"
if not ON_POSTGRES:
    # Overwrite, never default: the benchmark must not write into a real database.
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir.name}/bench.sqlite3"
os.environ["DJANGO_SETTINGS_MODULE"] = "consult.settings.test"

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

from advices.models import (  # noqa: E402
    Recommendation,
)
from advices.pages import AdviceIndexPage, RecommendationIndexPage  # noqa: E402
from benchmarks.volume import add_sent_letters  # noqa: E402
from home.models import HomePage, StandardPage, Theme  # noqa: E402


def fill():
    """1,000 sent letters of 10 recommendations, with replies and progress, in bulk."""
    themes = [
        Theme.objects.create(name=name, slug=name.lower().replace(" ", "-"))
        for name in ["Sterke sociale basis", "Jeugd", "Ouderen", "Wonen", "Werk en inkomen"]
    ]
    return add_sent_letters(themes, LETTERS, PER_LETTER)


def build_site():
    if connection.introspection.table_names():
        sys.exit(f"The database {connection.settings_dict['NAME']} is not empty: not touched.")
    call_command("migrate", verbosity=0)
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Participatieraad", slug="bench-home"))
    Site.objects.update(root_page=home, is_default_site=True)
    bare = home.add_child(instance=StandardPage(title="Over de raad", slug="over-de-raad"))
    index = home.add_child(instance=AdviceIndexPage(title="Adviezen", slug="adviezen"))
    letters = fill()
    if connection.vendor == "postgresql":
        # What autovacuum does soon after a bulk load: the planner's statistics.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    middle = letters[LETTERS // 2]
    tracker = home.add_child(
        instance=RecommendationIndexPage(title="Aanbevelingen", slug="aanbevelingen")
    )
    return {
        "bare page": bare.url,
        "tracker": tracker.url,
        "tracker, filtered": f"{tracker.url}?status=in-uitvoering&thema=jeugd",
        "tracker, searched": f"{tracker.url}?q=mantelzorg+versterken",
        "tracker, page 50": f"{tracker.url}?pagina=50",
        "recommendation": index.recommendation_url(middle, 3),
        "site search": "/zoeken/?q=mantelzorg",
        "site search, one kind": "/zoeken/?q=mantelzorg+versterken&soort=aanbevelingen",
        "API, 100 recommendations": "/api/v1/aanbevelingen/?per_pagina=100",
        "CSV, filtered": "/open-data/aanbevelingen.csv?status=in-uitvoering&thema=jeugd",
        "CSV, all 10,000": "/open-data/aanbevelingen.csv",
    }


def fetch(client, url):
    response = client.get(url)
    if response.status_code != 200:
        sys.exit(f"{url} answered {response.status_code}")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body


def median_times(client, urls, before_each=None):
    """Median milliseconds per URL over ``ROUNDS`` interleaved rounds."""
    timings = {name: [] for name in urls}
    for _ in range(ROUNDS):
        for name, url in urls.items():
            if before_each:
                before_each()
            start = time.perf_counter()
            fetch(client, url)
            timings[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) * 1000 for name, values in timings.items()}


def main():
    started = time.perf_counter()
    urls = build_site()
    total = Recommendation.objects.count()
    print(
        f"Built {total:,} recommendations over {LETTERS:,} letters "
        f"in {time.perf_counter() - started:.1f} s"
    )

    client = Client()
    queries, sizes = {}, {}
    for name, url in urls.items():
        for _ in range(WARMUP):
            fetch(client, url)
        with CaptureQueriesContext(connection) as captured:
            sizes[name] = len(fetch(client, url))
        queries[name] = len(captured)

    # Repeat views: what most readers get. The tracker's list and figures come from the
    # cache while nothing was recorded (advices.queries.freshness).
    repeat = median_times(client, urls)
    # First views: the cache emptied before every request, for every URL alike (Wagtail's
    # own cache of the site's root paths too), as after something was recorded.
    first = median_times(client, urls, before_each=cache.clear)

    bare, bare_first = repeat["bare page"], first["bare page"]
    database = connection.vendor
    print(f"\nMedian of {ROUNDS} requests per URL (Django test Client, {database}, in-process):")
    print(
        f"{'page':<28}{'repeat ms':>10}{'x bare':>8}{'first ms':>10}{'x bare':>8}"
        f"{'queries':>9}{'KB':>7}"
    )
    for name in urls:
        print(
            f"{name:<28}{repeat[name]:>10.1f}{repeat[name] / bare:>8.1f}"
            f"{first[name]:>10.1f}{first[name] / bare_first:>8.1f}"
            f"{queries[name]:>9}{sizes[name] / 1024:>7.0f}"
        )
    html = [name for name in urls if name.startswith(("tracker", "recommendation", "site"))]
    for label, times, reference in (
        ("repeat views", repeat, bare),
        ("first views (nothing cached)", first, bare_first),
    ):
        print(f"\nHTML pages against the bare page, {label} (target: within {HTML_TARGET:.0f}x):")
        for name in html:
            ratio = times[name] / reference
            verdict = "ok" if ratio <= HTML_TARGET else "ABOVE TARGET"
            print(f"  {name:<26}{ratio:>6.2f}x  {verdict}")
    per_thousand = repeat["CSV, all 10,000"] / (total / 1000)
    print(
        f"\nCSV export: {per_thousand:.0f} ms per 1,000 rows "
        f"({total:,} rows, {sizes['CSV, all 10,000'] / 1024 / 1024:.1f} MB, "
        f"{os.cpu_count()} cores)"
    )


if __name__ == "__main__":
    try:
        main()
    finally:
        workdir.cleanup()
