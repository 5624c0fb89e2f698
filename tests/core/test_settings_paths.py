"""Where files live (RAKOR_HOME, platform folders, portable mode) and the settings file."""

from __future__ import annotations

import json
import os
import platform
import sys
from pathlib import Path

import pytest

from rakor_desktop import paths
from rakor_desktop.settings import Settings, load_settings, save_settings, settings_path
from rakor_desktop.storage import Storage

# -- paths ----------------------------------------------------------------------------------


def test_rakor_home_holds_data_config_and_logs(rakor_home: Path) -> None:
    dirs = paths.app_dirs()
    assert dirs.data == rakor_home / "data"
    assert dirs.config == rakor_home / "config"
    assert dirs.logs == rakor_home / "logs"
    assert paths.default_database_path() == rakor_home / "data" / "rakor.sqlite3"
    assert settings_path() == rakor_home / "config" / "settings.json"


def test_rakor_home_is_followed_when_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAKOR_HOME", str(tmp_path / "usb-stick"))
    assert paths.default_database_path() == tmp_path / "usb-stick" / "data" / "rakor.sqlite3"


def test_rakor_home_expands_the_user_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("RAKOR_HOME", "~/rakor-portable")
    assert paths.app_dirs().data == tmp_path / "rakor-portable" / "data"


def test_default_database_opens_under_rakor_home(rakor_home: Path) -> None:
    storage = Storage.open(paths.default_database_path())
    storage.close()
    assert (rakor_home / "data" / "rakor.sqlite3").is_file()


def test_without_rakor_home_the_platform_folders_are_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RAKOR_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    dirs = paths.app_dirs()
    if sys.platform.startswith("linux"):
        assert dirs.data == tmp_path / "xdg-data" / "RakorDesktop"
        assert dirs.config == tmp_path / "xdg-config" / "RakorDesktop"
    for folder in (dirs.data, dirs.config, dirs.logs):
        assert "RakorDesktop" in folder.parts
    assert dirs.database.name == "rakor.sqlite3"


def test_portable_marker_beside_the_frozen_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "portable.txt").write_text("", encoding="utf-8")
    monkeypatch.delenv("RAKOR_HOME")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(stick / "RakorDesktop.exe"))
    dirs = paths.app_dirs()
    assert dirs.data == stick / "data"
    assert dirs.config == stick / "config"
    assert dirs.logs == stick / "logs"


def test_frozen_app_without_marker_uses_platform_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RAKOR_HOME")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "RakorDesktop.exe"))
    assert not paths.app_dirs().data.is_relative_to(tmp_path)


def test_backups_live_beside_the_database(tmp_path: Path) -> None:
    assert paths.backups_dir(tmp_path / "rapat" / "x.sqlite3") == tmp_path / "rapat" / "backups"


def test_bundled_resources_are_found() -> None:
    assert paths.resources_dir().is_dir()
    assert paths.resource("a", "b.txt") == paths.resources_dir() / "a" / "b.txt"


# -- settings ---------------------------------------------------------------------------


def test_missing_settings_file_gives_defaults(rakor_home: Path) -> None:
    loaded = load_settings()
    assert loaded == Settings()
    assert loaded.language == "id"
    assert loaded.backups_kept == 10
    assert not (rakor_home / "config").exists()  # loading writes nothing


def test_settings_round_trip(rakor_home: Path) -> None:
    chosen = Settings(
        language="en",
        station_name="Meja Registrasi 2",
        operator_name="Rina Marlina",
        backups_kept=4,
    )
    save_settings(chosen)
    assert (rakor_home / "config" / "settings.json").is_file()
    assert load_settings() == chosen


def test_settings_file_is_readable_json_with_indonesian_text(rakor_home: Path) -> None:
    save_settings(Settings(operator_name="Ñoman Sukmawati — Sekretariat"))
    raw = (rakor_home / "config" / "settings.json").read_text(encoding="utf-8")
    assert json.loads(raw)["operator_name"] == "Ñoman Sukmawati — Sekretariat"


@pytest.mark.parametrize(
    "content",
    [
        b"{ this is not json",
        b"",
        b"[1, 2, 3]",
        b'"id"',
        b'{"language": "\xff\xfe"}',
    ],
    ids=["broken-json", "empty", "a-list", "a-string", "not-utf8"],
)
def test_broken_settings_file_gives_defaults(rakor_home: Path, content: bytes) -> None:
    path = rakor_home / "config" / "settings.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert load_settings() == Settings()


def test_broken_settings_file_is_kept_aside_and_replaced_by_defaults(rakor_home: Path) -> None:
    path = rakor_home / "config" / "settings.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(b'{"language": "en", "station_name": "meja-2"')  # cut off
    assert load_settings() == Settings()
    copies = list(path.parent.glob("settings.json.broken-*"))
    assert len(copies) == 1
    assert copies[0].read_bytes() == b'{"language": "en", "station_name": "meja-2"'
    assert json.loads(path.read_text(encoding="utf-8"))["language"] == "id"


def test_broken_settings_file_is_reported_once_not_by_every_command(rakor_home: Path) -> None:
    import subprocess

    path = rakor_home / "config" / "settings.json"
    path.parent.mkdir(parents=True)
    path.write_text("{ this is not json", encoding="utf-8")
    env = {**os.environ, "RAKOR_HOME": str(rakor_home)}
    runs = [
        subprocess.run(
            [sys.executable, "-m", "rakor_desktop.cli", "event", "list"],
            capture_output=True, text=True, timeout=60, env=env, check=False,
        )
        for _ in range(3)
    ]
    assert all(run.returncode == 0 for run in runs), runs[0].stderr
    assert "settings" in runs[0].stderr
    assert runs[1].stderr == ""
    assert runs[2].stderr == ""
    assert len(list(path.parent.glob("settings.json.broken-*"))) == 1


def test_wrong_types_fall_back_to_their_default(rakor_home: Path) -> None:
    path = rakor_home / "config" / "settings.json"
    path.parent.mkdir(parents=True)
    path.write_text(
        json.dumps(
            {"language": 5, "station_name": "meja-3", "backups_kept": "sepuluh", "unknown": 1}
        ),
        encoding="utf-8",
    )
    loaded = load_settings()
    assert loaded.language == "id"
    assert loaded.station_name == "meja-3"
    assert loaded.backups_kept == 10


@pytest.mark.parametrize(
    "raw",
    [{"backups_kept": -1}, {"backups_kept": True}, {"language": "fr"}],
    ids=["negative-backups", "bool-backups", "unknown-language"],
)
def test_out_of_range_values_fall_back_to_their_default(
    rakor_home: Path, raw: dict[str, object]
) -> None:
    path = rakor_home / "config" / "settings.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(raw), encoding="utf-8")
    assert load_settings() == Settings()


def test_save_leaves_no_temporary_files(rakor_home: Path) -> None:
    for n in range(5):
        save_settings(Settings(operator_name=f"Operator {n}"))
    assert [p.name for p in (rakor_home / "config").iterdir()] == ["settings.json"]
    assert load_settings().operator_name == "Operator 4"


def test_failed_save_keeps_the_old_file_and_leaves_no_temporary_file(
    rakor_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_settings(Settings(operator_name="Lama"))
    before = settings_path().read_bytes()

    def power_cut(src: object, dst: object) -> None:
        raise OSError("disk penuh")

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", power_cut)
        with pytest.raises(OSError):
            save_settings(Settings(operator_name="Baru"))

    assert settings_path().read_bytes() == before
    assert [p.name for p in settings_path().parent.iterdir()] == ["settings.json"]


def test_save_to_an_explicit_path(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "my-settings.json"
    save_settings(Settings(language="en"), target)
    assert load_settings(target).language == "en"


def test_station_name_falls_back_to_the_computer_name(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings(station_name="  Meja 1 ").effective_station == "Meja 1"
    monkeypatch.setattr(platform, "node", lambda: "laptop-kesbangpol")
    assert Settings().effective_station == "laptop-kesbangpol"
    monkeypatch.setattr(platform, "node", lambda: "")
    assert Settings().effective_station == "meja-1"
