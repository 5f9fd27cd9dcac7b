"""Signing in to the admin in the browser, as a person does (the factories' password)."""

PASSWORD = "wachtwoord-123"


def log_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(base + "/admin/")
