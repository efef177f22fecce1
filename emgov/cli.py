"""The `emgov` command: every Django management command, plus EMGov's own (serve, demo, import, ...)."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emgov.settings")
    from django.core.management import execute_from_command_line

    argv = sys.argv[:]
    argv[0] = "emgov"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
