"""Certificates: issued once on completion, drawn in Vietnamese, checked in public, revoked by staff."""

import os
import shutil
import subprocess
import unicodedata
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from courses.services import EDITORS_GROUP
from lms import tasks
from lms.models import Certificate, Enrolment, User
from lms.services import (
    certificate_issue,
    certificate_pdf_render,
    certificate_revoke,
    certificates_revoke_for_learner,
    learner_create_anonymous,
    learner_for_user,
    learner_merge,
    lesson_progress_record,
)
from tests.courses.factories import add_course, add_lesson, step

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "certificates"
NAME = "Nguyễn Thị Hường"
COURSE = "Thanh toán bằng mã QR"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Certificate files go to a folder of this test only."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def in_process_tasks():
    """Tasks run in-process here even when a broker is configured (the PostgreSQL pass)."""
    from lms.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = eager


@pytest.fixture
def course(catalogue):
    course = add_course(catalogue, title=COURSE)
    add_lesson(course, title="Mở ứng dụng ngân hàng", body=[step("Mở ứng dụng")])
    add_lesson(course, title="Quét mã VietQR", body=[step("Quét mã")])
    return course


@pytest.fixture
def lessons(course):
    from courses.models import LessonPage

    return list(LessonPage.objects.child_of(course).order_by("path"))


def make_user(username="huong", display_name=NAME, **kwargs) -> User:
    return User.objects.create_user(
        username=username,
        email=f"{username}@example.com",
        phone=kwargs.pop("phone", None),
        password="mat-khau-dai-123",
        display_name=display_name,
        **kwargs,
    )


def finish(learner, lessons, capture) -> Enrolment:
    """Complete every lesson through the services; on-commit work (the certificate task) runs."""
    with capture(execute=True):
        for lesson in lessons:
            lesson_progress_record(learner=learner, lesson=lesson, position=1.0)
    return Enrolment.objects.get(learner=learner)


def pdf_files(media) -> list[Path]:
    folder = Path(media) / "certificates"
    return sorted(folder.glob("*.pdf")) if folder.exists() else []


@pytest.fixture
def holder(db):
    return make_user(phone="+84912345678")


@pytest.fixture
def issued(holder, lessons, django_capture_on_commit_callbacks):
    """A certificate issued and drawn through the real flow."""
    finish(learner_for_user(user=holder), lessons, django_capture_on_commit_callbacks)
    return Certificate.objects.get()


# Issuing.


def test_completing_a_course_issues_and_draws_the_certificate(holder, lessons, django_capture_on_commit_callbacks):
    learner = learner_for_user(user=holder)
    enrolment = finish(learner, lessons, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get()
    assert certificate.learner == learner and certificate.course_key == enrolment.course_key
    assert certificate.holder_name == NAME and certificate.course_title == COURSE
    assert len(certificate.code) == 16 and certificate.code.isalnum() and certificate.code.isupper()
    assert certificate.pdf and certificate.pdf.storage.exists(certificate.pdf.name)
    assert certificate.code not in certificate.pdf.name  # the file's address never follows from the code
    assert certificate.pdf.read(5) == b"%PDF-"


def test_issuing_twice_makes_one_certificate_and_one_file(issued, media):
    enrolment = Enrolment.objects.get()
    first_file = issued.pdf.name
    assert tasks.certificate_issue_for_enrolment(enrolment.pk) == issued.pk
    tasks.certificate_issue_for_enrolment.delay(enrolment.pk)
    assert tasks.certificate_render(issued.pk) is True
    assert Certificate.objects.count() == 1
    assert Certificate.objects.get().pdf.name == first_file
    assert len(pdf_files(media)) == 1


def test_codes_differ_between_certificates(lessons, django_capture_on_commit_callbacks):
    for index in range(3):
        user = make_user(username=f"hoc-vien-{index}", display_name=f"Học viên {index}")
        finish(learner_for_user(user=user), lessons, django_capture_on_commit_callbacks)
    codes = set(Certificate.objects.values_list("code", flat=True))
    assert len(codes) == 3


def test_an_anonymous_learner_gets_no_certificate(lessons, django_capture_on_commit_callbacks):
    enrolment = finish(learner_create_anonymous(), lessons, django_capture_on_commit_callbacks)
    assert enrolment.completed_at is not None
    assert certificate_issue(enrolment_id=enrolment.pk) is None
    assert not Certificate.objects.exists()


@pytest.mark.parametrize("display_name", ["", "   "])
def test_an_account_without_a_name_gets_no_certificate(lessons, django_capture_on_commit_callbacks, display_name):
    user = make_user(display_name=display_name)
    enrolment = finish(learner_for_user(user=user), lessons, django_capture_on_commit_callbacks)
    assert certificate_issue(enrolment_id=enrolment.pk) is None
    assert not Certificate.objects.exists()


def test_an_unfinished_course_gets_no_certificate(holder, lessons):
    learner = learner_for_user(user=holder)
    lesson_progress_record(learner=learner, lesson=lessons[0], position=1.0)
    assert certificate_issue(enrolment_id=Enrolment.objects.get().pk) is None


def test_the_certificate_keeps_the_name_and_title_as_issued(issued, holder, course):
    holder.display_name = "Tên khác"
    holder.save()
    course.title = "Tên khóa học mới"
    course.save_revision().publish()
    assert certificate_issue(enrolment_id=Enrolment.objects.get().pk) == issued
    issued.refresh_from_db()
    assert issued.holder_name == NAME and issued.course_title == COURSE


def test_progress_joined_to_a_named_account_gets_its_certificate(lessons, django_capture_on_commit_callbacks):
    anonymous = learner_create_anonymous()
    finish(anonymous, lessons, django_capture_on_commit_callbacks)
    account = learner_for_user(user=make_user())
    with django_capture_on_commit_callbacks(execute=True):
        learner_merge(source=anonymous, target=account)
    certificate = Certificate.objects.get()
    assert certificate.learner == account and certificate.pdf


def test_a_failing_queue_never_fails_the_caller(monkeypatch, caplog):
    def broken(*args):
        raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.certificate_render, "delay", broken)
    assert tasks.delay_quietly(tasks.certificate_render, 1) is False
    assert "could not be queued" in caplog.text


# The PDF.


def _poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"{tool} (poppler-utils) is needed for the PDF checks")
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    return path


def test_the_pdf_has_the_vietnamese_text_even_from_a_decomposed_name(lessons, django_capture_on_commit_callbacks):
    decomposed = unicodedata.normalize("NFD", NAME)
    assert decomposed != NAME
    user = make_user(display_name=decomposed)
    finish(learner_for_user(user=user), lessons, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get()
    assert certificate.holder_name == NAME  # stored NFC

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf_path = ARTIFACTS / "chung-chi.pdf"
    pdf_path.write_bytes(certificate.pdf.read())
    text = subprocess.run(
        [_poppler("pdftotext"), "-enc", "UTF-8", str(pdf_path), "-"], capture_output=True, check=True, text=True
    ).stdout
    text = unicodedata.normalize("NFC", text)
    for expected in (
        "CHỨNG NHẬN HOÀN THÀNH KHÓA HỌC",
        "Cửa Số",
        NAME,
        COURSE,
        "đã hoàn thành khóa học",
        f"Ngày cấp: {timezone.localdate(certificate.issued_at):%d/%m/%Y}",
        f"Mã chứng nhận: {certificate.display_code}",
        f"/chung-chi/{certificate.code}/",
    ):
        assert expected in text, expected

    fonts = subprocess.run([_poppler("pdffonts"), str(pdf_path)], capture_output=True, check=True, text=True).stdout
    assert "NotoSans" in fonts and "Helvetica" not in fonts  # the shipped font, embedded; no built-in font

    png_base = ARTIFACTS / "chung-chi"
    subprocess.run([_poppler("pdftoppm"), "-png", "-r", "60", "-singlefile", str(pdf_path), str(png_base)], check=True)
    png = png_base.with_suffix(".png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PIL import Image

    with Image.open(png) as image:
        assert image.width > image.height  # A4 landscape


def test_the_qr_code_opens_the_check_page(issued, settings, tmp_path):
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    pdf_path = tmp_path / "chung-chi.pdf"
    pdf_path.write_bytes(issued.pdf.read())
    subprocess.run(
        [_poppler("pdftoppm"), "-png", "-r", "150", "-singlefile", str(pdf_path), str(tmp_path / "qr")], check=True
    )
    with Image.open(tmp_path / "qr.png") as image:
        urls = [result.text for result in zxingcpp.read_barcodes(image)]
    assert urls == [f"{settings.SITE_URL}/chung-chi/{issued.code}/"]


def test_rendering_a_revoked_certificate_draws_nothing(holder, lessons):
    learner = learner_for_user(user=holder)
    for lesson in lessons:
        lesson_progress_record(learner=learner, lesson=lesson, position=1.0)
    certificate = certificate_issue(enrolment_id=Enrolment.objects.get().pk)
    certificate_revoke(certificate=certificate, reason="Cấp nhầm")
    assert not certificate_pdf_render(certificate_id=certificate.pk).pdf


# The public check page.


def test_the_check_page_says_valid_with_name_course_and_date(client, issued, holder):
    response = client.get(reverse("certificate_verify", args=[issued.code]))
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    html = response.content.decode()
    assert "verdict--valid" in html and "verdict--revoked" not in html
    assert NAME in html and COURSE in html and issued.display_code in html
    assert timezone.localtime(issued.issued_at).strftime("%d/%m/%Y") in html
    for private in (holder.email, holder.phone, holder.username, str(issued.learner.key)):
        assert private not in html


def test_the_check_page_is_outside_the_language_prefix_and_forgives_typing(client, issued):
    assert reverse("certificate_verify", args=[issued.code]) == f"/chung-chi/{issued.code}/"
    typed = issued.display_code.lower()
    assert client.get(f"/chung-chi/{typed}/").status_code == 200


def test_the_check_page_says_revoked_with_the_date_but_not_the_reason(client, issued):
    certificate_revoke(certificate=issued, reason="Gian lận khi làm bài")
    issued.refresh_from_db()
    html = client.get(reverse("certificate_verify", args=[issued.code])).content.decode()
    assert "verdict--revoked" in html and "verdict--valid" not in html
    assert timezone.localtime(issued.revoked_at).strftime("%d/%m/%Y") in html
    assert "Gian lận" not in html


@pytest.mark.parametrize("code", ["ACDEFGHJKMNPQRTU", "nhan", "0000000000000000", "x" * 300])
def test_an_unknown_code_is_a_404(client, issued, code):
    response = client.get(f"/chung-chi/{code}/")
    assert response.status_code == 404
    assert "site-header" in response.content.decode()


# Download.


def test_the_holder_downloads_the_pdf(client, issued, holder):
    client.force_login(holder)
    response = client.get(reverse("certificate_download", args=[issued.code]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="chung-chi-{issued.code}.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_someone_else_cannot_download(client, issued, lessons):
    url = reverse("certificate_download", args=[issued.code])
    assert client.get(url).status_code == 404  # anonymous
    client.post(reverse("lesson_complete", args=[lessons[0].pk]))  # now an anonymous learner, not the holder
    assert client.get(url).status_code == 404
    client.force_login(make_user(username="khac", display_name="Người khác"))
    assert client.get(url).status_code == 404


def test_certificate_staff_can_download(client, issued):
    staff = make_user(username="can-bo", display_name="Cán bộ")
    staff.user_permissions.add(Permission.objects.get(codename="change_certificate"))
    client.force_login(staff)
    assert client.get(reverse("certificate_download", args=[issued.code])).status_code == 200


def test_while_the_pdf_is_made_the_page_waits_and_checks_again(client, holder, lessons, monkeypatch):
    learner = learner_for_user(user=holder)
    for lesson in lessons:  # no on-commit capture: the task does not run
        lesson_progress_record(learner=learner, lesson=lesson, position=1.0)
    certificate = certificate_issue(enrolment_id=Enrolment.objects.get().pk)
    queued = []
    monkeypatch.setattr(tasks.certificate_render, "delay", lambda *args: queued.append(args))
    client.force_login(holder)
    response = client.get(reverse("certificate_download", args=[certificate.code]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'http-equiv="refresh" content="5"' in html and 'class="pending"' in html
    assert queued == []  # just issued: its render is still on its way

    my_courses = client.get(reverse("my_courses")).content.decode()
    assert "certificate-item__state--pending" in my_courses


def test_a_render_lost_for_a_while_is_asked_for_again(client, holder, lessons):
    learner = learner_for_user(user=holder)
    for lesson in lessons:
        lesson_progress_record(learner=learner, lesson=lesson, position=1.0)
    certificate = certificate_issue(enrolment_id=Enrolment.objects.get().pk)
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=timezone.now() - timedelta(minutes=5))
    client.force_login(holder)
    url = reverse("certificate_download", args=[certificate.code])
    assert b"pending" in client.get(url).content  # in-process here, so drawn by now
    certificate.refresh_from_db()
    assert certificate.pdf
    assert client.get(url)["Content-Type"] == "application/pdf"


def test_a_revoked_certificate_sends_its_holder_to_the_check_page(client, issued, holder):
    certificate_revoke(certificate=issued, reason="Cấp nhầm")
    client.force_login(holder)
    response = client.get(reverse("certificate_download", args=[issued.code]))
    assert response.status_code == 302 and response["Location"] == reverse("certificate_verify", args=[issued.code])


# "My courses".


def test_my_courses_offers_the_download_and_the_check_page(client, issued, holder):
    client.force_login(holder)
    html = client.get(reverse("my_courses")).content.decode()
    assert 'id="chung-chi"' in html
    assert reverse("certificate_download", args=[issued.code]) in html
    assert reverse("certificate_verify", args=[issued.code]) in html


def test_an_anonymous_finisher_is_asked_to_sign_up(client, lessons):
    for lesson in lessons:
        client.post(reverse("lesson_complete", args=[lesson.pk]))
    assert Enrolment.objects.get().completed_at is not None
    html = client.get(reverse("my_courses")).content.decode()
    assert f"{reverse('account_signup')}?next=/khoa-hoc-cua-toi/" in html
    response = client.post(reverse("certificate_claim", args=[Enrolment.objects.get().pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_signup"))
    assert not Certificate.objects.exists()


def test_an_account_without_a_name_gives_one_and_gets_the_certificate(
    client, lessons, django_capture_on_commit_callbacks
):
    user = make_user(display_name="")
    enrolment = finish(learner_for_user(user=user), lessons, django_capture_on_commit_callbacks)
    client.force_login(user)
    html = client.get(reverse("my_courses")).content.decode()
    assert 'name="display_name"' in html
    url = reverse("certificate_claim", args=[enrolment.pk])
    response = client.post(url, {"display_name": "  "})
    assert response.status_code == 302 and not Certificate.objects.exists()
    response = client.post(url, {"display_name": unicodedata.normalize("NFD", " Trần  Văn Bình ")})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.display_name == "Trần Văn Bình"
    certificate = Certificate.objects.get()
    assert certificate.holder_name == "Trần Văn Bình" and certificate.pdf


def test_a_named_account_that_finished_before_gets_it_with_one_button(client, holder, lessons):
    learner = learner_for_user(user=holder)
    for lesson in lessons:  # finished while the task could not run
        lesson_progress_record(learner=learner, lesson=lesson, position=1.0)
    client.force_login(holder)
    enrolment = Enrolment.objects.get()
    html = client.get(reverse("my_courses")).content.decode()
    assert reverse("certificate_claim", args=[enrolment.pk]) in html and 'name="display_name"' not in html
    client.post(reverse("certificate_claim", args=[enrolment.pk]))
    client.post(reverse("certificate_claim", args=[enrolment.pk]))
    assert Certificate.objects.get().pdf


def test_claiming_another_learners_course_is_a_404(client, issued):
    client.force_login(make_user(username="khac", display_name="Người khác"))
    assert client.post(reverse("certificate_claim", args=[Enrolment.objects.get().pk])).status_code == 404
    assert client.post(reverse("certificate_claim", args=[2**63])).status_code == 404


# Revoking.


def test_revoking_needs_a_reason_and_keeps_the_first_date(issued):
    with pytest.raises(ValidationError):
        certificate_revoke(certificate=issued, reason="  ")
    first = certificate_revoke(certificate=issued, reason="Cấp nhầm").revoked_at
    again = certificate_revoke(certificate=issued, reason="Cấp nhầm người")
    assert again.revoked_at == first and again.revoked_reason == "Cấp nhầm người"


def test_revoking_for_a_deleted_account_can_forget_the_holder(client, issued, django_capture_on_commit_callbacks):
    pdf = issued.pdf.name
    storage = issued.pdf.storage
    with django_capture_on_commit_callbacks(execute=True):
        count = certificates_revoke_for_learner(learner=issued.learner, reason="Xóa tài khoản", forget_holder=True)
    assert count == 1
    issued.refresh_from_db()
    assert issued.is_revoked and issued.holder_name == "" and not issued.pdf
    assert not storage.exists(pdf)
    html = client.get(reverse("certificate_verify", args=[issued.code])).content.decode()
    assert "verdict--revoked" in html and NAME not in html and COURSE in html


def admin_edit_url(certificate) -> str:
    return reverse("certificates:edit", args=[certificate.pk])


def test_staff_revoke_in_the_admin(client, issued):
    admin = User.objects.create_superuser(username="quan-tri", email="qt@example.com", password="x")
    client.force_login(admin)
    listing = client.get(reverse("certificates:index"))
    assert listing.status_code == 200 and issued.display_code in listing.content.decode()
    form = client.get(admin_edit_url(issued))
    assert form.status_code == 200
    assert 'name="revoked_reason"' in form.content.decode() and 'name="holder_name"' not in form.content.decode()
    response = client.post(admin_edit_url(issued), {"revoked_reason": "", "revoke": "on"})
    assert response.status_code == 200  # a reason is required
    issued.refresh_from_db()
    assert not issued.is_revoked
    response = client.post(admin_edit_url(issued), {"revoked_reason": "Cấp nhầm", "revoke": "on"})
    assert response.status_code == 302
    issued.refresh_from_db()
    assert issued.is_revoked and issued.revoked_reason == "Cấp nhầm"
    assert issued.holder_name == NAME  # nothing else changed


def test_the_admin_never_adds_or_deletes_certificates(client, issued):
    client.force_login(User.objects.create_superuser(username="quan-tri", email="qt@example.com", password="x"))
    assert client.get("/admin/certificates/new/").status_code in {302, 403}
    assert client.post(f"/admin/certificates/delete/{issued.pk}/").status_code in {302, 403}
    assert Certificate.objects.filter(pk=issued.pk).exists()


def test_people_without_the_permission_cannot_revoke(client, issued):
    editor = make_user(username="bien-tap", display_name="Biên tập")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))  # may use the admin, not certificates
    resident = make_user(username="nguoi-dan", display_name="Người dân")
    for user in (editor, resident):
        client.force_login(user)
        response = client.post(admin_edit_url(issued), {"revoked_reason": "Thử", "revoke": "on"})
        assert response.status_code == 302
        issued.refresh_from_db()
        assert not issued.is_revoked
