"""Which services ``winstreak run`` starts: the platforms with a token, and the scheduler unless it runs apart."""

from __future__ import annotations

from pydantic import SecretStr

from winstreak.cli_run import services
from winstreak.settings import load_settings


def test_the_scheduler_runs_beside_the_bot_unless_it_is_its_own_service() -> None:
    token = SecretStr("123456:ABC-def")
    assert list(services(load_settings(_env_file=None, telegram_token=token))) == ["telegram", "scheduler"]
    alone = load_settings(_env_file=None, telegram_token=token, run_scheduler=False)
    assert list(services(alone)) == ["telegram"]
    assert services(load_settings(_env_file=None)) == {}
