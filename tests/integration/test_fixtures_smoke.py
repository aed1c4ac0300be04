from sqlalchemy import inspect

from storage.engine import make_engine


async def test_fresh_database_has_the_foundation_tables(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        async with engine.connect() as conn:
            names = await conn.run_sync(lambda sync: set(inspect(sync).get_table_names()))
    finally:
        await engine.dispose()
    assert {"users", "identities", "meals", "meal_items", "weights", "chat_states"} <= names
