"""Do PostgreSQL and Redis answer? Exit 0 if both do.

When one does not: exit 1 under CI=true (an unreachable service is a failure there), else print
the reason and exit 3 so `make test` skips the integration pass and says why.
"""

import os
import socket
import sys

SERVICES = {"PostgreSQL": ("127.0.0.1", 5432), "Redis": ("127.0.0.1", 6379)}


def answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def main() -> int:
    down = [f"{name} at {host}:{port}" for name, (host, port) in SERVICES.items() if not answers(host, port)]
    if not down:
        return 0
    reason = "integration suite skipped: " + ", ".join(down) + " did not answer"
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        print(f"FAILED: {reason} (CI=true requires them)", file=sys.stderr)
        return 1
    print(f"SKIPPED: {reason}")
    return 3


if __name__ == "__main__":
    sys.exit(main())
