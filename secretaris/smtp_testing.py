"""A real SMTP server for tests: aiosmtpd on 127.0.0.1, on a free port, in a thread.

    with LocalSMTPServer() as smtp:
        ...  # point EMAIL_HOST/EMAIL_PORT at smtp.host/smtp.port and send mail
        message = smtp.wait_for_messages(1)[0]

Tests use the `smtp_server` fixture in the root conftest.py, which also switches Django
to the SMTP email backend.
"""

from __future__ import annotations

import email
import email.policy
import socket
import threading
import time
from email.message import EmailMessage


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class _Collector:
    """The aiosmtpd handler: keeps every message it receives."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.received = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        with self.received:
            self.messages.append(message)
            self.received.notify_all()
        return "250 Message accepted for delivery"


class LocalSMTPServer:
    """Context manager around an aiosmtpd Controller; `messages` holds what arrived."""

    def __init__(self, host: str = "127.0.0.1", port: int | None = None) -> None:
        self.host = host
        self.port = port or free_port(host)
        self._collector = _Collector()
        self._controller = None

    @property
    def messages(self) -> list[EmailMessage]:
        return list(self._collector.messages)

    def wait_for_messages(self, count: int = 1, timeout: float = 10) -> list[EmailMessage]:
        """The first `count` messages, waiting up to `timeout` seconds for them to arrive."""
        deadline = time.monotonic() + timeout
        with self._collector.received:
            while len(self._collector.messages) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(
                        f"{len(self._collector.messages)} of {count} e-mails received"
                    )
                self._collector.received.wait(left)
            return list(self._collector.messages[:count])

    def django_settings(self) -> dict[str, object]:
        """Settings that send Django's mail here."""
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": self.host,
            "EMAIL_PORT": self.port,
            "EMAIL_HOST_USER": "",
            "EMAIL_HOST_PASSWORD": "",
            "EMAIL_USE_TLS": False,
            "EMAIL_USE_SSL": False,
            "EMAIL_TIMEOUT": 10,
        }

    def __enter__(self) -> LocalSMTPServer:
        from aiosmtpd.controller import Controller  # test-only dependency

        self._controller = Controller(self._collector, hostname=self.host, port=self.port)
        self._controller.start()
        return self

    def __exit__(self, *exc_info) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
