"""Helpers shared by the tests (never a test module, never conftest)."""
