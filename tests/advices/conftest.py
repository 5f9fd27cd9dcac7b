import pytest

from tests.advices.story import add_index, make_people
from tests.factories import CouncilMemberFactory, MunicipalityUserFactory, SecretaryFactory
from tests.home.conftest import site_tree  # noqa: F401  (shared page tree fixture)


@pytest.fixture
def member(db):
    return CouncilMemberFactory(username="raadslid", first_name="Rianne", last_name="Raadslid")


@pytest.fixture
def secretary(db):
    return SecretaryFactory(username="secretaris", first_name="Sem", last_name="Secretaris")


@pytest.fixture
def clerk(db):
    return MunicipalityUserFactory(username="gemeente")


@pytest.fixture
def index(site_tree):  # noqa: F811  (the fixture imported above)
    """The public "Adviezen" page under the home page."""
    return add_index(site_tree)


@pytest.fixture
def people(db):
    """One user per role, with names that must never reach a public page."""
    return make_people()
