import pytest

from tests.factories import build_site


@pytest.fixture
def site_tree(db):
    home, index = build_site()
    return home, index
