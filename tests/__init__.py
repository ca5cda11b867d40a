"""marsad test suite (a package, so tests can import helpers from conftest)."""
