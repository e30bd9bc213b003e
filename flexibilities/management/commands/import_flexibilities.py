"""Import provisions from a CSV or JSON file in the documented format (see the README)."""

from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from flexibilities import services
from flexibilities.imports import format_of
from flexibilities.models import ImportJob
from portal.csv_import import FileError


class Command(BaseCommand):
    help = (
        "Import provisions from FILE (.csv or .json). Every row is checked first; any bad row "
        "means nothing is imported unless --partial. Existing provisions are updated, matched "
        "on party, category, law (number, else title) and article."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--partial", action="store_true", help="Import the good rows even if some are bad."
        )

    def handle(self, *args, file: Path, partial: bool, **options):
        try:
            fmt = format_of(file.name)
        except FileError as error:
            raise CommandError(error.message) from error
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        with file.open("rb") as handle:
            job = services.create_import_job(
                file=File(handle, name=file.name), name=file.name, partial=partial
            )
        # The command waits for its import, so it runs the job here rather than on a worker.
        job = services.run_import_job(job.pk)
        unit = "line" if fmt == "csv" else "row"
        for error in job.errors:
            where = f"{unit} {error['line']}" if error["line"] else "file"
            field = f" {error['field']}" if error["field"] else ""
            self.stdout.write(f"{where}{field}: {error['message']}")
        summary = (
            f"{job.total_rows} rows: {job.created_count} created, {job.updated_count} updated, "
            f"{job.unchanged_count} unchanged, {job.error_count} bad"
        )
        if job.status != ImportJob.Status.FINISHED:
            raise CommandError(f"{job.get_status_display()}; nothing imported. {summary}.")
        self.stdout.write(self.style.SUCCESS(f"Imported. {summary}."))
