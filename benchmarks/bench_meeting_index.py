"""How much does the meeting index cost, with 200 meetings, compared with a bare page?

Builds a throwaway SQLite database (never the one DATABASE_URL points to), creates a home
page, a meeting index with 200 meetings and a bare StandardPage, then requests each page
through Django's test Client, interleaved so that both see the same machine noise, and
prints the median time per request, the number of SQL queries and the ratio.

Run with `make bench`. It measures the whole request in-process (URL routing, Wagtail's
page serving, queries, template rendering), not the network.
"""

import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROUNDS = 40
WARMUP = 5
MEETINGS = 200

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
workdir = tempfile.TemporaryDirectory(prefix="adviesvolger-bench-")
# Overwrite, never default: the benchmark must not write into a real database.
os.environ["DATABASE_URL"] = f"sqlite:///{workdir.name}/bench.sqlite3"
os.environ["DJANGO_SETTINGS_MODULE"] = "consult.settings.test"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

from home.models import (  # noqa: E402
    HomePage,
    MeetingIndexPage,
    MeetingPage,
    MeetingType,
    StandardPage,
    Theme,
)


def build_site():
    call_command("migrate", verbosity=0)
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Participatieraad", slug="bench-home"))
    Site.objects.update(root_page=home, is_default_site=True)
    bare = home.add_child(instance=StandardPage(title="Over de raad", slug="over-de-raad"))
    index = home.add_child(instance=MeetingIndexPage(title="Bijeenkomsten", slug="bijeenkomsten"))
    themes = [
        Theme.objects.create(name=name, slug=name.lower().replace(" ", "-"))
        for name in ["Sterke sociale basis", "Jeugd", "Ouderen", "Wonen", "Werk en inkomen"]
    ]
    types = [choice for choice in MeetingType.values if choice]
    first_day = datetime.date(2019, 1, 15)
    for number in range(MEETINGS):
        meeting = index.add_child(
            instance=MeetingPage(
                title=f"Bijeenkomst {number + 1}",
                slug=f"bijeenkomst-{number + 1}",
                meeting_type=types[number % len(types)],
                date=first_day + datetime.timedelta(days=11 * number),
                location="Stadhuis",
                participant_count=20 + number % 60,
                summary="De raad sprak met inwoners en partners over de sociale basis.",
            )
        )
        meeting.themes.set([themes[number % len(themes)], themes[(number + 2) % len(themes)]])
        meeting.save()
    return {
        "bare page": bare.url,
        "meeting index": index.url,
        "meeting index, filtered": f"{index.url}?soort={types[0]}&jaar=2021",
        "meeting index, page 5": f"{index.url}?pagina=5",
    }


def main():
    started = time.perf_counter()
    urls = build_site()
    print(f"Built {MEETINGS} meetings in {time.perf_counter() - started:.1f} s")

    client = Client()
    queries = {}
    for name, url in urls.items():
        for _ in range(WARMUP):
            response = client.get(url)
            if response.status_code != 200:
                sys.exit(f"{name} ({url}) answered {response.status_code}")
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        queries[name] = len(captured)

    timings = {name: [] for name in urls}
    for _ in range(ROUNDS):
        for name, url in urls.items():
            start = time.perf_counter()
            client.get(url)
            timings[name].append(time.perf_counter() - start)

    medians = {name: statistics.median(values) * 1000 for name, values in timings.items()}
    bare = medians["bare page"]
    print(f"\nMedian of {ROUNDS} requests per page (Django test Client, SQLite, in-process):")
    print(f"{'page':<28}{'median ms':>10}{'min ms':>9}{'queries':>9}{'x bare':>8}")
    for name in urls:
        fastest = min(timings[name]) * 1000
        print(
            f"{name:<28}{medians[name]:>10.1f}{fastest:>9.1f}{queries[name]:>9}"
            f"{medians[name] / bare:>8.1f}"
        )
    print(
        f"\nRatio meeting index / bare page: {medians['meeting index'] / bare:.2f}"
        f"  ({MEETINGS} meetings, {os.cpu_count()} cores)"
    )


if __name__ == "__main__":
    try:
        main()
    finally:
        workdir.cleanup()
