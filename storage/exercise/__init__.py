"""Exercise in SQL: the ``exercises`` table, the ``exercise_settings`` table and their store."""
