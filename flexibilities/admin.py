"""Staff curation of the flexibilities database: categories, provisions, imports.

Every write goes through services: the edit form, the publish actions and the import upload.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from flexibilities import services
from flexibilities.columns import NAMES, REQUIRED
from flexibilities.forms import ImportUploadForm, ProvisionAdminForm
from flexibilities.models import FlexibilityCategory, ImportJob, Provision


@admin.register(FlexibilityCategory)
class FlexibilityCategoryAdmin(TranslationAdmin):
    list_display = ["name", "slug", "trips_articles", "ip_area", "position"]
    list_editable = ["position"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        services.save_category(obj)


@admin.register(Provision)
class ProvisionAdmin(admin.ModelAdmin):
    form = ProvisionAdminForm
    change_list_template = "admin/flexibilities/provision/change_list.html"
    list_display = [
        "law_title",
        "article",
        "party",
        "category",
        "law_date",
        "language",
        "is_published",
        "is_sample",
        "updated_at",
    ]
    list_filter = ["is_published", "is_sample", "category", "party__region", "language"]
    list_select_related = ["party", "category"]
    search_fields = ["law_title", "law_number", "article", "party__code", "party__name"]
    autocomplete_fields = ["party"]
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "law_date"
    show_full_result_count = False
    list_per_page = 50
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["party", "category", "implementation_option"]}),
        (
            _("The law"),
            {"fields": ["law_title", "law_number", "law_date", "last_amended", "source_url"]},
        ),
        (
            _("The provision"),
            {"fields": ["article", "text", "text_is_excerpt", "language", "note"]},
        ),
        (
            _("Curation"),
            {"fields": ["is_published", "is_sample", "last_verified", "created_at", "updated_at"]},
        ),
    ]

    def save_model(self, request, obj, form, change):
        # The form asked services.check_provision already, so a refusal is beside its field.
        services.save_provision(obj, actor=request.user)

    @admin.action(description=_("Publish the selected provisions"))
    def publish(self, request, queryset):
        count = services.publish_provisions(queryset, actor=request.user)
        self.message_user(
            request,
            ngettext("%(count)d provision published.", "%(count)d provisions published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Withdraw the selected provisions from the public site"))
    def unpublish(self, request, queryset):
        count = services.unpublish_provisions(queryset, actor=request.user)
        self.message_user(
            request,
            ngettext("%(count)d provision withdrawn.", "%(count)d provisions withdrawn.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    def get_urls(self):
        upload = self.admin_site.admin_view(self.import_view)
        return [
            path("import/", upload, name="flexibilities_provision_import"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Upload a CSV or JSON file; the import runs as a task and reports on the job page."""
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        form = ImportUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            job = services.create_import_job(
                file=upload,
                name=upload.name,
                partial=form.cleaned_data["partial"],
                user=request.user,
            )
            services.start_import_job(job)
            return redirect("admin:flexibilities_importjob_change", job.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import provisions"),
            "form": form,
            "opts": self.model._meta,
            "columns": NAMES,
            "required": REQUIRED,
        }
        return render(request, "admin/flexibilities/provision/import.html", context)


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = [
        "original_name",
        "status",
        "created_at",
        "created_by",
        "created_count",
        "updated_count",
        "error_count",
    ]
    list_filter = ["status"]
    list_select_related = ["created_by"]
    fields = [
        "progress",
        "original_name",
        "format",
        "partial",
        "created_by",
        "created_at",
        "started_at",
        "finished_at",
        "total_rows",
        "created_count",
        "updated_count",
        "unchanged_count",
        "error_count",
        "report",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False  # jobs are created by uploading a file on the provisions list

    def has_change_permission(self, request, obj=None):
        return False  # a job's record is written by the import only

    def has_view_permission(self, request, obj=None):
        # Whoever may import provisions may follow the jobs they start.
        return request.user.has_perm("flexibilities.add_provision") or super().has_view_permission(
            request, obj
        )

    @admin.display(description=_("progress"))
    def progress(self, job):
        if job.is_done:
            return job.get_status_display()
        url = reverse("admin:flexibilities_importjob_change", args=[job.pk])
        return format_html(
            '{} · {} · <a href="{}">{}</a>',
            job.get_status_display(),
            _("%(count)s rows checked") % {"count": job.processed_rows},
            url,
            _("Refresh"),
        )

    @admin.display(description=_("bad rows"))
    def report(self, job):
        if not job.errors:
            return "-"
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            ((e.get("line") or "", e.get("field") or "", e.get("message")) for e in job.errors),
        )
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            _("Line"),
            _("Field"),
            _("Problem"),
            rows,
        )
