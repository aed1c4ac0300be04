"""APScheduler jobs: thin, platform-neutral, exactly once through the outbox."""
