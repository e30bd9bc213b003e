"""A party's development status on a given day, read from its dated records.

The portal's rules read status here and nowhere else: forms ask about today
(`timezone.localdate()`), the yearly review about the last day of its year. Rule for a
scheduled graduation: the LDC period ends only where a graduation is recorded, so a
scheduled date whose outcome is not confirmed leaves the party an LDC (and the page says so).
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from portal.models.development import (
    CATEGORIES,
    GROUPINGS,
    PERIODS,
    DevelopmentStatus,
    StatusKind,
)


def covering(day: datetime.date) -> Q:
    """Periods that hold on the day."""
    return (Q(starts__isnull=True) | Q(starts__lte=day)) & (Q(ends__isnull=True) | Q(ends__gt=day))


def has_status(kind: str, day: datetime.date, party_ref: str = "pk") -> Exists:
    """An EXISTS over the records: the party (OuterRef(party_ref)) holds the status that day."""
    return Exists(
        DevelopmentStatus.objects.filter(party=OuterRef(party_ref), kind=kind).filter(covering(day))
    )


def is_eligible_developing(day: datetime.date, party_ref: str = "pk") -> Q:
    """Developing or least developed that day (the national-strategy rule of seeds/000)."""
    return Q(has_status(StatusKind.DEVELOPING, day, party_ref)) | Q(
        has_status(StatusKind.LDC, day, party_ref)
    )


def annotate_status(queryset: QuerySet, day: datetime.date) -> QuerySet:
    """Parties with status_ldc, status_lldc, status_sids and status_grouping for the day.

    Subqueries in the same SELECT: no query per row.
    """
    grouping = (
        DevelopmentStatus.objects.filter(party=OuterRef("pk"), kind__in=GROUPINGS)
        .filter(covering(day))
        .order_by("-starts")
        .values("kind")[:1]
    )
    return queryset.annotate(
        status_ldc=has_status(StatusKind.LDC, day),
        status_lldc=has_status(StatusKind.LLDC, day),
        status_sids=has_status(StatusKind.SIDS, day),
        status_grouping=Subquery(grouping),
    )


@dataclass
class StatusAsOf:
    """What a party was on a day, with the records that say so."""

    day: datetime.date
    ldc: bool = False
    lldc: bool = False
    sids: bool = False
    grouping: str = ""  # developing / transition / developed, "" when no record
    records: list[DevelopmentStatus] = field(default_factory=list)  # the periods that hold
    events: list[DevelopmentStatus] = field(default_factory=list)  # every event, by date

    @property
    def developing(self) -> bool:
        return self.grouping == StatusKind.DEVELOPING

    @property
    def eligible_as_developing(self) -> bool:
        """Open to assistance reserved for developing and least developed countries."""
        return self.developing or self.ldc

    @property
    def grouping_label(self) -> str:
        return StatusKind(self.grouping).label if self.grouping else ""

    @property
    def pending(self) -> list[DevelopmentStatus]:
        """Events still to come or whose outcome is not confirmed, as of the day."""
        return [
            event
            for event in self.events
            if event.kind == StatusKind.OUTCOME_UNCONFIRMED
            or (event.kind == StatusKind.GRADUATION_SCHEDULED and event.starts > self.day)
        ]


def status_as_of(party, day: datetime.date) -> StatusAsOf:
    """The party's status on the day (one query)."""
    rows = list(DevelopmentStatus.objects.filter(party=party).order_by("starts", "kind"))
    status = StatusAsOf(day=day)
    for row in rows:
        if row.kind not in PERIODS:
            if row.starts is None or row.starts <= day or row.kind in _FORWARD_EVENTS:
                status.events.append(row)
            continue
        if not row.holds_on(day):
            continue
        status.records.append(row)
        if row.kind in CATEGORIES:
            setattr(status, row.kind, True)
        else:
            status.grouping = row.kind
    return status


# Events that may be shown before their day: a schedule is known in advance.
_FORWARD_EVENTS = {StatusKind.GRADUATION_SCHEDULED}


def end_of_year(year: int) -> datetime.date:
    return datetime.date(year, 12, 31)


@dataclass
class StaleSchedule:
    party_code: str
    scheduled: datetime.date
    reason: str


def stale_schedules(today: datetime.date) -> list[StaleSchedule]:
    """Scheduled graduations past their date with no outcome recorded, or a re-check overdue.

    An outcome is: a graduation on that day; a decided deferral to a later day; or "outcome not
    confirmed" for that day with a re-check date still in the future.
    """
    events = DevelopmentStatus.objects.exclude(kind__in=PERIODS).select_related("party")
    by_party: dict[int, list[DevelopmentStatus]] = {}
    for event in events:
        by_party.setdefault(event.party_id, []).append(event)
    stale = []
    for party_events in by_party.values():
        for event in party_events:
            if event.kind == StatusKind.OUTCOME_UNCONFIRMED and (
                event.recheck_by is None or event.recheck_by <= today
            ):
                stale.append(
                    StaleSchedule(event.party.code, event.starts, "re-check date passed or missing")
                )
            if event.kind != StatusKind.GRADUATION_SCHEDULED or event.starts > today:
                continue
            if not any(_settles(other, event.starts, today) for other in party_events):
                stale.append(StaleSchedule(event.party.code, event.starts, "no outcome recorded"))
    return stale


def _settles(event: DevelopmentStatus, scheduled: datetime.date, today: datetime.date) -> bool:
    if event.kind == StatusKind.GRADUATED:
        return event.starts == scheduled
    if event.kind == StatusKind.DEFERRAL_DECIDED:
        return event.ends is not None and event.ends > scheduled
    if event.kind == StatusKind.OUTCOME_UNCONFIRMED:
        return event.starts == scheduled and event.recheck_by is not None
    return False
