"""Fixtures of the parallel-write tests: one real gunicorn server per test session, on a
database of its own, and admin clients logged in to it.

Migrating that database takes a while (15-30 s), so it starts in the background as soon as
pytest knows that tests of this folder will run; in a full run the other tests run meanwhile.

The server needs gunicorn (a test dependency). Without it the tests are skipped on a
developer's machine, but fail when CI=true: a CI run that silently skipped them would not
show that parallel saves are safe.
"""

import importlib.util
import os
import threading
from pathlib import Path

import pytest

from tests.parallel.client import AdminClient
from tests.parallel.server import ServerError, ServerProcess

HERE = Path(__file__).resolve().parent
PREPARE_TIMEOUT = 600  # seconds; ServerProcess.run bounds each subprocess as well


class Preparation(threading.Thread):
    """Creates, migrates and seeds the server's database in the background."""

    def __init__(self):
        super().__init__(name="parallel-server-preparation", daemon=True)
        self.server = ServerProcess()
        self.error = None

    def run(self):
        try:
            self.server.prepare()
        except BaseException as error:  # reported by the fixture, in the test that needs it
            self.error = error

    def result(self):
        self.join(timeout=PREPARE_TIMEOUT)
        if self.is_alive():
            raise ServerError(f"preparing the database took over {PREPARE_TIMEOUT} s")
        if self.error is not None:
            raise self.error
        return self.server


_preparation = None


def running_in_ci():
    return os.environ.get("CI", "").strip().lower() == "true"


def gunicorn_installed():
    return importlib.util.find_spec("gunicorn") is not None


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "parallel: parallel requests to a real gunicorn server (tests/parallel)"
    )


def pytest_collection_finish(session):
    global _preparation
    if session.config.option.collectonly or not gunicorn_installed():
        return
    if any(HERE in Path(str(item.path)).resolve().parents for item in session.items):
        _preparation = Preparation()
        _preparation.start()


def pytest_sessionfinish(session):
    # The fixture stops the server; this ends a preparation that no test came to use (the
    # run stopped early, or was interrupted), with its subprocess and its database.
    if _preparation is not None:
        _preparation.server.stop()
        _preparation.join(timeout=30)


@pytest.fixture(scope="session")
def server():
    """gunicorn with several sync workers on a migrated and seeded database of its own."""
    if not gunicorn_installed():
        message = "gunicorn is not installed (make install, or pip install 'gunicorn>=23,<28')"
        if running_in_ci():
            pytest.fail(f"{message}; CI=true, so the parallel-write tests must not be skipped.")
        pytest.skip(message)
    preparation = _preparation
    if preparation is None:  # not started at collection time
        preparation = Preparation()
        preparation.start()
    process = preparation.server
    try:
        try:
            preparation.result()
            process.launch()
        except ServerError as error:
            pytest.fail(f"the parallel-test server did not start: {error}", pytrace=False)
        yield process
    finally:
        process.stop()


@pytest.fixture(scope="session")
def login(server):
    """``login(username)``: an admin client with that user's session (one per username)."""
    clients = {}

    def make(username):
        if username not in clients:
            client = AdminClient(server.base_url, name=username)
            clients[username] = client.login(username, server.seed["password"])
        return clients[username]

    return make
