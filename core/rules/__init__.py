"""Pure rules: functions of values, no I/O, easy to test against worked examples."""
