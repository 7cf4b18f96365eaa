"""Referral tokens: made on the team member's phone from the visit's UUID, offline.

The token travels in a course link (``<course url>?nguon=<token>``) shown as a QR code at the
doorstep, lands in ``Enrolment.source`` and ties the enrolment back to the visit once the visit
reaches the server. It is short enough for a small QR code and reveals nothing: no household,
person or team, only a hash of a random UUID.
"""

import hashlib
import re
import uuid
from urllib.parse import urlencode

from lms.learners import SOURCE_PARAM

DOMAIN_PREFIX = b"cuaso-ref:"
TOKEN_LENGTH = 10
# Crockford's base32, lower case: no i, l, o, u.
ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
TOKEN_PATTERN = re.compile(rf"^[{ALPHABET}]{{{TOKEN_LENGTH}}}$")

REFERRAL_ALGORITHM = """\
token = referral_token_for(visit_uuid), 10 characters:
1. bytes = the 10 ASCII bytes of "cuaso-ref:" followed by the 16 bytes of the visit UUID
   (RFC 4122 byte order, the 32 hex digits of its canonical form read as bytes, big-endian).
2. digest = SHA-256(bytes) (32 bytes).
3. Take the first 50 bits of digest, most significant bit first (the 6 first bytes hold 48 of
   them, the 2 high bits of the 7th byte the last 2).
4. Cut them into ten 5-bit groups, first bits first; each group (0..31) is one character of
   "0123456789abcdefghjkmnpqrstvwxyz" (Crockford's base32 alphabet, lower case).
Example: 00000000-0000-0000-0000-000000000000 -> "gnm70mj96h" (digest begins 85 68 70 52 49 34 73).
In the browser: crypto.subtle.digest("SHA-256", prefix+uuidBytes), then read the bits as above.
"""


def referral_token_for(visit_uuid: uuid.UUID | str) -> str:
    """The visit's referral token; deterministic, 10 characters from ``ALPHABET``.

    Algorithm (the field screens compute the same with WebCrypto): SHA-256 over
    ``b"cuaso-ref:" + visit_uuid.bytes``; the first 50 bits of the digest, big-endian, in ten
    5-bit groups, each mapped to ``0123456789abcdefghjkmnpqrstvwxyz``. See ``REFERRAL_ALGORITHM``.
    Collisions: with 50 bits, two visits share a token with probability about n²/2⁵¹ (1 in
    10,000 at 150,000 visits, about 4 % at 10 million). ``services.visit_create`` then stores the
    later visit under ``<token>-<5 hex digits of its UUID>`` (the column is unique), so the visit
    is never refused; enrolments through its QR code go to the earlier visit with that token.
    """
    raw = visit_uuid.bytes if isinstance(visit_uuid, uuid.UUID) else uuid.UUID(str(visit_uuid)).bytes
    digest = hashlib.sha256(DOMAIN_PREFIX + raw).digest()
    bits = int.from_bytes(digest[:7], "big") >> (56 - 5 * TOKEN_LENGTH)
    chars = []
    for shift in range(5 * (TOKEN_LENGTH - 1), -1, -5):
        chars.append(ALPHABET[(bits >> shift) & 0b11111])
    return "".join(chars)


def is_referral_token(value: str) -> bool:
    """Whether ``value`` has the shape of a token (an enrolment source may be anything else)."""
    return bool(value) and bool(TOKEN_PATTERN.match(value))


def referral_link(course_url: str, token: str) -> str:
    """The link printed in the QR code: the course page with the token in ``?nguon=``."""
    separator = "&" if "?" in course_url else "?"
    return f"{course_url}{separator}{urlencode({SOURCE_PARAM: token})}"
