import re

from bots.common.i18n import catalog, error_text, t
from core.errors import InvalidValue
from tests.i18n_scan import messages

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def test_every_message_in_the_code_has_a_french_translation() -> None:
    french = catalog("fr")
    missing = {text: where for text, where in messages().items() if text not in french}
    assert not missing, "untranslated (add to bots/common/locales/fr/*.po):\n" + "\n".join(
        f"{where}: {text!r}" for text, where in sorted(missing.items(), key=lambda kv: kv[1])
    )


def test_translations_keep_the_same_placeholders() -> None:
    for english, french in catalog("fr").items():
        assert set(PLACEHOLDER.findall(english)) == set(PLACEHOLDER.findall(french)), english


def test_t_translates_and_fills_placeholders() -> None:
    assert t("fr", "✅ Saved {kcal} kcal.", kcal=420) == "✅ Enregistré : 420 kcal."
    assert t("en", "✅ Saved {kcal} kcal.", kcal=420) == "✅ Saved 420 kcal."
    assert t("de", "✅ Saved {kcal} kcal.", kcal=420) == "✅ Saved 420 kcal."


def test_core_errors_are_translated_with_their_values() -> None:
    err = InvalidValue("height_cm", "I could not read “{text}” as {what}.", text="abc", what="a height")
    assert str(err) == "I could not read “abc” as a height."
    assert error_text("fr", err) == "Je n’ai pas pu lire « abc » comme une taille."
