"""GradLab 梯度实验室 — start the application.

    uv run main.py                                   open the window
    uv run main.py --screenshot out.png --tab descent  save a picture and exit
    uv run main.py FILE                              open a session (.gradlab) or
                                                     import points (.csv .tsv .txt)
    uv run main.py --version                         print the version and exit

A ``--screenshot`` or ``--first-paint-time`` run neither reads nor writes the
user's autosave, recent files or preferences: it starts from the defaults (plus
``--lang`` and ``--theme``) with its settings in a temporary folder.
"""
from __future__ import annotations

import argparse
import sys

# Start-up speed: cache compiled modules even where PYTHONDONTWRITEBYTECODE is set
# (recompiling sympy and pyqtgraph from source costs seconds on every launch).
sys.dont_write_bytecode = False

from gui.labs import registry  # noqa: E402 - Qt-free and light: nothing imported yet


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="gradlab", description="GradLab 梯度实验室")
    p.add_argument("file", nargs="?", metavar="FILE",
                   help="a session (.gradlab) to open or points (.csv, .tsv, .txt) to import")
    from gui.shell.about import app_version  # Qt-free

    p.add_argument("--version", action="version", version=f"GradLab {app_version()}")
    p.add_argument("--screenshot", metavar="FILE.png",
                   help="render the window, save it to FILE.png and exit")
    p.add_argument("--tab", choices=registry.NAMES,
                   help="the lab to show")
    p.add_argument("--lang", choices=("en", "zh_CN"), help="user-interface language")
    p.add_argument("--theme", choices=("light", "dark"),
                   help="colour theme (for --screenshot; otherwise remembered)")
    p.add_argument("--size", default="1400x900", help="window size for --screenshot (WxH)")
    p.add_argument("--zoom", type=int, metavar="PERCENT",
                   help="zoom, 80 to 200 (for --screenshot; otherwise remembered)")
    p.add_argument("--lesson-panel", action="store_true",
                   help="open the lesson panel (as Lessons → Show lesson panel, F1)")
    p.add_argument("--first-paint-time", action="store_true",
                   help="print the wall-clock time of the first painted frame and exit "
                        "(used by bench/bench_startup.py)")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    import os

    headless = bool(args.screenshot or args.first_paint_time)
    private = None
    if headless:
        import tempfile

        # everything this run would store goes to a folder that is removed at exit
        private = tempfile.TemporaryDirectory(prefix="gradlab-headless-")
        os.environ["GRADLAB_DATA_DIR"] = os.path.join(private.name, "data")
        os.environ.setdefault("MESA_SHADER_CACHE_DISABLE", "true")
    from gui.shell import app as gapp

    if private is not None:
        gapp.use_private_settings(os.path.join(private.name, "settings.ini"))
    app = gapp.make_app(sys.argv[:1])
    lang = args.lang or gapp.settings().value("language") or gapp.system_language()
    gapp.set_language(str(lang))

    from gui.shell.main_window import MainWindow

    window = MainWindow(persistent=not headless)
    if args.theme:
        window.set_theme(args.theme)
    if args.zoom:
        window.set_zoom(args.zoom / 100)
    restore = not headless and os.environ.get("GRADLAB_NO_AUTOSAVE_RESTORE", "") in ("", "0")
    if args.tab:
        window.show_lab(args.tab)
    if args.lesson_panel:
        window.lesson_dock.show()
    if args.screenshot:
        try:
            w, h = (int(v) for v in args.size.lower().split("x"))
        except ValueError:
            w, h = 1400, 900
        window.resize(w, h)
    window.show()

    import time

    from PySide6.QtCore import QEvent, QObject, QTimer

    class _AfterFirstPaint(QObject):
        """Build the visible lab only once the window has painted, so the first
        frame does not wait for sympy, pyqtgraph and OpenGL."""

        done = False

        def eventFilter(self, obj, event):  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                t_paint = time.time()
                QTimer.singleShot(0, lambda: after_paint(t_paint))
            return False

    def after_paint(t_paint: float) -> None:
        if restore:
            # after the first paint: checking the saved functions needs sympy
            window.restore_autosave()
            if args.tab:
                window.show_lab(args.tab)
        window.build_current_lab()
        if args.file:
            window.open_path(args.file, ask=not headless)
        if args.first_paint_time:
            app.processEvents()
            print(f"FIRST_PAINT {t_paint:.6f}", flush=True)
            print(f"LAB_READY {time.time():.6f}", flush=True)
            app.quit()

    spy = _AfterFirstPaint(window)
    window.installEventFilter(spy)
    if args.first_paint_time:
        return app.exec()

    if args.screenshot:
        from PySide6.QtCore import QTimer

        result = {"ok": False}

        def shoot() -> None:
            app.processEvents()
            pixmap = window.grab()
            result["ok"] = pixmap.save(args.screenshot)
            app.quit()

        def prepare() -> None:
            window.build_current_lab()
            if args.file:
                window.open_path(args.file, ask=not headless)
            QTimer.singleShot(900, shoot)

        QTimer.singleShot(60, prepare)  # also built after the first paint; either way
        app.exec()
        window.close()
        if not result["ok"]:
            print(f"could not save {args.screenshot}", file=sys.stderr)
            return 1
        return 0
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
