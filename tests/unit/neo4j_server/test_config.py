"""`neo4j.conf` as kg writes it (`kg.neo4j_server.config`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.neo4j_server.config import read_settings, render, write
from kg.neo4j_server.layout import Layout


def test_extra_settings_are_added_and_override_kg_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        "KG_NEO4J_SETTINGS", "db.tx_log.rotation.size=1M; server.memory.pagecache.size = 64m;"
    )
    layout = Layout(tmp_path)
    write(layout, 7001, 7002)
    settings = read_settings(layout.conf_file)
    assert settings["db.tx_log.rotation.size"] == "1M"
    assert settings["server.memory.pagecache.size"] == "64m"
    assert settings["server.bolt.listen_address"] == "127.0.0.1:7001"
    assert render(layout, 7001, 7002).count("server.memory.pagecache.size") == 1


def test_a_setting_that_is_not_name_equals_value_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_NEO4J_SETTINGS", "db.tx_log.rotation.size")
    with pytest.raises(KgError, match=re.escape("KG_NEO4J_SETTINGS: 'db.tx_log.rotation.size'")):
        render(Layout(tmp_path), 7001, 7002)
