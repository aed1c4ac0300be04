"""How exercise counts in the game: the day's budget is the target plus a capped share of the exercise kcal.

Only for users who turned it on (``/settings exercise on``; off by default). The allowance is
``min(exercise kcal × SHARE_PERCENT // 100, CAP_KCAL)`` in whole kcal: half of what the Compendium estimate
says (such estimates tend to run high, and eating it all back is the commonest way exercise stalls weight
loss), and never more than 500 kcal a day. The day is then judged WON / LOST / UNDER against that budget exactly
as against the target. The set-based close-out (storage/gamification/closeout_sql.py) computes the same with
integer arithmetic and these constants as bound parameters; the differential test holds the two equal.
"""

from __future__ import annotations

SHARE_PERCENT = 50
CAP_KCAL = 500


def exercise_allowance(exercise_kcal: int, counts: bool) -> int:
    """The kcal a day's exercise adds to its budget: 0 when the setting is off."""
    if not counts or exercise_kcal <= 0:
        return 0
    return min(exercise_kcal * SHARE_PERCENT // 100, CAP_KCAL)


def day_budget(target_kcal: int, exercise_kcal: int, counts: bool) -> int:
    """The kcal a day is judged against: the target plus the exercise allowance."""
    return target_kcal + exercise_allowance(exercise_kcal, counts)
