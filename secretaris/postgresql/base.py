"""Django's PostgreSQL backend, with a health check that asks the server only when needed.

With CONN_HEALTH_CHECKS, Django checks a reused connection at the start of every request
by running `SELECT 1`: a round trip, and work for the server, before each page. That is a
fifth of the statements of a questionnaire page. Here the check first looks at the socket
without waiting: a server that ends a connection (a restart, `pg_terminate_backend`, an
idle timeout) sends its goodbye and closes, so the socket of a connection that is gone has
something to read. A connection that is open, outside a transaction and has nothing to
read is taken as usable without asking. Anything else gets Django's own check.

A connection whose network went away without a word (no FIN, no reset) is not noticed
this way; Django's `SELECT 1` would then wait for the network timeout just the same.
"""

from __future__ import annotations

import select

from django.db.backends.postgresql import base
from psycopg import pq


class DatabaseWrapper(base.DatabaseWrapper):
    def close_if_health_check_failed(self) -> None:
        if (
            self.connection is not None
            and self.health_check_enabled
            and not self.health_check_done
            and self._quiet()
        ):
            self.health_check_done = True
            return
        super().close_if_health_check_failed()

    def _quiet(self) -> bool:
        """Open, idle outside a transaction, and no message waiting from the server."""
        connection = self.connection
        if connection.closed or connection.broken:
            return False
        if connection.info.transaction_status != pq.TransactionStatus.IDLE:
            return False
        try:
            readable, _, _ = select.select([connection.fileno()], [], [], 0)
        except (OSError, ValueError):
            return False
        return not readable
