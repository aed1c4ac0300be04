"""Photos and voice notes: downloaded through getFile + the file URL and handed to the estimator, then saved."""

from __future__ import annotations

from tests.e2e.telegram.conftest import Chat
from tests.e2e.telegram.standin import StandInBotAPI
from tests.fakes.recording_estimator import RecordingEstimator

JPEG = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40
OGG = b"OggS" + bytes(200)


async def test_photo_with_caption_reaches_the_estimator_and_can_be_saved(
    polling: StandInBotAPI, estimator: RecordingEstimator
) -> None:
    chat = Chat(polling)
    small = polling.add_file("ph-small", b"tiny")
    large = polling.add_file("ph-large", JPEG)
    sizes = [{**small, "width": 90, "height": 90}, {**large, "width": 1280, "height": 960}]
    calls = await chat.send(photo=sizes, caption="my lunch")
    assert estimator.photos == [(JPEG, "my lunch")]  # the largest size, byte for byte
    assert "photo dish" in calls[0].text and "640" in calls[0].text
    assert any(c.params["file_id"] == "ph-large" for c in polling.sent(("getFile",)))
    saved = await chat.press(calls[0], "Save")
    assert "Saved 640 kcal" in saved[0].text


async def test_image_sent_as_a_file_and_photo_without_caption(
    polling: StandInBotAPI, estimator: RecordingEstimator
) -> None:
    chat = Chat(polling)
    document = {**polling.add_file("doc-img", JPEG), "mime_type": "image/jpeg", "file_name": "meal.jpg"}
    await chat.send(document=document)
    assert estimator.photos == [(JPEG, "")]


async def test_voice_note_reaches_the_estimator_with_its_transcript(
    polling: StandInBotAPI, estimator: RecordingEstimator
) -> None:
    chat = Chat(polling)
    voice = {**polling.add_file("voice-1", OGG), "duration": 3, "mime_type": "audio/ogg"}
    calls = await chat.send(voice=voice)
    assert estimator.voices == [OGG]
    assert "a bowl of soup" in calls[0].text and "spoken soup" in calls[0].text


async def test_unsupported_message_is_explained(polling: StandInBotAPI) -> None:
    chat = Chat(polling)
    calls = await chat.send(location={"latitude": 48.85, "longitude": 2.35})
    assert "text, photos and voice notes" in calls[0].text
