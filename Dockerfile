# The production image: one image for web (gunicorn), worker and beat (celery).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
RUN groupadd --system portal && useradd --system --gid portal --home /app portal

COPY pyproject.toml constraints.txt ./
COPY portal ./portal
COPY requests ./requests
COPY flexibilities ./flexibilities
COPY enforcement ./enforcement
COPY templates ./templates
COPY locale ./locale
COPY manage.py ./
COPY scripts/build-app ./scripts/build-app
# The build steps live in scripts/build-app, which tests/production runs too: install, compile
# the catalogues and collect the static files with the production settings (DEBUG off).
# GNU gettext is needed only to compile the catalogues, so it leaves with this layer.
# PostgreSQL's client tools stay: `manage.py backup` and `restore` run pg_dump and pg_restore.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext postgresql-client \
    && scripts/build-app \
    && apt-get purge -y --auto-remove gettext \
    && rm -rf /var/lib/apt/lists/* \
    && chown -R portal:portal /app/var

USER portal
EXPOSE 8000
CMD ["gunicorn", "portal.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
