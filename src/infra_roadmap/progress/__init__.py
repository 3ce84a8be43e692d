"""What the user did, as one story: the event log (`events`, the fold), the states it gives
(`states`, with its cache), the use cases that add to it (`actions`), and moving it between
machines (`transfer`) or checking it (`doctor`). Below it, `store` keeps the log in SQLite."""
