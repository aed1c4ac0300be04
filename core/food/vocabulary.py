"""Word lists for the meal parser: filler words to drop, weak descriptor words, clause connectors.

All entries are lower case and accent-folded (compare with :func:`core.food.text.fold`).
"""

from __future__ import annotations

from collections.abc import Iterable

from core.food.text import stem


def split_words(text: str) -> list[str]:
    """The words of a multi-line block."""
    return text.split()


FILLER: frozenset[str] = frozenset(
    split_words(
        """
    i i'm im me my mine we our us you your he she they them their it its is was were be been being am are
    had have has having ate eat eating eaten enjoyed enjoy enjoying enjoys savored savoured savor savour
    savoring savouring treated treat treating indulged indulge indulging sipped sip sipping drank grabbed
    grab got get took take opted opt chose choose decided started start kicked kick finished consumed
    relished relish devoured munched munching snacked tried went fueled fuelled nibbled nibbling gobbled
    paired pairing accompanied alongside along together also plus then later after before while during for
    to the a an some any of on in at as by from into onto this that these those which who what where there
    here all both each every per up out off just really very so too quite bit lot lots much many today
    morning afternoon evening night tonight yesterday breakfast brunch lunch dinner supper snack snacks
    snacktime time meal meals day lunchtime dinnertime teatime break quick nice delicious tasty yummy
    refreshing hearty satisfying lovely wonderful great good comforting freshly simple simply nutritious
    healthy flavorful flavourful perfect perfectly delightful delectable scrumptious cozy treat nourishing
    wholesome satisfy energizing energising boost kick glass-full sized size side sides enjoyable pleasant
    classic traditional favorite favourite usual little-bit amazing fantastic tasty-looking decadent
    indulgent luscious mouthwatering mouth-watering warming tempting generous generously hefty modest decent
    substantial filling-meal serving-size portion-size myself yourself ourselves himself herself themselves
    restaurant restaurants cafeteria drive-thru drive-through joint place shop store takeout take-out local
    vendor truck exactly specifically just only namely
    mcdonalds mcdonald's mcdonald mcdo macdo starbucks wendy's wendys dunkin popeyes arby's arbys panera menu
    enhanced enhance midday satisfied pick-me-up today's tonight's snacking keep kept delightfully lovingly
    refreshed quench thirst hydrated staying stay stayed began ended finally lastly additionally experience
    ritual accompaniment appetite measured measuring poured slathered drenched nestled piled high bursting
    add bring balance couldn't resist taste flavors flavours creaminess texture sweetness warmth tooth
    combination energized energy-boosting twist finish go straight known enjoyment
    way hint fragments morsel morsels warm wash down dessert reached sat well beverage beverages option options
    weighing weighs weighed about approximately approx around roughly totaling totalling nearly almost
    sipping munching feasting feasted slurping chewing biting grabbing drinking having sipped
    touch sprinkle complemented complementing featuring featured spread myself
    more another second autre autres deuxieme
    served serve alongside washed brought hydration cravings craving goodness flavor flavour perfection
    rich creamy silky smooth fluffy juicy savory savoury zesty tangy velvety luscious aromatic fragrant
    steaming chilled cool sweet-tasting vibrant colorful colourful crisp succulent moist buttery
    nfs ns qual unspecified type kind sort variety je j ai mange pris bu avale goute deguste prendre manger
    boire pour le la les l un une des du de d au aux en ce cet cette ces mon ma mes midi soir matin dejeuner
    diner souper gouter collation repas avec et puis aussi bon bonne bons bonnes delicieux delicieuse
    ensuite apres avant pendant ete etait suis sommes nous vous il elle on y dans sur par peu tres bien
    encore
    """
    )
)

# Words that refine a food but must not decide the match alone (cooking, fat level, origin).
DESCRIPTORS: frozenset[str] = frozenset(
    split_words(
        """
    grilled fried baked boiled roasted steamed sauteed sauted raw cooked scrambled poached mashed toasted
    stewed braised broiled barbecued bbq smoked dried canned frozen fresh homemade home-made store-bought
    restaurant school cafeteria fast food packaged prepared ready instant plain regular whole nonfat non-fat
    fat-free lowfat low-fat low reduced light lite skim skimmed lean unsweetened sweetened diet sugar-free
    sugarless salted unsalted seasoned spiced crispy crunchy creamy soft hard thick thin chopped sliced
    diced shredded grated minced cut peeled unpeeled deep pan stir baby mixed assorted with without filled
    topped stuffed loaded made covered coated drizzled sprinkled garnished dressed served cooked blended
    infused flavored flavoured mixed smothered layered tossed grille grillee frit frite frits frites cuit
    cuite cuits cuites cru crue crus rotie roti poele poelee poeles poelees vapeur bouilli bouillie nature entier
    entiere ecreme rare medium-rare done saignant saignante point
    demi-ecreme allege sale maison frais fraiche patty patties link links chunk chunks bit bits baton batons
    spear spears free added no lactose-free sugar-free fat-free caffeine-free decaffeinated enriched fortified parboiled
    ripe mature tender crushed uncooked cured pickled fermented dehydrated processed refined unrefined
    virgin extra-virgin organic wild farmed aged skin skins bone bones peel entrails extra additional brewed
    grain grains kernel kernels pre-sweetened unsweetened-style store-brand generic leftover microwaved
    reheated warmed melted edible common standard microwavable microwaveable miscellaneous various
    """
    )
)

# A "with" after these words describes the dish ("burrito filled with beans"), it is not a new item.
MODIFIER_VERBS: frozenset[str] = frozenset(
    split_words(
        """
    filled topped stuffed loaded made prepared covered coated drizzled sprinkled garnished dressed smothered
    layered tossed infused flavored flavoured mixed blended packed cooked seasoned spread baked fried
    sauteed stewed marinated glazed sweetened garni garnie fourre fourree farci farcie prepare preparee
    nappe nappee enriched fortified crafted sourced infused brushed cooked-in
    """
    )
)

# Phrases that start a new item (checked before single connector words).
ITEM_BREAKS: tuple[tuple[str, ...], ...] = (
    ("along", "with"), ("paired", "with"), ("accompanied", "by"), ("together", "with"), ("as", "well", "as"),
    ("followed", "by"), ("served", "with"), ("complemented", "by"), ("complemented", "with"),
    ("combined", "with"), ("washed", "down", "with"), ("washed", "it", "down", "with"),
    ("washed", "it", "all", "down", "with"), ("topped", "it", "off", "with"), ("topped", "off", "with"),
    ("finished", "it", "off", "with"), ("finished", "off", "with"), ("rounded", "it", "out", "with"),
    ("rounded", "out", "with"), ("followed", "it", "up", "with"), ("followed", "up", "with"),
    ("complemented", "it", "with"), ("paired", "it", "with"),
    ("ainsi", "que"), ("accompagne", "de"), ("accompagnee", "de"),
    ("on", "the", "side"), ("alongside",), ("plus",), ("then",), ("puis",), ("and",), ("et",), ("with",),
    ("avec",), ("also",), ("aussi",), ("while",), ("whilst",), ("pendant", "que"),
)  # fmt: skip

# A clause starting with one of these comments on the meal rather than naming food.
COMMENT_STARTS: frozenset[str] = frozenset(
    split_words(
        """
    which who that it this making made giving gave providing provided keeping kept leaving left feeling felt
    perfect great savoring savouring enjoying adding added creating rounding rounded topping-off all because
    since although though but so making-for to or ou specifically particularly especially namely
    mainly mostly
    """
    )
)

# Dishes whose name contains "and"/"et"/"with": never split inside them.
# Drinks by name: never a dish's filling, and a food listed after one is a serving, not a topping.
DRINK_WORDS: frozenset[str] = frozenset(
    split_words(
        """coffee tea water soda cola coke pepsi sprite fanta pop juice beer wine latte cappuccino espresso lemonade
        smoothie milkshake kombucha"""
    )
)

COMPOUNDS: tuple[str, ...] = (
    "macaroni and cheese", "mac and cheese", "fish and chips", "peanut butter and jelly", "salt and pepper",
    "sweet and sour", "pork and beans", "rice and beans", "franks and beans", "cookies and cream",
    "surf and turf", "bread and butter", "chips and salsa", "spaghetti and meatballs",
    "biscuits and gravy", "chicken and dumplings", "strawberries and cream",
    "oil and vinegar", "sour cream and onion", "pain et beurre", "salt and vinegar", "steak et frites",
    "steak and frites", "moules et frites",
)  # fmt: skip

# A synonym not applied before these words: "mince pie" is the Christmas pie, not ground meat.
SYNONYM_EXCEPT: dict[str, frozenset[str]] = {"mince": frozenset({"pie", "pies", "tart", "tarts"})}
# Other names of the same food, mapped to the word food databases use.
SYNONYMS: dict[str, str] = {
    "cow": "beef", "bovine": "beef", "ox": "beef", "pig": "pork", "swine": "pork", "hog": "pork",
    "maize": "corn", "courgette": "zucchini", "courgettes": "zucchini", "aubergine": "eggplant",
    "aubergines": "eggplant", "soya": "soy", "yoghurt": "yogurt", "yoghurts": "yogurt", "prawn": "shrimp",
    "prawns": "shrimp", "minced": "ground", "mince": "ground meat", "crisps": "chips", "coriander": "cilantro",
    "rocket": "arugula", "doughnut": "donut", "doughnuts": "donuts", "hen": "", "hens": "",
    "kiwifruit": "kiwi", "porridge": "oatmeal", "whole-grain": "whole-wheat", "wholemeal": "whole-wheat",
    "mutton": "lamb", "sheep": "lamb", "capsicum": "pepper", "garbanzo": "chickpea", "garbanzos": "chickpeas",
    "omelet": "omelette", "omelets": "omelette", "softdrink": "soda", "frankfurter": "hot dog", "wiener": "hot dog",
}  # fmt: skip
# Describing words that alone name a food: "des frites" are fries ("pommes frites"), not a word waiting for its food;
# as written, accents kept: "a roti" is a flatbread, "un rôti" a roast.
FOOD_DESCRIPTORS: frozenset[str] = frozenset({"frites", "roti"})
# Words that name how a food was prepared, never a food alone: "ground" is not ground cardamom ("ground beef" is fine).
NEVER_ALONE: frozenset[str] = frozenset({"ground", "moulu", "moulue"})
# "meat" after these words adds nothing ("cow meat" -> "beef").
MEAT_ANIMALS: frozenset[str] = frozenset(
    split_words("beef pork chicken duck lamb goat turkey veal fish rabbit goose venison crab")
)

# Tastes: they refine a food ("sweet potato") but alone they narrate ("for a sweet snack"), never a food or a miss.
TASTES: frozenset[str] = frozenset(split_words("sweet savory savoury salty spicy tangy"))

# Product names that start with a number: the number is part of the name, never a count ("a 3 Musketeers bar").
NUMBERED_NAMES: frozenset[tuple[str, str]] = frozenset({("3", "musketeers"), ("three", "musketeers"), ("100", "grand")})

# "cow milk" is milk: the animal a dairy food comes from by default says nothing more ("goat cheese" stays).
ANIMALS_OF_MILK: frozenset[str] = frozenset(split_words("cow cows cow's bovine vache"))
DAIRY: frozenset[str] = frozenset(split_words("milk milks cheese butter cream yogurt yoghurt lait fromage beurre"))

# A ready-made meal: a meal word after one of these is the food ("a frozen meal of beef" is a frozen meal).
READY_MADE: frozenset[str] = frozenset(
    split_words("frozen tv microwave microwaveable packaged boxed ready-made")
    + split_words("banquet swanson stouffers stouffer's hungry-man")  # frozen-meal brands: "a Banquet meal"
)
# A meal word after one of READY_MADE: "a frozen breakfast of pancakes", "a frozen entrée", "a diet frozen option".
MEAL_NOUNS: frozenset[str] = frozenset(
    split_words("meal meals dinner dinners lunch breakfast breakfasts entree entrees entrée entrées option options")
)

# Foods nearly always eaten cooked: without a word saying how, a cooked form is matched rather than a raw one
# ("2 eggs" -> a boiled egg, "steak" -> cooked beef). The value is the word that asks for that form.
USUALLY_COOKED: dict[str, str] = {
    "egg": "boiled", "oeuf": "dur", "potato": "boiled", "beef": "cooked", "steak": "cooked", "pork": "cooked",
    "chicken": "cooked", "turkey": "cooked", "lamb": "cooked", "veal": "cooked", "bacon": "cooked",
    "sausage": "cooked", "salmon": "cooked", "fish": "cooked", "cod": "cooked", "tilapia": "cooked",
    "shrimp": "cooked", "rice": "cooked", "pasta": "cooked", "noodle": "cooked", "spaghetti": "cooked",
    "lentil": "cooked", "bean": "cooked", "chickpea": "cooked", "quinoa": "cooked",
}  # fmt: skip
# Words saying the food was eaten raw: then the raw form stays.
RAW_WORDS: frozenset[str] = frozenset(split_words("raw uncooked cru crue crus crues tartare sashimi ceviche carpaccio"))
# Words of a food's name saying it is sold dry, to be cooked ("rice, white, uncooked", "corn grain, yellow, dry").
DRY_WORDS: frozenset[str] = frozenset(split_words("dry uncooked"))
# Words saying the food was cooked in water or heat: a dry form is then not what was eaten ("maize grain, boiled").
COOKED_WORDS: frozenset[str] = frozenset(
    split_words("boiled cooked steamed simmered stewed poached cuit cuite cuits cuites bouilli bouillie vapeur")
)

# Class words that end compound names of foods ("parrotfish", "cloudberry", "wintermelon"): a compound the
# catalogue does not know is that class of food, never nothing (core.food.matching, core.food.coverage).
COMPOUND_HEADS: tuple[str, ...] = ("fish", "berry", "melon")
_MIN_PREFIX = 3  # "catfish" has its own food; "ofish" is no compound


def compound_head(word_stem: str) -> str | None:
    """The class word ending a compound stem ("fish" of "parrotfish"), if the stem is longer than it by 3+ letters."""
    return next((c for c in COMPOUND_HEADS if word_stem.endswith(c) and len(word_stem) - len(c) >= _MIN_PREFIX), None)


# Words saying a food was cooked in any way: a raw form is then not what was eaten ("boiled courgettes"), nor is it
# for a side served with such a dish ("grilled chicken with rice and broccoli": cooked broccoli).
HEAT_WORDS: frozenset[str] = COOKED_WORDS | frozenset(
    split_words("grilled roasted roast baked fried broiled sauteed sautéed stir-fried braised barbecued bbq")
    + split_words("grillé grillée grillés rôti rôtie rôtis frit frite frits sauté sautée sautés braisé")
)

# Words of a food's name that say the opposite of the user's word: "thin" crust is not "thick" or "deep" crust.
_OPPOSITES = (("thin", "thick"), ("thin", "deep"), ("thin", "pan"), ("hot", "iced"), ("diet", "regular"))
_OPPOSITE_STEMS: dict[str, frozenset[str]] = {}
for _a, _b in _OPPOSITES:
    _OPPOSITE_STEMS[stem(_a)] = _OPPOSITE_STEMS.get(stem(_a), frozenset()) | {stem(_b)}
    _OPPOSITE_STEMS[stem(_b)] = _OPPOSITE_STEMS.get(stem(_b), frozenset()) | {stem(_a)}


def opposite_stems(stems: Iterable[str]) -> frozenset[str]:
    """Stems that say the opposite of any of ``stems`` ("thin" for "thick")."""
    return frozenset(o for s in stems for o in _OPPOSITE_STEMS.get(s, ()))
