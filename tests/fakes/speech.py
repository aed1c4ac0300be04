"""A :class:`core.ports.SpeechToText` fake: returns a fixed transcript or raises a fixed error."""

from __future__ import annotations


class FakeSpeechToText:
    """Hears ``text`` in any audio (or raises ``error``); records the calls."""

    def __init__(self, text: str = "", error: Exception | None = None, languages: tuple[str, ...] = ("en",)) -> None:
        self.text = text
        self.error = error
        self.languages = languages
        self.calls: list[tuple[int, str]] = []

    def understands(self, language: str) -> bool:
        return language in self.languages

    async def transcribe(self, audio: bytes, language: str) -> str:
        self.calls.append((len(audio), language))
        if self.error is not None:
            raise self.error
        return self.text
