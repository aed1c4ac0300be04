"""The /settings card: the account part first, each feature's section after it, the button prompt last.

The prompt sits right above the buttons (the terminal lists them after the text, the platforms under the
message), so a section added by a wrapper goes before the prompt, never after it.
"""

from __future__ import annotations

from dataclasses import replace

from bots.common.i18n import N_, t
from bots.common.messages import Button, Reply

PROMPT = N_("Choose a language or change a setting with the buttons:")


def card(lang: str, text: str, buttons: tuple[tuple[Button, ...], ...]) -> Reply:
    """The settings card: ``text`` with the prompt under it, then the buttons."""
    return Reply(text + "\n\n" + t(lang, PROMPT), buttons)


def with_section(lang: str, reply: Reply, section: str, buttons: tuple[tuple[Button, ...], ...]) -> Reply:
    """``reply`` with ``section`` added before its prompt (at the end when it has none) and ``buttons`` after."""
    prompt = "\n\n" + t(lang, PROMPT)
    head, tail = (reply.text.removesuffix(prompt), prompt) if reply.text.endswith(prompt) else (reply.text, "")
    return replace(reply, text=head + "\n\n" + section + tail, buttons=(*reply.buttons, *buttons))
