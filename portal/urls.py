from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from django.views.i18n import set_language

from portal import views
from portal.security import views as security_views

# The admin is the staff desk of this portal: its header, title and login say so, translated.
admin.site.site_header = _("IP assistance portal")
admin.site.site_title = _("IP assistance portal")
admin.site.index_title = _("Staff desk")

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    # Browsers and feed readers ask for /favicon.ico whatever the page says.
    path(
        "favicon.ico",
        RedirectView.as_view(url=lazy(static, str)("portal/favicon.ico"), permanent=True),
    ),
    path("", views.home, name="home"),
    path("recommendations/", views.recommendation_list, name="recommendation_list"),
    path(
        "recommendations/<int:number>/",
        views.recommendation_detail,
        name="recommendation_detail",
    ),
    # Before Django's own: the reset link goes through the outbox, throttled.
    path("accounts/password_reset/", security_views.password_reset, name="password_reset"),
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
