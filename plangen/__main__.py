"""`python -m plangen` runs the command line."""

from plangen.launch import main

main()
