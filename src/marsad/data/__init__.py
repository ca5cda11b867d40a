"""Package data: the bundled sample articles and lexicons, read with importlib.resources."""
