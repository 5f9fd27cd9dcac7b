"""Running the site in production: the health endpoint, the public page cache, request ids and
structured logs. Generic: it imports nothing from ``home`` or ``advices``."""
