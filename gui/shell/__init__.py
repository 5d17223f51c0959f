"""The shell: the application, the main window, the session, the lessons."""
