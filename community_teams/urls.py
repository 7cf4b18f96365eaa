"""Field pages, under the language prefixes: ``/to-cong-nghe-so/...``."""

from django.urls import path

from . import dashboard_views, export_views, views

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
    path("bang-tong-hop/", dashboard_views.dashboard, name="dashboard"),
    path("bang-tong-hop/xuat/", dashboard_views.dashboard_export, name="dashboard_export"),
    path("bao-cao-tuan/<int:report_id>/tai-ve/", dashboard_views.weekly_report_download, name="weekly_report_download"),
    path("chien-dich/<int:campaign_id>/", dashboard_views.campaign, name="campaign"),
]
