"""``rakor export``: documents from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from rakor_desktop.cli import main
from rakor_desktop.storage import Storage

from .document_record import make_demo_record


def _run(db_path: Path, capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main(["--db", str(db_path), *(str(a) for a in args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def event_id(db_path: Path) -> int:
    storage = Storage.open(db_path, backup=False)
    try:
        return make_demo_record(storage, photos=1).event_id
    finally:
        storage.close()


def test_export_minutes_prints_the_files_it_wrote(
    db_path: Path, event_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "hasil"
    code, stdout, stderr = _run(db_path, capsys, "export", event_id, "--what", "minutes",
                                "--out", out)
    assert (code, stderr) == (0, "")
    printed = [Path(line) for line in stdout.splitlines()]
    assert [p.suffix for p in printed] == [".docx", ".pdf"]
    assert all(p.parent == out and p.stat().st_size > 0 for p in printed)
    assert printed[0].name.startswith("Notulen 2023-12-14 ")


def test_export_attendance_as_pdf_only_and_as_xlsx(
    db_path: Path, event_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, _ = _run(db_path, capsys, "export", event_id, "--what", "attendance",
                           "--format", "pdf", "--out", tmp_path)
    assert code == 0
    assert [Path(x).suffix for x in stdout.splitlines()] == [".pdf"]
    code, stdout, stderr = _run(db_path, capsys, "export", event_id, "--what", "attendance",
                                "--format", "xlsx", "--out", tmp_path)
    assert (code, stderr) == (0, "")
    [xlsx] = stdout.splitlines()
    assert xlsx.endswith(".xlsx") and Path(xlsx).exists()


def test_export_questions(
    db_path: Path, event_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    code, stdout, _ = _run(db_path, capsys, "export", event_id, "--what", "questions",
                           "--out", tmp_path)
    assert code == 0
    [path] = stdout.splitlines()
    sheet = load_workbook(path)["Pertanyaan"]
    assert sheet.cell(row=5, column=3).value == "Hendra Saputra"


def test_export_into_the_default_folder(
    db_path: Path, event_id: int, rakor_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, _ = _run(db_path, capsys, "export", event_id, "--what", "attendance",
                           "--format", "docx")
    assert code == 0
    [path] = stdout.splitlines()
    assert Path(path).is_relative_to(rakor_home / "dokumen")


def test_wrong_format_for_what_is_a_usage_error(
    db_path: Path, event_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "hasil"
    code, stdout, stderr = _run(db_path, capsys, "export", event_id, "--what", "questions",
                                "--format", "pdf", "--out", out)
    assert code == 2
    assert stdout == ""
    assert "format pdf tidak tersedia untuk --what questions" in stderr
    assert not out.exists()
    code, _, stderr = _run(db_path, capsys, "export", event_id, "--what", "notulen")
    assert code == 2 and "pilihan 'notulen' tidak dikenal" in stderr


def test_unknown_event_and_unwritable_folder_fail_with_one_line(
    db_path: Path, event_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, stderr = _run(db_path, capsys, "export", 99, "--what", "minutes", "--out", tmp_path)
    assert code == 1
    assert len(stderr.strip().splitlines()) == 1 and "99" in stderr
    blocker = tmp_path / "berkas"
    blocker.write_text("x")
    code, _, stderr = _run(db_path, capsys, "--lang", "en", "export", event_id, "--what",
                           "minutes", "--out", blocker)
    assert code == 1
    assert stderr.strip() == (
        f"rakor: {blocker} is a file, not a folder. Choose a folder to save into."
    )
