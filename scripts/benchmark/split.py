"""Where a page's time goes: SQL, template rendering, and the rest (Python), per request.

SQL is timed around every statement (connection.execute_wrapper); templates around the
outermost Template.render (includes and widgets render inside it), less the SQL that ran
while rendering (a queryset evaluated by the template is SQL, not template time).
"""

import time
from contextlib import contextmanager

from django.db import connection
from django.template.base import Template


class Split:
    def __init__(self):
        self.sql = self.template = 0.0  # seconds
        self.queries = 0
        self._depth = 0
        self._sql_at_render = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.sql += time.perf_counter() - started
            self.queries += 1

    def wrap_render(self, render):
        split = self

        def timed_render(template, context):
            if split._depth:
                return render(template, context)
            split._depth, sql_before, started = 1, split.sql, time.perf_counter()
            try:
                return render(template, context)
            finally:
                split._depth = 0
                split.template += time.perf_counter() - started - (split.sql - sql_before)

        return timed_render


@contextmanager
def splitting():
    """Yields a Split that adds up SQL and template seconds until the block ends."""
    split = Split()
    original = Template.render
    Template.render = split.wrap_render(original)
    try:
        with connection.execute_wrapper(split):
            yield split
    finally:
        Template.render = original
