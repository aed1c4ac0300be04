"""The flows' one error path: @command handlers on a Request, through the real Conversation on memory fakes."""

from datetime import UTC, datetime

import pytest

from ai.manual_kcal import StatedKcalEstimator
from bots.common.conversation import CommandHandler, Conversation
from bots.common.deps import BotDeps
from bots.common.flows.handler import Request, command
from bots.common.i18n import N_, t
from bots.common.messages import Incoming, Reply
from bots.common.state import ChatState
from core.errors import ProfileIncomplete
from tests.fakes.memory import FixedClock, MemoryStates, MemoryStore, MemoryUnitOfWork

MISSING_FR = "Il manque à votre profil : poids. Envoyez /profile pour le compléter."


def _conversation(commands: dict[str, CommandHandler]) -> tuple[Conversation, MemoryStates]:
    store, states = MemoryStore(), MemoryStates()
    deps = BotDeps(
        uow=lambda: MemoryUnitOfWork(store),
        clock=FixedClock(datetime(2026, 12, 7, 9, 0, tzinfo=UTC)),
        estimator=StatedKcalEstimator(),
        states=states,
    )
    return Conversation(deps, commands), states


async def _say(conversation: Conversation, text: str) -> list[Reply]:
    msg = Incoming("console", "chat", "ana", "Ana", text=text, language="fr")
    return await conversation.handle(msg)


async def test_a_domain_error_is_answered_in_the_users_language() -> None:
    @command
    async def boom(req: Request) -> list[Reply]:
        raise ProfileIncomplete(["poids"])

    conversation, _ = _conversation({"boom": boom})
    assert [r.text for r in await _say(conversation, "/boom")] == [MISSING_FR]


async def test_a_prefix_comes_before_the_error() -> None:
    @command(prefix=N_("Nothing was logged."))
    async def boom(req: Request) -> list[Reply]:
        raise ProfileIncomplete(["poids"])

    conversation, _ = _conversation({"boom": boom})
    [reply] = await _say(conversation, "/boom")
    prefix = t("fr", "Nothing was logged.")
    assert prefix != "Nothing was logged."  # the prefix is translated too
    assert reply.text == f"{prefix} {MISSING_FR}"


async def test_on_error_builds_other_replies_from_the_request() -> None:
    def again(req: Request, err: Exception) -> list[Reply]:
        return [Reply(f"{req.args}: {err}"), Reply("ask again")]

    @command(on_error=again)
    async def boom(req: Request) -> list[Reply]:
        raise ProfileIncomplete(["weight"])

    conversation, _ = _conversation({"boom": boom})
    texts = [r.text for r in await _say(conversation, "/boom 42")]
    assert texts == ["42: Your profile is missing: weight. Send /profile to finish it.", "ask again"]


async def test_a_handler_passing_on_to_another_keeps_the_inner_wording() -> None:
    @command
    async def inner(req: Request) -> list[Reply]:
        raise ProfileIncomplete(["poids"])

    @command(prefix=N_("Nothing was logged."))
    async def outer(req: Request) -> list[Reply]:
        return await inner(req.with_args(""))

    conversation, _ = _conversation({"outer": outer})
    assert [r.text for r in await _say(conversation, "/outer 80")] == [MISSING_FR]


async def test_a_handler_reads_the_request_and_its_state_is_saved() -> None:
    @command
    async def note(req: Request) -> list[Reply]:
        req.state.extra["noted"] = req.args
        return [Reply(f"{req.lang} {req.user.display_name} {req.msg.platform}")]

    conversation, states = _conversation({"note": note})
    assert [r.text for r in await _say(conversation, "/note remember me")] == ["fr Ana console"]
    saved = ChatState.from_json(states.data["console:chat:ana"])
    assert saved.extra["noted"] == "remember me"


async def test_an_error_that_is_not_a_domain_error_is_not_swallowed() -> None:
    @command
    async def broken(req: Request) -> list[Reply]:
        raise RuntimeError("a bug")

    conversation, _ = _conversation({"broken": broken})
    with pytest.raises(RuntimeError, match="a bug"):  # the adapters answer it with the apology and an error id
        await _say(conversation, "/broken")
