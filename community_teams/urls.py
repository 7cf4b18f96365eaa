"""Field pages, under the language prefixes: ``/to-cong-nghe-so/...``."""

from django.urls import path

from . import views

app_name = "community_teams"

urlpatterns = [
    path("hom-nay/", views.today, name="today"),
    path("chuyen-tham/moi/", views.visit_new, name="visit_new"),
    path("doi/", views.team, name="team"),
]
