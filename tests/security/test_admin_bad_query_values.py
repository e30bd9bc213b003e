"""An admin add page or changelist answers a bad query value with 400 or ignores it, never 500.

The admin prefills an add form from the query string (`?party=3` opens "add" for party 3) and
filters a changelist by it. Every registered model's add page and changelist is walked as a
superuser with values no field of that kind can hold, in every field's own name.
"""

import re
from urllib.parse import quote

import pytest
from django.contrib import admin
from django.db import models, transaction

from tests.conftest import client_for

pytestmark = pytest.mark.django_db

# Not a number, an address or a date; and past any integer column: every field kind refuses one.
BAD = ["abc", "9" * 20]


def field_names(model) -> list[str]:
    names = ["party", "user"]
    for field in model._meta.get_fields():
        if field.concrete or field.many_to_many:
            names.append(field.name)
            if isinstance(field, models.ForeignKey):
                names.append(field.attname)
    return sorted(set(names))


def admin_urls(model) -> list[str]:
    base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    urls = []
    for name in field_names(model):
        for value in BAD:
            urls.append(f"{base}add/?{name}={quote(value)}")
            urls.append(f"{base}?{name}={quote(value)}")
    return urls


# One test a model, so the suite's workers share the walk.
MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)


def status(client, url: str):
    try:
        with transaction.atomic():  # a database error must not hide the next URL's answer
            return client.get(url).status_code
    except Exception as error:  # the test client re-raises what would have been a 500
        return f"500 ({type(error).__name__}: {str(error)[:120]})"


def test_every_admin_model_is_walked():
    assert len(MODELS) > 25
    assert sum(len(admin_urls(model)) for model in MODELS) > 500


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_no_admin_add_page_or_changelist_answers_5xx_to_a_bad_query_value(admin_user, model):
    client = client_for(admin_user)
    urls = admin_urls(model)
    errors = [f"{url} -> {code}" for url in urls if str(code := status(client, url))[0] == "5"]
    assert errors == [], "\n".join(errors)


def test_a_bad_initial_value_is_ignored_and_a_good_one_kept(admin_user, kenya):
    client = client_for(admin_user)
    for query in ("party=abc", "user=x", "party=" + "9" * 20):
        answer = client.get(f"/admin/portal/membership/add/?{query}")
        assert answer.status_code == 200, query
        assert re.search(r'<option value="\d+" selected>', answer.content.decode()) is None
    good = client.get(f"/admin/portal/membership/add/?party={kenya.pk}").content.decode()
    assert f'<option value="{kenya.pk}" selected>' in good


def test_a_filter_value_the_column_refuses_is_a_bad_filter(admin_user):
    answer = client_for(admin_user).get("/admin/axes/accessattempt/?ip_address=abc")
    assert answer.status_code == 302 and answer.url.endswith("?e=1")
