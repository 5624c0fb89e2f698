"""Runnable performance scripts with their own fixtures (see docs/PERFORMANCE.md)."""
