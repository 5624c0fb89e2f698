"""Rakor Desktop core: domain, storage, operations, formatting, CLI.

This package knows no screen: it never imports PySide6 (checked by
``tests/core/test_architecture.py``).
"""

__version__ = "0.1.0"
APP_NAME = "Rakor Desktop"
