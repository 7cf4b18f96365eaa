"""A fixed-window counter in the shared cache, for our own forms (resume codes)."""

import hashlib

from django.core.cache import cache


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def rate_allow(*, action: str, key: str, limit: int, window_seconds: int) -> bool:
    """Count one hit for (action, key); False once more than ``limit`` in the window."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    cache_key = f"cuaso:rl:{action}:{digest}"
    cache.add(cache_key, 0, timeout=window_seconds)
    try:
        hits = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window_seconds)
        hits = 1
    return hits <= limit
