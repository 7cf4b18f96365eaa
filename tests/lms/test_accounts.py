import pytest
from django.db import IntegrityError, transaction

from lms.models import User


def test_signup_with_email_creates_a_user_with_a_display_name(client, home):
    response = client.post(
        "/accounts/signup/",
        {
            "display_name": "Nguyễn Thị Lan",
            "email": "lan@example.com",
            "password1": "mat-khau-dai-123",
            "password2": "mat-khau-dai-123",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="lan@example.com")
    assert user.display_name == "Nguyễn Thị Lan"
    assert user.phone is None


def test_login_and_logout(client, home):
    user = User.objects.create_user(username="lan", email="lan@example.com", password="mat-khau-dai-123")
    response = client.post("/accounts/login/", {"login": "lan@example.com", "password": "mat-khau-dai-123"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_wrong_password_shows_an_error_not_a_500(client, home):
    User.objects.create_user(username="lan", email="lan@example.com", password="mat-khau-dai-123")
    response = client.post("/accounts/login/", {"login": "lan@example.com", "password": "sai"})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"])
def test_account_pages_use_the_site_layout_in_vietnamese(client, home, path):
    html = client.get(path).content.decode()
    assert 'lang="vi"' in html and "site-header" in html


def test_password_reset_sends_an_email(client, home, mailoutbox):
    User.objects.create_user(username="lan", email="lan@example.com", password="mat-khau-dai-123")
    response = client.post("/accounts/password/reset/", {"email": "lan@example.com"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["lan@example.com"]


def test_email_is_unique_ignoring_case_when_set(db):
    User.objects.create_user(username="a", email="Lan@Example.com")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(username="b", email="lan@example.com")


def test_many_users_without_email_or_phone(db):
    User.objects.create_user(username="a")
    User.objects.create_user(username="b", phone="")
    assert User.objects.filter(phone__isnull=True).count() == 2


def test_phone_is_unique_and_stored_in_e164(db):
    User.objects.create_user(username="a", phone="+84912345678")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(username="b", phone="+84912345678")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(username="c", phone="0912345678")
