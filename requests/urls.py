"""URLs of the requests app; it owns its own path prefixes (included at the root)."""

from django.urls import path

from requests import views, views_needs

app_name = "requests"
urlpatterns = [
    path("requests/", views.request_list, name="list"),
    path("requests/new/", views.request_create, name="new"),
    path("requests/from-need/<int:pk>/", views_needs.request_from_need, name="from_need"),
    path("requests/<str:reference>/", views.request_detail, name="detail"),
    path("requests/<str:reference>/edit/", views.request_edit, name="edit"),
    path("requests/<str:reference>/submit/", views.request_submit, name="submit"),
    path("requests/<str:reference>/withdraw/", views.request_withdraw, name="withdraw"),
    path("requests/<str:reference>/messages/", views.message_create, name="message"),
    path("requests/<str:reference>/documents/", views.document_upload, name="upload"),
    path(
        "requests/<str:reference>/documents/<int:pk>/",
        views.document_download,
        name="document",
    ),
    path("requests/<str:reference>/consent/", views.consent, name="consent"),
    path("requests/<str:reference>/feedback/", views.feedback, name="feedback"),
]
