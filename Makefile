# kg: the commands of the README, and the steps they share.
#   make demo      - set everything up, start the local Neo4j, load the seed articles, show counts
#   make notebook  - JupyterLab on notebooks/, against NEO4J_URI or else the local Neo4j
#   make test      - set everything up, run ruff and the whole test suite against a real Neo4j

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
NOTEBOOK_STAMP := $(VENV)/.installed-notebooks
# More options for JupyterLab, e.g. JUPYTER_ARGS="--no-browser --port 8890"
JUPYTER_ARGS ?=

.PHONY: install install-test install-notebooks demo notebook test lint clean

# kg itself; the test extra adds pytest, ruff, the notebook stack and the transformer extra
# (PyTorch, about 3 GB), which only the tests need.
install: $(STAMP)
install-test: $(TEST_STAMP)
install-notebooks: $(NOTEBOOK_STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(TEST_STAMP) $(NOTEBOOK_STAMP)

# JupyterLab and the plotting stack only (no PyTorch).
$(NOTEBOOK_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[notebooks]'
	touch $(NOTEBOOK_STAMP)

demo: install
	$(BIN)/kg neo4j start
	$(BIN)/kg load seeds/
	$(BIN)/kg stats

# The notebooks read the graph of NEO4J_URI (with NEO4J_USERNAME, NEO4J_PASSWORD), else of
# the local server, started here so that the first cell does not wait for it. JupyterLab
# refuses to run as root unless told (containers, CI).
notebook: install-notebooks
	@if [ -z "$$NEO4J_URI" ]; then $(BIN)/kg neo4j start; fi
	PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/jupyter lab --notebook-dir=notebooks \
		$$([ "$$(id -u)" = 0 ] && echo --allow-root) $(JUPYTER_ARGS) notebooks/analysis.ipynb

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The tests run their own Neo4j server (tests/conftest.py says which and how to choose
# another); .ci/pytest.sh turns pytest's "no tests collected" into a failure. The suite runs
# in TEST_WORKERS processes (pytest-xdist; each has a Neo4j server of its own), a test
# module to a process so that its fixtures are set up once.
TEST_WORKERS ?= 2
test: install-test lint
	PATH=$(CURDIR)/$(BIN):$$PATH sh .ci/pytest.sh -n $(TEST_WORKERS) --dist loadfile

clean:
	rm -rf $(VENV) .test-neo4j .test-neo4j-gw* .pytest_cache .ruff_cache
