"""qabot's channels: the CLI and console, Telegram (polling) and the webhook server.

Imports point one way: ``bot -> retrieval``.
"""
