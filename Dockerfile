# WinStreak image: `winstreak run` (the bot) or `winstreak scheduler`, with the HTTP server on port 8080
# (/healthz, /readyz, /metrics and the Telegram webhook). Multi-stage: wheels are built in the first stage,
# the runtime stage is slim, runs as a non-root user and has the DejaVu fonts the pictures use.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY core core
COPY storage storage
COPY bots bots
COPY ai ai
COPY scheduler scheduler
COPY ops ops
COPY winstreak winstreak
RUN python -m venv /opt/winstreak && /opt/winstreak/bin/pip install .

FROM python:3.11-slim AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH=/opt/winstreak/bin:$PATH \
    WINSTREAK_HTTP_HOST=0.0.0.0 WINSTREAK_HTTP_PORT=8080 WINSTREAK_DATA_DIR=/data WINSTREAK_LOG_LEVEL=INFO
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --uid 10001 winstreak \
 && mkdir /data && chown winstreak /data
COPY --from=build /opt/winstreak /opt/winstreak
USER winstreak
WORKDIR /home/winstreak
EXPOSE 8080
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f\"http://127.0.0.1:{os.environ.get('WINSTREAK_HTTP_PORT', '8080')}/healthz\", timeout=2)"]
STOPSIGNAL SIGTERM
CMD ["winstreak", "run"]
