"""The simulated world of the two-scheduler test: 2,000 users and 20 groups across 36 time zones, on two platforms.

``populate`` writes it to a database; ``expected_keys`` computes, independently of the scheduler, the dedup key of
every message due during the simulated day and a half.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert

from storage.chat.tables import ChatGroupRow, GroupMemberRow
from storage.engine import make_engine
from storage.models import IdentityRow, MealItemRow, MealRow, UserRow
from storage.outbox.tables import NotificationPrefsRow

ZONES = [
    "Pacific/Pago_Pago",
    "Pacific/Honolulu",
    "America/Anchorage",
    "America/Los_Angeles",
    "America/Denver",
    "America/Chicago",
    "America/New_York",
    "America/Caracas",
    "America/St_Johns",
    "America/Sao_Paulo",
    "Atlantic/Azores",
    "UTC",
    "Europe/London",
    "Europe/Paris",
    "Europe/Helsinki",
    "Europe/Moscow",
    "Asia/Tehran",
    "Asia/Dubai",
    "Asia/Kabul",
    "Asia/Karachi",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Dhaka",
    "Asia/Yangon",
    "Asia/Bangkok",
    "Asia/Shanghai",
    "Australia/Eucla",
    "Asia/Tokyo",
    "Australia/Darwin",
    "Australia/Adelaide",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Noumea",
    "Pacific/Auckland",
    "Pacific/Chatham",
    "Pacific/Kiritimati",
]
USERS, GROUPS = 2000, 20
DAY = date(2026, 3, 11)  # a Wednesday
START = datetime(2026, 3, 11, 5, 0, tzinfo=UTC)  # 19:00 on DAY at +14:00
END = datetime(2026, 3, 12, 19, 30, tzinfo=UTC)  # 08:30 the next day at -11:00
STEP = timedelta(minutes=15)
CREATED = datetime(2026, 3, 1, tzinfo=UTC)
DISCORD_USERS, DISCORD_CHANNELS = 810_000_000_000_000_000, 820_000_000_000_000_000


def zone_of(n: int) -> str:
    return ZONES[n % len(ZONES)]


def user_platform(n: int) -> str:
    """One user in eight (250 of 2,000, French user 10 among them) is on Discord, the rest on Telegram."""
    return "discord" if n % 8 == 2 else "telegram"


def group_platform(g: int) -> str:
    """One group in four is a Discord server's channel."""
    return "discord" if g % 4 == 0 else "telegram"


def chat_of_user(n: int) -> str:
    """Telegram: the private chat id; Discord: the user's snowflake (their DM channel is opened on first send)."""
    return str(DISCORD_USERS + n) if user_platform(n) == "discord" else str(100_000 + n)


def chat_of_group(g: int) -> str:
    """Telegram: a negative group chat id; Discord: the server channel's snowflake."""
    return str(DISCORD_CHANNELS + g) if group_platform(g) == "discord" else str(-1000 - g)


def ticks() -> list[datetime]:
    out, moment = [], START
    while moment < END:
        out.append(moment)
        moment += STEP
    return out


def due_days(tz: str, at: time, offset_days: int = 0) -> set[date]:
    """Local days X for which some tick falls on local day X + offset at or after ``at``."""
    days = set()
    for moment in ticks():
        local = moment.astimezone(ZoneInfo(tz))
        if local.time() >= at:
            days.add(local.date() - timedelta(days=offset_days))
    return days


async def populate(url: str) -> dict[str, int]:
    engine = make_engine(url)
    users, identities, prefs, meals, items = [], [], [], [], []
    for n in range(1, USERS + 1):
        users.append(
            {
                "id": n,
                "display_name": f"u{n}",
                "sex": "female" if n % 2 else "male",
                "birth_year": 1960 + n % 40,
                "height_cm": 160 + n % 30,
                "weight_kg": 60 + n % 40,
                "activity": "light",
                "goal": "lose",
                "rate_kg_per_week": 0.5,
                "timezone": zone_of(n),
                "language": "fr" if n % 10 == 0 else "en",
                "active": True,
                "created_at": CREATED,
            }
        )
        identities.append({"platform": user_platform(n), "external_id": chat_of_user(n), "user_id": n})
        if n % 7 == 0 or n % 5 == 0:
            prefs.append(
                {
                    "user_id": n,
                    "reminders_on": n % 7 != 0,
                    "reminder_time": "20:00",
                    "daily_result_time": "07:30" if n % 5 == 0 else "08:00",
                    "daily_results_on": True,
                }
            )
        if n % 3 != 2:  # two thirds ate on DAY: 1,500 kcal (won) or 4,000 kcal (lost)
            kcal = 1500.0 if n % 3 == 0 else 4000.0
            noon = datetime.combine(DAY, time(12), ZoneInfo(zone_of(n))).astimezone(UTC)
            meal = {"id": n, "user_id": n, "eaten_at": noon, "local_day": DAY, "description": "", "input_kind": "text"}
            if "kcal" in MealRow.__table__.c:  # meals that keep their items' total
                meal["kcal"] = kcal
            meals.append(meal)
            items.append(
                {
                    "meal_id": n,
                    "position": 0,
                    "name": "food",
                    "grams": 500,
                    "kcal": kcal,
                    "protein_g": 50,
                    "carbs_g": 200,
                    "fat_g": 50,
                    "source": "manual",
                    "low_kcal": kcal,
                    "high_kcal": kcal,
                }
            )
    groups = [
        {
            "id": g,
            "platform": group_platform(g),
            "chat_id": chat_of_group(g),
            "title": f"g{g}",
            "leagues_on": True,
            "post_time": "21:00",
            "timezone": zone_of(g * 5),
            "created_at": CREATED,
        }
        for g in range(1, GROUPS + 1)
    ]
    members = [
        {"group_id": 1 + n % GROUPS, "user_id": n, "nickname": f"nick{n}", "joined_at": CREATED}
        for n in range(1, USERS + 1, 4)
    ]
    try:
        async with engine.begin() as conn:
            for table, rows in (
                (UserRow, users),
                (IdentityRow, identities),
                (NotificationPrefsRow, prefs),
                (MealRow, meals),
                (MealItemRow, items),
                (ChatGroupRow, groups),
                (GroupMemberRow, members),
            ):
                await conn.execute(insert(table), rows)
            if conn.dialect.name == "postgresql":
                for name in ("users", "meals", "chat_groups"):
                    await conn.exec_driver_sql(f"SELECT setval('{name}_id_seq', (SELECT max(id) FROM {name}))")
    finally:
        await engine.dispose()
    return {"users": len(users), "meals": len(meals)}


def expected_keys() -> set[str]:
    keys = set()
    for n in range(1, USERS + 1):
        tz = zone_of(n)
        reminders_on = n % 7 != 0
        if reminders_on:
            keys |= {f"reminder:{n}:{d}" for d in due_days(tz, time(20)) if not (d == DAY and n % 3 != 2)}
        if n % 3 != 2:  # players from DAY on: every later day closes too (MISSED when nothing is logged)
            at = time(7, 30) if n % 5 == 0 else time(8)
            keys |= {f"daily:{n}:{d}" for d in due_days(tz, at, offset_days=1) if d >= DAY}
    for g in range(1, GROUPS + 1):
        keys |= {f"group_daily:{g}:{d}" for d in due_days(zone_of(g * 5), time(21))}
    return keys
