"""The phrases of the voice benchmark: meal notes as people say them, in two sets.

``DEV`` is what decoding settings (beam, window thresholds, the vocabulary hint of :mod:`ai.whisper_hints`)
were chosen on; ``HELD_OUT`` was written before any tuning, with other foods, and only judges the result.
Both are written for this project (no data set is copied).
"""

from __future__ import annotations

DEV = (
    "For lunch I had a chicken sandwich, a small bag of crisps and an apple",
    "Two scrambled eggs on toast with butter and a large cup of coffee with milk",
    "A bowl of spaghetti bolognese with parmesan and a glass of red wine",
    "Greek yogurt with honey, a handful of almonds and a banana this morning",
    "I ate a slice of pepperoni pizza and drank a can of cola at the cinema",
    "A bowl of tomato soup and a bread roll",
    "Coffee with milk",
    "I ate a green apple",
    "A banana and a glass of milk",
    "Two bananas and an orange juice",
    "A cheese sandwich and a coffee",
    "Porridge with blueberries and a cup of black tea",
    "A cheeseburger with fries and a diet coke",
    "Grilled salmon with rice and broccoli for dinner",
    "Three pancakes with maple syrup and a glass of orange juice",
    "A tuna salad with olive oil and a slice of brown bread",
    "Chicken curry with white rice and a naan bread",
    "A bowl of cornflakes with semi skimmed milk",
    "Two boiled eggs and a slice of toast",
    "A large latte and a blueberry muffin",
    "Beef stew with potatoes and carrots",
    "A plate of pasta with pesto and a green salad",
    "Half an avocado on toast with a poached egg",
    "A chocolate bar and a bottle of water",
    "Fish and chips with mushy peas",
    "A ham and cheese omelette with a cup of tea",
    "Roast chicken with potatoes and green beans",
    "A handful of peanuts and a pear",
    "Vegetable stir fry with noodles and tofu",
    "A bagel with cream cheese and smoked salmon",
    "Lentil soup with a piece of bread",
    "A steak with a baked potato and a side salad",
    "Strawberries with whipped cream",
    "A glass of milk and two chocolate biscuits",
    "Rice and beans with a fried egg",
    "A turkey wrap with lettuce and tomato",
)

HELD_OUT = (
    "A mug of hot chocolate and two digestive biscuits",
    "For dinner I had chicken fajitas with guacamole and sour cream",
    "A small portion of chips with ketchup",
    "Scrambled tofu on rye bread with spinach",
    "A pot of raspberry yogurt and a kiwi",
    "I had a burrito with rice, beans and cheese for lunch",
    "A bowl of miso soup and some sushi rolls",
    "Three slices of ham with pickles and mustard",
    "A peanut butter and jelly sandwich on white bread",
    "Mashed potatoes with gravy and sausages",
    "A cappuccino and a croissant with jam",
    "A large glass of apple juice and a cereal bar",
    "Chicken noodle soup with crackers",
    "A cup of green tea and a slice of lemon cake",
    "Grilled prawns with garlic butter and a salad",
    "Two hard boiled eggs and an orange",
    "A portion of lasagne with garlic bread",
    "Oatmeal with raisins, cinnamon and a splash of milk",
    "A baked sweet potato with black beans",
    "A packet of crisps and a can of lemonade",
    "Pork chops with apple sauce and peas",
    "A smoothie with mango, banana and spinach",
    "Cottage cheese with pineapple chunks",
    "Two fish tacos with cabbage and lime",
    "A veggie burger with a side of coleslaw",
    "A bowl of chili con carne with rice",
    "Pancakes with bacon and scrambled eggs",
    "A handful of grapes and a few walnuts",
    "Hummus with carrot sticks and pitta bread",
    "Spinach and ricotta cannelloni with a glass of white wine",
)

SETS = {"dev": DEV, "held-out": HELD_OUT}
