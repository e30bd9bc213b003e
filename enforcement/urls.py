"""URLs of the enforcement app; it owns its own path prefixes (included at the root)."""

from django.urls import path

from enforcement import views
from enforcement.views.statistics import statistics_download

app_name = "enforcement"
urlpatterns = [
    path("enforcement/", views.programme_list, name="programme_list"),
    path("enforcement/programmes/<int:pk>/", views.programme_detail, name="programme_detail"),
    path("enforcement/meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path(
        "enforcement/meetings/<int:pk>/attendees/",
        views.meeting_attendees,
        name="meeting_attendees",
    ),
    path("enforcement/reports/", views.report_list, name="report_list"),
    path("enforcement/reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("enforcement/reports/<int:pk>/review/", views.report_review, name="report_review"),
    path("enforcement/reports/<int:pk>/upload/", views.report_upload, name="report_upload"),
    path(
        "enforcement/reports/<int:pk>/versions/<int:number>/",
        views.report_file,
        name="report_file",
    ),
    path("enforcement/statistics/", views.statistics, name="statistics"),
    path(
        "enforcement/statistics/download.csv",
        statistics_download,
        {"suffix": "csv"},
        name="statistics_csv",
    ),
    path(
        "enforcement/statistics/download.json",
        statistics_download,
        {"suffix": "json"},
        name="statistics_json",
    ),
    path(
        "enforcement/statistics/template.csv",
        views.statistics_csv_template,
        name="statistics_csv_template",
    ),
    path("enforcement/statistics/manage/", views.statistics_manage, name="statistics_manage"),
    path(
        "enforcement/statistics/manage/<str:code>/",
        views.statistics_party,
        name="statistics_party",
    ),
    path(
        "enforcement/statistics/manage/<str:code>/add/",
        views.statistics_add,
        name="statistics_add",
    ),
    path(
        "enforcement/statistics/manage/<str:code>/upload/",
        views.statistics_upload,
        name="statistics_upload",
    ),
    path(
        "enforcement/statistics/manage/<str:code>/release/",
        views.statistics_release,
        name="statistics_release",
    ),
    path("best-practices/", views.best_practice_list, name="best_practice_list"),
    path("best-practices/<int:pk>/", views.best_practice_detail, name="best_practice_detail"),
]
