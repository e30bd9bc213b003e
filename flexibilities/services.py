"""State changes of the flexibilities database: provisions, publication, imports.

Every write of a provision goes through here, because the natural key (`law_key`) and the
stored search vector must follow the fields they are derived from.
"""

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from flexibilities.alerts import alert_subscribers
from flexibilities.counts_cache import provisions_changed
from flexibilities.imports import CleanRow, RowValidator, format_of, read_records
from flexibilities.models import (
    IMPORT_TASK,
    IMPORT_TRANSITIONS,
    FlexibilityAlert,
    FlexibilityCategory,
    ImportJob,
    Provision,
    ProvisionChange,
)
from flexibilities.permissions import check_curator
from flexibilities.search_index import (
    refresh_reference_vocabulary,
    refresh_search_vectors,
    refresh_targets,
    refresh_vocabulary,
)
from portal import queue
from portal.csv_import import FileError, RowError
from portal.models import Party, User
from portal.workflow import WorkflowError, move

logger = logging.getLogger(__name__)

BATCH_SIZE = 1000
MAX_STORED_ERRORS = 5000
PROGRESS_EVERY = 1000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TEXT_FIELDS = ("law_title", "law_number", "article", "text", "source_url", "note")


@transaction.atomic
def save_category(category: FlexibilityCategory) -> FlexibilityCategory:
    """Save a flexibility (the admin's form): its one search vector follows its names, its
    descriptions and its treaty articles; its provisions' vectors do not hold them."""
    category.save()
    refresh_targets(category_ids=[category.pk], party_ids=[])
    refresh_reference_vocabulary()
    provisions_changed()  # the cached search counts may change
    return category


def party_saved(party: Party) -> None:
    """After portal.services.save_party: the search vector of the party and of its members
    (they are found by their organisations' names) follows its names and region."""
    members = list(party.members.values_list("pk", flat=True))
    refresh_targets(category_ids=[], party_ids=[party.pk, *members])
    refresh_reference_vocabulary()
    provisions_changed()


def check_provision(provision: Provision) -> None:
    """The rules of a provision beyond the shape of its fields: an option of its category, and
    no other provision with its natural key. Raises ValidationError keyed by the field."""
    errors: dict[str, str] = {}
    category = provision.category if provision.category_id else None
    if category is not None and (problem := category.option_error(provision.implementation_option)):
        errors["implementation_option"] = problem
    law_key = provision.law_number or provision.law_title
    if provision.party_id and category is not None and law_key and provision.article:
        clash = Provision.objects.filter(
            party_id=provision.party_id,
            category=category,
            law_key=law_key,
            article=provision.article,
        )
        if clash.exclude(pk=provision.pk).exists():
            errors[NON_FIELD_ERRORS] = _(
                "This party already has this provision (same category, law and article)."
            )
    if errors:
        raise ValidationError(errors)


def save_provision(provision: Provision, *, actor: User | None) -> Provision:
    """Check the provision (check_provision), derive the natural key, save, reindex."""
    check_curator(actor)
    for name in _TEXT_FIELDS:
        setattr(provision, name, _CONTROL.sub("", getattr(provision, name)).strip())
    check_provision(provision)
    provision.law_key = provision.law_number or provision.law_title
    with transaction.atomic():
        before = None
        if provision.pk:
            before = Provision.objects.filter(pk=provision.pk).values(*_WATCHED).first()
        provision.save()
        refresh_search_vectors(Provision.objects.filter(pk=provision.pk))
        change = _public_change(before, provision)
        if change:
            record_changes([(provision, *change)])
        provisions_changed()
    return provision


# The fields whose change is a public amendment of a published provision.
PUBLIC_FIELDS = (
    "party_id", "category_id", "law_title", "law_number", "law_date", "last_amended", "article",
    "text", "text_is_excerpt", "language", "implementation_option", "source_url", "note",
)  # fmt: skip
_WATCHED = (*PUBLIC_FIELDS, "is_published")


def _public_change(before: dict | None, after: Provision) -> tuple[str, list[str]] | None:
    """What the public sees change between a provision's stored fields and its new state."""
    if before is None or not before["is_published"]:
        return (ProvisionChange.Kind.ADDED, []) if after.is_published else None
    if not after.is_published:
        return ProvisionChange.Kind.WITHDRAWN, []
    changed = [name for name in PUBLIC_FIELDS if before[name] != getattr(after, name)]
    return (ProvisionChange.Kind.AMENDED, changed) if changed else None


def record_changes(
    entries: list[tuple[Provision, str, list[str]]], *, alert: bool = True
) -> list[ProvisionChange]:
    """Write the change log of the given (provision, kind, fields changed) and, unless told
    otherwise, the alerts of those who follow them; call inside the changes' transaction."""
    now = timezone.now()
    changes = ProvisionChange.objects.bulk_create(
        ProvisionChange(
            provision_id=provision.pk,
            party_id=provision.party_id,
            category_id=provision.category_id,
            kind=kind,
            fields=[name.removesuffix("_id") for name in fields],
            at=now,
        )
        for provision, kind, fields in entries
    )
    if alert:
        alert_subscribers(changes)
    return changes


def publish_provisions(queryset: QuerySet[Provision], *, actor: User | None) -> int:
    """Publish the given provisions; returns how many changed."""
    check_curator(actor)
    return _set_published(queryset, True)


def unpublish_provisions(queryset: QuerySet[Provision], *, actor: User | None) -> int:
    """Withdraw the given provisions from the public pages; returns how many changed."""
    check_curator(actor)
    return _set_published(queryset, False)


def _set_published(queryset: QuerySet[Provision], published: bool) -> int:
    with transaction.atomic():
        rows = list(
            queryset.exclude(is_published=published)
            .order_by()
            .select_for_update(of=("self",))
            .only("pk", "party_id", "category_id")
        )
        changed = Provision.objects.filter(pk__in=[row.pk for row in rows]).update(
            is_published=published, updated_at=timezone.now()
        )
        kind = ProvisionChange.Kind.ADDED if published else ProvisionChange.Kind.WITHDRAWN
        record_changes([(row, kind, []) for row in rows])
        if published and changed:
            # Their words may now be offered as corrections.
            refresh_vocabulary([row.pk for row in rows])
        provisions_changed()
    return changed


@dataclass
class ImportReport:
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    error_count: int = 0
    errors: list[dict] = field(default_factory=list)
    rejected: bool = False

    def add_errors(self, errors: list[RowError]) -> None:
        self.error_count += 1
        room = MAX_STORED_ERRORS - len(self.errors)
        self.errors.extend(
            {"line": error.line, "field": error.column, "message": error.message}
            for error in errors[: max(room, 0)]
        )


def import_records(
    open_records: Callable[[], Iterable[tuple[int, dict]]],
    *,
    partial: bool = False,
    progress: Callable[[str, int], None] | None = None,
) -> ImportReport:
    """Check every record, then upsert them all, or only the good ones when `partial`.

    `open_records` is called twice (check, then write) so a large file is read twice rather
    than held in memory. Nothing is written when any record is bad unless `partial`.
    """
    categories = {category.slug: category for category in FlexibilityCategory.objects.all()}
    report = ImportReport()
    validator = RowValidator(categories)
    for line, raw in open_records():
        report.total += 1
        _row, errors = validator.clean(line, raw)
        if errors:
            report.add_errors(errors)
        if progress and report.total % PROGRESS_EVERY == 0:
            progress(ImportJob.Status.VALIDATING, report.total)
    if report.total == 0:
        raise FileError(_("The file holds no provisions."))
    if report.error_count and not partial:
        report.rejected = True
        return report
    if progress:
        progress(ImportJob.Status.WRITING, report.total)
    good_rows = _good_rows(RowValidator(categories), open_records())
    # One alert per follower for the whole file, not per batch (kept only when someone follows).
    followed, changes = FlexibilityAlert.objects.exists(), []
    with transaction.atomic():
        while batch := list(islice(good_rows, BATCH_SIZE)):
            created, updated, unchanged, logged = _upsert(batch)
            report.created += created
            report.updated += updated
            report.unchanged += unchanged
            if followed:
                changes += logged
        alert_subscribers(changes)
    return report


def _good_rows(validator: RowValidator, records: Iterable) -> Iterator[CleanRow]:
    for line, raw in records:
        row, errors = validator.clean(line, raw)
        if row is not None and not errors:
            yield row


def _upsert(rows: list[CleanRow]) -> tuple[int, int, int, list[ProvisionChange]]:
    """Create new provisions and update changed ones, matched on the natural key."""
    existing = {
        (p.party_id, p.category_id, p.law_key, p.article): p
        for p in Provision.objects.filter(
            party_id__in={row.key[0] for row in rows},
            category_id__in={row.key[1] for row in rows},
            law_key__in={row.key[2] for row in rows},
            article__in={row.key[3] for row in rows},
        )
    }
    now = timezone.now()
    to_create, to_update, changed_fields, unchanged = [], [], set(), 0
    log = []
    for row in rows:
        current = existing.get(row.key)
        if current is None:
            to_create.append(Provision(**row.values))
            continue
        changes = {name for name, value in row.values.items() if getattr(current, name) != value}
        if not changes:
            unchanged += 1
            continue
        before = {name: getattr(current, name) for name in _WATCHED}
        for name in changes:
            setattr(current, name, row.values[name])
        current.updated_at = now
        changed_fields |= changes
        to_update.append(current)
        if change := _public_change(before, current):
            log.append((current, *change))
    created = Provision.objects.bulk_create(to_create)
    if to_update:
        Provision.objects.bulk_update(to_update, [*sorted(changed_fields), "updated_at"])
    added: list[tuple[Provision, str, list[str]]] = [
        (p, ProvisionChange.Kind.ADDED, []) for p in created if p.is_published
    ]
    logged = record_changes(added + log, alert=False)
    touched = [provision.pk for provision in [*created, *to_update]]
    if touched:
        refresh_search_vectors(Provision.objects.filter(pk__in=touched))
        provisions_changed()
    return len(created), len(to_update), unchanged, logged


def create_import_job(
    *, file: File, name: str, partial: bool, user: User | None = None
) -> ImportJob:
    """Store an uploaded file as a pending import job (the format comes from its name).

    `user` is the curator who uploaded it; None is an operator's command on the server.
    """
    check_curator(user)
    return ImportJob.objects.create(
        file=file,
        original_name=name[:255],
        format=format_of(name),
        partial=partial,
        created_by=user,
    )


def start_import_job(job: ImportJob) -> None:
    """Queue the job's task once the job row is committed (eager without a broker)."""
    run_import = queue.task("flexibilities.tasks.run_import")
    transaction.on_commit(lambda: run_import.delay(job.pk))


def run_import_job(job_id: int) -> ImportJob:
    """Run a pending import job to its end; a job already started is left alone (idempotent)."""
    job = ImportJob.objects.get(pk=job_id)
    try:
        _advance(job, ImportJob.Status.VALIDATING, started_at=timezone.now())
    except WorkflowError:
        return job  # another worker took it, or it is over

    def progress(status: str, processed: int) -> None:
        if status != job.status:
            _advance(job, status)
        ImportJob.objects.filter(pk=job_id).update(processed_rows=processed)

    def open_records() -> Iterator[tuple[int, dict]]:
        job.file.open("rb")
        job.file.seek(0)
        return read_records(job.file, job.format)

    try:
        report = import_records(open_records, partial=job.partial, progress=progress)
    except FileError as error:
        _finish(job, ImportJob.Status.REJECTED, errors=[_file_error(error)], error_count=1)
    except Exception:
        logger.exception("Import job %s failed", job_id)
        message = _("The import stopped on an unexpected error; nothing was imported.")
        _finish(job, ImportJob.Status.FAILED, errors=[{"line": 0, "field": "", "message": message}])
    else:
        _finish(
            job,
            ImportJob.Status.REJECTED if report.rejected else ImportJob.Status.FINISHED,
            total_rows=report.total,
            processed_rows=report.total,
            created_count=report.created,
            updated_count=report.updated,
            unchanged_count=report.unchanged,
            error_count=report.error_count,
            errors=report.errors,
        )
    finally:
        job.file.close()
    job.refresh_from_db()
    return job


def _file_error(error: FileError) -> dict:
    return {"line": error.line, "field": "", "message": error.message}


def _finish(job: ImportJob, status: str, **fields: Any) -> None:
    _advance(job, status, finished_at=timezone.now(), **fields)


def _advance(job: ImportJob, status: str, **fields: Any) -> None:
    """Move the job along IMPORT_TRANSITIONS and set `fields` with the move."""

    def prepare(locked: ImportJob, _status: str) -> None:
        for name, value in fields.items():
            setattr(locked, name, value)

    move(job, status, actor=None, table=IMPORT_TRANSITIONS, may=_import_task, prepare=prepare)
    job.refresh_from_db(fields=["status"])  # the task's copy follows the move


def _import_task(actor: None, job: ImportJob, who: str, _status: str) -> bool:
    # Nobody moves an import job but the import itself (run by its task or the command).
    return actor is None and who == IMPORT_TASK
