"""Staff approve providers in the admin; needs, resources and matches are read here only.

Every change of a need, a resource or a match goes through portal.matching.services (the
site's pages); the admin shows them to staff and links to where they are brokered.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from portal.matching import services
from portal.models import Match, Need, Provider, Resource


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "status", "approved_at"]
    list_filter = ["status", "kind"]
    search_fields = ["name"]
    fields = ["name", "kind", "status", "description", "website", "consultant", "members"]
    readonly_fields = ["status"]
    autocomplete_fields = ["members"]
    raw_id_fields = ["consultant"]
    actions = ["approve"]

    @admin.action(description=_("Approve the selected providers"))
    def approve(self, request, queryset):
        for provider in queryset.exclude(status=Provider.Status.APPROVED):
            services.approve_provider(provider, actor=request.user)
        messages.success(request, _("The providers are approved."))


class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Need)
class NeedAdmin(_ReadOnly):
    list_display = ["title", "party", "status", "visibility", "published_at"]
    list_filter = ["status", "visibility"]
    search_fields = ["title"]
    list_select_related = ["party"]


@admin.register(Resource)
class ResourceAdmin(_ReadOnly):
    list_display = ["title", "provider", "offer_type", "capacity", "status"]
    list_filter = ["status", "offer_type"]
    search_fields = ["title", "provider__name"]
    list_select_related = ["provider"]


@admin.register(Match)
class MatchAdmin(_ReadOnly):
    list_display = ["need", "resource", "status", "score", "proposed_at", "concluded_at"]
    list_filter = ["status"]
    list_select_related = ["need", "resource"]
