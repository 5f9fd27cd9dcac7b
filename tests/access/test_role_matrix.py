"""The role matrix: every URL of the site (tests/access/urls.py) for anonymous visitors and each
role, by GET and, where the role may not act, by POST, against the one table of what each role
may do (tests/access/table.py, the README's role table). No cell may allow more than the table;
a cell the table allows must not be refused. Anonymous visitors and the municipality never see
a draft's title anywhere."""

from fnmatch import fnmatchcase
from urllib.parse import urlsplit

import pytest

from tests.access.table import ANONYMOUS, CLERK, MAY, MEMBER, ROLES, SECRETARY, URLS
from tests.access.urls import UnknownArgument, targets
from tests.access.world import DRAFT_MARKER, World

# Statuses that mean "not for you" (or "nothing here", which reveals nothing either).
REFUSED_STATUSES = {400, 403, 404, 405}
# The steps of signing in send on who has nothing (more) to do there: not a refusal.
SIGN_IN_STEPS = {"wagtailadmin_login", "home_two_factor_verify"}
ADMIN_HOME = "/admin/"


def capability(target):
    for name_pattern, subject_pattern, needed in URLS:
        if fnmatchcase(target.name, name_pattern) and fnmatchcase(target.subject, subject_pattern):
            return needed
    return None


def refused(response):
    """Whether the response keeps the user out: a refusal status, the login page, or Wagtail's
    "no permission" redirect to the dashboard."""
    if response.status_code in REFUSED_STATUSES:
        return True
    if response.status_code in (301, 302):
        location = urlsplit(response["Location"])
        return location.path in (ADMIN_HOME, "/admin/login/", "/_util/login/")
    return False


def refused_by_permission(target, response):
    """A refusal that means "you may not" (not "there is nothing", "not like this" or "use
    POST"; the sign-in steps send who is signed in on to the dashboard)."""
    if response.status_code in (400, 404, 405) or target.name in SIGN_IN_STEPS:
        return False
    return refused(response)


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def check_role(client, world, role):
    user = {MEMBER: world.member, SECRETARY: world.secretary, CLERK: world.clerk}.get(role)
    problems = []
    checked = 0
    for target in targets(world):
        if isinstance(target, UnknownArgument):
            problems.append(f"not in the matrix: {target}")
            continue
        needed = capability(target)
        if needed is None:
            problems.append(f"no line in tests/access/table.py for {target.name} ({target.url})")
            continue
        may = role in MAY[needed]
        client.logout()
        if user is not None:
            client.force_login(user)
        response = client.get(target.url)
        checked += 1
        where = f"{target.name} [{target.subject}] {target.url}"
        if not may and not refused(response):
            problems.append(f"GET allows more than '{needed}': {where} → {response.status_code}")
        elif may and refused_by_permission(target, response):
            problems.append(f"GET refuses '{needed}': {where} → {response.status_code}")
        if role in (ANONYMOUS, CLERK) and DRAFT_MARKER in body(response):
            problems.append(f"a draft is shown: {where}")
        if not may:
            response = client.post(target.url, {})
            if not refused(response):
                problems.append(
                    f"POST allows more than '{needed}': {where} → {response.status_code}"
                )
    return checked, problems


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.django_db
def test_no_role_may_do_more_than_the_table_says(client, role):
    world = World()
    checked, problems = check_role(client, world, role)
    assert checked > 300, "the matrix lost its URLs"
    assert not problems, f"{len(problems)} cell(s) for {role}:\n" + "\n".join(problems)


def test_every_capability_is_used():
    used = {needed for _name, _subject, needed in URLS}
    assert used == set(MAY)
