"""gunicorn's own log lines and its access log as JSON (operations/logs.py), one object per
line: ``logger_class`` in deploy/gunicorn.conf.py.

An access line holds the request id (from the response header the site sets), method, path
without the query string (search words and tokens stay out of the logs), status, bytes,
duration and the client address; no cookies, no user agent."""

from gunicorn.glogging import Logger

from operations.logs import JsonFormatter
from operations.request_id import HEADER

_HEADER = HEADER.lower()


class JsonLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(JsonFormatter())

    def access(self, resp, req, environ, request_time):
        if not self.cfg.accesslog:
            return
        request_id = next((value for name, value in resp.headers if name.lower() == _HEADER), None)
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        duration_ms = request_time.seconds * 1000 + request_time.microseconds / 1000
        self.access_log.info(
            "%s %s %s",
            environ.get("REQUEST_METHOD"),
            environ.get("PATH_INFO"),
            status,
            extra={
                "request_id": request_id,
                "method": environ.get("REQUEST_METHOD"),
                "path": environ.get("PATH_INFO"),
                "status": int(status),
                "bytes": getattr(resp, "sent", None),
                "duration_ms": round(duration_ms, 1),
                "remote_addr": environ.get("REMOTE_ADDR"),
            },
        )
