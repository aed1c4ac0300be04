"""The heads read from the version files (no Alembic) agree with Alembic, so a start at head can skip it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import text

from storage.engine import make_engine
from storage.migrate import alembic_config, at_head, pending_heads, upgrade
from storage.migration_heads import VERSIONS, head_revisions
from tests.integration.schema_steps import migrate

REPO = Path(__file__).resolve().parents[2]


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config("sqlite://"))


async def _version_rows(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            return set((await conn.execute(text("SELECT version_num FROM alembic_version"))).scalars())
    finally:
        await engine.dispose()


def test_the_heads_are_alembics_heads_less_those_only_depended_upon() -> None:
    script = _script()
    revisions = list(script.walk_revisions())
    depended = {rev.dependencies for rev in revisions if isinstance(rev.dependencies, str)}
    depended |= {name for rev in revisions if isinstance(rev.dependencies, tuple) for name in rev.dependencies}
    heads = head_revisions()
    assert heads is not None and heads == set(script.get_heads()) - depended
    assert heads <= set(script.get_heads())


async def test_a_migrated_database_holds_exactly_the_heads(db_url: str) -> None:
    heads = head_revisions()
    assert heads is not None and await _version_rows(db_url) == set(heads)
    engine = make_engine(db_url)
    try:
        assert await at_head(engine) and await pending_heads(engine) == set()
    finally:
        await engine.dispose()


async def test_at_head_only_after_the_last_step(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'steps.db'}"
    steps = [rev.revision for rev in reversed(list(_script().walk_revisions()))]
    engine = make_engine(url)
    seen: list[tuple[str, bool, int]] = []
    try:
        assert not await at_head(engine)  # no version table at all

        for step in steps:
            async with engine.begin() as conn:
                await conn.run_sync(migrate, url, step)
            seen.append((step, await at_head(engine), len(await pending_heads(engine))))
        await upgrade(engine)  # at head: nothing to do, nothing fails
        assert await at_head(engine)
    finally:
        await engine.dispose()
    assert [ok for _, ok, _ in seen] == [False] * (len(steps) - 1) + [True], seen
    assert all(missing > 0 for _, ok, missing in seen if not ok), seen


def test_a_start_at_head_does_not_import_alembic(sqlite_url: str) -> None:
    program = (
        "import asyncio, sys\n"
        "from storage.engine import make_engine\n"
        "from storage.migrate import upgrade\n"
        "async def main():\n"
        f"    engine = make_engine({sqlite_url!r})\n"
        "    await upgrade(engine)\n"
        "    await engine.dispose()\n"
        "asyncio.run(main())\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", program], cwd=REPO, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_unreadable_version_files_leave_the_answer_to_alembic(tmp_path: Path) -> None:
    for file in VERSIONS.glob("*.py"):
        (tmp_path / file.name).write_text(file.read_text("utf-8"), "utf-8")
    assert head_revisions(tmp_path) == head_revisions()
    (tmp_path / "merge_0001.py").write_text(
        'revision = "merge_0001"\ndown_revision = ("food_0001", "outbox_0001")\n', "utf-8"
    )
    merged = head_revisions(tmp_path)
    assert merged is not None and "merge_0001" in merged and not {"food_0001", "outbox_0001"} & merged
    (tmp_path / "odd_0001.py").write_text('revision = make_name()\ndown_revision = "merge_0001"\n', "utf-8")
    assert head_revisions(tmp_path) is None
    (tmp_path / "odd_0001.py").write_text('"""No revision here."""\n', "utf-8")
    assert head_revisions(tmp_path) is None
    assert head_revisions(tmp_path / "absent") is None
