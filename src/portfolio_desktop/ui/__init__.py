"""Everything PySide6: the main window, views, models, dialogs, widgets and the task runner."""
