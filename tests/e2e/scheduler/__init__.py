"""End-to-end tests of the scheduler: several OS processes, one database, the stand-in Bot API."""
