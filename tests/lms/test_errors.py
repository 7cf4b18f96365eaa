import pytest
from django.test import Client
from django.urls import path

from lms import urls as project_urls


def broken(request):
    raise RuntimeError("boom")


urlpatterns = [path("hong/", broken), *project_urls.urlpatterns]
handler500 = project_urls.handler500


@pytest.mark.urls(__name__)
def test_server_error_page_is_vietnamese_and_needs_no_database(db):
    client = Client(raise_request_exception=False)
    response = client.get("/hong/")
    assert response.status_code == 500
    html = response.content.decode()
    assert 'lang="vi"' in html and "Xin lỗi" in html


def test_csrf_failure_page_is_in_the_site_language(home):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"login": "a@b.vn", "password": "x"})
    assert response.status_code == 403
    assert 'lang="vi"' in response.content.decode() and "site-header" in response.content.decode()
