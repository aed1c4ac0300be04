"""Units and sizes, English and French, and how they turn into grams.

Mass and volume units convert exactly (volume through a density of 1 unless the food has a portion of
that name); household units (slice, bowl, can...) look for the food's own portion first.
"""

from __future__ import annotations

from dataclasses import dataclass

# Written forms (already lower case, tokens joined by a space) -> canonical unit.
UNIT_WORDS: dict[str, str] = {
    "g": "g", "gr": "g", "gram": "g", "grams": "g", "gramme": "g", "grammes": "g", "grs": "g",
    "kg": "kg", "kilo": "kg", "kilos": "kg", "kilogram": "kg", "kilograms": "kg", "kilogramme": "kg",
    "mg": "mg", "ml": "ml", "millilitre": "ml", "milliliter": "ml", "millilitres": "ml", "milliliters": "ml",
    "cl": "cl", "centilitre": "cl", "centilitres": "cl", "dl": "dl", "l": "l", "litre": "l", "liter": "l",
    "litres": "l", "liters": "l", "oz": "oz", "ounce": "oz", "ounces": "oz", "lb": "lb", "lbs": "lb",
    "pound": "lb", "pounds": "lb", "fl oz": "floz", "floz": "floz", "fluid ounce": "floz",
    "fluid ounces": "floz", "fl": "floz",
    "cup": "cup", "cups": "cup", "tasse": "cup", "tasses": "cup", "mug": "cup", "mugs": "cup",
    "tbsp": "tbsp", "tbs": "tbsp", "tablespoon": "tbsp", "tablespoons": "tbsp", "cas": "tbsp",
    "tsp": "tsp", "teaspoon": "tsp", "teaspoons": "tsp", "cac": "tsp",
    "slice": "slice", "slices": "slice", "tranche": "slice", "tranches": "slice",
    "piece": "piece", "pieces": "piece", "pièce": "piece", "pièces": "piece", "morceau": "piece",
    "morceaux": "piece", "bowl": "bowl", "bowls": "bowl", "bol": "bowl", "bols": "bowl",
    "plate": "plate", "plates": "plate", "plateful": "plate", "assiette": "plate", "assiettes": "plate",
    "glass": "glass", "glasses": "glass", "verre": "glass", "verres": "glass",
    "can": "can", "cans": "can", "canette": "can", "canettes": "can", "tin": "can", "boîte": "can",
    "bottle": "bottle", "bottles": "bottle", "bouteille": "bottle", "bouteilles": "bottle",
    "handful": "handful", "handfuls": "handful", "poignée": "handful", "poignées": "handful",
    "serving": "serving", "servings": "serving", "portion": "serving", "portions": "serving",
    "part": "serving", "parts": "serving", "helping": "serving", "helpings": "serving", "order": "serving",
    "orders": "serving",
    "container": "container", "containers": "container", "box": "container", "boxes": "container",
    "tub": "container", "tubs": "container",
    "pouch": "pouch", "pouches": "pouch", "tube": "tube", "tubes": "tube", "pot": "container", "pots": "container",
    "carton": "container", "cartons": "container", "package": "packet", "packages": "packet", "packet": "packet",
    "packets": "packet", "pack": "packet", "sachet": "packet", "sachets": "packet", "paquet": "packet",
    "paquets": "packet",
    "bag": "bag", "bags": "bag",
    "bar": "bar", "bars": "bar", "barre": "bar", "barres": "bar", "scoop": "scoop", "scoops": "scoop",
    "boule": "scoop", "boules": "scoop", "pinch": "pinch", "pincée": "pinch", "dash": "pinch",
    "shot": "shot", "shots": "shot",
    "stick": "stick", "sticks": "stick", "pint": "pint", "pints": "pint", "pinte": "pint",
    "quart": "quart", "quarts": "quart", "wedge": "wedge", "wedges": "wedge", "square": "square",
    "squares": "square", "carré": "square", "carrés": "square", "fillet": "fillet", "fillets": "fillet",
    "filet": "fillet", "strip": "strip", "strips": "strip", "leaf": "leaf", "leaves": "leaf",
    "clove": "clove", "cloves": "clove", "gousse": "clove", "gousses": "clove", "jar": "jar", "bocal": "jar",
    "link": "link", "links": "link",
    "spoon": "tbsp", "spoonful": "tbsp", "spoonfuls": "tbsp", "cuillère": "tbsp", "cuillerée": "tbsp",
    # A splash or a dollop is about a tablespoon, a drizzle about a teaspoon (of milk in coffee, of sour cream, of oil)
    "splash": "tbsp", "splashes": "tbsp", "dollop": "tbsp", "dollops": "tbsp", "drizzle": "tsp",
}  # fmt: skip

# Multi-word French spoons, matched on normalised text before tokenising.
SPOON_PHRASES: tuple[tuple[str, str], ...] = (
    (r"cuill[eè]re?s?\s+[àa]\s+soupe", " tbsp "),
    (r"cuill[eè]r[eé]es?\s+[àa]\s+soupe", " tbsp "),
    (r"cuill[eè]re?s?\s+[àa]\s+caf[eé]", " tsp "),
    (r"cuill[eè]r[eé]es?\s+[àa]\s+caf[eé]", " tsp "),
    (r"\bc\.?\s*[àa]\.?\s*s\b\.?", " tbsp "),
    (r"\bc\.?\s*[àa]\.?\s*c\b\.?", " tsp "),
    (r"\bfl\.?\s*oz\b\.?", " floz "),
    (r"\bfluid\s+ounces?\b", " floz "),
)

MASS_G = {"g": 1.0, "kg": 1000.0, "mg": 0.001, "oz": 28.35, "lb": 453.6}
VOLUME_ML = {
    "ml": 1.0, "cl": 10.0, "dl": 100.0, "l": 1000.0, "floz": 29.57, "cup": 240.0, "tbsp": 15.0, "tsp": 5.0,
    "pint": 473.0, "quart": 946.0,
}  # fmt: skip
# Household units with no portion on the food: typical grams of one, used as a guess.
HOUSEHOLD_G = {
    "slice": 30.0, "bowl": 250.0, "plate": 300.0, "glass": 200.0, "can": 330.0, "bottle": 500.0,
    "handful": 30.0, "container": 170.0, "packet": 40.0, "bag": 40.0, "bar": 50.0, "scoop": 65.0,
    "shot": 44.0, "pinch": 0.5,
    "stick": 15.0, "wedge": 40.0, "square": 10.0, "fillet": 150.0, "strip": 12.0, "leaf": 5.0, "clove": 4.0,
    "jar": 250.0, "pouch": 100.0, "link": 25.0, "tube": 64.0,
}  # fmt: skip

SIZE_WORDS: dict[str, str] = {
    "small": "small", "little": "small", "tiny": "small", "mini": "mini", "miniature": "mini", "petit": "small",
    "petite": "small", "school": "school",
    "petits": "small", "petites": "small", "medium": "medium", "moyen": "medium", "moyenne": "medium",
    "moyens": "medium",
    "moyennes": "medium", "regular": "medium", "normal": "medium", "normale": "medium", "average": "medium",
    "large": "large", "big": "large", "grand": "large", "grande": "large", "grands": "large",
    "grandes": "large", "gros": "large", "grosse": "large", "grosses": "large", "huge": "xlarge",
    "jumbo": "xlarge", "giant": "xlarge", "extra-large": "xlarge", "xl": "xlarge",
}  # fmt: skip
# "personal" (a 6-inch pizza, a "personal-sized" pie) only changes foods that have a personal portion.
# Small / large / extra large against medium: the medians of SR28 foods that have such measures (118 foods
# with small and medium 0.74, 124 with large 1.37, 12 with extra large 1.5).
# A school portion ("a school carton of juice", "a sandwich from the school cafeteria") is a child's: the usual
# portion at the small factor, never the food's own "small" whole item (a small pizza is a whole 10-inch pie).
# A mini one ("a mini muffin", "a miniature peanut butter cup") is the food's own mini portion when it has one
# (SR28: a mini muffin 17 g, a mini bagel 26 g), else its small one, else the small factor.
SIZE_FACTOR = {
    "personal": 1.0, "mini": 0.74, "small": 0.74, "school": 0.74, "medium": 1.0, "large": 1.37, "xlarge": 1.5
}  # fmt: skip
# Portion names a food may carry for each canonical unit or size, best first.
PORTION_NAMES: dict[str, tuple[str, ...]] = {
    "piece": ("piece", "unit", "slice", "item", "pièce", "medium"),
    "serving": ("serving", "portion", "part"),
    "slice": ("slice", "tranche"),
    "bowl": ("bowl", "bol"),
    "plate": ("plate", "assiette", "serving"),
    "glass": ("glass", "verre", "cup"),
    "can": ("can", "canette"),
    "bottle": ("bottle", "bouteille"),
    "handful": ("handful", "poignée"),
    "shot": ("shot",),  # a 1.5 fl oz jigger (44 ml) unless the food has its own shot
    "container": ("container", "pot", "carton", "tub"),
    "packet": ("packet", "package", "sachet", "bag"),
    "bag": ("bag", "packet", "package", "sachet"),  # "a bag of popcorn" is the food's own bag first
    "pouch": ("pouch", "packet", "sachet", "container"),
    "cup": ("cup", "tasse"),
    "tbsp": ("tbsp", "tablespoon", "cuillère à soupe"),
    "tsp": ("tsp", "teaspoon", "cuillère à café"),
    "personal": ("personal", "individual"),
    "small": ("small", "petit", "petite"),
    "mini": ("mini", "miniature", "personal", "small", "petit", "petite"),
    "school": ("school",),
    "medium": ("medium", "moyen", "moyenne", "piece", "unit"),
    "large": ("large", "grand", "grande", "big"),
    "xlarge": ("extra large", "jumbo", "footlong", "large"),  # a footlong sub is the food's own footlong
    "tube": ("tube",),  # a yogurt tube is 2.25 oz (64 g), not a 170 g pot; a tube of Pringles is its own
    "link": ("link",),  # a breakfast sausage link (SR28: 23-25 g), unless the food has its own
}
# How a sized container is named on a food's portion ("1 small bag", "1 fun-size package", SR28's "bar snack
# size", "container individual"): "a small bag of chips" is the food's small bag, never 0.7 of its big one.
SIZED_NAMES: dict[str, tuple[str, ...]] = {
    "small": ("small", "fun-size", "fun size", "snack-size", "snack size", "mini"),
    "mini": ("mini", "miniature", "small", "fun-size", "fun size", "snack-size", "snack size"),
    "personal": ("personal", "individual", "single"),
    "medium": ("medium", "regular", "individual"),
    "large": ("large", "big"),
    "xlarge": ("extra large", "jumbo", "family", "sharing", "king size"),
}


@dataclass(frozen=True, slots=True)
class UnitAmount:
    """How much of a unit: a mass in grams, a volume in millilitres, or ``count`` household units."""

    unit: str | None
    count: float

    @property
    def grams(self) -> float | None:
        """Grams when the unit is a mass."""
        return self.count * MASS_G[self.unit] if self.unit in MASS_G else None

    @property
    def millilitres(self) -> float | None:
        """Millilitres when the unit is a volume."""
        return self.count * VOLUME_ML[self.unit] if self.unit in VOLUME_ML else None
