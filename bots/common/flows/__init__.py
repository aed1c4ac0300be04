"""Conversation flows, one feature a module: onboarding, meal entry, everyday commands."""
