"""Writes on content: renditions for published pages, and the site's fixed structure."""

import logging

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .constants import cover_rendition_filters, lesson_rendition_filters
from .models import CourseIndexPage, CoursePage, HomePage, LessonPage

logger = logging.getLogger(__name__)

EDITORS_GROUP = "Biên tập viên"
MODERATORS_GROUP = "Kiểm duyệt"
WORKFLOW_NAME = "Duyệt bài học"
REVIEW_TASK_NAME = "Kiểm duyệt duyệt nội dung"


def _lesson_images(lesson: LessonPage) -> list:
    images = []
    for block in lesson.body:
        value = block.value
        if block.block_type in ("image", "step") and value.get("image"):
            images.append(value["image"])
        elif block.block_type == "video" and value.get("poster"):
            images.append(value["poster"])
    return images


def page_renditions_generate(*, page_id: int) -> int:
    """Ensure the renditions a page shows exist; returns how many renditions the page needs.

    Safe to run any number of times: ``get_renditions`` reuses existing renditions.
    """
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    page = page.specific
    if isinstance(page, LessonPage):
        work = [(image, lesson_rendition_filters()) for image in _lesson_images(page)]
    elif isinstance(page, CoursePage) and page.cover_image_id:
        work = [(page.cover_image, cover_rendition_filters())]
    else:
        work = []
    total = 0
    for image, filters in work:
        try:
            total += len(image.get_renditions(*filters))
        except get_image_model().DoesNotExist:  # deleted meanwhile
            continue
    logger.debug("renditions ensured page_id=%s count=%s", page_id, total)
    return total


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


@transaction.atomic
def editorial_setup(*, root: Page) -> None:
    """Groups "Biên tập viên" (write, submit) and "Kiểm duyệt" (approve, publish) and the review
    workflow on ``root``. Idempotent."""
    editors, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
    moderators, _created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    for group in (editors, moderators):
        group.permissions.add(admin_access)

    page_rights = {
        editors: ["add_page", "change_page", "lock_page"],
        moderators: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "delete_page"],
    }
    for group, codenames in page_rights.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=_page_permission(codename))

    collection = Collection.get_first_root_node()
    media_rights = {
        editors: [
            ("wagtailimages", ["add_image", "choose_image"]),
            ("wagtaildocs", ["add_document", "choose_document"]),
        ],
        moderators: [
            ("wagtailimages", ["add_image", "change_image", "choose_image", "delete_image"]),
            ("wagtaildocs", ["add_document", "change_document", "choose_document", "delete_document"]),
        ],
    }
    for group, apps in media_rights.items():
        for app_label, codenames in apps:
            for codename in codenames:
                permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission
                )
    # Editors and moderators may use skills in courses; only moderators change the list.
    for codename, groups in {
        "view_skill": (editors, moderators),
        "add_skill": (moderators,),
        "change_skill": (moderators,),
        "delete_skill": (moderators,),
    }.items():
        permission = Permission.objects.get(content_type__app_label="courses", codename=codename)
        for group in groups:
            group.permissions.add(permission)

    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME)
    task.groups.add(moderators)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


@transaction.atomic
def site_setup() -> HomePage:
    """The fixed structure every installation needs: locales, the Vietnamese home page and
    catalogue as the default site, and the editorial groups and workflow. Idempotent."""
    default_locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)

    # Wagtail's migrations create the tree's root page and root collection; a database emptied
    # since (a restore gone wrong, a flushed test database) gets them back here.
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=default_locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    home = HomePage.objects.filter(depth=2, locale=default_locale).first()
    if home is None:
        home = HomePage(
            title="Cửa Số",
            slug="trang-chu",
            locale=default_locale,
            hero_title="Học kỹ năng số, từng bước một",
            hero_text=(
                "Những bài học ngắn, có hình minh họa, giúp bạn dùng VNeID, nộp hồ sơ và thanh toán "
                "trực tuyến, và tránh lừa đảo trên mạng."
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True, hostname="localhost", port=80)
    if site.root_page_id != home.pk:
        old_root = site.root_page if site.pk else None
        site.root_page = home
        site.site_name = "Cửa Số"
        site.save()
        # Drop Wagtail's placeholder "Welcome" page left by its initial migration.
        if old_root is not None and not isinstance(old_root.specific, HomePage) and old_root.depth == 2:
            old_root.delete()

    if not CourseIndexPage.objects.child_of(home).exists():
        catalogue = CourseIndexPage(
            title="Khóa học",
            slug="khoa-hoc",
            locale=default_locale,
            intro="Các khóa học ngắn để học trên điện thoại, theo nhịp của riêng bạn.",
        )
        home.add_child(instance=catalogue)
        catalogue.save_revision().publish()

    _english_home_ensure(home)
    editorial_setup(root=home)
    return home


def _english_home_ensure(home: HomePage) -> None:
    """An English home and catalogue so that /en/ serves a page; courses get translated by
    editors through wagtail-localize and appear there once published."""
    english = Locale.objects.filter(language_code="en").first()
    if english is None or HomePage.objects.filter(locale=english).exists():
        return
    home_en = home.copy_for_translation(english)
    home_en.hero_title = "Learn digital skills, one step at a time"
    home_en.hero_text = (
        "Short illustrated lessons on VNeID, online public services, paying online and avoiding scams. "
        "Most lessons are in Vietnamese; English versions appear as they are translated."
    )
    home_en.save_revision().publish()
    catalogue = CourseIndexPage.objects.child_of(home).first()
    if catalogue is not None:
        catalogue_en = catalogue.copy_for_translation(english)
        catalogue_en.title = "Courses"
        catalogue_en.intro = "Short courses you can take on your phone, at your own pace."
        catalogue_en.save_revision().publish()
