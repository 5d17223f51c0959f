"""Qt-free lab states: what each lab saves, typed and validated.

Each lab has ``gui/labs/<lab>/state.py`` with a frozen dataclass of its saved
settings: ``from_dict(d)`` checks every field (raising :class:`StateError` with
the field's path and a code) and ``to_dict()`` gives the saved form back.  No Qt
here (an import-linter contract forbids it): a session file is validated as a
whole before any lab changes, so a bad file is refused and never half-applied.
"""
