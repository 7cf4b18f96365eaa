"""A learner on a phone: home, course, lesson, quiz wrong then right; search; layout at 390x844.

Selectors go by element, class, href and content text, not by UI labels, which are being
translated while these tests are written.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

TAP_TARGET_PX = 44
CHECKED_CLASS_PREFIXES = (
    "button",
    "lesson-list__link",
    "quiz__option",
    "filter__item",
    "pager__link",
    "topic-list__link",
    "search-form__input",
)


def _path_pattern(path: str) -> re.Pattern:
    return re.compile(re.escape(path) + r"(\?.*)?(#.*)?$")


def answer_quiz(page, picks: list[list[str]]) -> None:
    """Tick options by their visible text, question by question, then submit."""
    for number, texts in enumerate(picks, start=1):
        fieldset = page.locator(f"form.quiz fieldset#cau-{number}")
        for text in texts:
            fieldset.get_by_label(text, exact=True).check()
    page.locator("form.quiz button[type=submit]").click()


def score_of(page) -> int:
    text = page.locator(".score__value").inner_text()
    match = re.search(r"(\d+)\s*%", text)
    assert match, f"no percentage in the score: {text!r}"
    return int(match.group(1))


def learner_journey(phone, content) -> None:
    page = phone.page
    course, (lesson, second_lesson) = content.course, content.lessons
    true_false, multiple = content.questions

    # Home: the featured course card leads to the course.
    page.goto(content.base_url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    card_link = page.locator("a.card__link", has_text="Thanh toán bằng mã QR")
    expect(card_link).to_be_visible()
    phone.shot("01-home")
    card_link.click()

    # Course: both lessons listed, in order, with a start button to the first.
    expect(page).to_have_url(_path_pattern(course.url))
    expect(page.locator("h1")).to_have_text("Thanh toán bằng mã QR")
    expect(page.locator(".lesson-list__title")).to_have_text([lesson.title, second_lesson.title])
    phone.shot("02-course")
    page.locator(f'main a.button[href="{lesson.url}"]').click()

    # Lesson: numbered steps with pictures, the scam warning, the quiz.
    expect(page).to_have_url(_path_pattern(lesson.url))
    expect(page.locator("h1")).to_have_text(lesson.title)
    steps = page.locator(".lesson-body .step")
    expect(steps).to_have_count(content.steps)
    step_numbers = steps.evaluate_all("els => els.map((el) => getComputedStyle(el, '::before').content)")
    assert all(number not in ("none", "normal", "") for number in step_numbers), step_numbers
    expect(page.locator(".lesson-body .step img")).to_have_count(content.steps)
    expect(page.locator(".callout--scam")).to_be_visible()
    expect(page.locator("form.quiz fieldset.quiz__question")).to_have_count(2)
    phone.shot("03-lesson")
    assert phone.broken_images() == []

    # Wrong answers: "not correct" for both, the chosen option's feedback, the explanation, a fail.
    answer_quiz(page, content.wrong)
    expect(page).to_have_url(re.compile(rf"/bai-hoc/{lesson.pk}/kiem-tra/$"))
    expect(page.locator(".score")).to_have_class(re.compile(r"\bscore--fail\b"))
    assert score_of(page) < course.pass_mark_percent
    expect(page.locator(".feedback__question--incorrect")).to_have_count(2)
    first = page.locator(".feedback__question").nth(0)
    expect(first.locator(".feedback__option--selected .feedback__option-note")).to_have_text("Phản hồi: Có")
    expect(first.locator(".feedback__option--correct .feedback__option-text")).to_have_text("Không")
    expect(first.locator(".feedback__explanation")).to_contain_text(true_false["value"]["explanation"])
    second = page.locator(".feedback__question").nth(1)
    expect(second.locator(".feedback__option--selected .feedback__option-note")).to_have_text(
        "Phản hồi: Bấm vào đường link trong tin nhắn"
    )
    expect(second.locator(".feedback__explanation")).to_contain_text(multiple["value"]["explanation"])
    phone.shot("04-result-wrong")

    # Try again: back to the lesson's quiz, a fresh form, then every answer right.
    page.locator(f'main a[href="{lesson.url}#kiem-tra"]').click()
    expect(page).to_have_url(_path_pattern(lesson.url))
    assert page.url.endswith("#kiem-tra")
    expect(page.locator("#kiem-tra")).to_be_in_viewport()
    phone.shot("05-quiz-again-as-seen", full_page=False)
    expect(page.locator("form.quiz input:checked")).to_have_count(0)
    phone.shot("05-quiz-again")
    answer_quiz(page, content.right)
    expect(page.locator(".score")).to_have_class(re.compile(r"\bscore--pass\b"))
    assert score_of(page) == 100
    expect(page.locator(".feedback__question--correct")).to_have_count(2)
    expect(page.locator(".feedback__question--incorrect")).to_have_count(0)
    phone.shot("06-result-right")

    # Back to the course from the result.
    page.locator(f'main .actions a[href="{course.url}"]').click()
    expect(page).to_have_url(_path_pattern(course.url))

    assert phone.problems == [], "requests or scripts failed:\n" + "\n".join(phone.problems)


def test_learner_journey_with_javascript(phone, content):
    learner_journey(phone, content)


def test_learner_journey_without_javascript(open_phone, content):
    phone = open_phone(javascript=False)
    learner_journey(phone, content)


def test_search_without_accents_finds_the_course(phone, content):
    page = phone.page
    page.goto(content.base_url + "/")
    page.locator("main form.search-form input[name=q]").fill("thanh toan")
    page.locator("main form.search-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/tim-kiem/\?q=thanh\+toan$"))
    results = page.locator("ul.search-results a.search-results__link")
    expect(results.filter(has_text="Thanh toán bằng mã QR")).to_have_count(1)
    expect(results.filter(has_text="Dùng VNeID")).to_have_count(0)
    expect(page.locator("main input[name=q]")).to_have_value("thanh toan")
    phone.shot("results")
    assert phone.problems == [], "\n".join(phone.problems)


def test_quiz_page_never_carries_the_answers(phone, content):
    page = phone.page
    page.goto(content.base_url + content.lessons[0].url)
    expect(page.locator("form.quiz")).to_be_visible()
    html = page.content()
    assert "Phản hồi:" not in html  # every option's feedback starts with this
    for question in content.questions:
        assert question["value"]["prompt"] in html
        assert question["value"]["explanation"] not in html
        for option in question["value"]["options"]:
            assert option["value"]["feedback"] not in html
    assert "is_correct" not in html
    assert "feedback__" not in html


LAYOUT_PROBE = """
([prefixes, minHeight]) => {
    const main = document.querySelector("main");
    const checked = Array.from(main.querySelectorAll("a, button, input, select, textarea, label")).filter(
        (el) => Array.from(el.classList).some((name) => prefixes.some((prefix) => name.startsWith(prefix)))
    );
    const problems = [];
    for (const el of checked) {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (box.width === 0 || box.height === 0 || style.visibility === "hidden") continue;
        const inlineInParagraph = style.display === "inline" && el.closest("p") !== null;
        if (box.height < minHeight && !inlineInParagraph) {
            const text = (el.innerText || el.value || el.placeholder || "").trim().replace(/\\s+/g, " ");
            problems.push(`${el.tagName.toLowerCase()}.${Array.from(el.classList).join(".")} ` +
                `"${text.slice(0, 40)}" is ${box.height.toFixed(1)}px high`);
        }
    }
    const overflowing = Array.from(document.body.querySelectorAll("*"))
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((el) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join(".")}`)
        .slice(0, 10);
    return {
        scrollWidth: document.documentElement.scrollWidth,
        bodyFontSize: parseFloat(getComputedStyle(document.body).fontSize),
        checkedCount: checked.length,
        smallTargets: problems,
        overflowing,
    };
}
"""


def _open_page_for_layout(phone, content, which: str) -> None:
    page = phone.page
    lesson = content.lessons[0]
    if which == "home":
        page.goto(content.base_url + "/")
    elif which == "course":
        page.goto(content.base_url + content.course.url)
    elif which == "lesson":
        page.goto(content.base_url + lesson.url)
    elif which == "result":
        page.goto(content.base_url + lesson.url)
        answer_quiz(page, [content.wrong[0], content.right[1]])
        expect(page.locator(".score__value")).to_be_visible()
    elif which == "search":
        page.goto(content.base_url + "/tim-kiem/?q=thanh+toan")
        expect(page.locator(".search-results")).to_be_visible()
    elif which == "login":
        page.goto(content.base_url + "/accounts/login/")
    elif which == "signup":
        page.goto(content.base_url + "/accounts/signup/")
        page.locator("main form button[type=submit]").click()  # empty: errors shown
        expect(page.locator(".errorlist").first).to_be_visible()
    elif which == "save-progress":
        page.goto(content.base_url + lesson.url)
        answer_quiz(page, content.right)
        page.goto(content.base_url + "/luu-tien-do/")
        page.locator("main form button[type=submit]").click()
        expect(page.locator(".code-display")).to_be_visible()


@pytest.mark.parametrize("which", ["home", "course", "lesson", "result", "search", "login", "signup", "save-progress"])
def test_layout_fits_a_phone(phone, content, which):
    _open_page_for_layout(phone, content, which)
    phone.load_images()
    report = phone.page.evaluate(LAYOUT_PROBE, [list(CHECKED_CLASS_PREFIXES), TAP_TARGET_PX])
    phone.shot()
    assert report["checkedCount"] > 0, "no element of the checked kinds on the page"
    assert report["scrollWidth"] <= 390, f"horizontal scroll: {report['scrollWidth']}px, {report['overflowing']}"
    assert report["bodyFontSize"] >= 16, f"body font-size {report['bodyFontSize']}px"
    assert report["smallTargets"] == [], "tap targets under 44px:\n" + "\n".join(report["smallTargets"])
