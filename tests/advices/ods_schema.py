"""Validate answers of the ODS API against the VNG spec's own component schemas (OpenAPI 3.0
rules: nullable, readOnly), offline: the spec's external ``$ref``s to the API-Kennisbank's
common.yaml resolve to the vendored copy beside it."""

import functools
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from jsonschema import FormatChecker
from openapi_schema_validator import OAS30ReadValidator, oas30_format_checker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

FOLDER = Path(__file__).resolve().parents[2] / "standards" / "ods-open-raadsinformatie"
SPEC_URI = "urn:ods-open-raadsinformatie"
COMMON_URI = (
    "https://raw.githubusercontent.com/VNG-Realisatie/API-Kennisbank/master/common/common.yaml"
)


def _load(path):
    with open(path, encoding="utf-8") as file:
        return yaml.safe_load(file)


@functools.cache
def spec():
    return _load(FOLDER / "openapi.yaml")


@functools.cache
def _registry():
    common = _load(FOLDER / "extern" / "API-Kennisbank" / "common" / "common.yaml")
    return Registry().with_resources(
        [
            (SPEC_URI, Resource.from_contents(spec(), default_specification=DRAFT4)),
            (COMMON_URI, Resource.from_contents(common, default_specification=DRAFT4)),
        ]
    )


def _format_checker():
    """OpenAPI's formats, and ``uri`` checked for real (jsonschema skips it without rfc3987)."""
    checker = FormatChecker(formats=())
    for name, entry in oas30_format_checker.checkers.items():
        checker.checkers[name] = entry

    @checker.checks("uri")
    def is_absolute_uri(value):
        if not isinstance(value, str):
            return True
        parts = urlsplit(value)
        return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value

    return checker


def errors(instance, schema_name, document=SPEC_URI):
    """Every way ``instance`` breaks the component schema ``schema_name``, as messages."""
    validator = OAS30ReadValidator(
        {"$ref": f"{document}#/components/schemas/{schema_name}"},
        registry=_registry(),
        format_checker=_format_checker(),
    )
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(instance)
    ]


def assert_valid(instance, schema_name):
    found = errors(instance, schema_name)
    assert not found, f"{schema_name}: {found}"


def assert_problem(instance, schema_name="Foutbericht"):
    found = errors(instance, schema_name, document=COMMON_URI)
    assert not found, f"{schema_name}: {found}"
