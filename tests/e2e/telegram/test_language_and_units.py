"""/start asks the language first (the platform's first) and the units; imperial users see lb and ft/in (aiogram)."""

from __future__ import annotations

from tests.e2e.telegram.conftest import Chat
from tests.e2e.telegram.standin import StandInBotAPI


async def test_a_french_client_gets_francais_first_and_an_english_choice_switches(polling: StandInBotAPI) -> None:
    chat = Chat(polling, language="fr")
    welcome, language = await chat.say("/start", expect=2)
    assert "Bienvenue sur WinStreak" in welcome.text
    assert [label for label, _ in language.buttons] == ["Français", "English"]
    units = (await chat.press(language, "English"))[0]
    assert "Which units" in units.text  # the rest of onboarding speaks the language chosen
    assert [label for label, _ in units.buttons] == ["Metric (kg, cm)", "Imperial (lb, ft/in)"]
    sex = (await chat.press(units, "Metric (kg, cm)"))[0]
    assert "What is your sex?" in sex.text


async def test_imperial_onboarding_in_french_then_weights_in_pounds(polling: StandInBotAPI) -> None:
    chat = Chat(polling, language="fr")
    language = (await chat.say("/start", expect=2))[1]
    units = (await chat.press(language, "Français"))[0]
    assert "Quelles unités" in units.text
    sex = (await chat.press(units, "Impériales (lb, ft/in)"))[0]
    assert "Quel est votre sexe" in sex.text
    await chat.say("femme")
    height = (await chat.say("1990"))[0]
    assert "pieds et pouces comme 5'11\"" in height.text
    weight = (await chat.say("5'7\""))[0]
    assert "en lb" in weight.text
    activity = (await chat.say("154"))[0]  # a bare number: pounds for this user (69.9 kg)
    goal = (await chat.press(activity, "Modéré (3 à 5 jours/semaine)"))[0]
    rate = (await chat.press(goal, "Perdre du poids"))[0]
    assert [label for label, _ in rate.buttons] == ["0,5 lb", "1 lb", "1,5 lb", "2 lb"]  # French decimals
    zone = (await chat.press(rate, "1,5 lb"))[0]
    done = await chat.press(zone, "UTC", expect=2)
    card = done[0].text
    assert "Taille : 5'7\"" in card and "Poids : 154 lb" in card and "1,5 lb par semaine" in card
    assert "Unités : impériales (lb, ft/in)" in card and " kg" not in card and " cm" not in card
    logged = await chat.say("/weight 152", expect=2)  # the weigh-in, then the new target
    assert "Poids enregistré : 152 lb." in logged[0].text and "(−2,0 lb depuis la dernière fois)" in logged[0].text
    metric = await chat.say("/weight 70kg", expect=2)  # the other unit, written, always works
    assert "Poids enregistré : 154,3 lb." in metric[0].text
    chart = await chat.say("/weight")
    assert chart[0].method == "sendPhoto" and "Dernière pesée : 154,3 lb" in chart[0].text


async def test_profile_units_switch_the_display_and_back(polling: StandInBotAPI) -> None:
    chat = Chat(polling)
    await chat.say("/profile sex=male born=1990 height=180 weight=80 activity=moderate goal=maintain", expect=2)
    imperial = await chat.say("/profile units=imperial target=170", expect=2)
    assert "Height: 5'11\"" in imperial[0].text and "Weight: 176.4 lb" in imperial[0].text
    assert "Goal weight: 170 lb" in imperial[0].text
    refused = await chat.say("/profile units=cubits")
    assert "Nothing was changed." in refused[0].text and "“cubits” is not a unit system" in refused[0].text
    metric = await chat.say("/profile units=metric", expect=2)
    assert "Height: 180 cm" in metric[0].text and "Weight: 80 kg" in metric[0].text
    assert "Goal weight: 77.1 kg" in metric[0].text
