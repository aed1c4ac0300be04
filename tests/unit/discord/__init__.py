"""Unit tests of the Discord adapter's pure parts."""
