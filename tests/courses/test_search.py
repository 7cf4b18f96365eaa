"""Search ignores Vietnamese diacritics and case. Runs on SQLite and again on PostgreSQL."""

import pytest
from django.urls import reverse

from courses.selectors import search_pages
from courses.text import ascii_slug, fold
from tests.courses.factories import add_course, add_lesson

pytestmark = pytest.mark.search


def test_fold_strips_diacritics_and_case():
    assert fold("Thanh toán bằng mã QR") == "thanh toan bang ma qr"
    assert fold("ĐĂNG KÝ Dịch vụ công") == "dang ky dich vu cong"
    assert fold("Nguyễn Thị Ánh Tuyết") == "nguyen thi anh tuyet"


def test_ascii_slug_keeps_d_with_stroke():
    assert ascii_slug("Đăng ký tài khoản") == "dang-ky-tai-khoan"


@pytest.fixture
def content(catalogue):
    qr = add_course(catalogue, title="Thanh toán bằng mã QR", summary="Quét mã VietQR của ngân hàng.")
    vneid = add_course(catalogue, title="Định danh điện tử", summary="Cài và kích hoạt VNeID.")
    add_lesson(vneid, title="Đăng ký tài khoản mức 1", intro="Tự đăng ký trong ứng dụng.")
    add_lesson(vneid, title="Nộp hồ sơ trên Cổng Dịch vụ công", intro="Chọn thủ tục và nộp.")
    add_lesson(qr, title="Nhận biết mã QR giả", intro="Kiểm tra tên người nhận trước khi chuyển tiền.")
    return {"qr": qr, "vneid": vneid}


def titles(query):
    return {page.title for page in search_pages(query)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("thanh toan qr", "Thanh toán bằng mã QR"),
        ("dang ky", "Đăng ký tài khoản mức 1"),
        ("dich vu cong", "Nộp hồ sơ trên Cổng Dịch vụ công"),
        ("DICH VU CONG", "Nộp hồ sơ trên Cổng Dịch vụ công"),
        ("Đăng ký", "Đăng ký tài khoản mức 1"),
        ("nguoi nhan", "Nhận biết mã QR giả"),
    ],
)
def test_search_ignores_diacritics_and_case(content, query, expected):
    assert expected in titles(query)


def test_search_does_not_match_everything(content):
    assert "Thanh toán bằng mã QR" not in titles("dang ky")
    assert titles("khong co gi nhu the nay") == set()


def test_search_skips_unpublished_pages(content):
    content["qr"].unpublish()
    assert "Thanh toán bằng mã QR" not in titles("thanh toan qr")


def test_search_page_renders_results(client, content):
    response = client.get(reverse("courses:search"), {"q": "thanh toan"})
    assert response.status_code == 200
    assert "Thanh toán bằng mã QR" in response.content.decode()


def test_search_page_survives_odd_input(client, content):
    for query in ["", "   ", "%", "' OR 1=1 --", "x" * 5000, "<script>alert(1)</script>"]:
        response = client.get(reverse("courses:search"), {"q": query})
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()
