"""The do-nothing baseline of ``winstreak bench load``: an aiogram echo bot in webhook mode, as a process.

``python -m winstreak.bench.load_echo API_BASE TOKEN PORT``: it echoes each text with one "Save" button and
answers each button press by editing the message (the press's answer in the webhook response), the same Bot
API calls as the bot's cheapest path, on the same stand-in, so the ratio shows what WinStreak's own work
costs. Runs until SIGTERM.
"""

from __future__ import annotations

import asyncio
import signal
import sys

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.methods import AnswerCallbackQuery
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

SECRET = "load-echo-secret"
KEYBOARD = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="Save", callback_data="save")]])


def echo_dispatcher() -> Dispatcher:
    """Echo each text with a Save button; a press edits the message."""
    dispatcher = Dispatcher()

    @dispatcher.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "?", reply_markup=KEYBOARD)

    @dispatcher.callback_query()
    async def pressed(query: CallbackQuery) -> AnswerCallbackQuery:
        if isinstance(query.message, Message):
            await query.message.edit_text("Saved")
        return query.answer()  # in the webhook's response, as the bot answers a press

    return dispatcher


async def serve(api_base: str, token: str, port: int) -> None:
    """Serve the webhook on 127.0.0.1:port, register it with the stand-in, until SIGTERM."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(api_base))
    bot = Bot(token, session=session)
    dispatcher = echo_dispatcher()
    app = web.Application()
    SimpleRequestHandler(dispatcher=dispatcher, bot=bot, handle_in_background=False, secret_token=SECRET).register(
        app, path="/hook"
    )
    setup_application(app, dispatcher, bot=bot)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    await bot.set_webhook(f"http://127.0.0.1:{port}/hook", secret_token=SECRET)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()


if __name__ == "__main__":
    asyncio.run(serve(sys.argv[1], sys.argv[2], int(sys.argv[3])))
