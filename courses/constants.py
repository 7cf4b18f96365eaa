"""Fixed values shared by the courses app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Renditions a lesson shows. The publish task pre-generates exactly these so that readers never
# wait for an image to be resized; templates use the same specs through the constants below.
STEP_IMAGE_WIDTHS = (360, 720)
IMAGE_FORMATS = ("webp", "jpeg")
COVER_IMAGE_WIDTHS = (360, 720)
OG_IMAGE_FILTER = "fill-1200x630|format-jpeg"


def lesson_rendition_filters() -> list[str]:
    return [f"width-{w}|format-{f}" for w in STEP_IMAGE_WIDTHS for f in IMAGE_FORMATS]


def cover_rendition_filters() -> list[str]:
    specs = [f"fill-{w}x{w * 9 // 16}|format-{f}" for w in COVER_IMAGE_WIDTHS for f in IMAGE_FORMATS]
    return [*specs, OG_IMAGE_FILTER]


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TRUE_FALSE = "true_false", _("True or false")


class CalloutKind(models.TextChoices):
    TIP = "tip", _("Tip")
    WARNING = "warning", _("Warning")
    SCAM = "scam", _("Scam alert")


DEFAULT_PASS_MARK_PERCENT = 80
