"""What does the project add to WeasyPrint, and to serving a file?

1. Rendering: a four-page advice letter through the project (``render_letter_pdf``: the
   letter's version from the history tables, the template, the restricted URL fetcher,
   WeasyPrint with PDF/A-3a) against the SAME HTML through bare WeasyPrint
   (``weasyprint.HTML(string=html, base_url=...).write_pdf(pdf_variant=...)``, default URL
   fetcher, same stylesheet and fonts), interleaved in one run. Target: within 1.2x.
2. Serving: the stored PDF of the sent letter through its public download URL (Wagtail page
   routing, the letter lookup, the ETag headers, a FileResponse streaming from storage)
   against a file of the same size served by WhiteNoise (as /static/ is served) and by
   Django's own ``django.views.static.serve``, all through Django's test Client, interleaved,
   the bodies read to the end. Target: within 2x.

Builds a throwaway SQLite database and media folder (never the ones DATABASE_URL and
DJANGO_MEDIA_ROOT point to). Bounded loops; prints medians and ratios; exits 0. Run with
`make bench`.
"""

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

RENDER_ROUNDS = 12
RENDER_WARMUP = 2
SERVE_ROUNDS = 300
SERVE_WARMUP = 20
TARGET_PAGES = 4

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
workdir = tempfile.TemporaryDirectory(prefix="adviesvolger-bench-pdf-")
WORK = Path(workdir.name)
# Overwrite, never default: the benchmark must not write into a real database or media folder.
os.environ["DATABASE_URL"] = f"sqlite:///{WORK}/bench.sqlite3"
os.environ["DJANGO_SETTINGS_MODULE"] = "consult.settings.test"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.urls import include, path  # noqa: E402
from django.views.static import serve  # noqa: E402

(WORK / "media").mkdir()
(WORK / "static-root").mkdir()
(WORK / "same-size").mkdir()
settings.MEDIA_ROOT = str(WORK / "media")
# WhiteNoise as in production: files indexed once at start, not looked up per request.
settings.WHITENOISE_AUTOREFRESH = False
settings.WHITENOISE_USE_FINDERS = False
settings.STATIC_ROOT = str(WORK / "static-root")
settings.ROOT_URLCONF = __name__
settings.DEBUG = False

urlpatterns = [
    path("bench-django-static/<path:path>", serve, {"document_root": str(WORK / "same-size")}),
    path("", include("consult.urls")),
]

import weasyprint  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

from advices.actions import transition  # noqa: E402
from advices.models import AdviceLetter, Recommendation  # noqa: E402
from advices.pages import AdviceIndexPage  # noqa: E402
from advices.pdf.render import PDF_VARIANT, build_letter, render_letter_pdf  # noqa: E402
from home.models import CouncilSettings, HomePage  # noqa: E402

CONTEXT = (
    "Tijdens de ontmoeting op 9 mei 2022 vertelden inwoners en partners dat de sociale "
    "basis sterker wordt als buurtinitiatieven elkaar kennen en als professionals weten "
    "waar zij inwoners naartoe kunnen verwijzen. Vrijwilligers voelen zich soms alleen "
    "staan en missen een vast aanspreekpunt bij de gemeente."
)
ADVICE = (
    "Wij adviseren u om initiatieven op buurtniveau structureel te ondersteunen, met een "
    "vast aanspreekpunt en een eenvoudige regeling voor kleine bijdragen, en om de "
    "resultaten jaarlijks met de raad te bespreken."
)


def build_site():
    call_command("migrate", verbosity=0)
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Participatieraad Zwolle", slug="bench-home"))
    Site.objects.update(root_page=home, is_default_site=True)
    council = CouncilSettings.for_site(Site.objects.get(is_default_site=True))
    council.name = "Participatieraad Zwolle"
    council.municipality = "Zwolle"
    council.postal_address = "Postbus 10007\n8000 GA Zwolle"
    council.save()
    index = home.add_child(instance=AdviceIndexPage(title="Adviezen", slug="adviezen"))
    user = get_user_model().objects.create_superuser("bench", "bench@example.org", "bench")
    return index, user


def new_letter(reference, recommendations):
    letter = AdviceLetter.objects.create(
        reference=reference,
        subject="Sterke sociale basis",
        addressee="Aan het college van burgemeester en wethouders\nvan de gemeente Zwolle\n"
        "Postbus 10007\n8000 GA Zwolle",
        introduction="<p>Op 9 mei 2022 organiseerde de Participatieraad een ontmoeting met "
        "ongeveer 70 inwoners en partners over de sociale basis.</p>",
        closing="<p>Mocht ons advies aanleiding geven tot vragen, dan horen wij dat graag.</p>"
        "<p>Met vriendelijke groet,</p>",
        signatory_name="Aljona Wertheim",
    )
    headings = ["Betekenisvolle sociale contacten", "Zelfredzaam leven", "Armoede", "Sociale kaart"]
    for number in range(1, recommendations + 1):
        Recommendation.objects.create(
            letter=letter,
            sort_order=number,
            heading=headings[(number - 1) * len(headings) // recommendations],
            context=CONTEXT,
            advice=ADVICE,
        )
    return letter


def pages(pdf):
    return len(PdfReader(io.BytesIO(pdf)).pages)


def four_page_letter(user):
    """Send a letter that renders to exactly four pages (sending stores its PDF)."""
    count, tried = 10, {}
    for attempt in range(12):  # bounded: a search over the number of recommendations
        probe = new_letter(f"PR-2030-{attempt + 1:02d}", count)
        tried[count] = found = pages(render_letter_pdf(probe))
        if found == TARGET_PAGES:
            break
        guess = max(1, round(count * TARGET_PAGES / found))
        step = 1 if found < TARGET_PAGES else -1
        count = guess if guess not in tried else count + step
    letter = new_letter("PR-2022-07", count)
    for action in ("propose", "adopt", "send"):
        transition(letter, action, user)
    letter.refresh_from_db()
    return letter


def median_ms(values):
    return statistics.median(values) * 1000


def bench_render(letter):
    document = build_letter(letter)
    html = document.html
    base_url = str(ROOT / "static") + "/"

    def project():
        return render_letter_pdf(letter)

    def bare():
        return weasyprint.HTML(string=html, base_url=base_url).write_pdf(pdf_variant=PDF_VARIANT)

    sizes = {"project": pages(project()), "bare WeasyPrint": pages(bare())}
    for _ in range(RENDER_WARMUP):
        project()
        bare()
    timings = {"project": [], "bare WeasyPrint": []}
    for round_number in range(RENDER_ROUNDS):
        order = [("project", project), ("bare WeasyPrint", bare)]
        if round_number % 2:
            order.reverse()  # neither always goes first
        for name, function in order:
            start = time.perf_counter()
            function()
            timings[name].append(time.perf_counter() - start)

    print(f"\nRendering a letter, median of {RENDER_ROUNDS} interleaved runs ({PDF_VARIANT}):")
    print(f"{'':<18}{'pages':>6}{'median ms':>11}{'min ms':>9}")
    for name, values in timings.items():
        print(f"{name:<18}{sizes[name]:>6}{median_ms(values):>11.1f}{min(values) * 1000:>9.1f}")
    ratio = median_ms(timings["project"]) / median_ms(timings["bare WeasyPrint"])
    print(f"Ratio project / bare WeasyPrint: {ratio:.2f}  (target: at most 1.2)")
    return ratio


def read_all(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    response.close()
    return body


def bench_serve(index, letter):
    record = letter.sent_pdf
    with record.file.open("rb") as stored:
        data = stored.read()
    (WORK / "static-root" / "same-size.pdf").write_bytes(data)
    (WORK / "same-size" / "same-size.pdf").write_bytes(data)
    urls = {
        "download (stored PDF)": index.url + f"{letter.reference}/pdf/",
        "WhiteNoise /static/": "/static/same-size.pdf",
        "django static.serve": "/bench-django-static/same-size.pdf",
    }

    # The first download of a URL goes through the Adviezen page; repeats take the fast path
    # (advices.pdf.middleware). "first" is measured with the fast path's memory cleared.
    first = "first download (page)"
    requests = {name: (url, {}) for name, url in urls.items()}
    requests[first] = (urls["download (stored PDF)"], {})

    client = Client()
    queries = {}
    for name, (url, extra) in requests.items():
        for _ in range(SERVE_WARMUP):
            response = client.get(url, **extra)
            body = read_all(response)
            if response.status_code != 200 or body != data:
                sys.exit(f"{name} ({url}) answered {response.status_code}, {len(body)} bytes")
        if name == first:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            read_all(client.get(url, **extra))
        queries[name] = len(captured)

    timings = {name: [] for name in requests}
    for _ in range(SERVE_ROUNDS):
        for name, (url, extra) in requests.items():
            if name == first:
                cache.clear()
            start = time.perf_counter()
            read_all(client.get(url, **extra))
            timings[name].append(time.perf_counter() - start)

    medians = {name: median_ms(values) for name, values in timings.items()}
    print(
        f"\nServing {len(data) / 1024:.0f} KB, median of {SERVE_ROUNDS} interleaved requests "
        "(Django test Client, body read to the end):"
    )
    print(f"{'':<24}{'median ms':>10}{'min ms':>9}{'queries':>9}")
    for name in requests:
        print(
            f"{name:<24}{medians[name]:>10.2f}{min(timings[name]) * 1000:>9.2f}{queries[name]:>9}"
        )
    download = medians["download (stored PDF)"]  # a repeat download: the fast path
    whitenoise = download / medians["WhiteNoise /static/"]
    django_static = download / medians["django static.serve"]
    print(f"Ratio download / WhiteNoise static file:  {whitenoise:.2f}  (target: at most 2)")
    print(f"Ratio download / Django static.serve:     {django_static:.2f}")
    print(
        f"A first download of a URL goes through the page tree: {medians[first]:.2f} ms "
        f"({queries[first]} queries, {medians[first] / medians['WhiteNoise /static/']:.1f}x a "
        "static file); repeats are served from the remembered location."
    )
    return whitenoise, django_static


def main():
    started = time.perf_counter()
    index, user = build_site()
    letter = four_page_letter(user)
    print(
        f"Sent {letter.reference} with {letter.recommendations.count()} recommendations "
        f"({pages(letter.sent_pdf.file.read())} pages, {letter.sent_pdf.size / 1024:.0f} KB "
        f"stored) in {time.perf_counter() - started:.1f} s; {os.cpu_count()} cores, "
        f"WeasyPrint {weasyprint.__version__}"
    )
    letter.sent_pdf.file.close()
    bench_render(letter)
    bench_serve(index, letter)


if __name__ == "__main__":
    try:
        main()
    finally:
        workdir.cleanup()
