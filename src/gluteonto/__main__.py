"""``python -m gluteonto`` runs the command line."""

from .entry import main

main()
