# kg: the two commands of the README, and the steps they share.
#   make demo  - set everything up, start the local Neo4j, load the seed articles, show counts
#   make test  - set everything up, run ruff and the whole test suite against a real Neo4j

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# The tests run their own Neo4j (own data folder and ports), so they never touch the graph
# that `make demo` or `kg load` build. Set KG_TEST_NEO4J_URI (plus NEO4J_USERNAME and
# NEO4J_PASSWORD) to run them against another server instead: they wipe that database.
TEST_ENV := KG_NEO4J_HOME=$(CURDIR)/.test-neo4j KG_NEO4J_BOLT_PORT=7688 KG_NEO4J_HTTP_PORT=7475

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

test: install lint
	@env -u NEO4J_URI -u NEO4J_USERNAME -u NEO4J_PASSWORD -u NEO4J_DATABASE \
	  $(if $(KG_TEST_NEO4J_URI),NEO4J_URI=$(KG_TEST_NEO4J_URI) NEO4J_USERNAME=$(NEO4J_USERNAME) NEO4J_PASSWORD=$(NEO4J_PASSWORD),) \
	  $(TEST_ENV) PATH=$(CURDIR)/$(BIN):$$PATH sh .ci/pytest.sh

clean:
	rm -rf $(VENV) .test-neo4j .pytest_cache .ruff_cache
