"""Assistance requests with their history, messages, feedback and guardian permissions, by COPY.

Each request follows a legal path through the workflow table (requests.models.workflow), so the
history reads like one the services would have written.
"""

import random
from collections import Counter
from datetime import UTC, datetime, timedelta

from django.contrib.auth.models import Permission

from portal.models import Party
from requests.models import Kind, LegalArea, ReferenceCounter, Status

from . import text
from .copyio import columns, copy_rows, next_id, reset_sequence
from .people import Cast

S = Status
# final status, weight, the path of statuses after draft (the last is the final status)
_REVIEW = [S.SUBMITTED, S.ACKNOWLEDGED, S.UNDER_REVIEW]
_WORK = [*_REVIEW, S.ACCEPTED, S.IN_PROGRESS]
_PLANS = [
    (S.DRAFT, 4, []),
    (S.SUBMITTED, 18, _REVIEW[:1]),
    (S.ACKNOWLEDGED, 12, _REVIEW[:2]),
    (S.UNDER_REVIEW, 14, _REVIEW),
    (S.INFORMATION_REQUESTED, 5, [*_REVIEW, S.INFORMATION_REQUESTED]),
    (S.ACCEPTED, 7, _WORK[:4]),
    (S.IN_PROGRESS, 12, _WORK),
    (S.DELIVERED, 6, [*_WORK, S.DELIVERED]),
    (S.CLOSED, 8, [*_WORK, S.DELIVERED, S.CLOSED]),
    (S.DECLINED, 6, [*_REVIEW, S.DECLINED]),
    (S.WITHDRAWN, 4, [S.SUBMITTED, S.WITHDRAWN]),
]
_WEIGHTS = [weight for _, weight, _ in _PLANS]
_STAFF_WORK = {S.ACCEPTED, S.IN_PROGRESS, S.DELIVERED, S.CLOSED, S.DECLINED}
_PARTY_MOVES = {S.SUBMITTED, S.WITHDRAWN}
FIRST = datetime(2015, 1, 1, tzinfo=UTC)
SPAN_DAYS = (datetime(2026, 6, 1, tzinfo=UTC) - FIRST).days
# One request of Kenya carries exactly this many timeline entries (the detail page measured).
TIMELINE_ENTRIES = 50
KENYA_SHARE = 0.015  # 1,500 of 100,000 requests: the official's list is a long one

REQUEST_COLUMNS = columns(
    "id reference kind purpose legal_areas policy_format venue treaties title description "
    "wished_by due_date status decline_reason consent_general consent_details created_at "
    "submitted_at waiting_since last_activity_at assigned_officer_id created_by_id party_id "
    "submitted_by_id paused_from paused_days enforcement_agencies enforcement_areas "
    "enforcement_help region"
)
CHANGE_COLUMNS = (
    "from_status to_status at note note_visible_to_party actor_id assistance_request_id"
)
MESSAGE_COLUMNS = "body internal created_at assistance_request_id author_id"


class RequestWorld:
    """Generates rows; `write()` COPYs them. Counts and the measured request end up in `facts`."""

    def __init__(self, cast: Cast, count: int, seed: int = 9):
        self.cast, self.count, self.rng = cast, count, random.Random(seed)  # noqa: S311 - invented data, not secrets
        self.requests, self.changes, self.messages = [], [], []
        self.group_perms, self.feedback = [], []
        self.finished: list[tuple[int, datetime, int]] = []  # delivered: id, when, party
        self.facts: dict[str, object] = {}
        self.numbers: Counter = Counter()

    def _parties(self) -> list[int]:
        parties = list(Party.objects.order_by("pk").values_list("pk", "code"))
        kenya = next(pk for pk, code in parties if code == "KE")
        weights = [self.rng.paretovariate(1.2) for _ in parties]
        total = sum(weights)
        other = [w / total * (1 - KENYA_SHARE) for w in weights]
        self.kenya = kenya
        return [pk for pk, _ in parties], [
            KENYA_SHARE if pk == kenya else share
            for (pk, _), share in zip(parties, other, strict=True)
        ]

    def generate(self) -> None:
        ids, weights = self._parties()
        # The demo world has handed out references already: carry on from its counters.
        self.numbers.update(dict(ReferenceCounter.objects.values_list("year", "last_number")))
        first_id = next_id("requests_assistancerequest")
        chosen = self.rng.choices(ids, weights=weights, k=self.count)
        plans = self.rng.choices(_PLANS, weights=_WEIGHTS, k=self.count)
        for offset, (party_id, plan) in enumerate(zip(chosen, plans, strict=True)):
            created = FIRST + timedelta(minutes=self.rng.randrange(SPAN_DAYS * 24 * 60))
            self._request(first_id + offset, party_id, plan[2], created)
        self._measured_request(first_id + self.count)

    def _request(self, pk, party_id, path, created, *, loops=0, messages=None) -> None:
        rng, cast = self.rng, self.cast
        focal, official = cast.focal[party_id], cast.official[party_id]
        status = path[-1] if path else S.DRAFT
        if loops:  # the measured request goes back and forth between review and the party
            path = path[:3] + [S.INFORMATION_REQUESTED, S.UNDER_REVIEW] * loops + path[3:]
        officer = None
        if status in _STAFF_WORK or (status == S.UNDER_REVIEW and rng.random() < 0.5):
            officer = cast.demo_officer if rng.random() < 0.02 else rng.choice(cast.officers)
        at, previous, submitted_at, due, waiting = created, S.DRAFT, None, None, None
        for to_status in path:
            at += timedelta(hours=rng.randint(4, 24 * 20))
            actor = focal if to_status in _PARTY_MOVES else officer or cast.triage
            if previous == S.INFORMATION_REQUESTED:
                actor = official
            note = text.prose(rng, rng.randint(40, 200)) if rng.random() < 0.3 else ""
            self.changes.append((previous, to_status, at, note, rng.random() < 0.7, actor, pk))
            if to_status == S.SUBMITTED:
                submitted_at = at
            if to_status == S.ACCEPTED:
                due = (at + timedelta(days=rng.randint(60, 365))).date()
            waiting = at if to_status == S.INFORMATION_REQUESTED else None
            previous = to_status
        if status in (S.DELIVERED, S.CLOSED):
            self.finished.append((pk, at, party_id))
        year = created.year
        self.numbers[year] += 1
        kind = rng.choice(Kind.values)
        self.requests.append(
            (
                pk,
                f"REQ-{year}-{self.numbers[year]:04d}",
                kind,
                "revise" if kind == Kind.LEGISLATIVE else "",
                rng.sample(LegalArea.values, rng.randint(1, 3)),
                "meeting" if kind == Kind.POLICY else "",
                "online" if kind == Kind.POLICY else "",
                "",
                text.title(rng),
                text.prose(rng, rng.randint(200, 1500)),
                (created + timedelta(days=rng.randint(60, 400))).date(),
                due,
                status,
                text.prose(rng, 120) if status == S.DECLINED else "",
                False,
                False,
                created,
                submitted_at,
                waiting,
                at,
                officer,
                official,
                party_id,
                focal if submitted_at else None,
                S.UNDER_REVIEW if status in (S.INFORMATION_REQUESTED, S.ON_HOLD) else "",
                0,
                [],
                [],
                [],
                self.cast.region[party_id],
            )
        )
        self._permissions(pk, party_id)
        self._messages(pk, party_id, submitted_at, at, messages)

    def _permissions(self, pk, party_id) -> None:
        # As requests.services.access grants them: the party's group (the bureau and the
        # officer see a request by its region and assignee, not by a row of guardian's).
        self.group_perms.append((self.cast.party_group[party_id], pk))

    def _messages(self, pk, party_id, start, end, count=None) -> None:
        if start is None:
            return
        rng = self.rng
        if count is None:
            count = rng.choices((0, 1, 2, 3, 4), weights=(20, 20, 25, 20, 15))[0]
        span = max(1, int((end - start).total_seconds()))
        for _ in range(count):
            internal = rng.random() < 0.15
            party_side = not internal and rng.random() < 0.5
            author = self.cast.official[party_id] if party_side else self.cast.triage
            at = start + timedelta(seconds=rng.randrange(span))
            self.messages.append((text.prose(rng, rng.randint(60, 600)), internal, at, pk, author))

    def _measured_request(self, pk) -> None:
        """Kenya's request whose page shows exactly TIMELINE_ENTRIES entries to its official."""
        path = [S.SUBMITTED, S.ACKNOWLEDGED, S.UNDER_REVIEW, S.INFORMATION_REQUESTED]
        loops = 8  # 4 + 16 status changes, the rest messages (none internal)
        before = len(self.messages)
        self._request(
            pk, self.kenya, path, datetime(2026, 1, 12, 9, tzinfo=UTC), loops=loops, messages=0
        )
        changes = len(path) + 2 * loops
        end = self.changes[-1][2]
        start = end - timedelta(days=30)
        for n in range(TIMELINE_ENTRIES - changes):
            author = self.cast.official[self.kenya] if n % 2 else self.cast.triage
            at = start + timedelta(hours=n)
            self.messages.append((text.prose(self.rng, 300), False, at, pk, author))
        assert len(self.messages) - before == TIMELINE_ENTRIES - changes
        self.facts["timeline_reference"] = self.requests[-1][1]
        self.count += 1

    def _feedback(self) -> list[tuple]:
        rng, rows = self.rng, []
        for pk, at, party_id in self.finished:
            if rng.random() < 0.6:
                scores = [rng.randint(2, 5) for _ in range(3)]
                given = at + timedelta(days=rng.randint(1, 30))
                rows.append((*scores, "", given, pk, self.cast.focal[party_id]))
        return rows

    def write(self) -> dict[str, int]:
        view = Permission.objects.get(
            codename="view_assistancerequest", content_type__app_label="requests"
        )
        written = {
            "requests": copy_rows("requests_assistancerequest", REQUEST_COLUMNS, self.requests),
            "status changes": copy_rows(
                "requests_statuschange", columns(CHANGE_COLUMNS), self.changes
            ),
            "messages": copy_rows("requests_message", columns(MESSAGE_COLUMNS), self.messages),
            "feedback": copy_rows(
                "requests_feedback",
                columns(
                    "relevance timeliness quality comment given_at assistance_request_id "
                    "given_by_id"
                ),
                self._feedback(),
            ),
            "group permissions": copy_rows(
                "requests_assistancerequestgroupobjectpermission",
                ["permission_id", "group_id", "content_object_id"],
                ((view.pk, group, pk) for group, pk in self.group_perms),
            ),
        }
        for table in ("requests_assistancerequest", "requests_statuschange", "requests_message",
                      "requests_feedback",
                      "requests_assistancerequestgroupobjectpermission"):  # fmt: skip
            reset_sequence(table)
        for year, number in self.numbers.items():
            counter, _ = ReferenceCounter.objects.get_or_create(year=year)
            counter.last_number = max(counter.last_number, number)
            counter.save()
        return written

    def ids_by_status(self, statuses) -> list[int]:
        return [row[0] for row in self.requests if row[12] in statuses]
