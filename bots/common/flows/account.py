"""Account commands: /deleteme (with confirmation), /link (one-time code), /settings (/export: flows/export.py).

Handlers need an :class:`~core.ports.AccountStore`, so they come from :func:`account_commands`.
Buttons whose value starts with ``/`` are commands: adapters send them back as the message text.
"""

from __future__ import annotations

from datetime import timedelta

from bots.common.conversation import DELETED, CommandHandler
from bots.common.flows import settings_card
from bots.common.flows.handler import Request, command
from bots.common.i18n import LANGUAGES, N_, t
from bots.common.messages import Button, Reply
from bots.common.render import UNIT_NAMES
from core.model.profile import Units
from core.ports import AccountStore
from core.rules.profile_values import FIELD_ALIASES, parse_field
from core.services.account_data import delete_account
from core.services.link_accounts import issue_link_code, redeem_link_code
from core.services.update_profile import update_profile

LINK_TTL = timedelta(minutes=15)
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
UNITS_SET = (N_("Units set to metric: kg and cm."), N_("Units set to imperial: lb and ft/in."))  # [is imperial]
UNITS_SWITCH = (N_("Use metric (kg, cm)"), N_("Use imperial (lb, ft/in)"))


def account_commands(accounts: AccountStore) -> dict[str, CommandHandler]:
    """The account command handlers bound to ``accounts``."""

    @command
    async def deleteme(req: Request) -> list[Reply]:
        lang = req.lang
        if req.args.strip().lower() != "confirm":
            warning = t(lang, "This deletes your profile, meals, weigh-ins and streaks for good. Are you sure?")
            buttons = ((Button(t(lang, "Yes, delete everything"), "/deleteme confirm"),),)
            return [Reply(warning, buttons)]
        await delete_account(accounts, req.user.id)
        req.state.extra[DELETED] = True  # the conversation then writes no chat state back
        return [Reply(t(lang, "Done: everything about you is deleted. Send /start to begin again."))]

    @command
    async def link(req: Request) -> list[Reply]:
        lang, clock, msg = req.lang, req.deps.clock, req.msg
        if not req.args.strip():
            code = await issue_link_code(accounts, clock, req.user.id, LINK_TTL)
            text = t(
                lang,
                "Your link code: {code}\nOn your other account (Telegram or Discord), send /link {code} "
                "within {minutes} minutes. Meals logged there join this profile.",
                code=code.code,
                minutes=int(LINK_TTL.total_seconds() // 60),
            )
            return [Reply(text)]
        await redeem_link_code(accounts, clock, msg.platform, msg.user_external_id, req.args, req.user.id)
        return [Reply(t(lang, "Linked! This account now shares one profile with your other one."))]

    @command
    async def settings(req: Request) -> list[Reply]:
        lang, deps = req.lang, req.deps
        words = req.args.split()
        if len(words) == 2 and words[0].lower() in ("language", "lang", "langue"):
            value = parse_field("language", words[1], deps.clock.now().year)
            await update_profile(deps.uow(), deps.clock, req.user.id, {"language": value})
            return [Reply(t(str(value), "Language set to English."))]
        if len(words) == 2 and FIELD_ALIASES.get(words[0].lower()) == "units":
            units = parse_field("units", words[1], deps.clock.now().year)
            await update_profile(deps.uow(), deps.clock, req.user.id, {"units": units})
            return [Reply(t(lang, UNITS_SET[units == Units.IMPERIAL]))]
        buttons = tuple(Button(LANGUAGE_NAMES[code], f"/settings language {code}") for code in LANGUAGES)
        units_line = t(lang, "Units: {value}", value=t(lang, UNIT_NAMES[req.user.profile.units]))
        text = t(
            lang,
            "Settings\nLanguage: {language}\n{units}",
            language=LANGUAGE_NAMES.get(lang, lang),
            units=units_line,
        )
        other = Units.METRIC if req.user.profile.units is Units.IMPERIAL else Units.IMPERIAL
        switch = Button(t(lang, UNITS_SWITCH[other is Units.IMPERIAL]), f"/settings units {other.value}")
        return [settings_card.card(lang, text, (buttons, (switch,)))]

    return {"deleteme": deleteme, "link": link, "settings": settings}
