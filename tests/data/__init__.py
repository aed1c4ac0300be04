"""Tests of the data shipped in the repository."""
