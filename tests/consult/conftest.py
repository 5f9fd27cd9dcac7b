from tests.home.conftest import site_tree  # noqa: F401  (shared page tree fixture)
