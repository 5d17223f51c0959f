"""Translated messages for a saved lab state that cannot be used
(:class:`gui.labs.fields.StateError`) and for session files
(:class:`core.sessionfile.SessionFileError`): one place for every such sentence."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.sessionfile import SessionFileError
from gui.labs.fields import StateError


def lab_title(name: str | None) -> str:
    titles = {"descent": QCoreApplication.translate("StateMessages", "Gradient Descent"), "regression": QCoreApplication.translate("StateMessages", "Regression"),
              "chain": QCoreApplication.translate("StateMessages", "Chain Rule")}
    return titles.get(name or "", name or "?")


def reason(code: str) -> str:
    reasons = {
        "not_an_object": QCoreApplication.translate("StateMessages", "it is not a group of settings"),
        "not_a_list": QCoreApplication.translate("StateMessages", "it is not a list"),
        "not_text": QCoreApplication.translate("StateMessages", "it is not text"),
        "not_a_number": QCoreApplication.translate("StateMessages", "it is not a number"),
        "not_an_integer": QCoreApplication.translate("StateMessages", "it is not a whole number"),
        "not_true_false": QCoreApplication.translate("StateMessages", "it is not true or false"),
        "not_finite": QCoreApplication.translate("StateMessages", "it is not a finite number"),
        "out_of_range": QCoreApplication.translate("StateMessages", "the number is out of the allowed range"),
        "unknown_choice": QCoreApplication.translate("StateMessages", "it is not one of the allowed choices"),
        "too_long": QCoreApplication.translate("StateMessages", "it is too long"),
        "wrong_length": QCoreApplication.translate("StateMessages", "it has the wrong number of entries"),
        "empty": QCoreApplication.translate("StateMessages", "it is empty"),
        "not_ordered": QCoreApplication.translate("StateMessages", "'from' must be less than 'to'"),
        "invalid_expression": QCoreApplication.translate("StateMessages", "the function cannot be read"),
        "too_deep": QCoreApplication.translate("StateMessages", "it is nested too deeply"),
        "internal": QCoreApplication.translate("StateMessages", "GradLab could not apply it (an internal error)"),
    }
    return reasons.get(code, code)


def state_error_message(exc: StateError) -> str:
    """E.g. "The Gradient Descent lab's setting “start.x” cannot be used: it is not a
    finite number." """
    if exc.code == "internal" or not exc.field:
        return QCoreApplication.translate("StateMessages", "The {lab} lab could not load this state: {reason}.").format(
            lab=lab_title(exc.lab), reason=reason(exc.code))
    return QCoreApplication.translate("StateMessages", "The {lab} lab's setting “{field}” cannot be used: {reason}.").format(
        lab=lab_title(exc.lab), field=exc.field, reason=reason(exc.code))


def session_error_message(exc: SessionFileError) -> str:
    msgs = {
        "not_json": QCoreApplication.translate("StateMessages", "This file is damaged or is not a GradLab session "
                        "(it is not valid JSON)."),
        "not_session": QCoreApplication.translate("StateMessages", "This is not a GradLab session file."),
        "future_version": QCoreApplication.translate("StateMessages", "This session was saved by a newer version of GradLab "
                              "(format {0}); this version reads up to format {1}. "
                              "Please update GradLab.").format(
            exc.params.get("version"), exc.params.get("supported")),
        "too_large": QCoreApplication.translate("StateMessages", "This file is too large to be a GradLab session."),
        "not_a_file": QCoreApplication.translate("StateMessages", "This is not a regular file (a folder or a device?)."),
        "unreadable": QCoreApplication.translate("StateMessages", "The file could not be read."),
        "too_large_to_save": QCoreApplication.translate("StateMessages", "The session is too large to be saved and opened again "
                                 "(more than {0} MB). Remove some points first.").format(
            exc.params.get("limit_mb")),
    }
    return msgs.get(exc.key, str(exc))
