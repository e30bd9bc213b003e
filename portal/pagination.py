"""A paginator that counts exactly only what a person could page through.

A list of tens of thousands of rows (a bureau's closed requests, the desk's current ones) is
searched and filtered, not paged to its end; counting it exactly reads every row on every
page. This one counts at most EXACT_UP_TO + 1 rows; beyond that it takes PostgreSQL's
estimate of the rows (the planner's, from the table's statistics) and says so (`estimated`).
"""

import json

from django.core.paginator import Paginator
from django.utils.functional import cached_property

EXACT_UP_TO = 1_000


class EstimatedCountPaginator(Paginator):
    estimated = False

    @cached_property
    def count(self) -> int:
        rows = self.object_list.order_by().values("pk")
        counted = rows[: EXACT_UP_TO + 1].count()
        if counted <= EXACT_UP_TO:
            return counted
        self.estimated = True
        return max(counted, _planned_rows(rows))


def _planned_rows(queryset) -> int:
    """The planner's estimate of the rows the query returns (0 when it gives none)."""
    if queryset.db != "default" or queryset.query.is_empty():
        return 0
    plan = json.loads(queryset.explain(format="json"))
    return int(plan[0]["Plan"].get("Plan Rows", 0))
