"""publiccode.yml at the repository's root: the keys the publiccode.yml standard 0.4 makes
mandatory are there, of the right shape, and agree with the project's own files."""

import re
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

# A few of the standard's categories (its list has about a hundred): the ones that can fit
# this software. A category outside the standard's list makes the file invalid.
KNOWN_CATEGORIES = {
    "collaboration",
    "communications",
    "content-management",
    "digital-citizenship",
    "document-management",
    "knowledge-management",
    "online-community",
    "website-builder",
    "workflow-management",
}
DEVELOPMENT_STATUSES = {"concept", "development", "beta", "stable", "obsolete"}
SOFTWARE_TYPES = {
    "standalone/mobile",
    "standalone/iot",
    "standalone/desktop",
    "standalone/web",
    "standalone/backend",
    "standalone/other",
    "addon",
    "library",
    "configurationFiles",
}
MAINTENANCE_TYPES = {"internal", "contract", "community", "none"}


@pytest.fixture(scope="module")
def publiccode():
    return yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_core_keys(publiccode, pyproject):
    assert publiccode["publiccodeYmlVersion"] == "0.4"
    assert publiccode["name"] == "Adviesvolger"
    assert re.fullmatch(r"https://\S+", publiccode["url"])
    assert publiccode["softwareVersion"] == pyproject["version"]
    assert publiccode["platforms"] == ["web"]
    assert publiccode["categories"]
    assert set(publiccode["categories"]) <= KNOWN_CATEGORIES
    assert publiccode["developmentStatus"] in DEVELOPMENT_STATUSES
    assert publiccode["softwareType"] in SOFTWARE_TYPES


def test_the_dutch_description(publiccode):
    dutch = publiccode["description"]["nl"]
    assert 0 < len(dutch["shortDescription"]) <= 150
    assert 150 <= len(dutch["longDescription"]) <= 10000
    assert "adviesraad" in dutch["longDescription"]
    assert len(dutch["features"]) >= 3
    assert all(0 < len(feature) <= 100 for feature in dutch["features"])


def test_the_licence_is_the_one_the_project_declares(publiccode, pyproject):
    assert publiccode["legal"]["license"] == pyproject["license"]["text"] == "EUPL-1.2"


def test_maintenance_and_localisation(publiccode):
    maintenance = publiccode["maintenance"]
    assert maintenance["type"] in MAINTENANCE_TYPES
    if maintenance["type"] in {"internal", "community"}:
        assert maintenance["contacts"] and all(c["name"] for c in maintenance["contacts"])
    localisation = publiccode["localisation"]
    assert localisation["localisationReady"] is True
    assert "nl" in localisation["availableLanguages"]
