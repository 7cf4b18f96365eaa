"""Idempotent demo content and demo accounts, printed on screen."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string

from courses.demo import demo_content_load
from courses.services import EDITORS_GROUP, MODERATORS_GROUP, site_setup
from lms.services import demo_user_ensure

DEMO_ACCOUNTS = [
    {
        "username": "quantri",
        "email": "quantri@cuaso.local",
        "password": "cuaso-quantri",
        "display_name": "Quản trị viên (demo)",
        "groups": (),
        "superuser": True,
        "role": "Quản trị (superuser)",
    },
    {
        "username": "bientap",
        "email": "bientap@cuaso.local",
        "password": "cuaso-bientap",
        "display_name": "Biên tập viên (demo)",
        "groups": (EDITORS_GROUP,),
        "superuser": False,
        "role": "Biên tập viên: viết bài, gửi duyệt",
    },
    {
        "username": "kiemduyet",
        "email": "kiemduyet@cuaso.local",
        "password": "cuaso-kiemduyet",
        "display_name": "Kiểm duyệt viên (demo)",
        "groups": (MODERATORS_GROUP,),
        "superuser": False,
        "role": "Kiểm duyệt: duyệt và xuất bản",
    },
    {
        "username": "hocvien",
        "email": "hocvien@cuaso.local",
        "password": "cuaso-hocvien",
        "display_name": "Học viên (demo)",
        "groups": (),
        "superuser": False,
        "role": "Người học",
    },
]


class Command(BaseCommand):
    help = "Create the site structure, the demo courses and the demo accounts. Safe to run again."

    def handle(self, *args, **options):
        if not settings.CUASO_ALLOW_DEMO:
            raise CommandError("Demo accounts have public passwords: seed_demo is disabled in production settings.")
        home = site_setup()
        summary = demo_content_load(home=home)
        self.stdout.write(
            f"Demo content: {summary.courses_created} courses, {summary.lessons_created} lessons, "
            f"{summary.skills_created} skills, {summary.images_created} images created "
            "(existing ones kept)."
        )
        for account in DEMO_ACCOUNTS:
            demo_user_ensure(
                username=account["username"],
                email=account["email"],
                password=account["password"],
                display_name=account["display_name"],
                groups=account["groups"],
                superuser=account["superuser"],
            )
        self.stdout.write("")
        self.stdout.write("Demo accounts (admin at /admin/, learners at /accounts/login/):")
        for account in DEMO_ACCOUNTS:
            self.stdout.write(
                f"  {account['role']:<36} user {account['username']:<10} "
                f"email {account['email']:<24} password {account['password']}"
            )
        for path in settings.CUASO_DEMO_LOADERS:
            self.stdout.write("")
            self.stdout.write(str(import_string(path)()))
