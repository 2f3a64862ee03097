"""``python -m gluteonto`` runs the command line."""

from .cli import main

main(prog_name="gluteonto")
