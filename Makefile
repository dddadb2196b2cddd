# kg: the two commands of the README, and the steps they share.
#   make demo  - set everything up, start the local Neo4j, load the seed articles, show counts
#   make test  - set everything up, run ruff and the whole test suite against a real Neo4j

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: install
	$(BIN)/kg neo4j start
	$(BIN)/kg load seeds/
	$(BIN)/kg stats

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The tests run their own Neo4j server (tests/conftest.py says which and how to choose
# another); .ci/pytest.sh turns pytest's "no tests collected" into a failure.
test: install lint
	PATH=$(CURDIR)/$(BIN):$$PATH sh .ci/pytest.sh

clean:
	rm -rf $(VENV) .test-neo4j .pytest_cache .ruff_cache
