import re

from bots.common.i18n import catalog, error_text, plural_catalog, t, tn
from core.errors import InvalidValue
from tests.i18n_scan import messages

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def test_every_message_in_the_code_has_a_french_translation() -> None:
    french = {**catalog("fr"), **plural_catalog("fr")}
    missing = {text: where for text, where in messages().items() if text not in french}
    assert not missing, "untranslated (add to bots/common/locales/fr/*.po):\n" + "\n".join(
        f"{where}: {text!r}" for text, where in sorted(missing.items(), key=lambda kv: kv[1])
    )


def test_translations_keep_the_same_placeholders() -> None:
    for english, french in catalog("fr").items():
        assert set(PLACEHOLDER.findall(english)) == set(PLACEHOLDER.findall(french)), english


def test_plural_forms_keep_the_same_placeholders() -> None:
    plurals = plural_catalog("fr")
    assert plurals, "no plural message in the French catalogs"
    for english, forms in plurals.items():
        assert len(forms) == 2, english
        for form in forms:
            assert set(PLACEHOLDER.findall(english)) == set(PLACEHOLDER.findall(form)), english


def test_plurals_follow_each_language_rule() -> None:
    one, many = "{n} weigh-in", "{n} weigh-ins"
    assert [tn("en", one, many, n) for n in (0, 1, 2)] == ["0 weigh-ins", "1 weigh-in", "2 weigh-ins"]
    assert [tn("fr", one, many, n) for n in (0, 1, 2)] == ["0 pesée", "1 pesée", "2 pesées"]  # French: 0 is singular
    assert tn("de", one, many, 1) == "1 weigh-in"


def test_t_translates_and_fills_placeholders() -> None:
    assert t("fr", "✅ Saved {kcal} kcal.", kcal=420) == "✅ Enregistré : 420 kcal."
    assert t("en", "✅ Saved {kcal} kcal.", kcal=420) == "✅ Saved 420 kcal."
    assert t("de", "✅ Saved {kcal} kcal.", kcal=420) == "✅ Saved 420 kcal."


def test_core_errors_are_translated_with_their_values() -> None:
    err = InvalidValue("height_cm", "I could not read “{text}” as {what}.", text="abc", what="a height")
    assert str(err) == "I could not read “abc” as a height."
    assert error_text("fr", err) == "Je n’ai pas pu lire « abc » comme une taille."
