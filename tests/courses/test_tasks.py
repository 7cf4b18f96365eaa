import pytest
from wagtail.images import get_image_model

from courses.constants import cover_rendition_filters, lesson_rendition_filters
from courses.tasks import page_renditions_generate
from tests.courses.factories import ImageFactory, add_course, add_lesson, image_block, step

Rendition = get_image_model().get_rendition_model()


@pytest.fixture
def lesson(catalogue):
    course = add_course(catalogue, cover_image=ImageFactory())
    return add_lesson(course, body=[step("Bước 1", ImageFactory()), image_block(ImageFactory())])


def test_publishing_a_lesson_generates_its_renditions(catalogue, django_capture_on_commit_callbacks):
    # Publishing enqueues the task after commit; embedded mode runs it in-process.
    course = add_course(catalogue)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        lesson = add_lesson(course, body=[step("Bước 1", ImageFactory()), image_block(ImageFactory())])
    assert callbacks
    image_ids = [b.value["image"].pk for b in lesson.body]
    specs = set(lesson_rendition_filters())
    for image_id in image_ids:
        assert specs <= set(Rendition.objects.filter(image_id=image_id).values_list("filter_spec", flat=True))


def test_course_cover_renditions_are_generated(lesson):
    course = lesson.get_parent().specific
    page_renditions_generate.delay(course.pk)
    made = set(Rendition.objects.filter(image=course.cover_image).values_list("filter_spec", flat=True))
    assert set(cover_rendition_filters()) <= made


def test_task_is_idempotent(lesson):
    first = page_renditions_generate.delay(lesson.pk).get()
    count = Rendition.objects.count()
    second = page_renditions_generate.delay(lesson.pk).get()
    assert first == second == 2 * len(lesson_rendition_filters())
    assert Rendition.objects.count() == count


def test_task_for_a_deleted_page_does_nothing(db):
    assert page_renditions_generate.delay(987654).get() == 0
