"""What the meal parser produces: items as written (words, amount, unit, size) and the text not understood."""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True, slots=True)
class ParsedItem:
    """One food as written: the naming words, how much, and the segment it came from."""

    text: str
    words: tuple[str, ...]
    modifiers: tuple[str, ...] = ()
    amount: float = 1.0
    amount_stated: bool = False
    unit: str | None = None
    size: str | None = None
    stated_kcal: float | None = None
    joined: bool = False
    listed: bool = False  # joined to the item before by "and": merged with it only into a dish named "X and Y"
    along: bool = False  # in a "with" clause: "jam" of "a bagel with cream cheese and jam" (a topping too)
    bare: bool = False
    sides: tuple[str, ...] = ()  # foods served with it, not in it: "150 g yogurt with granola"
    served_on: tuple[str, ...] = ()  # what it is served on: "eggs on toast" (a dish's own part: "sandwich on rye")
    alternatives: tuple[str, ...] = ()  # "or tea" of "coffee or tea": not counted, shown as not understood
    problem: str | None = None  # an amount that cannot be eaten (see core.food.quantities.amount_problem)
    fillings: tuple[str, ...] = ()  # modifiers listed before the dish: "steak" of "a steak and cheese sub"
    cooking_fat: tuple[str, ...] = ()  # the fat it was cooked in: "olive oil" of "chicken fried in olive oil"

    @property
    def name(self) -> str:
        """The food's name as the user wrote it, without amounts and filler."""
        return " ".join(self.words) or self.text


def merged(first: ParsedItem, second: ParsedItem) -> ParsedItem:
    """One item naming both ("yogurt" + "fruit" -> "yogurt fruit"), with the first item's amount."""
    return replace(
        first,
        text=f"{first.text} + {second.text}"[:200],
        words=(*first.words, *second.words),
        modifiers=(*first.modifiers, *second.modifiers),
        alternatives=(*first.alternatives, *second.alternatives),
    )


def with_parts(dish: ParsedItem, parts: ParsedItem) -> ParsedItem:
    """The dish with the parts named before it ("bacon egg" + "cheese biscuit"), and their amount: "a", "2"."""
    return replace(
        dish,
        text=f"{parts.text} … {dish.text}"[:200],
        modifiers=(*parts.words, *parts.modifiers, *dish.modifiers),
        alternatives=(*parts.alternatives, *dish.alternatives),
        amount=parts.amount,
        amount_stated=parts.amount_stated,
        unit=parts.unit,
        size=parts.size,
        joined=parts.joined,
        bare=parts.bare,
        listed=parts.listed,
        along=parts.along,
    )


@dataclass(frozen=True, slots=True)
class ParsedMeal:
    """Items found and the text that could not be read as food."""

    items: tuple[ParsedItem, ...]
    unparsed: tuple[str, ...] = field(default=())
