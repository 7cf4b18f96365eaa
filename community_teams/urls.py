"""Field pages, under the language prefixes: ``/to-cong-nghe-so/...``."""

from django.urls import path

from . import export_views, views

app_name = "community_teams"

urlpatterns = [
    path("hom-nay/", views.today, name="today"),
    path("chuyen-tham/moi/", views.visit_new, name="visit_new"),
    path("doi/", views.team, name="team"),
    path("xuat/", export_views.exports_page, name="exports"),
    path("xuat/<int:export_id>/tai-ve/", export_views.export_download, name="export_download"),
    path("doi/thanh-vien/", views.team_members, name="team_members"),
    path("doi/<int:team_id>/moi-thanh-vien/", views.team_member_invite, name="team_member_invite"),
    path(
        "doi/thanh-vien/<int:membership_id>/ngung-hoat-dong/",
        views.team_member_deactivate,
        name="team_member_deactivate",
    ),
    path("ho-gia-dinh/", views.households, name="households"),
]
