"""A pytest plugin (loaded with `-p` in pyproject.toml, before Django reads its settings):
the environment a test run needs.

Production refuses to start without SECRET_KEY (settings.py). Tests run with DEBUG off like
production, so they get a key of their own; subprocesses started by tests inherit it.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-run-only-" + "t" * 50)
