"""The vendored VNG spec that the ODS API is validated against: the version the API announces,
unchanged from the shared standards where those are present."""

from pathlib import Path

import pytest

from advices.public.ods.headers import SPEC_VERSION
from tests.advices.ods_schema import FOLDER, errors, spec

SHARED = Path(__file__).resolve().parents[3] / "shared" / "standards" / "ods-open-raadsinformatie"
FILES = ["openapi.yaml", "extern/API-Kennisbank/common/common.yaml"]


def test_the_api_announces_the_version_of_the_vendored_spec():
    assert spec()["info"]["version"] == SPEC_VERSION == "2.0.0-beta.4"


@pytest.mark.parametrize("name", FILES)
def test_the_vendored_files_are_the_shared_ones(name):
    if not SHARED.is_dir():
        pytest.skip("no shared standards beside this clone")
    assert (FOLDER / name).read_bytes() == (SHARED / name).read_bytes()


def test_the_schemas_refuse_what_the_spec_forbids():
    """The validator is real: a malformed answer fails it."""
    assert errors({"next": None, "previous": None}, "PaginatedInformatieObjectList")
    assert errors({"url": "niet-een-adres", "id": "1"}, "InformatieObject")
    assert errors(
        {"url": "http://a/b", "id": "1", "informatieobjecttype": "brief"}, "InformatieObject"
    )
    assert errors({"url": "http://a/b", "id": "1", "besluitresultaat": "x" * 201}, "Besluit")
    assert not errors({"url": "http://a/b", "id": "1", "besluitresultaat": "Besluit"}, "Besluit")
