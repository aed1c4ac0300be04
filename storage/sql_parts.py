"""Small SQL pieces several stores' statements share."""

from __future__ import annotations

from sqlalchemy import literal_column, select

# A FROM of exactly one row: left-joining the rows wanted onto it brings one row even when none match, so values
# read beside them (a scalar subquery) come back either way (the exercise day and its setting; the update claim's
# chat state and sender).
ONE_ROW = select(literal_column("1").label("one")).subquery("one_row")
