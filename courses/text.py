"""Vietnamese text helpers: accent folding for search and ASCII slugs."""

import unicodedata

from anyascii import anyascii
from django.utils.text import slugify


def fold(text: str) -> str:
    """Lower-case ASCII form of ``text``: "Thanh toán bằng mã QR" -> "thanh toan bang ma qr"."""
    return anyascii(unicodedata.normalize("NFC", text or "")).lower()


def ascii_slug(text: str, max_length: int = 80) -> str:
    """ASCII slug that keeps Vietnamese letters: "Đăng ký" -> "dang-ky" (Django drops the Đ)."""
    return slugify(fold(text))[:max_length].strip("-")
