"""Documents for people (plans, index, certificates) follow the umask; saves stay private."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.app import App
from game.cli import main
from game.learning_check import CheckStore
from game.profile import Profile
from game.storage import atomic_write, write_document
from tests.pilot import Pilot

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


@pytest.fixture
def umask() -> Iterator[None]:
    """The usual umask (022) for the test, whatever the machine's is; restored after."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    """The permission bits of *path*."""
    return stat.S_IMODE(path.stat().st_mode)


def test_plans_family_packs_and_index_are_readable_by_others(tmp_path: Path, umask) -> None:
    """`signal-scouts plans` writes 0644 documents, manifest and index (umask 022)."""
    args = ["plans", "--lesson", "k2-private-things", "--lang", "en", "--format", "html"]
    assert main([*args, "--out", str(tmp_path)]) == 0
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert {p.name for p in written} >= {"index.html", "printables.json"}
    assert len(written) >= 4
    assert {p.name: mode(p) for p in written} == {p.name: 0o644 for p in written}


def test_documents_honour_a_stricter_umask(tmp_path: Path) -> None:
    """With umask 027 a document is 0640, as any new file would be: the umask decides."""
    old = os.umask(0o027)
    try:
        write_document(tmp_path / "plan.html", "<p>hi</p>")
    finally:
        os.umask(old)
    assert mode(tmp_path / "plan.html") == 0o640


def test_replacing_a_private_document_makes_it_readable(tmp_path: Path, umask) -> None:
    """A plan saved 0600 by an older version becomes 0644 when it is saved again."""
    target = tmp_path / "plan.html"
    atomic_write(target, "old")
    assert mode(target) == 0o600
    write_document(target, "new")
    assert mode(target) == 0o644 and target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.html"]  # no temporary file left


def test_certificate_from_my_badges_is_readable_by_others(app: App, pilot: Pilot, umask) -> None:
    """The child's certificate (saved with a real click) is 0644 in the print folder."""
    from game.scenes.badges import BadgesScene

    app.profile.settings.band = "K2"
    for lesson in app.pack.lessons:
        if lesson.grade_band == "K2":
            app.profile.progress.record(lesson.id, {}, {"R12"})
    app.reset_to(BadgesScene(app))
    pilot.click("certificate")
    assert mode(app.print_folder / "certificate-K2-en.pdf") == 0o644


def test_saves_stay_private(data_dir: Path, umask) -> None:
    """Settings, progress and the learning-check log stay 0600 even with umask 022."""
    profile = Profile(data_dir)
    profile.settings.sound = False
    assert profile.save_settings() and profile.save_progress()
    store = CheckStore(data_dir)
    store.save()
    saved = sorted(p for p in data_dir.iterdir() if p.is_file())
    assert [p.name for p in saved] == ["learning-check.json", "progress.json", "settings.json"]
    assert [mode(p) for p in saved] == [0o600, 0o600, 0o600]
