"""Shared fixtures live in kpcs.testing.fixtures so every app's tests can use them."""

pytest_plugins = ["kpcs.testing.fixtures"]
