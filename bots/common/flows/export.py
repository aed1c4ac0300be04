"""/export: one zip of everything stored about the person (JSON + CSV), sent as a document.

The terminal writes the document to the data directory and prints its path; Telegram and Discord send it.
"""

from __future__ import annotations

from bots.common.conversation import CommandHandler
from bots.common.export_file import export_zip, file_name
from bots.common.flows.handler import Request, command
from bots.common.i18n import t, tn
from bots.common.messages import Reply
from core.ports import UserDataSource
from core.services.export_account import export_account
from core.services.export_food_names import with_food_names


def export_command(source: UserDataSource) -> CommandHandler:
    """The /export handler reading through ``source``."""

    @command
    async def export(req: Request) -> list[Reply]:
        lang = req.lang
        data = await with_food_names(req.deps.catalog, await export_account(source, req.user.id, req.deps.clock.now()))
        counts = ", ".join(
            (
                tn(lang, "{n} meal", "{n} meals", data.count("meals")),
                tn(lang, "{n} weigh-in", "{n} weigh-ins", data.count("weights")),
                tn(lang, "{n} closed day", "{n} closed days", data.count("day_results")),
                tn(lang, "{n} trophy", "{n} trophies", data.count("trophies")),
            )
        )
        text = t(
            lang,
            "Here is everything I store about you ({counts}): one zip with a JSON file and a CSV file per table.",
            counts=counts,
        )
        return [Reply(text, document=export_zip(data), document_name=file_name(data))]

    return export
