# kg: the two commands of the README, and the steps they share.
#   make demo  - set everything up, start the local Neo4j, load the seed articles, show counts
#   make test  - set everything up, run ruff and the whole test suite against a real Neo4j

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: install install-test demo test lint clean

# kg itself; the test extra adds pytest, ruff, the notebook stack and the transformer extra
# (PyTorch, about 3 GB), which only the tests need.
install: $(STAMP)
install-test: $(TEST_STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(TEST_STAMP)

demo: install
	$(BIN)/kg neo4j start
	$(BIN)/kg load seeds/
	$(BIN)/kg stats

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The tests run their own Neo4j server (tests/conftest.py says which and how to choose
# another); .ci/pytest.sh turns pytest's "no tests collected" into a failure.
test: install-test lint
	PATH=$(CURDIR)/$(BIN):$$PATH sh .ci/pytest.sh

clean:
	rm -rf $(VENV) .test-neo4j .pytest_cache .ruff_cache
