"""Django's makemessages without fuzzy matching: a guessed translation of a new string is worse than
none, because the catalogue test then cannot see that it is missing."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
