"""The enforcement app's pages: thin function views (fetch with access check, form, service)."""

from enforcement.views.practices import best_practice_detail, best_practice_list
from enforcement.views.programmes import (
    meeting_attendees,
    meeting_detail,
    programme_detail,
    programme_list,
)
from enforcement.views.reports import (
    report_detail,
    report_file,
    report_list,
    report_review,
    report_upload,
)
from enforcement.views.statistics import (
    statistics,
    statistics_add,
    statistics_csv_template,
    statistics_manage,
    statistics_party,
    statistics_release,
    statistics_upload,
)

__all__ = [
    "best_practice_detail",
    "best_practice_list",
    "meeting_attendees",
    "meeting_detail",
    "programme_detail",
    "programme_list",
    "report_detail",
    "report_file",
    "report_list",
    "report_review",
    "report_upload",
    "statistics",
    "statistics_add",
    "statistics_csv_template",
    "statistics_manage",
    "statistics_party",
    "statistics_release",
    "statistics_upload",
]
