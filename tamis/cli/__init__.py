"""The `tamis` command line: Typer for parsing, Rich for people, JSON for machines.

Thin by design: commands parse arguments, call the library, and format what comes back.
`tamis.cli.main.app` is the console script.
"""
