"""Pages cost a fixed number of queries, whatever the number of blocks, images or lessons."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.courses.factories import ImageFactory, add_course, add_lesson, callout, image_block, step, text_block


def count_queries(client, url):
    for cache in caches.all():
        cache.clear()
    client.get(url)  # warm nothing but Python imports; caches are cleared again below
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    print(f"{url}: {len(queries)} queries")  # shown with -s, for reports
    return len(queries)


@pytest.fixture
def course(catalogue):
    return add_course(catalogue, cover_image=ImageFactory())


def test_lesson_of_30_blocks_costs_the_same_as_one_of_3(client, course):
    one = ImageFactory()
    small = add_lesson(course, title="Ít", body=[text_block("<p>a</p>"), step("Bước", one), image_block(one)])
    images = [ImageFactory() for _ in range(10)]
    big_body = []
    for i in range(5):
        big_body += [step(f"Bước {i}", images[i]), image_block(images[5 + i])]
    big_body += [text_block(f"<p>Đoạn {i}</p>") for i in range(10)] + [callout("tip") for _ in range(10)]
    assert len(big_body) == 30
    big = add_lesson(course, title="Nhiều", body=big_body)
    assert count_queries(client, small.url) == count_queries(client, big.url)


def test_course_of_40_lessons_costs_the_same_as_one_of_4(client, catalogue):
    few = add_course(catalogue, title="Bốn bài", cover_image=ImageFactory())
    for i in range(4):
        add_lesson(few, title=f"Bài {i}")
    many = add_course(catalogue, title="Bốn mươi bài", cover_image=ImageFactory())
    for i in range(40):
        add_lesson(many, title=f"Bài {i}")
    assert count_queries(client, few.url) == count_queries(client, many.url)


def test_catalogue_costs_the_same_for_2_and_12_courses(client, catalogue):
    for i in range(2):
        add_course(catalogue, title=f"Khóa {i}", cover_image=ImageFactory(), featured=True)
    two = count_queries(client, catalogue.url)
    for i in range(10):
        add_course(catalogue, title=f"Khóa thêm {i}", cover_image=ImageFactory(), featured=True)
    assert count_queries(client, catalogue.url) == two
