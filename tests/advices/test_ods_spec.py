"""The vendored VNG spec that the ODS API is validated against: the version the API announces,
unchanged from the shared standards where those are present."""

import hashlib
from pathlib import Path

import pytest

from advices.public.ods.headers import SPEC_VERSION
from tests.advices.ods_schema import FOLDER, errors, spec

SHARED = Path(__file__).resolve().parents[3] / "shared" / "standards" / "ods-open-raadsinformatie"
# The SHA-256 of each file as published (standards/ods-open-raadsinformatie/SOURCE.md): a clone
# without the shared standards beside it still proves its copy unchanged.
FILES = {
    "openapi.yaml": "163a1be52165a9def44654bc017e610e5d61a93d022f532fdf5af64e546bf25b",
    "extern/API-Kennisbank/common/common.yaml": (
        "7e99f8605545af651361a65a1525903eba76cfc10c254ab6baed373ec2f2d94d"
    ),
}


def test_the_api_announces_the_version_of_the_vendored_spec():
    assert spec()["info"]["version"] == SPEC_VERSION == "2.0.0-beta.4"


@pytest.mark.parametrize("name", FILES)
def test_the_vendored_files_are_the_published_ones(name):
    vendored = (FOLDER / name).read_bytes()
    assert hashlib.sha256(vendored).hexdigest() == FILES[name]
    if SHARED.is_dir():
        assert vendored == (SHARED / name).read_bytes()
    assert FILES[name] in (FOLDER / "SOURCE.md").read_text(encoding="utf-8")


def test_the_schemas_refuse_what_the_spec_forbids():
    """The validator is real: a malformed answer fails it."""
    assert errors({"next": None, "previous": None}, "PaginatedInformatieObjectList")
    assert errors({"url": "niet-een-adres", "id": "1"}, "InformatieObject")
    assert errors(
        {"url": "http://a/b", "id": "1", "informatieobjecttype": "brief"}, "InformatieObject"
    )
    assert errors({"url": "http://a/b", "id": "1", "besluitresultaat": "x" * 201}, "Besluit")
    assert not errors({"url": "http://a/b", "id": "1", "besluitresultaat": "Besluit"}, "Besluit")
