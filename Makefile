# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip

.PHONY: demo test install install-test clean web-assets

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PIP) install -q -e '.[test,train]'
	touch $@ $(VENV)/.installed

# Front-end packages of the web UI (Leaflet, country outlines, Arabic fonts) from the npm registry,
# pinned by src/marsad/web/package-lock.json; installed into src/marsad/web/node_modules (git-ignored).
WEB := src/marsad/web
# Without npm everything else still works; the map page then says its library is missing.
$(WEB)/node_modules/.installed: $(WEB)/package.json $(WEB)/package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --prefix $(WEB) --no-audit --no-fund --loglevel=error && touch $@; \
	else \
	  echo "warning: npm not found; the web UI's map and fonts need it (Debian: apt-get install npm). Continuing without them."; \
	fi
web-assets: $(WEB)/node_modules/.installed

install: $(VENV)/.installed web-assets
install-test: $(VENV)/.installed-test web-assets

demo: install
	$(VENV)/bin/marsad demo

# pytest exits 5 when it collected nothing: that is a failure here, and so is any other non-zero code.
test: install-test
	$(PY) -m pytest

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
