import pytest
from django.contrib.auth.models import Group
from wagtail.models import WorkflowPage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from courses.models import CourseSkill, LessonPage, Skill
from courses.services import EDITORS_GROUP, MODERATORS_GROUP, site_setup
from lms.models import User
from tests.courses.factories import SkillFactory, add_course, add_lesson, png_file


def member(group_name, username):
    user = User.objects.create_user(username=username, password="mat-khau-dai-123")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def lesson(catalogue):
    return add_lesson(add_course(catalogue), title="Bài học")


def test_editors_write_and_submit_but_do_not_publish(lesson):
    editor = member(EDITORS_GROUP, "bientap")
    perms = lesson.permissions_for_user(editor)
    assert perms.can_edit() and not perms.can_publish()


def test_moderators_publish(lesson):
    moderator = member(MODERATORS_GROUP, "kiemduyet")
    assert lesson.permissions_for_user(moderator).can_publish()


def test_review_workflow_covers_the_site(home, lesson):
    workflow = WorkflowPage.objects.get(page=home).workflow
    assert lesson.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS_GROUP]


def test_site_setup_is_idempotent(home):
    site_setup()
    assert Group.objects.filter(name=EDITORS_GROUP).count() == 1
    assert WorkflowPage.objects.filter(page=home).count() == 1


def test_editor_submits_a_lesson_for_review_in_the_admin(client, lesson):
    editor = member(EDITORS_GROUP, "bientap")
    client.force_login(editor)
    url = f"/admin/pages/{lesson.pk}/edit/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        nested_form_data(
            {
                "title": "Bài học đã sửa",
                "slug": lesson.slug,
                "intro": "Giới thiệu",
                "estimated_minutes": 3,
                "body": streamfield([]),
                "quiz": streamfield([]),
                "sources": rich_text(""),
                "comments": inline_formset([]),
                "action-submit": "1",
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    lesson.refresh_from_db()
    assert lesson.current_workflow_state is not None
    assert lesson.title == "Bài học"  # still the published title until approved


def test_admin_deletes_a_course_with_lessons_without_error(client, catalogue, admin_user):
    course = add_course(catalogue, skills=[SkillFactory()])
    add_lesson(course)
    client.force_login(admin_user)
    response = client.post(f"/admin/pages/{course.pk}/delete/")
    assert response.status_code == 302
    assert not LessonPage.objects.exists()


def test_deleting_a_skill_in_use_is_refused_with_a_message(client, catalogue, admin_user):
    skill = SkillFactory(name="Thanh toán")
    add_course(catalogue, skills=[skill])
    client.force_login(admin_user)
    response = client.post(f"/admin/snippets/courses/skill/delete/{skill.pk}/", follow=True)
    assert response.status_code == 200
    assert Skill.objects.filter(pk=skill.pk).exists()
    messages = [str(m) for m in response.context["messages"]]
    assert any("Thanh toán" in m for m in messages)


def test_unused_skill_can_be_deleted(client, home, admin_user):
    skill = SkillFactory()
    client.force_login(admin_user)
    client.post(f"/admin/snippets/courses/skill/delete/{skill.pk}/")
    assert not Skill.objects.filter(pk=skill.pk).exists()
    assert not CourseSkill.objects.exists()


def test_only_five_skills_can_be_household_targets(db):
    from django.core.exceptions import ValidationError

    for i in range(5):
        SkillFactory(code=f"muc-tieu-{i}", is_household_target=True)
    extra = Skill(code="thu-sau", name="Thứ sáu", is_household_target=True)
    with pytest.raises(ValidationError):
        extra.full_clean()


def test_skill_code_never_changes(db):
    from django.core.exceptions import ValidationError

    skill = SkillFactory(code="an-toan")
    skill.code = "doi-ma"
    with pytest.raises(ValidationError):
        skill.full_clean()


def test_oversized_image_upload_is_refused_with_a_message(client, home, admin_user, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    client.force_login(admin_user)
    response = client.post("/admin/images/multiple/add/", {"files[]": png_file(size=(600, 600))})
    assert response.status_code == 200
    data = response.json()
    assert data["success"] is False and data["error_message"]


def test_image_of_wrong_type_is_refused(client, home, admin_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(admin_user)
    upload = SimpleUploadedFile("script.svg", b"<svg></svg>", content_type="image/svg+xml")
    data = client.post("/admin/images/multiple/add/", {"files[]": upload}).json()
    assert data["success"] is False


def test_image_with_too_many_pixels_is_refused(client, home, admin_user, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 10_000
    client.force_login(admin_user)
    data = client.post("/admin/images/multiple/add/", {"files[]": png_file(size=(600, 600))}).json()
    assert data["success"] is False and data["error_message"]


def test_a_course_is_translated_into_english_through_wagtail_localize(catalogue, admin_user):
    from wagtail.models import Locale
    from wagtail_localize.operations import TranslationCreator

    course = add_course(catalogue, title="Thanh toán bằng mã QR")
    add_lesson(course, title="Quét mã")
    english = Locale.objects.get(language_code="en")
    creator = TranslationCreator(admin_user, [english])
    creator.create_translations(course)
    creator.create_translations(LessonPage.objects.child_of(course).get())
    translated = course.get_translation(english)
    assert translated.translation_key == course.translation_key
    assert translated.get_parent().locale == english
    assert LessonPage.objects.filter(locale=english).count() == 1
