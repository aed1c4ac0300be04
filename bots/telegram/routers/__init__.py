"""One aiogram router per feature: groups, button presses, private messages (built fresh per dispatcher)."""
