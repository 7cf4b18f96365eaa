"""Step cards drawn with Pillow for demo lessons.

They are plainly illustrations (a "Minh họa" badge, no fake phone screens), so nobody mistakes
them for screenshots of a real portal. The font ships with the project (DejaVu Sans, Bitstream
Vera licence) because Pillow's built-in font lacks Vietnamese letters.
"""

import io
import textwrap
import unicodedata
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = Path(__file__).resolve().parent / "assets" / "fonts"
WIDTH, HEIGHT = 960, 540


@cache
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONT_DIR / name), size)


def _hex(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return tuple(int(color[i : i + 2], 16) for i in (0, 2, 4))


def _tint(rgb: tuple[int, int, int], amount: float) -> tuple[int, int, int]:
    return tuple(round(c + (255 - c) * amount) for c in rgb)


def step_card_png(*, text: str, color: str, number: int | None = None, badge: str = "Minh họa") -> bytes:
    """A 960x540 PNG: a coloured card with an optional step number and a short caption."""
    text = unicodedata.normalize("NFC", text)
    base = _hex(color)
    image = Image.new("RGB", (WIDTH, HEIGHT), _tint(base, 0.88))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((40, 40, WIDTH - 40, HEIGHT - 40), radius=36, fill=(255, 255, 255), outline=base, width=6)
    draw.rounded_rectangle((WIDTH - 250, 64, WIDTH - 64, 116), radius=26, fill=_tint(base, 0.8))
    draw.text((WIDTH - 157, 90), badge, font=_font(26, bold=True), fill=base, anchor="mm")
    left = 96
    if number is not None:
        draw.ellipse((left, 150, left + 120, 270), fill=base)
        draw.text((left + 60, 210), str(number), font=_font(64, bold=True), fill=(255, 255, 255), anchor="mm")
        left += 160
    lines = textwrap.wrap(text, width=22 if number is not None else 30)[:4]
    font = _font(46, bold=True)
    y = 170 if number is not None else HEIGHT // 2 - 32 * len(lines)
    for line in lines:
        draw.text((left, y), line, font=font, fill=(26, 29, 33))
        y += 64
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
