"""Chat-platform storage: processed update ids, account link codes, groups and their members."""
