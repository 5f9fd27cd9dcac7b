"""The headers every answer of the ODS API carries."""

# The version of the VNG specification these answers follow (common.yaml's ``api-version``).
SPEC_VERSION = "2.0.0-beta.4"


def with_api_headers(response):
    response["api-version"] = SPEC_VERSION
    # Open data: any web page may read it (no cookies, nothing to change here).
    response["Access-Control-Allow-Origin"] = "*"
    return response
