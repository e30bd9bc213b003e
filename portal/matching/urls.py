"""URLs of recommendation 9 (namespace "matching"), included at the root by portal.urls."""

from django.urls import path

from portal.matching import api, views, views_applications, views_public

app_name = "matching"
urlpatterns = [
    path("matching/", views.workspace, name="workspace"),
    path("needs/", views_public.public_need_list, name="need_list"),
    path("needs/export.csv", views_public.need_export, {"fmt": "csv"}, name="need_csv"),
    path("needs/export.json", views_public.need_export, {"fmt": "json"}, name="need_json"),
    path("needs/new/", views.need_create, name="need_new"),
    path("needs/<int:pk>/", views.need_detail, name="need_detail"),
    path("needs/<int:pk>/edit/", views.need_edit, name="need_edit"),
    path("needs/<int:pk>/visibility/", views.need_visibility, name="need_visibility"),
    path("needs/<int:pk>/close/", views.need_close, name="need_close"),
    path("needs/<int:pk>/propose/", views.need_propose, name="need_propose"),
    path("resources/", views_public.public_resource_list, name="resource_list"),
    path("resources/export.csv", views_public.resource_export, {"fmt": "csv"}, name="resource_csv"),
    path(
        "resources/export.json", views_public.resource_export, {"fmt": "json"}, name="resource_json"
    ),
    path("resources/new/", views.resource_create, name="resource_new"),
    path("resources/<int:pk>/", views.resource_detail, name="resource_detail"),
    path("resources/<int:pk>/edit/", views.resource_edit, name="resource_edit"),
    path("resources/<int:pk>/withdraw/", views.resource_withdraw, name="resource_withdraw"),
    path("matches/<int:pk>/", views.match_detail, name="match_detail"),
    path("matches/<int:pk>/answer/", views.match_answer, name="match_answer"),
    path("matches/<int:pk>/story/", views.match_story, name="match_story"),
    path("providers/apply/", views_applications.apply, name="apply"),
    path("providers/apply/sent/", views_applications.apply_sent, name="apply_sent"),
    path(
        "providers/apply/confirm/<str:token>/",
        views_applications.apply_confirm,
        name="apply_confirm",
    ),
    path("success-stories/", views_public.success_stories, name="stories"),
    path("api/matching/needs/", api.NeedList.as_view(), name="api_needs"),
    path("api/matching/resources/", api.ResourceList.as_view(), name="api_resources"),
]
