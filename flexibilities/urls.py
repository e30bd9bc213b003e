"""URLs of the flexibilities app; it owns its own path prefixes (included at the root)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from flexibilities import views, views_alerts
from flexibilities.api import views as api
from flexibilities.dataset import ChangesFeed

app_name = "flexibilities"
urlpatterns = [
    path("flexibilities/", views.search_page, name="search"),
    path("flexibilities/download.csv", views.export_csv, name="export_csv"),
    path("flexibilities/download.json", views.export_json, name="export_json"),
    path("flexibilities/provisions/<int:pk>/", views.provision_detail, name="provision_detail"),
    path(
        "flexibilities/provisions/<int:pk>/cite.<str:fmt>",
        views.provision_citation,
        name="provision_citation",
    ),
    path("flexibilities/categories/", views.category_list, name="category_list"),
    path("flexibilities/categories/<slug:slug>/", views.category_detail, name="category_detail"),
    path("flexibilities/parties/", views.party_list, name="party_list"),
    path("flexibilities/parties/<str:code>/", views.party_detail, name="party_detail"),
    path("flexibilities/compare/", views.compare, name="compare"),
    path(
        "flexibilities/compare/download.csv",
        views.compare_export,
        {"suffix": "csv"},
        name="compare_csv",
    ),
    path(
        "flexibilities/compare/download.json",
        views.compare_export,
        {"suffix": "json"},
        name="compare_json",
    ),
    path("flexibilities/dataset/", views.dataset_page, name="dataset"),
    path("flexibilities/changes.atom", ChangesFeed(), name="changes_feed"),
    path("flexibilities/alerts/", views_alerts.alert_subscribe, name="alert_subscribe"),
    path(
        "flexibilities/alerts/stop/<str:token>/",
        views_alerts.alert_unsubscribe,
        name="alert_unsubscribe",
    ),
    path("api/", views.api_docs, name="api_docs"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path(
        "api/explorer/",
        # The split view serves its start-up script as a file (no inline script under the CSP).
        SpectacularSwaggerSplitView.as_view(
            url_name="flexibilities:api_schema",
            template_name="flexibilities/api_explorer.html",
            title=_("Flexibilities database API"),
        ),
        name="api_explorer",
    ),
    path("api/categories/", api.CategoryList.as_view(), name="api_category_list"),
    path("api/categories/<slug:slug>/", api.CategoryDetail.as_view(), name="api_category_detail"),
    path("api/provisions/", api.ProvisionList.as_view(), name="api_provision_list"),
    path("api/provisions/<int:pk>/", api.ProvisionDetail.as_view(), name="api_provision_detail"),
    path("api/parties/", api.PartyList.as_view(), name="api_party_list"),
    path("api/parties/<str:code>/", api.PartyDetail.as_view(), name="api_party_detail"),
]
