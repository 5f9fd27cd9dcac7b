"""Opening a page in the browser and checking that it, and everything it asks for, loaded."""


def open_url(page, live_server, path):
    """Go to ``path`` on the live server; fail on an error answer for the page or for any
    file it asks for (the site's icon included)."""
    failed = []

    def record_failure(response):
        if response.status >= 400:
            failed.append(f"{response.status} {response.url}")

    page.on("response", record_failure)
    response = page.goto(live_server.url + path)
    assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
    page.wait_for_load_state("load")
    assert not failed, f"{path}: these requests failed:\n" + "\n".join(failed)
    return page
