"""What `make run` serves: the demo on the development settings, with `runserver`, as the
Makefile runs it (on a fresh SQLite file of its own, never the project's db.sqlite3).

The site's own Dutch 404 page (not Django's English debug page), static files served without
`collectstatic`, the icon, and absolute links on the address the demo is served on."""

import os
import socket
import subprocess
import sys
import time

import pytest
import requests

from tests.consult.test_settings import ROOT, run_manage


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("make-run")
    address = f"127.0.0.1:{free_port()}"
    demo = {
        "DJANGO_SETTINGS_MODULE": "consult.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir / 'demo.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        "WAGTAILADMIN_BASE_URL": f"http://{address}",
    }
    for command in (["migrate", "--noinput"], ["load_demo", "--address", address]):
        result = run_manage(*command, **demo)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | demo
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", address, "--noreload"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://{address}"
    try:
        for _attempt in range(120):
            try:
                requests.get(f"{base}/static/css/site.css", timeout=2)
                break
            except requests.ConnectionError:
                time.sleep(0.5)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_missing_page_is_the_sites_own_dutch_404(demo_server):
    response = requests.get(f"{demo_server}/bestaat-niet/", timeout=30)
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.text
    assert "Using the URLconf" not in response.text  # Django's debug page


def test_static_files_and_the_icon_are_served(demo_server):
    assert requests.get(f"{demo_server}/static/css/site.css", timeout=30).status_code == 200
    icon = requests.get(f"{demo_server}/favicon.ico", timeout=30)
    assert icon.status_code == 200
    assert icon.headers["Content-Type"] == "image/x-icon"


def test_links_are_on_the_address_the_demo_is_served_on(demo_server):
    page = requests.get(f"{demo_server}/adviezen/PR-2022-01/aanbeveling/1/", timeout=30)
    assert page.status_code == 200
    assert f">{demo_server}/adviezen/PR-2022-01/aanbeveling/1/</a>" in page.text
    assert "http://localhost" not in page.text
