from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from portal import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("", views.home, name="home"),
    path("recommendations/", views.recommendation_list, name="recommendation_list"),
    path(
        "recommendations/<int:number>/",
        views.recommendation_detail,
        name="recommendation_detail",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("portal.security.urls")),
    path("", include("portal.urls_notifications")),
    path("", include("portal.activities.urls")),  # /activities/, /roster/
    path("", include("portal.matching.urls")),  # /needs/, /resources/, /matches/ (rec. 9)
    # Each feature app owns its own prefixes; portal imports none of them (DESIGN.md s.2).
    path("", include("requests.urls")),
    path("", include("requests.review.urls")),  # /staff/review/ (the yearly review)
    path("", include("flexibilities.urls")),
    path("", include("enforcement.urls")),
    # The admin's "view on site" shortcut would tell any staff member a request's reference.
    path("admin/r/<int:content_type_id>/<path:object_id>/", views.admin_shortcut),
    path("admin/", admin.site.urls),
]
