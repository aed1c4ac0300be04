"""The notes the AI and media adapters attach to an :class:`~core.model.estimate.Estimate`.

Each note is a fixed English sentence (no values filled in), marked with ``N_`` so the chat layer
translates it (``bots/common/locales/fr/ai_notes.po``). Keep them short: they are shown under the estimate.
"""

from __future__ import annotations

from core.text import N_

# Voice
AUDIO_EMPTY = N_("That voice note is empty; please record it again.")
AUDIO_UNREADABLE = N_("I could not read that voice note as audio; please record it again.")
AUDIO_TOO_LONG = N_("That voice note is longer than 2 minutes; please keep it short or type the meal.")
AUDIO_SILENT = N_("I heard only silence in that voice note; please speak closer to the microphone.")
AUDIO_NO_WORDS = N_("I could not make out any words in that voice note; please try again or type the meal.")
VOICE_UNAVAILABLE = N_("Speech recognition is not available in this set-up; please type the meal.")
VOICE_ENGLISH_ONLY = N_("Voice notes are understood in English only here; I tried anyway.")
VOICE_PROVIDER_FAILED = N_("The AI provider could not transcribe the note, so I used the offline recogniser.")

# Photo
IMAGE_EMPTY = N_("That photo is empty; please send it again.")
IMAGE_UNREADABLE = N_("I could not open that file as a picture (JPEG, PNG, WebP, HEIC or AVIF).")
IMAGE_TOO_LARGE = N_("That picture is too large for me to open; please send a smaller photo.")
BARCODE_UNKNOWN = N_(
    "I read the barcode, but that product is not in the food database. To have products known by their "
    "barcode, import Open Food Facts (winstreak foods import --download) or switch on WINSTREAK_OFF_ONLINE."
)
BARCODE_UNKNOWN_ONLINE = N_("I read the barcode, but neither the food database nor Open Food Facts knows that product.")
BARCODE_USED_LABEL = N_("So I read the nutrition label on the same photo.")
BARCODE_USED_CAPTION = N_("So I used your caption.")
BARCODE_DESCRIBE = N_(
    "Meanwhile, send the photo of its nutrition label, or describe it with its amount or kcal, "
    "e.g. “cereal bar 180 kcal”."
)
BARCODE_ONLINE = N_("Product values from Open Food Facts, found by its barcode.")
BARCODE_ONLINE_FAILED = N_(
    "I could not reach Open Food Facts to look up this barcode, so I read the photo another way."
)
BARCODE_ONLINE_UNUSABLE = N_("Open Food Facts knows this barcode but has no usable energy value for it.")
BARCODE_DEFAULT_PORTION = N_("No amount given, so I used one usual portion; edit the grams if needed.")
LABEL_READ = N_("Values read from the nutrition label (per 100 g).")
LABEL_DEFAULT_GRAMS = N_("No amount given, so I counted 100 g; edit the grams to what you ate.")
LABEL_READ_SERVING = N_("Values read from the nutrition label's per-serving column and converted to per 100 g.")
LABEL_ONE_SERVING = N_(
    "No amount given, so I counted one serving of the label's weight; edit the grams to what you ate."
)
LABEL_PER_SERVING = N_("The label gives values per serving only, without the serving's weight.")
LABEL_SERVING_COUNT = N_(
    "I counted one serving; if you ate more, send the photo again with the number of servings as its caption, e.g. “2”."
)
PHOTO_CAPTION_ONLY = N_("I cannot recognise dishes in photos without an AI provider; I used your caption.")
PHOTO_USED_CAPTION = N_("I used your caption instead.")
PHOTO_DESCRIBE = N_("I could not estimate this photo; please describe the meal in a few words.")
PHOTO_NEEDS_AI = N_(
    "I found no barcode or nutrition label, and recognising dishes in photos needs an AI provider. "
    "Please describe the meal in a few words."
)

# Voice notes and photos alike
MEDIA_BUSY = N_("I am busy with other voice notes and photos right now; please send it again in a minute.")

# AI provider
AI_ESTIMATE = N_("Estimated by the AI model; check the amounts.")
AI_FAILED = N_("The AI provider did not answer usefully, so I used the offline estimator.")
AI_PHOTO_FAILED = N_("The AI provider could not look at the photo.")
AI_CLAMPED = N_("Some values from the AI model were out of range and were limited.")
AI_NOTHING = N_("The AI model found no food in that.")
