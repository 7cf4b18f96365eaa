"""Load the demo courses of ``demo_content`` as published pages. Idempotent.

Ids are derived from the content's stable keys with uuid5: a course's and a lesson's
``translation_key``, every body block id, question id and option id. Running the loader again
finds what exists and creates only what is missing, so no id ever changes and no learner's
answer is orphaned.
"""

import html
import io
import uuid
from dataclasses import dataclass

from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from . import demo_content
from .illustrations import cover_png, step_card_png
from .models import CourseIndexPage, CoursePage, CourseSkill, HomePage, LessonPage, Skill
from .text import ascii_slug

DEMO_NAMESPACE = uuid.UUID("6f1d3a52-8f0e-4b7c-9a55-2c1e0b9d7a10")
DEMO_COLLECTION = "Minh họa mẫu"


def demo_uuid(*parts: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, "/".join(parts))


@dataclass
class LoadSummary:
    skills_created: int = 0
    courses_created: int = 0
    lessons_created: int = 0
    images_created: int = 0


def _collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=DEMO_COLLECTION).first()
    return existing or root.add_child(name=DEMO_COLLECTION)


def _image(*, title: str, text: str, color: str, number: int | None, collection, summary: LoadSummary):
    """A demo illustration found by title in the demo collection, drawn only when missing."""
    image_model = get_image_model()
    image = image_model.objects.filter(collection=collection, title=title).first()
    if image is None:
        if number is None:
            png = cover_png(label=text, color=color)
        else:
            png = step_card_png(text=text, color=color, number=number)
        name = f"{ascii_slug(title, max_length=60) or 'minh-hoa'}.png"

        image = image_model(title=title, collection=collection, description=text[:255])
        image.file = ImageFile(io.BytesIO(png), name=name)
        image.save()
        summary.images_created += 1
    return image


def _paragraphs(text: str) -> str:
    if text.lstrip().startswith("<"):
        return text
    return "".join(f"<p>{html.escape(part.strip())}</p>" for part in text.split("\n\n") if part.strip())


def demo_skills_ensure(summary: LoadSummary | None = None) -> dict[str, Skill]:
    """The demo's skills by code, created when missing (other apps' demo data tags to them)."""
    skills = {}
    for order, data in enumerate(demo_content.SKILLS):
        skill, created = Skill.objects.get_or_create(
            code=data["code"],
            defaults={
                "name": data["name"],
                "description": data.get("description", ""),
                "is_household_target": data["is_household_target"],
                "sort_order": order,
            },
        )
        if summary is not None:
            summary.skills_created += int(created)
        skills[skill.code] = skill
    return skills


def _body(course: dict, lesson: dict, collection, summary: LoadSummary) -> tuple[list, list]:
    body, quiz = [], []
    step_number = 0
    prefix = (course["key"], lesson["key"])
    for index, (kind, value) in enumerate(lesson["body"]):
        block_id = str(demo_uuid(*prefix, "body", str(index)))
        if kind == "text":
            body.append({"type": "text", "value": _paragraphs(value), "id": block_id})
        elif kind == "step":
            step_number += 1
            image = _image(
                title=f"{lesson['title']} – bước {step_number}",
                text=value.get("card") or value["title"],
                color=course["cover"]["color"],
                number=step_number,
                collection=collection,
                summary=summary,
            )
            body.append(
                {
                    "type": "step",
                    "id": block_id,
                    "value": {
                        "title": value["title"],
                        "text": _paragraphs(value["text"]),
                        "image": image.pk,
                        "image_alt_text": value.get("card") or value["title"],
                        "audio": None,
                    },
                }
            )
        elif kind == "callout":
            body.append(
                {
                    "type": "callout",
                    "id": block_id,
                    "value": {"kind": value["kind"], "title": value["title"], "text": _paragraphs(value["text"])},
                }
            )
        elif kind == "question":
            question_key = value["key"]
            quiz.append(
                {
                    "type": "question",
                    "id": str(demo_uuid(*prefix, "q", question_key)),
                    "value": {
                        "kind": value["kind"],
                        "prompt": value["prompt"],
                        "explanation": value.get("explanation", ""),
                        "options": [
                            {
                                "type": "item",
                                "id": str(demo_uuid(*prefix, "q", question_key, option["key"])),
                                "value": {
                                    "text": option["text"],
                                    "is_correct": bool(option["correct"]),
                                    "feedback": option.get("feedback", ""),
                                },
                            }
                            for option in value["options"]
                        ],
                    },
                }
            )
        else:
            raise ValueError(f"Unknown demo block kind {kind!r} in {prefix}")
    return body, quiz


def _sources_html(sources: list[dict]) -> str:
    items = []
    for source in sources:
        label = html.escape(source["name"])
        if source.get("date"):
            label += f" ({html.escape(source['date'])})"
        if source.get("url"):
            label = f'<a href="{html.escape(source["url"], quote=True)}">{label}</a>'
        items.append(f"<li>{label}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


@transaction.atomic
def demo_content_load(*, home: HomePage) -> LoadSummary:
    summary = LoadSummary()
    locale = home.locale
    catalogue = CourseIndexPage.objects.child_of(home).get()
    collection = _collection()
    skills = demo_skills_ensure(summary)

    for course_data in demo_content.COURSES:
        course_key = demo_uuid("course", course_data["key"])
        course = CoursePage.objects.filter(translation_key=course_key, locale=locale).first()
        if course is None:
            cover = _image(
                title=f"{course_data['title']} – ảnh bìa",
                text=course_data["cover"]["label"],
                color=course_data["cover"]["color"],
                number=None,
                collection=collection,
                summary=summary,
            )
            course = CoursePage(
                title=course_data["title"],
                slug=ascii_slug(course_data["title"]),
                translation_key=course_key,
                locale=locale,
                summary=course_data["summary"],
                audience=course_data.get("audience", ""),
                estimated_minutes=course_data["estimated_minutes"],
                cover_image=cover,
                featured=True,
            )
            for order, code in enumerate(course_data["skills"]):
                course.skill_links.add(CourseSkill(skill=skills[code], sort_order=order))
            catalogue.add_child(instance=course)
            course.save_revision().publish()
            summary.courses_created += 1

        for lesson_data in course_data["lessons"]:
            lesson_key = demo_uuid("lesson", course_data["key"], lesson_data["key"])
            if LessonPage.objects.filter(translation_key=lesson_key, locale=locale).exists():
                continue
            body, quiz = _body(course_data, lesson_data, collection, summary)
            lesson = LessonPage(
                title=lesson_data["title"],
                slug=ascii_slug(lesson_data["title"]),
                translation_key=lesson_key,
                locale=locale,
                intro=lesson_data.get("intro", ""),
                estimated_minutes=lesson_data.get("estimated_minutes", 3),
                body=body,
                quiz=quiz,
                sources=_sources_html(lesson_data.get("sources", [])),
            )
            course.add_child(instance=lesson)
            lesson.save_revision().publish()
            summary.lessons_created += 1
    return summary


def default_home() -> HomePage:
    return HomePage.objects.filter(depth=2, locale=Locale.get_default()).get()
