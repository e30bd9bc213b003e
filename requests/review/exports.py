"""The yearly review as CSV: one line per figure (section, category, activities, requests)."""

from requests.review.presentation import Table, activity_types, request_kinds


def write_csv(writer, figures: dict, tables: list[Table]) -> None:
    writer.writerow(["section", "category", "activities", "requests"])
    activities, requests, feedback = (
        figures["activities"],
        figures["requests"],
        figures["feedback"],
    )
    writer.writerow(["total", "", activities["total"], requests["submitted"]])
    for table in tables:
        for label, activity_count, request_count in table.rows:
            writer.writerow([table.key, label, activity_count, request_count])
    for label, count in activity_types(figures):
        writer.writerow(["activity_type", label, count, ""])
    for label, count in request_kinds(figures):
        writer.writerow(["request_kind", label, "", count])
    scalars = [
        ("activities_completed", activities["completed"], ""),
        ("activities_completed_on_time", activities["completed_on_time"], ""),
        ("requests_accepted", "", requests["accepted"]),
        ("requests_delivered", "", requests["delivered"]),
        ("requests_delivered_with_time_frame", "", requests["delivered_with_time_frame"]),
        ("requests_delivered_on_time", "", requests["delivered_on_time"]),
        ("share_delivered_on_time", "", _blank(requests["on_time_share"])),
        ("median_days_submission_to_acceptance", "", _blank(requests["median_days_to_acceptance"])),
        ("median_days_submission_to_delivery", "", _blank(requests["median_days_to_delivery"])),
        ("days_paused_of_requests_delivered", "", requests.get("delivered_paused_days", 0)),
        (
            "median_days_to_delivery_without_pauses",
            "",
            _blank(requests.get("median_working_days_to_delivery")),
        ),
        ("feedback_count", "", feedback["count"]),
        ("feedback_relevance_average", "", _blank(feedback["relevance"])),
        ("feedback_timeliness_average", "", _blank(feedback["timeliness"])),
        ("feedback_quality_average", "", _blank(feedback["quality"])),
    ]
    for name, activity_value, request_value in scalars:
        writer.writerow(["figure", name, activity_value, request_value])
    # Recommendation 9's figures stand on their own (reports made before it have none).
    for name, value in (figures.get("matching") or {}).items():
        writer.writerow(["matching", name, "", _blank(value)])


def _blank(value):
    return "" if value is None else value
