"""Journey 1 end to end on a 390x844 phone: a resident learns without an account, comes back,
signs up by phone, keeps the progress, finishes, downloads the certificate and checks its QR.

Also: a resume code carries progress from one browser to a fresh one.
"""

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import ARTIFACTS
from .test_learner_journey import answer_quiz

pytestmark = pytest.mark.e2e

NAME_NFC = "Nguyễn Thị Hường"
NAME_TYPED = unicodedata.normalize("NFD", NAME_NFC)  # as some keyboards send it


def sms_code() -> str:
    from lms import sms

    assert sms.outbox, "no SMS was sent"
    return re.search(r"\b(\d{6})\b", sms.outbox[-1].text).group(1)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_to_png(path: Path, stem: Path, dpi: int) -> Path:
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-singlefile", str(path), str(stem)], check=True)
    return stem.with_suffix(".png")


def qr_urls(png: Path) -> list[str]:
    import zxingcpp
    from PIL import Image

    return [result.text for result in zxingcpp.read_barcodes(Image.open(png))]


def pass_lesson_one(open_phone, content):
    """A new phone opens lesson 1 and passes its quiz; "Lưu tiến độ" is then offered."""
    phone = open_phone()
    phone.page.goto(content.base_url + content.lessons[0].url)
    answer_quiz(phone.page, content.right)
    expect(phone.page.locator(".score--pass")).to_be_visible()
    expect(phone.page.locator(".save-progress")).to_be_visible()
    return phone


def test_journey_one_on_a_phone(browser, open_phone, content, settings):
    from lms import sms

    settings.SITE_URL = content.base_url  # the QR points at this server
    sms.outbox.clear()
    base = content.base_url
    lesson_two = content.lessons[1]

    # Day 1, a chat app's browser: lesson 1 and its quiz, without an account.
    first = pass_lesson_one(open_phone, content)
    page = first.page
    first.shot("01-quiz-passed")

    # Day 2: a new browser context with the same cookies is offered lesson 2.
    cookies = page.context.cookies()
    second = open_phone()
    page = second.page
    page.context.add_cookies(cookies)
    page.goto(base + "/")
    resume = page.locator(".resume a.button")
    expect(resume).to_have_attribute("href", lesson_two.url)
    expect(resume).to_contain_text(lesson_two.title)
    second.shot("02-home-continue")

    # Sign up by phone as typed locally; the code comes by SMS.
    page.goto(base + "/accounts/signup/")
    page.fill("input[name=display_name]", NAME_TYPED)
    page.fill("input[name=phone]", "0912 345 678")
    second.shot("03-signup")
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/accounts/phone/verify/$"))
    assert sms.outbox[-1].phone == "+84912345678"
    second.shot("04-code")
    page.fill("input[name=code]", sms_code())
    page.locator("main form button[type=submit]").first.click()

    # Confirm the merge: the anonymous progress joins the account.
    expect(page).to_have_url(re.compile(r"/tai-khoan/gop-tien-do/"))
    expect(page.locator("h1")).to_contain_text("Gộp tiến độ học trên máy này vào tài khoản?")
    second.shot("05-merge")
    page.locator("button[name=action][value=merge]").click()
    page.goto(base + content.course.url)
    expect(page.locator(".progress")).to_have_count(1)
    page.goto(base + "/khoa-hoc-cua-toi/")
    expect(page.locator("main")).to_contain_text(content.course.title)

    # Finish the course: lesson 2 has no quiz.
    page.goto(base + lesson_two.url)
    page.locator("form[action*='/hoan-thanh/'] button").click()
    page.goto(base + "/khoa-hoc-cua-toi/")
    download_link = page.locator("a[href*='/tai-ve/']")
    for _ in range(20):  # "đang tạo…" until the PDF exists
        if download_link.count():
            break
        page.wait_for_timeout(500)
        page.reload()
    expect(download_link.first).to_be_visible()
    second.shot("06-my-courses-certificate")

    with page.expect_download() as info:
        download_link.first.click()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTIFACTS / "journey-one-certificate.pdf"
    info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")

    # The PDF, in Vietnamese with the name in NFC; its QR opens the verify page.
    text = unicodedata.normalize("NFC", pdf_text(pdf))
    assert NAME_NFC in text and content.course.title in text
    assert "CHỨNG NHẬN" in text
    pdf_to_png(pdf, ARTIFACTS / "journey-one-certificate", 110)
    urls = qr_urls(pdf_to_png(pdf, ARTIFACTS / "journey-one-certificate-qr", 200))
    assert len(urls) == 1 and urls[0].startswith(base + "/chung-chi/"), urls

    verifier = open_phone()
    verifier.page.goto(urls[0])
    expect(verifier.page.locator("main")).to_contain_text("hợp lệ")
    expect(verifier.page.locator("main")).to_contain_text(NAME_NFC)
    expect(verifier.page.locator("main")).not_to_contain_text("0912")
    verifier.shot("07-verify-valid")
    # Requests cut short by the next navigation or by the download are not problems; errors are.
    problems = first.problems + second.problems + verifier.problems
    assert not [p for p in problems if p.startswith(("5", "page error", "console"))], problems


def test_a_resume_code_continues_in_a_fresh_browser(open_phone, content):
    base = content.base_url
    lesson_two = content.lessons[1]
    first = pass_lesson_one(open_phone, content)
    page = first.page
    page.locator(".save-progress a[href*='luu-tien-do']").click()
    page.locator("main form button[type=submit]").click()
    code = page.locator(".code-display").inner_text().replace(" ", "")
    assert re.fullmatch(r"[A-Z0-9]{8}", code)
    first.shot("01-resume-code")

    fresh = open_phone()  # another browser: no cookies at all
    page = fresh.page
    page.goto(base + "/tiep-tuc/")
    page.fill("input[name=code]", f"{code[:4]} {code[4:]}".lower())
    page.locator("main form button[type=submit]").click()
    page.goto(base + "/")
    expect(page.locator(".resume a.button")).to_have_attribute("href", lesson_two.url)
    fresh.shot("02-resumed-home")
