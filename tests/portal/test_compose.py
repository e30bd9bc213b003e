"""docker-compose.yml describes the production shape and is valid Compose (no engine runs here)."""

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "tests" / "fixtures" / "compose-spec" / "compose-spec.json"


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_file_is_valid_against_the_compose_specification(compose):
    validator = Draft202012Validator(json.loads(SCHEMA.read_text()))
    errors = sorted(validator.iter_errors(compose), key=lambda error: list(error.path))
    assert [f"{list(e.path)}: {e.message}" for e in errors] == []


def test_compose_runs_the_services_of_production(compose):
    assert {"proxy", "web", "worker", "beat", "db", "redis"} <= set(compose["services"])
    assert "gunicorn" in compose["services"]["web"]["command"]
    assert "worker" in compose["services"]["worker"]["command"]
    assert "beat" in compose["services"]["beat"]["command"]


def test_every_service_has_a_health_check(compose):
    for name, service in compose["services"].items():
        assert service.get("healthcheck", {}).get("test"), name


def test_the_app_services_get_what_settings_require(compose):
    for name in ("web", "worker", "beat"):
        environment = compose["services"][name]["environment"]
        for variable in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "CELERY_BROKER_URL"):
            assert variable in environment, (name, variable)
        assert environment["DEBUG"] == "0"
        assert environment["DATABASE_URL"].startswith("postgres://")
        assert "@db:" in environment["DATABASE_URL"]
        assert "redis:6379" in environment["CELERY_BROKER_URL"]
        assert compose["services"][name]["depends_on"]["db"]["condition"] == "service_healthy"


def test_the_dockerfile_copies_every_top_level_package():
    dockerfile = (ROOT / "Dockerfile").read_text()
    for package in ("portal", "requests", "flexibilities", "enforcement", "templates"):
        assert f"COPY {package} ./{package}" in dockerfile


def test_the_dockerfile_builds_with_the_script_ci_runs_and_never_with_debug_on():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "COPY scripts/build-app ./scripts/build-app" in dockerfile
    assert "scripts/build-app" in dockerfile.split("COPY scripts/build-app", 1)[1]
    assert "DEBUG=1" not in dockerfile
    script = (ROOT / "scripts" / "build-app").read_text()
    assert "export DEBUG=0" in script and "DEBUG=1" not in script


def test_only_the_proxy_publishes_a_port_and_the_app_trusts_exactly_that_hop(compose):
    published = {name for name, service in compose["services"].items() if service.get("ports")}
    assert published == {"proxy"}
    proxy = compose["services"]["proxy"]
    assert proxy["image"].startswith("caddy:")
    assert "./Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]
    assert proxy["environment"]["UPSTREAM"] == "web:8000"
    for name in ("web", "worker", "beat"):
        environment = compose["services"][name]["environment"]
        assert environment["TRUSTED_PROXY_COUNT"] == "1", name
        assert environment["BEHIND_TLS_PROXY"] == "1", name
    caddyfile = (ROOT / "Caddyfile").read_text()
    assert "reverse_proxy {$UPSTREAM:web:8000}" in caddyfile
    # Caddy passes no client-written X-Forwarded-For on unless told to trust the client.
    assert "trusted_proxies" not in caddyfile


def test_the_documents_live_in_the_storage_services_private_bucket(compose):
    storage = compose["services"]["storage"]
    assert storage["image"].startswith("chrislusf/seaweedfs")
    assert "-s3" in storage["command"]
    for name in ("web", "worker", "beat"):
        environment = compose["services"][name]["environment"]
        assert environment["STORAGE_URL"].startswith("s3://portal-documents?")
        assert "endpoint_url=http://storage:8333" in environment["STORAGE_URL"]
        assert compose["services"][name]["depends_on"]["storage"]["condition"] == (
            "service_healthy"
        )
    assert (ROOT / "seaweedfs-s3.example.json").exists()
