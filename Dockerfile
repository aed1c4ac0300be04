# WinStreak bot image: `winstreak run` starts the configured platforms and the scheduler.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY core core
COPY storage storage
COPY bots bots
COPY ai ai
COPY scheduler scheduler
COPY winstreak winstreak
RUN pip install --no-cache-dir .
RUN useradd --create-home winstreak
USER winstreak
CMD ["winstreak", "run"]
