"""``python -m winstreak`` runs the CLI."""

from winstreak.cli import main

main()
