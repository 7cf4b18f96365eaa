import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from courses.models import CourseIndexPage, CoursePage, HomePage, LessonPage
from tests.courses.factories import (
    ImageFactory,
    SkillFactory,
    add_course,
    add_lesson,
    callout,
    image_block,
    question,
    step,
    text_block,
)


@pytest.fixture
def course(catalogue):
    skill = SkillFactory(code="thanh-toan", name="Thanh toán trực tuyến", is_household_target=True)
    course = add_course(catalogue, skills=[skill], cover_image=ImageFactory(), featured=True)
    image = ImageFactory()
    add_lesson(
        course,
        title="Mở ứng dụng ngân hàng",
        body=[text_block("<p>Mở ứng dụng.</p>"), step("Chọn «Quét QR»", image), callout("scam"), image_block(image)],
        quiz=[question("Câu hỏi?", [("Có", True), ("Không", False)], "true_false")],
    )
    add_lesson(course, title="Kiểm tra tên người nhận")
    return course


def test_home_shows_featured_courses_topics_and_search(client, course):
    html = client.get("/").content.decode()
    assert 'lang="vi"' in html
    assert course.title in html
    assert "Thanh toán trực tuyến" in html  # topic by skill
    assert 'name="q"' in html


def test_catalogue_filters_by_skill(client, catalogue, course):
    other = add_course(catalogue, title="Khóa học khác")
    response = client.get(catalogue.url, {"ky-nang": "thanh-toan"})
    html = response.content.decode()
    assert course.title in html and other.title not in html
    assert other.title in client.get(catalogue.url).content.decode()


def test_catalogue_ignores_unknown_skill(client, catalogue, course):
    response = client.get(catalogue.url, {"ky-nang": "<b>khong-co</b>"})
    assert response.status_code == 200
    assert course.title in response.content.decode()


def test_course_page_lists_lessons_in_order(client, course):
    html = client.get(course.url).content.decode()
    assert html.index("Mở ứng dụng ngân hàng") < html.index("Kiểm tra tên người nhận")
    assert "og:image" in html and "og:title" in html


def test_lesson_page_has_steps_previous_next_and_quiz(client, course):
    first, second = LessonPage.objects.child_of(course).order_by("path")
    html = client.get(first.url).content.decode()
    assert "step__title" in html and "Chọn «Quét QR»" in html
    assert "callout--scam" in html
    assert 'type="image/webp"' in html and 'loading="lazy"' in html
    assert second.url in html and 'rel="next"' in html
    assert 'id="kiem-tra"' in html
    html2 = client.get(second.url).content.decode()
    assert first.url in html2 and 'rel="prev"' in html2


def test_unknown_page_is_a_vietnamese_404(client, home):
    response = client.get("/khong-ton-tai/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode() or 'lang="vi"' in response.content.decode()


def test_english_prefix_serves_english_ui(client, course):
    response = client.get("/en/tim-kiem/")
    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()


def test_page_trees_are_locked_both_ways():
    assert HomePage.allowed_subpage_models() == [CourseIndexPage]
    assert CourseIndexPage.allowed_subpage_models() == [CoursePage]
    assert CoursePage.allowed_subpage_models() == [LessonPage]
    assert LessonPage.allowed_subpage_models() == []
    assert LessonPage.allowed_parent_page_models() == [CoursePage]
    assert CoursePage.allowed_parent_page_models() == [CourseIndexPage]


def test_slugs_are_ascii_from_vietnamese_titles(catalogue):
    course = CoursePage(title="Đăng ký dịch vụ công", summary="x")
    catalogue.add_child(instance=course)
    assert course.slug == "dang-ky-dich-vu-cong"


def test_pass_mark_over_100_is_refused(catalogue):
    course = CoursePage(title="Khóa học", summary="x", pass_mark_percent=120)
    with pytest.raises(ValidationError):
        catalogue.add_child(instance=course)


def test_question_with_two_right_answers_for_single_choice_is_invalid():
    from courses.blocks import QuestionBlock

    block = QuestionBlock()
    value = block.to_python(
        {
            "kind": "single",
            "prompt": "?",
            "options": [{"text": "A", "is_correct": True}, {"text": "B", "is_correct": True}],
            "explanation": "",
        }
    )
    with pytest.raises(ValidationError):
        block.clean(value)


def test_unpublished_lesson_is_404(client, course):
    lesson = LessonPage.objects.child_of(course).first()
    lesson.unpublish()
    assert client.get(lesson.url or f"{course.url}{lesson.slug}/").status_code == 404


def test_one_home_page_per_language_and_no_wagtail_placeholder(home):
    assert sorted(HomePage.objects.values_list("locale__language_code", flat=True)) == ["en", "vi"]
    assert not Page.objects.filter(depth=2, title__startswith="Welcome").exists()


def test_last_lesson_leads_back_to_the_course(client, course):
    last = LessonPage.objects.child_of(course).order_by("path").last()
    html = client.get(last.url).content.decode()
    assert f'href="{course.url}"' in html and "Bài cuối" in html
