"""Text messages through a pluggable sender, chosen by ``CUASO_SMS_BACKEND``.

- ``ConsoleBackend`` (development): prints the message on the server's console, where a
  developer reads the code. Never a logger: codes do not belong in log files.
- ``OutboxBackend`` (tests): keeps messages in ``outbox`` like Django's ``mail.outbox``.
- A real provider is a class with ``send(phone, text)`` named in the setting.
"""

import sys
import threading
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class TextMessage:
    phone: str
    text: str
    sent_at: datetime = field(default_factory=timezone.now)


outbox: list[TextMessage] = []
_outbox_lock = threading.Lock()


class ConsoleBackend:
    def send(self, phone: str, text: str) -> None:
        sys.stdout.write(f"\n[SMS to {phone}]\n{text}\n\n")
        sys.stdout.flush()


class OutboxBackend:
    def send(self, phone: str, text: str) -> None:
        with _outbox_lock:
            outbox.append(TextMessage(phone=phone, text=text))


def sms_send(phone: str, text: str) -> None:
    backend = import_string(settings.CUASO_SMS_BACKEND)()
    backend.send(phone, text)
