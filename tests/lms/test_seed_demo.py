"""seed_demo: real demo content, idempotent, with fixed ids."""

import io
import unicodedata

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page

from courses import demo_content
from courses.models import CoursePage, LessonPage, Skill
from lms.models import User


def snapshot():
    lessons = {
        str(page.translation_key): (
            page.pk,
            [block.id for block in page.body],
            [(q.id, [o.id for o in q.value["options"].bound_blocks]) for q in page.questions],
        )
        for page in LessonPage.objects.all()
    }
    return {
        "pages": sorted(Page.objects.values_list("pk", "translation_key", "path")),
        "skills": sorted(Skill.objects.values_list("pk", "code")),
        "images": sorted(get_image_model().objects.values_list("pk", "file")),
        "users": sorted(User.objects.values_list("pk", "username")),
        "lessons": lessons,
    }


@pytest.fixture
def seeded(db):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_demo_prints_the_demo_accounts(seeded):
    for username in ("quantri", "bientap", "kiemduyet", "hocvien"):
        assert username in seeded
    assert "cuaso-bientap" in seeded


def test_seed_demo_creates_six_courses_of_four_lessons_or_more(seeded):
    courses = CoursePage.objects.live()
    assert courses.count() >= 6
    for course in courses:
        lessons = LessonPage.objects.child_of(course).live()
        assert lessons.count() >= 4, course.title
        for lesson in lessons:
            assert 2 <= len(lesson.questions) <= 4, lesson.title
            assert lesson.sources, f"{lesson.title} names no source"
            assert any(block.block_type == "step" for block in lesson.body)


def test_exactly_five_household_target_skills(seeded):
    assert Skill.objects.filter(is_household_target=True).count() == 5


def test_demo_text_is_nfc_vietnamese(seeded):
    for lesson in LessonPage.objects.all():
        for text in (lesson.title, lesson.intro):
            assert unicodedata.is_normalized("NFC", text)
        assert lesson.slug.isascii()


def test_seed_demo_twice_changes_nothing(seeded):
    before = snapshot()
    call_command("seed_demo", stdout=io.StringIO())
    assert snapshot() == before


def test_block_ids_are_fixed_by_content_keys(seeded):
    from courses.demo import demo_uuid

    course = demo_content.COURSES[0]
    lesson_data = course["lessons"][0]
    lesson = LessonPage.objects.get(translation_key=demo_uuid("lesson", course["key"], lesson_data["key"]))
    first_question = next(item for kind, item in lesson_data["body"] if kind == "question")
    assert lesson.questions[0].id == str(demo_uuid(course["key"], lesson_data["key"], "q", first_question["key"]))


def test_every_demo_lesson_renders(client, seeded):
    for lesson in LessonPage.objects.live():
        response = client.get(lesson.url)
        assert response.status_code == 200, lesson.url


def test_seed_demo_refuses_production(settings, db):
    from django.core.management.base import CommandError

    settings.CUASO_ALLOW_DEMO = False
    with pytest.raises(CommandError):
        call_command("seed_demo", stdout=io.StringIO())
