"""Page weight on a phone: HTML + CSS + JS transfer sizes (gzip) and image bytes.

Builds a throwaway SQLite site with the demo content (`seed_demo`), renders the home page, a
course page and a lesson page through Django's test client, and prints per page:
- HTML, CSS and JS bytes after gzip (level 6, what a typical server sends), images excluded;
- image bytes a phone downloads: for each <picture>/<img>, the smallest WebP candidate
  (a 1x screen) and the largest (a 2x screen).
Budgets: lesson page ≤ 30 KB gzip without images; all JavaScript a lesson page runs ≤ 15 KB gzip,
the service worker (``/sw.js``, as served) included.

Usage: .venv/bin/python bench/page_weight.py
"""

import gzip
import os
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("CUASO_VAR_DIR", tempfile.mkdtemp(prefix="cuaso-bench-"))
os.environ.pop("DATABASE_URL", None)
os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.dev"
os.environ["DJANGO_DEBUG"] = "false"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

BUDGET_LESSON_BYTES = 30 * 1024
BUDGET_LESSON_JS_BYTES = 15 * 1024


class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.css, self.js, self.pictures = [], [], []
        self._sources = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.css.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.js.append(attrs["src"])
        elif tag == "picture":
            self._sources = []
        elif tag == "source" and self._sources is not None and attrs.get("type") == "image/webp":
            self._sources.extend(candidate.split()[0] for candidate in attrs["srcset"].split(","))
        elif tag == "img" and self._sources is None and attrs.get("src", "").startswith(settings.MEDIA_URL):
            self.pictures.append([attrs["src"]])

    def handle_endtag(self, tag):
        if tag == "picture" and self._sources is not None:
            self.pictures.append(self._sources)
            self._sources = None


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def static_bytes(url: str) -> bytes:
    path = finders.find(url.removeprefix(settings.STATIC_URL).split("?")[0])
    return Path(path).read_bytes() if path else b""


def media_size(url: str) -> int:
    path = Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL)
    return path.stat().st_size if path.exists() else 0


def measure(client: Client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    html = response.content
    parser = Assets()
    parser.feed(html.decode())
    css = sum(gz(static_bytes(u)) for u in parser.css)
    js = sum(gz(static_bytes(u)) for u in parser.js)
    small = sum(min(media_size(u) for u in candidates) for candidates in parser.pictures if candidates)
    large = sum(max(media_size(u) for u in candidates) for candidates in parser.pictures if candidates)
    return {
        "url": url,
        "html": gz(html),
        "css": css,
        "js": js,
        "total": gz(html) + css + js,
        "images": len(parser.pictures),
        "img_1x": small,
        "img_2x": large,
    }


def main() -> int:
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    from courses.models import CoursePage, LessonPage

    client = Client(HTTP_HOST="127.0.0.1")
    course = CoursePage.objects.live().order_by("path").first()
    lesson = max(LessonPage.objects.live().child_of(course), key=lambda page: len(page.body))
    rows = [
        ("home", measure(client, "/")),
        ("course", measure(client, course.url)),
        ("lesson", measure(client, lesson.url)),
    ]
    header = ["HTML gz", "CSS gz", "JS gz", "total", "images", "img 1x", "img 2x"]
    print(f"{'page':<8}" + "".join(f"{h:>9}" for h in header) + "  url")
    for name, row in rows:
        print(
            f"{name:<8}"
            + "".join(f"{row[k]:>9}" for k in ["html", "css", "js", "total", "images", "img_1x", "img_2x"])
            + f"  {row['url']}"
        )
    lesson_total = rows[2][1]["total"]
    verdict = "within" if lesson_total <= BUDGET_LESSON_BYTES else "OVER"
    print(f"lesson page: {lesson_total} bytes gzip without images, {verdict} the {BUDGET_LESSON_BYTES}-byte budget")
    # The worker imports offline.js, which the page has already counted (one file, cached once).
    worker = gz(client.get("/sw.js").content)
    lesson_js = rows[2][1]["js"] + worker
    js_verdict = "within" if lesson_js <= BUDGET_LESSON_JS_BYTES else "OVER"
    print(
        f"lesson page JavaScript: {rows[2][1]['js']} page + {worker} service worker = {lesson_js} bytes gzip,"
        f" {js_verdict} the {BUDGET_LESSON_JS_BYTES}-byte budget"
    )
    return 0 if lesson_total <= BUDGET_LESSON_BYTES and lesson_js <= BUDGET_LESSON_JS_BYTES else 1


if __name__ == "__main__":
    sys.exit(main())
