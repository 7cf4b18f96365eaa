from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("tim-kiem/", views.search, name="search"),
]
