"""The users' world in pure Python: codes, money, identifiers and the rules of a project's life.

Nothing here imports Qt or SQLAlchemy; every layer above builds on these definitions.
"""
