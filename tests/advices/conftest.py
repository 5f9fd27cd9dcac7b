import pytest

from tests.factories import UserFactory
from tests.home.conftest import site_tree  # noqa: F401  (shared page tree fixture)


@pytest.fixture
def member(db):
    return UserFactory(
        username="raadslid", first_name="Rianne", last_name="Raadslid", groups=["Raadsleden"]
    )


@pytest.fixture
def secretary(db):
    return UserFactory(
        username="secretaris", first_name="Sem", last_name="Secretaris", groups=["Secretariaat"]
    )


@pytest.fixture
def clerk(db):
    return UserFactory(username="gemeente", groups=["Gemeente"])
