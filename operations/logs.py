"""Structured logs for production: one JSON object per line (time, level, logger, message,
the request id, and whatever fields the caller passed with ``extra``), so journald or a log
collector can filter on them without parsing prose."""

import datetime
import json
import logging

from operations.request_id import current_request_id

# Attributes every LogRecord has; anything else on a record came from ``extra=`` and is kept.
_STANDARD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
    "request_id",
}


class RequestIdFilter(logging.Filter):
    """Adds the id of the request being handled (None outside a request)."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            # Django logs a 4xx/5xx after the middleware has returned: then the request
            # it passes along still holds its id.
            request = getattr(record, "request", None)
            record.request_id = current_request_id.get() or getattr(request, "id", None)
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = (
            getattr(record, "request_id", None)
            or current_request_id.get()
            or getattr(getattr(record, "request", None), "id", None)
        )
        if request_id:
            entry["request_id"] = request_id
        for name, value in record.__dict__.items():
            if name in _STANDARD or name.startswith("_"):
                continue
            if name == "request" and hasattr(value, "method") and hasattr(value, "path"):
                # Django's own loggers pass the request: its method and path, never the
                # query string (search words, tokens) or the whole object.
                entry.setdefault("method", value.method)
                entry.setdefault("path", value.path)
                continue
            entry[name] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
