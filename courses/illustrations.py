"""Step cards drawn with Pillow for demo lessons.

They are plainly illustrations (a "Minh họa" badge, no fake phone screens), so nobody mistakes
them for screenshots of a real portal. The font ships with the project (DejaVu Sans, Bitstream
Vera licence) because Pillow's built-in font lacks Vietnamese letters.
"""

import io
import unicodedata
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = Path(__file__).resolve().parent / "assets" / "fonts"
WIDTH, HEIGHT = 960, 540  # covers are 16:9; step cards are 960x400


@cache
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONT_DIR / name), size)


def _hex(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return tuple(int(color[i : i + 2], 16) for i in (0, 2, 4))


def _tint(rgb: tuple[int, int, int], amount: float) -> tuple[int, int, int]:
    return tuple(round(c + (255 - c) * amount) for c in rgb)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _badge(draw: ImageDraw.ImageDraw, *, right: int, top: int, text: str, fill, color) -> None:
    font = _font(26, bold=True)
    width = int(draw.textlength(text, font=font)) + 44
    draw.rounded_rectangle((right - width, top, right, top + 48), radius=24, fill=fill)
    draw.text((right - width / 2, top + 24), text, font=font, fill=color, anchor="mm")


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, max_width: int) -> list[str]:
    """Greedy word wrap measured in pixels (Vietnamese syllables are short words)."""
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= max_width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def step_card_png(*, text: str, color: str, number: int, badge: str = "Minh họa") -> bytes:
    """A 960x400 PNG: the step number in a circle beside a short caption of the step."""
    text = unicodedata.normalize("NFC", text)
    base = _hex(color)
    height = 400
    image = Image.new("RGB", (WIDTH, height), _tint(base, 0.9))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((24, 24, WIDTH - 24, height - 24), radius=32, fill=(255, 255, 255), outline=base, width=5)
    _badge(draw, right=WIDTH - 56, top=52, text=badge, fill=_tint(base, 0.82), color=base)
    font = _font(52, bold=True)
    lines = _wrap(draw, text, font, WIDTH - 244 - 64)
    if len(lines) > 3:
        font = _font(40, bold=True)
        lines = _wrap(draw, text, font, WIDTH - 244 - 64)[:4]
    line_height = 66 if font.size > 40 else 52
    top = (height - line_height * len(lines)) // 2 + 16
    draw.ellipse((72, height // 2 - 66, 204, height // 2 + 66), fill=base)
    draw.text((138, height // 2), str(number), font=_font(72, bold=True), fill=(255, 255, 255), anchor="mm")
    for index, line in enumerate(lines):
        draw.text((244, top + index * line_height), line, font=font, fill=(26, 29, 33))
    return _png(image)


def cover_png(*, label: str, color: str, badge: str = "Minh họa") -> bytes:
    """A 960x540 course cover: the course's short label large on its colour."""
    label = unicodedata.normalize("NFC", label)
    base = _hex(color)
    image = Image.new("RGB", (WIDTH, HEIGHT), base)
    draw = ImageDraw.Draw(image)
    for index, radius in enumerate((520, 400, 280)):
        draw.ellipse(
            (WIDTH - radius, HEIGHT - radius, WIDTH + radius, HEIGHT + radius), fill=_tint(base, 0.08 * (index + 1))
        )
    _badge(draw, right=WIDTH - 40, top=40, text=badge, fill=(255, 255, 255), color=base)
    size = 120 if len(label) <= 8 else 96
    draw.text((72, HEIGHT // 2), label, font=_font(size, bold=True), fill=(255, 255, 255), anchor="lm")
    return _png(image)
