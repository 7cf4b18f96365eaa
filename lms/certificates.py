"""The certificate PDF: A4 landscape, drawn with ReportLab in a shipped font (Noto Sans, OFL).

ReportLab's built-in fonts have no Vietnamese letters, and it does not shape text, so a
decomposed letter (base + combining mark) would be drawn with its mark misplaced: every string
is NFC-normalised first, and Noto Sans has every precomposed Vietnamese letter.

The certificate is a Vietnamese document whatever language the site is shown in, so its words
are fixed here rather than translated.
"""

import io
import threading
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import segno
from django.conf import settings
from django.urls import reverse
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT_DIR = Path(__file__).resolve().parent / "assets" / "fonts"
REGULAR, BOLD = "CuaSoSans", "CuaSoSans-Bold"

PRIMARY = HexColor("#0b4f9c")
TEXT = HexColor("#1a1d21")
MUTED = HexColor("#4a5260")
SURFACE = HexColor("#f3f6fa")

TITLE = "CHỨNG NHẬN HOÀN THÀNH KHÓA HỌC"
BRAND = "Cửa Số"
TAGLINE = "Học kỹ năng số cùng Tổ công nghệ số cộng đồng"
HOLDER_LEAD = "Chứng nhận học viên"
COURSE_LEAD = "đã hoàn thành khóa học"
ISSUED = "Ngày cấp: {date}"
CODE = "Mã chứng nhận: {code}"
CHECK_AT = "Kiểm tra chứng nhận tại:"
SCAN = "Quét mã để kiểm tra"

# ReportLab keeps a font's subsetting state on the shared font object: one document at a time.
_render_lock = threading.Lock()


@dataclass(frozen=True)
class CertificateContent:
    holder_name: str
    course_title: str
    issued_on: date
    code: str  # as printed, in groups
    verify_url: str


def nfc(text: str) -> str:
    """NFC, single spaces, no surrounding blanks."""
    return unicodedata.normalize("NFC", " ".join((text or "").split()))


def certificate_verify_url(code: str) -> str:
    """The public check page's absolute address, as printed and in the QR code. ``SITE_URL`` is
    the site's public address (production derives it from ``ALLOWED_HOSTS`` when unset)."""
    return settings.SITE_URL.rstrip("/") + reverse("certificate_verify", args=[code])


@cache
def _register_fonts() -> None:
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONT_DIR / "NotoSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "NotoSans-Bold.ttf")))


def _fitting_size(text: str, font: str, size: float, min_size: float, max_width: float) -> float:
    while size > min_size and pdfmetrics.stringWidth(text, font, size) > max_width:
        size -= 1
    return size


def _qr_png(url: str) -> ImageReader:
    buffer = io.BytesIO()
    # The four-module quiet zone is part of the image, so nothing drawn nearby can eat into it.
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=10, border=4, dark="#1a1d21")
    buffer.seek(0)
    return ImageReader(buffer)


def _logo(canvas: Canvas, x: float, y: float, size: float) -> None:
    """The site's window mark: a square with a cross."""
    canvas.setStrokeColor(PRIMARY)
    canvas.setLineWidth(2.2)
    canvas.rect(x, y, size, size, stroke=1, fill=0)
    canvas.line(x + size / 2, y, x + size / 2, y + size)
    canvas.line(x, y + size / 2, x + size, y + size / 2)


def certificate_pdf(content: CertificateContent) -> bytes:
    """The certificate as PDF bytes."""
    holder = nfc(content.holder_name)
    course = nfc(content.course_title)
    code = nfc(content.code)
    url = nfc(content.verify_url)
    issued = content.issued_on.strftime("%d/%m/%Y")
    width, height = landscape(A4)
    centre = width / 2

    with _render_lock:
        _register_fonts()
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=(width, height), pageCompression=1, initialFontName=REGULAR, lang="vi")
        canvas.setTitle(f"{TITLE.capitalize()}: {course}")
        canvas.setAuthor(BRAND)
        canvas.setSubject(f"{CODE.format(code=code)}")
        canvas.setCreator(BRAND)

        # Frame: a light band inside a double rule.
        canvas.setFillColor(SURFACE)
        canvas.rect(0, 0, width, height, stroke=0, fill=1)
        canvas.setFillColor(HexColor("#ffffff"))
        canvas.rect(34, 34, width - 68, height - 68, stroke=0, fill=1)
        canvas.setStrokeColor(PRIMARY)
        canvas.setLineWidth(3)
        canvas.rect(24, 24, width - 48, height - 48, stroke=1, fill=0)
        canvas.setLineWidth(0.8)
        canvas.rect(34, 34, width - 68, height - 68, stroke=1, fill=0)

        # Brand.
        brand_size = 20
        brand_width = pdfmetrics.stringWidth(BRAND, BOLD, brand_size)
        logo = 18
        left = centre - (logo + 8 + brand_width) / 2
        _logo(canvas, left, height - 92, logo)
        canvas.setFillColor(PRIMARY)
        canvas.setFont(BOLD, brand_size)
        canvas.drawString(left + logo + 8, height - 90, BRAND)
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 10.5)
        canvas.drawCentredString(centre, height - 110, TAGLINE)

        # Title and a short rule under it.
        canvas.setFillColor(PRIMARY)
        title_size = _fitting_size(TITLE, BOLD, 28, 18, width - 140)
        canvas.setFont(BOLD, title_size)
        canvas.drawCentredString(centre, height - 162, TITLE)
        canvas.setLineWidth(1.5)
        canvas.line(centre - 60, height - 178, centre + 60, height - 178)

        # Who, and what they completed.
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 15)
        canvas.drawCentredString(centre, height - 215, HOLDER_LEAD)
        canvas.setFillColor(TEXT)
        name_size = _fitting_size(holder, BOLD, 34, 18, width - 160)
        canvas.setFont(BOLD, name_size)
        canvas.drawCentredString(centre, height - 258, holder)
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 15)
        canvas.drawCentredString(centre, height - 292, COURSE_LEAD)
        canvas.setFillColor(TEXT)
        course_size = 22
        lines = simpleSplit(course, BOLD, course_size, width - 200)
        if len(lines) > 2:
            course_size = 17
            lines = simpleSplit(course, BOLD, course_size, width - 200)[:3]
        canvas.setFont(BOLD, course_size)
        y = height - 328
        for line in lines:
            canvas.drawCentredString(centre, y, line)
            y -= course_size * 1.3
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 13)
        canvas.drawCentredString(centre, min(y - 8, height - 380), ISSUED.format(date=issued))

        # Code, where to check it, and the QR code to that page.
        qr_size = 124
        qr_x, qr_y = width - 52 - qr_size, 58
        canvas.drawImage(_qr_png(url), qr_x, qr_y, qr_size, qr_size)
        canvas.setFont(REGULAR, 9)
        canvas.drawCentredString(qr_x + qr_size / 2, qr_y - 4, SCAN)
        text_width = qr_x - 64 - 24
        canvas.setFillColor(TEXT)
        canvas.setFont(BOLD, 12.5)
        canvas.drawString(64, 124, CODE.format(code=code))
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 10)
        canvas.drawString(64, 104, CHECK_AT)
        canvas.setFillColor(PRIMARY)
        url_size = _fitting_size(url, REGULAR, 10, 6, text_width)
        canvas.setFont(REGULAR, url_size)
        canvas.drawString(64, 89, url)
        canvas.linkURL(url, (64, 85, 64 + pdfmetrics.stringWidth(url, REGULAR, url_size), 99), relative=0)

        canvas.showPage()
        canvas.save()
    return buffer.getvalue()
