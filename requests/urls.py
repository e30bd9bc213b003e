"""URLs of the requests app; it owns its own path prefixes (included at the root)."""

from django.urls import path

from requests import views, views_drafts, views_needs

app_name = "requests"
urlpatterns = [
    path("requests/", views.request_list, name="list"),
    path("requests/new/", views_drafts.request_create, name="new"),
    path("requests/from-need/<int:pk>/", views_needs.request_from_need, name="from_need"),
    path("requests/<str:reference>/", views.request_detail, name="detail"),
    path("requests/<str:reference>/edit/", views_drafts.request_edit, name="edit"),
    path("requests/<str:reference>/ready/", views_drafts.request_ready, name="ready"),
    path("requests/<str:reference>/send-back/", views_drafts.request_send_back, name="send_back"),
    path("requests/<str:reference>/discard/", views_drafts.request_discard, name="discard"),
    path("requests/<str:reference>/submit/", views_drafts.request_submit, name="submit"),
    path("requests/<str:reference>/submitted/", views_drafts.request_submitted, name="submitted"),
    path("requests/<str:reference>/withdraw/", views.request_withdraw, name="withdraw"),
    path("requests/<str:reference>/messages/", views.message_create, name="message"),
    path("requests/<str:reference>/documents/", views.document_upload, name="upload"),
    path(
        "requests/<str:reference>/documents/<int:pk>/",
        views.document_download,
        name="document",
    ),
    path(
        "requests/<str:reference>/documents/<int:pk>/read/",
        views.document_read,
        name="document_read",
    ),
    path("requests/<str:reference>/consent/", views.consent, name="consent"),
    path("requests/<str:reference>/feedback/", views.feedback, name="feedback"),
]
