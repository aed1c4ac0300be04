"""A process that takes a platform's drain lease and keeps it until it is killed (for the lease tests).

``python -m tests.integration.lease_holder DB_URL PLATFORM`` prints ``held`` (or ``busy``) and then sleeps.
"""

from __future__ import annotations

import asyncio
import sys

from storage.engine import make_engine
from storage.outbox.lease import drain_leases


async def main(url: str, platform: str) -> None:
    engine = make_engine(url)
    lease = await drain_leases(engine).acquire(platform)
    print("held" if lease is not None else "busy", flush=True)
    await asyncio.sleep(3600)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
