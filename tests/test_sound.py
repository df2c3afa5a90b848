"""Sounds and menu music: the files, the generator, the switches, and where music plays."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game import sound_make
from game.app import App
from game.paths import ContentPaths
from game.profile import Profile, Settings
from game.scenes.lessons import LessonListScene
from game.scenes.settings import SettingsScene
from game.scenes.step_base import StepScene
from game.scenes.title import TitleScene
from game.sound import ALIASES, MUSIC_FILE, NAMES, Sounds
from tests.pilot import Pilot

SOUNDS = ContentPaths.discover().assets / "sounds"


@pytest.fixture(scope="module")
def music_samples() -> list[float]:
    """The menu music, rendered once for the tests that listen to it."""
    return sound_make.music()


def test_every_sound_file_exists_loads_and_is_small() -> None:
    """Each named sound and the music are files the mixer can load; together under 300 KB."""
    pygame.mixer.init(frequency=22050, size=-16, channels=2)
    try:
        for name in NAMES:
            assert pygame.mixer.Sound(str(SOUNDS / f"{name}.wav")).get_length() > 0.05, name
        pygame.mixer.music.load(str(SOUNDS / MUSIC_FILE))
    finally:
        pygame.mixer.quit()
    assert set(sound_make.SOUNDS) == set(NAMES)
    assert all(target in NAMES for target in ALIASES.values())
    total = sum(path.stat().st_size for path in SOUNDS.iterdir())
    assert total < 300 * 1024
    licence = (SOUNDS / "LICENSE").read_text()
    assert "CC0" in licence and "game/sound_make.py" in licence


def test_generator_remakes_the_same_wav_bytes(tmp_path: Path) -> None:
    """Running the generator twice gives the committed WAV files, byte for byte."""
    for run in ("a", "b"):
        sound_make.make(tmp_path / run, with_music=False)
    for name in NAMES:
        made = (tmp_path / "a" / f"{name}.wav").read_bytes()
        assert made == (tmp_path / "b" / f"{name}.wav").read_bytes(), name
        assert made == (SOUNDS / f"{name}.wav").read_bytes(), f"{name}.wav is out of date"


@pytest.mark.skipif(shutil.which("sox") is None, reason="SoX encodes the music")
def test_generator_remakes_the_same_music(tmp_path: Path, music_samples: list[float]) -> None:
    """The music re-rendered and re-encoded is the committed Ogg file, byte for byte."""
    sound_make.encode_ogg(sound_make.wav_bytes(music_samples), tmp_path / MUSIC_FILE)
    made = hashlib.sha256((tmp_path / MUSIC_FILE).read_bytes()).hexdigest()
    assert made == hashlib.sha256((SOUNDS / MUSIC_FILE).read_bytes()).hexdigest()


def test_sounds_are_soft_and_music_is_quiet_and_loops(music_samples: list[float]) -> None:
    """No sound comes near clipping, the music is quieter still, and its loop has no seam."""
    for name, draw in sound_make.SOUNDS.items():
        samples = draw()
        assert max(abs(s) for s in samples) < 0.5, name
        assert abs(samples[-1]) < 0.01, f"{name} ends with a click"
    assert max(abs(s) for s in music_samples) < 0.3
    assert 20 <= len(music_samples) / sound_make.RATE <= 30
    step = max(abs(b - a) for a, b in zip(music_samples, music_samples[1:], strict=False))
    assert abs(music_samples[0] - music_samples[-1]) <= step  # the wrap is like any step


def test_settings_switches_change_sounds_at_once(pilot: Pilot) -> None:
    """Pressing Sound and Music in Settings switches each alone, at once, and saves it."""
    sounds = pilot.app.sound
    assert not sounds.music_on and not sounds.music_playing  # music starts off
    pilot.click("settings")
    assert isinstance(pilot.app.scene, SettingsScene)
    pilot.click("sound")  # on (the test app starts silent) -> off
    assert pilot.app.profile.settings.sound is False and not sounds.enabled
    pilot.click("sound")
    assert sounds.enabled and not sounds.music_on
    pilot.click("music")
    assert sounds.music_on and sounds.music_playing  # Settings is a menu: heard at once
    assert sounds.enabled
    saved = pilot.app.profile.settings_store.load()
    assert (saved.sound, saved.music) == (True, True)
    pilot.click("music")
    assert not sounds.music_on and sounds.music_state == "stopped"
    assert pilot.app.profile.settings_store.load().music is False


def test_music_plays_on_menus_and_pauses_in_lessons(pilot: Pilot) -> None:
    """With music on it plays on the title and lesson list, pauses in a lesson, resumes after."""
    pilot.click("settings")
    pilot.click("music")
    pilot.click("back")
    assert isinstance(pilot.app.scene, TitleScene) and pilot.app.sound.music_playing
    pilot.click("play")
    pilot.click("band:G35")
    assert isinstance(pilot.app.scene, LessonListScene) and pilot.app.sound.music_playing
    pilot.click("lesson:g35-gift-or-trick")
    assert isinstance(pilot.app.scene, StepScene)
    assert pilot.app.sound.music_state == "paused"
    pilot.press(pygame.K_ESCAPE)
    pilot.click("leave")
    assert isinstance(pilot.app.scene, LessonListScene)
    assert pilot.app.sound.music_playing


#: Interface sounds end (the mixer thread then wants the GIL) while menus and lessons
#: take turns (the music pauses and carries on). The long switch interval keeps the GIL
#: with the main thread for up to a second, so the freeze this guards against (see
#: game/sound.py) happened on every run before the fix.
_PAUSE_WHILE_SOUNDS_END = """
import sys, time
from pathlib import Path
sys.setswitchinterval(1.0)
from game.sound import Sounds
sounds = Sounds(Path(sys.argv[1]), enabled=True, music=True)
began = time.monotonic()
turns = 0
while time.monotonic() - began < 1.5:
    sounds.play("select")
    sounds.follow(turns % 2 == 0)
    turns += 1
print("turns", turns)
"""


def test_music_pausing_while_sounds_end_never_freezes_the_game() -> None:
    """Menus and lessons swapping while interface sounds end goes on (no mixer deadlock)."""
    env = {**os.environ, "SDL_AUDIODRIVER": "dummy"}
    try:
        done = subprocess.run(
            [sys.executable, "-c", _PAUSE_WHILE_SOUNDS_END, str(SOUNDS)],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            cwd=Path(__file__).resolve().parent.parent,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the game froze pausing the music while a sound ended")
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.split()[-1]) > 100  # many pauses and returns really happened


def test_music_carries_on_from_where_it_paused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Back on a menu the loop plays on from where the lesson paused it, never pause()."""

    def forbidden() -> None:
        raise AssertionError("music.pause/unpause can deadlock the mixer; stop and play instead")

    monkeypatch.setattr(pygame.mixer.music, "pause", forbidden)
    monkeypatch.setattr(pygame.mixer.music, "unpause", forbidden)
    starts: list[float] = []
    play = pygame.mixer.music.play

    def recorded_play(*args: object, **kwargs: float) -> None:
        starts.append(float(kwargs.get("start", 0.0)))
        play(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pygame.mixer.music, "play", recorded_play)
    sounds = Sounds(SOUNDS, music=True)
    sounds.follow(True)
    monkeypatch.setattr(pygame.mixer.music, "get_pos", lambda: 2500)  # 2.5 s in
    sounds.follow(False)
    assert sounds.music_state == "paused" and not pygame.mixer.music.get_busy()
    sounds.follow(True)
    assert sounds.music_playing and starts == [0.0, 2.5]
    assert sounds.music_at == pytest.approx(2.5 % sounds._loop_seconds())
    sounds.set_music(False)
    assert sounds.music_state == "stopped"


def test_sound_setting_is_validated_and_music_defaults_off(data_dir: Path) -> None:
    """A saved music value that is not true/false is dropped (off); a good one is kept."""
    assert Settings().music is False
    (data_dir / "settings.json").write_text(json.dumps({"music": "loud", "sound": False}))
    settings = Profile(data_dir).settings
    assert (settings.music, settings.sound) == (False, False)
    (data_dir / "settings.json").write_text(json.dumps({"music": True}))
    assert Profile(data_dir).settings.music is True


def test_no_sound_device_means_silence_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a sound device both switches stay off and playing does nothing."""

    def no_device(*_args: object, **_kwargs: object) -> None:
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", no_device)
    sounds = Sounds(SOUNDS, enabled=True, music=True)
    sounds.follow(True)
    sounds.play("message")
    assert not sounds.enabled and not sounds.music_on and not sounds.music_playing


def test_unknown_sound_names_are_refused() -> None:
    """A misspelt sound name fails loudly in tests even with sound off; old names still work."""
    sounds = Sounds(SOUNDS)
    for name in (*NAMES, *ALIASES):
        sounds.play(name)
    with pytest.raises(KeyError):
        sounds.play("buzzer")


def test_a_silent_app_never_starts_music(paths: ContentPaths, data_dir: Path) -> None:
    """An app made silent (tests, snapshots) keeps music off even when the setting is on."""
    (data_dir / "settings.json").write_text(json.dumps({"music": True}))
    game = App(paths, size=(1280, 720), data_folder=data_dir, fullscreen=False, sound=False)
    try:
        game.push(TitleScene(game))
        assert game.profile.settings.music is True
        assert not game.sound.music_on and not game.sound.music_playing
    finally:
        pygame.quit()


def test_music_turns_down_while_the_game_reads_aloud(
    pilot: Pilot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While a line is read aloud the menu music drops under the voice, then comes back."""
    from game.narration.reader import ScreenReader
    from game.sound import DUCKED, MUSIC_VOLUME

    pilot.click("settings")
    pilot.click("music")
    assert pilot.app.sound.music_playing
    assert pygame.mixer.music.get_volume() == pytest.approx(MUSIC_VOLUME, abs=0.01)
    monkeypatch.setattr(ScreenReader, "speaking", property(lambda self: True))
    pilot.wait()
    pilot.app.pump()
    assert pygame.mixer.music.get_volume() == pytest.approx(MUSIC_VOLUME * DUCKED, abs=0.01)
    monkeypatch.setattr(ScreenReader, "speaking", property(lambda self: False))
    pilot.app.pump()
    assert pygame.mixer.music.get_volume() == pytest.approx(MUSIC_VOLUME, abs=0.01)


def test_music_stops_in_a_lesson_even_if_its_length_cannot_be_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A loop whose length cannot be read still stops for a lesson and starts over after."""
    sounds = Sounds(SOUNDS, music=True)
    sounds.follow(True)

    def unreadable(*_args: object) -> None:
        raise pygame.error("cannot decode")

    monkeypatch.setattr(pygame.mixer, "Sound", unreadable)
    sounds.follow(False)
    assert sounds.music_state == "paused" and not pygame.mixer.music.get_busy()
    assert sounds.music_at == 0.0
    sounds.follow(True)
    assert sounds.music_playing
    sounds.set_music(False)
