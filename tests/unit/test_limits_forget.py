"""OutgoingLimits forgets a chat's bucket once it is idle and empty, so memory follows the active chats."""

from __future__ import annotations

from bots.telegram.limits import IDLE_FORGET_S, Limits, OutgoingLimits


async def test_an_idle_empty_bucket_is_forgotten_and_a_used_one_kept() -> None:
    limits = OutgoingLimits(Limits())
    limits._chat_limiter(1, now=0.0)  # answered once long ago, nothing sent through it: empty
    busy = limits._chat_limiter(2, now=0.0)
    await busy.acquire()  # a message just went out: its bucket is not empty yet (it drains in seconds)
    assert limits.remembered == 2
    limits._chat_limiter(3, now=IDLE_FORGET_S + 1)
    assert 1 not in limits._chats  # idle a minute and empty: a fresh bucket is the same thing
    assert 2 in limits._chats and 3 in limits._chats  # still holding the message just sent: kept


async def test_a_chat_used_again_is_kept_and_keeps_its_bucket() -> None:
    limits = OutgoingLimits(Limits())
    first = limits._chat_limiter(1, now=0.0)
    limits._chat_limiter(2, now=1.0)
    assert limits._chat_limiter(1, now=IDLE_FORGET_S - 1) is first  # used again before a minute passed
    limits._chat_limiter(3, now=IDLE_FORGET_S + 1.5)  # chat 2 idle > a minute; chat 1 used 2.5 s ago
    assert list(limits._chats) == [1, 3]


async def test_a_thousand_chats_answered_once_leave_only_the_last_minutes() -> None:
    limits = OutgoingLimits(Limits())
    for n in range(1_000):  # one new person a second
        limits._chat_limiter(10_000 + n, now=float(n))
    assert limits.remembered <= IDLE_FORGET_S + 1


async def test_the_bound_holds_whatever_the_times() -> None:
    limits = OutgoingLimits(Limits(remembered_chats=5))
    for n in range(20):
        limits._chat_limiter(n, now=0.0)
    assert limits.remembered == 5 and list(limits._chats) == [15, 16, 17, 18, 19]
