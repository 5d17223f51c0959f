"""Translated messages for a saved lab state that cannot be used
(:class:`gui.labs.fields.StateError`) and for session files
(:class:`core.sessionfile.SessionFileError`): one place for every such sentence."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.sessionfile import SessionFileError
from gui.labs.fields import StateError

CONTEXT = "StateMessages"


def _tr(text: str) -> str:
    return QCoreApplication.translate("StateMessages", text)


def lab_title(name: str | None) -> str:
    titles = {"descent": _tr("Gradient Descent"), "regression": _tr("Regression"),
              "chain": _tr("Chain Rule")}
    return titles.get(name or "", name or "?")


def reason(code: str) -> str:
    reasons = {
        "not_an_object": _tr("it is not a group of settings"),
        "not_a_list": _tr("it is not a list"),
        "not_text": _tr("it is not text"),
        "not_a_number": _tr("it is not a number"),
        "not_an_integer": _tr("it is not a whole number"),
        "not_true_false": _tr("it is not true or false"),
        "not_finite": _tr("it is not a finite number"),
        "out_of_range": _tr("the number is out of the allowed range"),
        "unknown_choice": _tr("it is not one of the allowed choices"),
        "too_long": _tr("it is too long"),
        "wrong_length": _tr("it has the wrong number of entries"),
        "empty": _tr("it is empty"),
        "not_ordered": _tr("'from' must be less than 'to'"),
        "invalid_expression": _tr("the function cannot be read"),
        "too_deep": _tr("it is nested too deeply"),
        "internal": _tr("GradLab could not apply it (an internal error)"),
    }
    return reasons.get(code, code)


def state_error_message(exc: StateError) -> str:
    """E.g. "The Gradient Descent lab's setting “start.x” cannot be used: it is not a
    finite number." """
    if exc.code == "internal" or not exc.field:
        return _tr("The {lab} lab could not load this state: {reason}.").format(
            lab=lab_title(exc.lab), reason=reason(exc.code))
    return _tr("The {lab} lab's setting “{field}” cannot be used: {reason}.").format(
        lab=lab_title(exc.lab), field=exc.field, reason=reason(exc.code))


def session_error_message(exc: SessionFileError) -> str:
    msgs = {
        "not_json": _tr("This file is damaged or is not a GradLab session "
                        "(it is not valid JSON)."),
        "not_session": _tr("This is not a GradLab session file."),
        "future_version": _tr("This session was saved by a newer version of GradLab "
                              "(format {0}); this version reads up to format {1}. "
                              "Please update GradLab.").format(
            exc.params.get("version"), exc.params.get("supported")),
        "too_large": _tr("This file is too large to be a GradLab session."),
        "not_a_file": _tr("This is not a regular file (a folder or a device?)."),
        "unreadable": _tr("The file could not be read."),
        "too_large_to_save": _tr("The session is too large to be saved and opened again "
                                 "(more than {0} MB). Remove some points first.").format(
            exc.params.get("limit_mb")),
    }
    return msgs.get(exc.key, str(exc))
