"""The conversation: routes one incoming message to a flow and returns the replies.

Every platform adapter (terminal, Telegram, Discord) translates its updates into
:class:`Incoming` and renders the :class:`Reply` list; the dialogue itself lives here once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Mapping

from bots.common import buttons
from bots.common.deps import BotDeps
from bots.common.flows import everyday, exercise_days, food_search, intents, meal_entry, onboarding
from bots.common.flows.exercise import typed_edit as typed_exercise_edit
from bots.common.flows.handler import Command, Request, command
from bots.common.i18n import LANGUAGES, N_, t
from bots.common.messages import Incoming, Reply
from bots.common.state import ChatState
from core.model import UserAccount
from core.ports import AiQuotas
from core.rules.message_rate import MessageRate, Verdict
from core.rules.repeat_words import read_repeat
from core.services.identify import identify
from ops.logs import bind as bind_log_context

CommandHandler = Command  # a handler written as @command (bots/common/flows/handler.py)
AccountDeleted = Callable[[Incoming], Awaitable[None]]

CHOICES = ("save", "edit", "cancel")
DELETED = "account_deleted"  # a handler sets ``state.extra[DELETED]`` after deleting the account
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"  # a leading byte-order mark or zero-width character is nothing
STALE = N_("That button belongs to an older message, so nothing was changed. Use the newest one.")
TOO_FAST = N_("You are sending messages faster than I can take them ({limit} a minute). Wait a minute, then go on.")
NO_AI_LEFT = N_(
    "You have used today's {limit} estimates, so I did not estimate this one. "
    "They start again tomorrow (UTC); /food and /add work meanwhile."
)


@command
async def _start(req: Request) -> list[Reply]:
    if req.user.profile.is_complete:
        return [Reply(t(req.lang, "Welcome back, {name}! Describe a meal, or send /help.", name=req.user.display_name))]
    return onboarding.start(req.state, req.user)


BUILTIN_COMMANDS: dict[str, CommandHandler] = {
    "start": _start,
    "help": everyday.help_,
    "today": everyday.today,
    "undo": everyday.undo,
    "add": everyday.quick_add,
    "weight": everyday.weight,
    "profile": onboarding.profile,
}


def split_command(text: str) -> tuple[str, str] | None:
    """``"/weight 80"`` → ``("weight", "80")``; ``@botname`` suffixes are dropped; None for plain text."""
    if not text.startswith("/"):
        return None
    head, _, args = text[1:].partition(" ")
    return head.split("@", 1)[0].lower(), args.strip()


class Conversation:
    """Routes messages; ``extra_commands`` lets features add commands without touching this file."""

    def __init__(self, deps: BotDeps, extra_commands: Mapping[str, CommandHandler] | None = None) -> None:
        self.deps = deps
        self.commands: dict[str, Command] = {**BUILTIN_COMMANDS, **(extra_commands or {})}
        self.on_account_deleted: list[AccountDeleted] = []  # adapters forget their files of that person
        self.message_rate: MessageRate | None = None  # messages a minute per person (bootstrap sets it)
        self.ai_quotas: AiQuotas | None = None  # estimates a day per user
        self.ai_calls_per_day = 0

    async def handle(self, msg: Incoming) -> list[Reply]:
        """Answer one message; the chat state is loaded before and saved after."""
        deps = self.deps
        if self.message_rate is not None:  # checked before any database work: a flood costs nothing
            verdict = self.message_rate.check(f"{msg.platform}:{msg.user_external_id}", deps.clock.now())
            if verdict is Verdict.DROP:
                return []
            if verdict is Verdict.WARN:
                lang = msg.language if msg.language in LANGUAGES else "en"
                return [Reply(t(lang, TOO_FAST, limit=self.message_rate.per_minute))]
        user = await identify(
            deps.uow(), msg.platform, msg.user_external_id, msg.display_name, msg.language, deps.default_timezone
        )
        bind_log_context(user_id=int(user.id))  # every later log line of this message names the user
        refused = self.refusal(user, msg)
        if refused is not None:  # e.g. a blocked user (bots/common/moderation.py): no state read or written
            return refused
        state = ChatState.from_json(await deps.states.load(msg.state_key))
        replies = buttons.bind(state, await self._route(state, user, msg))
        if state.extra.get(DELETED):  # the state row went with the account: not written again
            for forget in self.on_account_deleted:
                await forget(msg)
            return replies
        await deps.states.save(msg.state_key, state.to_json(), deps.clock.now())
        return replies

    def refusal(self, user: UserAccount, msg: Incoming) -> list[Reply] | None:
        """The answer instead of the conversation for users turned away (None: nobody here)."""
        return None

    async def press_is_current(self, msg: Incoming) -> bool:
        """Whether a press (``msg.choice``) is on the newest buttons of its kind: adapters tick only such a press.

        :meth:`handle` checks again (under the adapter's per-chat ordering) and answers a stale press itself.
        """
        if msg.choice is None:
            return True
        return buttons.is_current(ChatState.from_json(await self.deps.states.load(msg.state_key)), msg.choice)

    async def _route(self, state: ChatState, user: UserAccount, msg: Incoming) -> list[Reply]:
        if msg.choice is not None:  # a button press: only the newest buttons of their kind count
            if not buttons.is_current(state, msg.choice):
                return [Reply(t(user.profile.language, STALE))]
            msg = dataclasses.replace(msg, choice=buttons.untagged(msg.choice))
        if msg.choice and msg.choice.startswith("/"):  # a button that runs a command, e.g. "/history 1"
            msg = dataclasses.replace(msg, text=msg.choice, choice=None)
        text = msg.text.lstrip(INVISIBLE).strip()
        msg = dataclasses.replace(msg, text=text)
        typed = intents.intent(text) if msg.choice is None and not state.asking and msg.photo is None else None
        if typed is not None and typed.startswith("choice:"):
            return await meal_entry.choose(Request(self.deps, state, user, typed.removeprefix("choice:"), msg))
        choice = msg.choice
        plain = msg.choice is None and not state.asking and msg.photo is None and msg.voice is None
        if plain and typed is None and "again" in self.commands and read_repeat(text) is not None:
            text = f"/again {text}"  # "again", "same as yesterday's breakfast": the saved meal, no estimate quota
        command = split_command(text) if msg.choice is None else None
        if command is not None:
            name, args = command
            handler = self.commands.get(name)
            if handler is None:
                text = "I don't know the command /{name}. Send /help for the list."
                return [Reply(t(user.profile.language, text, name=name[:40]))]
            if name != "start":
                state.asking, state.onboarding = None, False
            return await handler(Request(self.deps, state, user, args, msg))
        if state.asking and choice is None:
            return await onboarding.answer(Request(self.deps, state, user, msg.choice or text, msg))
        if state.asking and msg.choice:
            return await onboarding.answer(Request(self.deps, state, user, msg.choice, msg))
        if choice in CHOICES:
            return await meal_entry.choose(Request(self.deps, state, user, choice, msg))
        if msg.photo is None and msg.voice is None and not text:
            return [Reply(t(user.profile.language, "Send a meal description, a photo or a voice note — or /help."))]
        if food_search.PICKED in state.extra and msg.photo is None and msg.voice is None:
            amount = await food_search.typed_amount(Request(self.deps, state, user, text, msg))  # "150" after a pick
            if amount is not None:
                return amount
        if exercise_days.EDITING in state.extra and msg.photo is None and msg.voice is None:
            edited = await typed_exercise_edit(Request(self.deps, state, user, text, msg))  # "45 min" after ✏️ Edit
            if edited is not None:
                return edited
        if state.pending and state.editing and msg.photo is None and msg.voice is None:
            return await meal_entry.edit(self.deps, state, user, text)
        if typed == "undo":
            return await self.commands["undo"](Request(self.deps, state, user, "", msg))
        if typed == "exercise" and "exercise" in self.commands:  # "I ran 5 km": flows/exercise.py
            return await self.commands["exercise"](Request(self.deps, state, user, text, msg))
        if typed == "delete" and state.pending:  # "remove 2" or "delete the pizza" acts on the estimate
            return await meal_entry.edit(self.deps, state, user, text)
        if typed in ("delete", "question", "number"):
            return intents.answer(user.profile.language, state, typed)
        if self.ai_quotas is not None:  # an estimate may call the AI provider: it counts against the day's budget
            check = await self.ai_quotas.take(user.id, self.deps.clock.now().date(), self.ai_calls_per_day)
            if not check.allowed:
                text = t(user.profile.language, NO_AI_LEFT, limit=check.limit)
                return intents.with_pending_note(user.profile.language, state, text)
        return await meal_entry.new_estimate(self.deps, state, user, msg)
