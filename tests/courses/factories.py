"""Factories for content. Pages are added under real parents so URLs and trees are right."""

import io
import uuid

import factory
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from courses.models import CoursePage, CourseSkill, LessonPage, Skill


def png_file(name: str = "anh.png", size=(800, 450), color=(20, 80, 160)) -> ImageFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, format="PNG")
    return ImageFile(io.BytesIO(buffer.getvalue()), name=name)


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Ảnh {n}")
    file = factory.LazyFunction(png_file)


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"ky-nang-{n}")
    name = factory.Sequence(lambda n: f"Kỹ năng {n}")


def question(prompt: str, options: list[tuple[str, bool]], kind: str = "single", explanation: str = "") -> dict:
    """Raw stream data for one question; returns ids so tests can answer by id."""
    return {
        "type": "question",
        "id": str(uuid.uuid4()),
        "value": {
            "kind": kind,
            "prompt": prompt,
            "explanation": explanation,
            "options": [
                {
                    "type": "item",
                    "id": str(uuid.uuid4()),
                    "value": {"text": text, "is_correct": correct, "feedback": f"Phản hồi: {text}"},
                }
                for text, correct in options
            ],
        },
    }


def step(title: str, image=None) -> dict:
    return {
        "type": "step",
        "id": str(uuid.uuid4()),
        "value": {
            "title": title,
            "text": f"<p>{title}.</p>",
            "image": image.pk if image else None,
            "image_alt_text": "",
            "audio": None,
        },
    }


def image_block(image) -> dict:
    return {
        "type": "image",
        "id": str(uuid.uuid4()),
        "value": {"image": image.pk, "alt_text": "", "caption": "Chú thích"},
    }


def text_block(html: str) -> dict:
    return {"type": "text", "id": str(uuid.uuid4()), "value": html}


def callout(kind: str = "scam") -> dict:
    return {
        "type": "callout",
        "id": str(uuid.uuid4()),
        "value": {"kind": kind, "title": "Cảnh giác", "text": "<p>Không bấm vào đường link lạ.</p>"},
    }


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_course(catalogue, *, title="Thanh toán bằng mã QR", skills=(), **kwargs) -> CoursePage:
    course = CoursePage(title=title, summary=kwargs.pop("summary", "Học cách quét mã QR ngân hàng."), **kwargs)
    for order, skill in enumerate(skills):
        course.skill_links.add(CourseSkill(skill=skill, sort_order=order))
    catalogue.add_child(instance=course)
    return publish(course)


def add_lesson(course, *, title="Quét mã VietQR", body=None, quiz=None, **kwargs) -> LessonPage:
    lesson = LessonPage(title=title, body=body or [], quiz=quiz or [], **kwargs)
    course.add_child(instance=lesson)
    return publish(lesson)
