"""Reading aloud: eSpeak NG speech, what each screen reads and when, recorded clips, highlight."""

from __future__ import annotations

import array
import math
import time
import wave
from pathlib import Path

import pygame
import pytest

from game.app import App
from game.content.model import Lesson
from game.i18n import Translator
from game.narration.clips import ClipLibrary
from game.narration.espeak import EspeakEngine, Speech, Word, word_spans
from game.narration.lines import Line, LineMaker, lesson_clip, ui_clip
from game.narration.narrator import Narrator
from game.narration.player import SilentPlayer
from game.narration.reader import ScreenReader
from game.narration.synth import Synthesizer
from game.narration.voices import voice_for
from game.paths import ContentPaths
from game.scenes.step_base import scene_for
from game.snapshot import play_to
from game.ui.text import WORD_LIGHT, FontBook, TextCache
from tests.pilot import Pilot

K2_LESSON = "k2-kai-and-the-tricky-game"
#: A story page with a question and three choices.
K2_CHOICE_STEP = "zippy-prize"

#: One sentence per shipped language, about six words each.
SAMPLES = {
    "en": "Stop, ask a grown-up, and tell.",
    "es": "Para, pregunta a un adulto y cuéntalo.",
    "fr": "Arrête-toi, demande à un adulte et raconte.",
    "pt_BR": "Pare, pergunte a um adulto e conte.",
    "ar": "توقف، واسأل شخصًا بالغًا، وأخبره.",
    "zh_Hans": "停下来，问一个大人，然后说出来。",
}


def rms_and_peak(samples: bytes) -> tuple[float, float]:
    """Root mean square and peak of 16-bit samples, as fractions of full scale."""
    values = array.array("h", samples)
    if not values:
        return 0.0, 0.0
    rms = math.sqrt(sum(v * v for v in values) / len(values)) / 32768
    return rms, max(abs(v) for v in values) / 32768


@pytest.fixture(scope="module")
def engine() -> EspeakEngine:
    """One eSpeak NG engine for the module (the library keeps global state)."""
    return EspeakEngine()


def silent_reader(app: App, **kwargs) -> ScreenReader:
    """Give *app* a reader that speaks in this thread and plays nothing (same timing)."""
    reader = ScreenReader(app, threaded=False, silent=True, **kwargs)
    app.narration = reader
    app.focus_events.subscribe(reader.on_focus)
    return reader


def open_step(app: App, lesson_id: str, step_id: str, language: str = "en") -> Lesson:
    """Show *step_id* of a lesson in *language* (settings loaded, band set to the lesson's)."""
    app.set_language(language)
    lesson = app.pack.by_id(lesson_id)
    assert lesson is not None
    app.profile.settings.band = lesson.grade_band
    session = play_to(app, lesson, step_id, choose=None, check_in=False)
    app.push(scene_for(app, lesson, session))
    app.pump()
    return lesson


# -- the engine -----------------------------------------------------------------------
@pytest.mark.parametrize("language", list(SAMPLES))
def test_each_language_speaks_audibly_for_a_plausible_time(engine, language):
    """A six-word sentence in each shipped language is loud enough and 1-7 seconds long."""
    speech = engine.synthesize(SAMPLES[language], voice_for(language), 150)
    rms, peak = rms_and_peak(speech.samples)
    assert speech.rate == 22050
    assert 1.0 <= speech.seconds <= 7.0, speech.seconds
    assert rms > 0.03 and peak > 0.2, (rms, peak)
    assert len(speech.words) >= 3


def test_slow_pace_takes_longer(engine):
    """The slow pace reads the same sentence more slowly than the normal one."""
    normal = engine.synthesize(SAMPLES["en"], "en", 150)
    slow = engine.synthesize(SAMPLES["en"], "en", 115)
    assert slow.seconds > normal.seconds * 1.15


def test_word_events_give_the_words_of_the_text(engine):
    """Word positions from eSpeak are the words of the text, in order, with rising times."""
    text = "Zippy says: keep it our secret."
    speech = engine.synthesize(text, "en", 150)
    words = [text[w.start : w.end] for w in speech.words]
    assert words == ["Zippy", "says", "keep", "it", "our", "secret"]
    assert [w.ms for w in speech.words] == sorted(w.ms for w in speech.words)


def test_arabic_words_are_found_in_the_arabic_text(engine):
    """Arabic word events point at Arabic words (character positions, not bytes)."""
    text = SAMPLES["ar"]
    speech = engine.synthesize(text, "ar", 150)
    words = [text[w.start : w.end] for w in speech.words]
    assert words[:2] == ["توقف", "واسأل"]


def test_a_chinese_word_lights_up_whole():
    """A Chinese word named by eSpeak by its first character lights up whole."""
    text = "我们一起数苹果。"
    events = [(1, 1, 0), (2, 1, 200), (3, 1, 400), (5, 1, 800), (6, 1, 1100)]
    words = [text[w.start : w.end] for w in word_spans(text, events)]
    assert words == ["我", "们", "一起", "数", "苹果"]


# -- the narrator ---------------------------------------------------------------------
class FakeEngine:
    """Makes one second of a tone per line, with a word every 250 ms; counts its calls."""

    def __init__(self, delay: float = 0.0) -> None:
        self.calls: list[str] = []
        self.delay = delay

    def synthesize(self, text: str, voice: str, rate: int) -> Speech:
        """A loud second of audio for *text*."""
        time.sleep(self.delay)
        self.calls.append(text)
        samples = array.array("h", [8000, -8000] * 11025).tobytes()
        words = tuple(Word(i, i + 1, 250 * i) for i in range(min(4, len(text))))
        return Speech(samples, 22050, words)


class RecordingPlayer(SilentPlayer):
    """A silent player that remembers what it was asked to play."""

    def __init__(self, clock) -> None:
        super().__init__(clock)
        self.played: list[tuple[Speech | None, Path | None]] = []

    def play(self, speech, clip):
        """Remember, then pretend to play."""
        self.played.append((speech, clip))
        return super().play(speech, clip)


def make_narrator(tmp_path: Path, engine=None) -> tuple[Narrator, RecordingPlayer, list[float]]:
    """A narrator on a pretend clock, with clips in *tmp_path*/voice."""
    now = [0.0]
    player = RecordingPlayer(lambda: now[0])
    synth = Synthesizer(engine or FakeEngine(), threaded=False)
    narrator = Narrator(synth, ClipLibrary(tmp_path / "voice"), player, lambda: now[0])
    return narrator, player, now


def write_clip(path: Path, seconds: float = 0.5) -> None:
    """A short WAV clip standing in for a recorded voice."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(22050)
        wav.writeframes(array.array("h", [3000, -3000] * int(11025 * seconds)).tobytes())


def test_a_recorded_clip_is_played_instead_of_synthesis(tmp_path):
    """Where assets/voice/<lang>/<clip> exists, it plays and nothing is synthesised."""
    engine = FakeEngine()
    narrator, player, _now = make_narrator(tmp_path, engine)
    clip = tmp_path / "voice" / "es" / "k2-lesson" / "page.wav"
    write_clip(clip)
    recorded = Line("Kai juega.", "es", "k2-lesson/page")
    spoken = Line("Kai mira.", "es", "k2-lesson/other")
    narrator.say([recorded, spoken])
    narrator.tick()
    assert player.played == [(None, clip)]
    assert engine.calls == ["Kai mira."]


def test_lines_play_one_after_another_and_light_up_their_words(tmp_path):
    """The second line starts when the first ends; the lit word follows the word times."""
    narrator, player, now = make_narrator(tmp_path)
    narrator.say([Line("abcd", "en"), Line("wxyz", "en")])
    narrator.tick()
    assert narrator.current and narrator.current.text == "abcd"
    assert narrator.highlight == ("abcd", 0, 1)
    now[0] = 0.6
    narrator.tick()
    assert narrator.highlight == ("abcd", 2, 3)
    now[0] = 1.05
    narrator.tick()
    assert narrator.current and narrator.current.text == "wxyz"
    now[0] = 2.5
    narrator.tick()
    assert not narrator.speaking and narrator.highlight is None
    assert len(player.played) == 2


def test_synthesis_never_holds_up_the_game_loop(app):
    """With a slow speech engine (0.3 s a line), a loop turn still takes milliseconds."""
    engine = FakeEngine(delay=0.3)
    reader = ScreenReader(app, silent=True)
    reader.narrator.synth.engine = engine
    app.narration = reader
    app.profile.settings.band = "K2"
    reader.update(force=True)
    began = time.perf_counter()
    for _ in range(5):
        app.pump()
    assert time.perf_counter() - began < 0.1
    assert reader.queued, "the title screen has lines to read"
    deadline = time.monotonic() + 5
    while not engine.calls and time.monotonic() < deadline:
        time.sleep(0.02)
    assert engine.calls, "the worker thread synthesised the lines"


# -- what each screen reads -------------------------------------------------------------
def expected_page(app: App, lesson: Lesson, step_id: str) -> list[str]:
    """The page, its question and each numbered choice, as the child sees them."""
    tr = app.tr
    step = lesson.step(step_id)

    def lt(owner: str, text: str) -> str:
        return app.fill_services(tr.pgettext(f"{lesson.id}/{owner}", text), lesson.grade_band)

    out = [lt(step.id, step.text), lt(step.id, step.prompt)]
    for index, choice in enumerate(step.choice_list):
        out += [tr.number(index + 1), lt(choice.id, choice.text)]
    return out


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_story_page_queues_exactly_its_strings_in_reading_order(app, language):
    """A K2 page with choices reads its text, question and numbered choices in the language."""
    reader = silent_reader(app)
    lesson = open_step(app, K2_LESSON, K2_CHOICE_STEP, language)
    assert [line.text for line in reader.queued] == expected_page(app, lesson, K2_CHOICE_STEP)
    voices = {line.lang for line in reader.queued if any(c.isalpha() for c in line.text)}
    assert voices <= {language, "en"}


def test_arabic_reads_the_right_hand_card_first(app):
    """In Arabic the age groups are read right to left: the first one read is on the right."""
    from game.content.taxonomy import BANDS
    from game.scenes.groups import GroupScene

    reader = silent_reader(app)
    app.set_language("ar")
    scene = GroupScene(app)
    app.push(scene)
    app.pump()
    texts = [line.text for line in reader.queued]
    labels = [app.tr._(band.label) for band in BANDS.values()]
    assert texts == [
        app.tr._("Who is playing?"),
        app.tr._("Pick your age group. We never ask for your name."),
        *labels,
    ]
    first, second = (b.rect for b in scene.buttons[:2])
    assert first.top == second.top and first.centerx > second.centerx


def test_a_chat_message_says_who_is_speaking(app):
    """A chat message is read after "<name> says:" in the child's language."""
    reader = silent_reader(app)
    lesson = open_step(app, "g35-gift-or-trick", "hello")
    app.profile.settings.read_to_me["G35"] = True
    reader.update(force=True)
    name = lesson.contact.name
    texts = [line.text for line in reader.queued]
    assert f"{name} says:" in texts
    message = next(m for m in lesson.step("hello").messages if m.sender == "contact")
    assert texts[texts.index(f"{name} says:") + 1] == message.text


def test_next_reads_only_the_new_message(pilot: Pilot):
    """Pressing Next in a chat reads the message that appeared, not the whole chat again."""
    app = pilot.app
    reader = silent_reader(app)
    lesson = app.pack.by_id("g35-gift-or-trick")
    app.profile.settings.band = "G35"
    app.profile.settings.read_to_me["G35"] = True
    app.push(scene_for(app, lesson))
    app.pump()
    first, second = lesson.steps[0].messages[:2]
    texts = [line.text for line in reader.queued]
    assert texts[:3] == [lesson.title, "Scout says:", first.text]
    pilot.press(pygame.K_RETURN)  # Next has the focus
    texts = [line.text for line in reader.queued]
    assert texts[:2] == ["Scout says:", second.text]
    assert first.text not in texts and lesson.title not in texts


def test_read_to_me_off_queues_nothing(app):
    """With "Read to me" off for K2, a K2 page queues nothing."""
    reader = silent_reader(app)
    app.profile.settings.read_to_me["K2"] = False
    open_step(app, K2_LESSON, K2_CHOICE_STEP)
    assert reader.queued == []


def test_read_to_me_is_on_for_k2_and_off_for_older_groups_by_default(app):
    """Out of the box a K2 page reads itself; a G35 chat does not."""
    reader = silent_reader(app)
    open_step(app, K2_LESSON, K2_CHOICE_STEP)
    assert reader.queued
    open_step(app, "g35-gift-or-trick", "hello")
    assert reader.queued == []


def test_r_and_the_speaker_button_read_the_screen_even_when_off(pilot: Pilot):
    """R, and the header's speaker button, read the whole screen whatever the setting."""
    app = pilot.app
    reader = silent_reader(app)
    app.profile.settings.read_to_me["K2"] = False
    lesson = open_step(app, K2_LESSON, K2_CHOICE_STEP)
    assert reader.queued == []
    pilot.press(pygame.K_r)
    assert [line.text for line in reader.queued] == expected_page(app, lesson, K2_CHOICE_STEP)
    reader.stop()
    pilot.click("read")
    assert [line.text for line in reader.queued] == expected_page(app, lesson, K2_CHOICE_STEP)


def test_moving_the_focus_reads_the_focused_button(pilot: Pilot):
    """Tab onto a choice reads its number and words (cutting the page short)."""
    app = pilot.app
    reader = silent_reader(app)
    lesson = open_step(app, K2_LESSON, K2_CHOICE_STEP)
    first = lesson.step(K2_CHOICE_STEP).choice_list[0]
    pilot.press(pygame.K_TAB)
    assert [line.text for line in reader.queued] == ["1", first.text]
    assert reader.narrator.kind == "focus"


def test_the_mouse_passing_over_a_button_never_cuts_the_page_short(pilot: Pilot):
    """Hovering over a button while the page is read leaves the page reading."""
    app = pilot.app
    reader = silent_reader(app)
    lesson = open_step(app, K2_LESSON, K2_CHOICE_STEP)
    reader.tick()
    pos = pilot.rect_of("read").center
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0,)))
    app.pump()
    assert [line.text for line in reader.queued] == expected_page(app, lesson, K2_CHOICE_STEP)


def test_a_new_screen_stops_the_old_one_reading(pilot: Pilot):
    """Opening Help mid-page stops the page and reads the help screen instead."""
    app = pilot.app
    reader = silent_reader(app)
    lesson = open_step(app, K2_LESSON, K2_CHOICE_STEP)
    reader.tick()
    assert reader.narrator.speaking
    page = lesson.step(K2_CHOICE_STEP).text
    pilot.press(pygame.K_F1)
    texts = [line.text for line in reader.queued]
    assert page not in texts
    assert texts[0] == app.tr._("Need help?")


def test_the_word_being_read_lights_up_on_screen(app):
    """While a page is read, the word heard is lit up in its text (and redrawn)."""
    now = [0.0]
    reader = silent_reader(app, clock=lambda: now[0])
    open_step(app, K2_LESSON, K2_CHOICE_STEP)
    now[0] = 0.5
    reader.tick()
    page = app.scene.step.text
    assert app.text.highlight is not None and app.text.highlight[0] == page
    assert app.render()
    changed = sum(
        1
        for x in range(0, app.screen.get_width(), 4)
        for y in range(0, app.screen.get_height(), 4)
        if app.screen.get_at((x, y))[:3] == WORD_LIGHT
    )
    assert changed > 0


@pytest.mark.parametrize(
    ("language", "text", "side"),
    [
        ("en", "Stop and tell a grown-up.", "left"),
        ("ar", "توقف وأخبر شخصًا بالغًا.", "right"),
        ("zh_Hans", "停下来，告诉大人。", "left"),
    ],
)
def test_the_first_word_lights_up_where_it_is_drawn(paths: ContentPaths, language, text, side):
    """The lit band sits under the first word: on the left, or the right in Arabic."""
    pygame.font.init()
    cache = TextCache(FontBook(paths.fonts), language=language)
    end = 3 if language == "zh_Hans" else text.index(" ")
    cache.highlight = (text, 0, end)
    surface = cache.render(text, 40, (30, 40, 70), 1000)
    lit = [
        x
        for x in range(surface.get_width())
        for y in range(surface.get_height())
        if surface.get_at((x, y))[:3] == WORD_LIGHT
    ]
    assert lit, "the first word has a lit band"
    middle = surface.get_width() / 2
    assert (max(lit) < middle) if side == "left" else (min(lit) > middle)


# -- clip names and the commands --------------------------------------------------------
def test_clip_names_follow_the_convention():
    """Lesson clips are named by context (and field); UI clips by a slug and a hash."""
    assert lesson_clip("k2-x", "page-1", "text") == "k2-x/page-1"
    assert lesson_clip("k2-x", "c1", "feedback") == "k2-x/c1.feedback"
    assert lesson_clip("k2-x", "title", "title") == "k2-x/title"
    assert ui_clip("What do you do?").startswith("ui/what-do-you-do-")
    assert ui_clip("What do you do?") == ui_clip("What do you do?")
    assert ui_clip("What do you do?") != ui_clip("What do you do")


def test_a_formatted_string_has_no_clip(paths: ContentPaths):
    """A line with a name in it is always synthesised; a fixed UI string may be recorded."""
    say = LineMaker(Translator("es", paths.locales))
    assert say.ui("{name} says:", name="Zippy").clip is None
    assert say.ui("Scout says:").clip == ui_clip("Scout says:")


def test_narrate_writes_numbered_wavs_in_reading_order(tmp_path, paths: ContentPaths):
    """`narrate LESSON STEP --lang es` writes 001.wav... that match narration.tsv, all audible."""
    from game.cli import main

    out = tmp_path / "es"
    assert main(["narrate", K2_LESSON, K2_CHOICE_STEP, "--lang", "es", "--out", str(out)]) == 0
    rows = (out / "narration.tsv").read_text(encoding="utf-8").splitlines()[1:]
    files = sorted(out.glob("*.wav"))
    assert [row.split("\t")[0] for row in rows] == [f.name for f in files]
    assert files[0].name == f"001-{K2_CHOICE_STEP}.wav"
    lesson = next(
        item for item in _pack(paths).lessons if item.id == K2_LESSON
    )
    step = lesson.step(K2_CHOICE_STEP)
    tr = Translator("es", paths.locales)
    assert rows[0].split("\t")[4] == tr.pgettext(f"{K2_LESSON}/{step.id}", step.text).replace(
        "\n", " "
    )
    # every choice's feedback follows the choices
    for choice in step.choice_list:
        feedback = tr.pgettext(f"{K2_LESSON}/{choice.id}", choice.feedback)
        assert any(row.split("\t")[4] == feedback for row in rows)
    for wav_file in files:
        with wave.open(str(wav_file), "rb") as wav:
            samples = wav.readframes(wav.getnframes())
        assert rms_and_peak(samples)[1] > 0.1, wav_file.name


def test_voice_script_lists_lesson_and_ui_strings_to_record(tmp_path):
    """`voice-script --lang es` lists clip files, contexts and the Spanish to say."""
    from game.cli import main

    out = tmp_path / "script.tsv"
    assert main(["voice-script", "--lang", "es", "--lesson", K2_LESSON, "--out", str(out)]) == 0
    rows = [row.split("\t") for row in out.read_text(encoding="utf-8").splitlines()[1:]]
    files = {row[0] for row in rows}
    assert f"assets/voice/es/{K2_LESSON}/{K2_CHOICE_STEP}.ogg" in files
    assert f"assets/voice/es/{K2_LESSON}/{K2_CHOICE_STEP}.prompt.ogg" in files
    assert f"assets/voice/es/{ui_clip('Scout says:')}.ogg" in files
    assert all("{" not in row[2] for row in rows)


def _pack(paths: ContentPaths):
    from game.content.loader import load_pack

    return load_pack([paths.lessons], root=paths.lessons.parent)


def test_read_to_me_is_saved_per_age_group(app, data_dir):
    """Settings' "Read to me" switches the chosen group only, and is saved."""
    from game.profile import Profile
    from game.scenes.settings import SettingsScene

    app.profile.settings.band = "G35"
    settings = SettingsScene(app)
    app.push(settings)
    settings.press("read_to_me")
    assert app.profile.settings.read_to_me == {"G35": True}
    assert Profile(data_dir).settings.read_to_me == {"G35": True}


def test_arabic_vowel_marks_do_not_silence_a_word(engine):
    """A word with only a shadda ("تذكّر") is read as loudly as the bare word, and lit whole."""
    marked = engine.synthesize("تذكّر", "ar", 150)
    bare = engine.synthesize("تذكر", "ar", 150)
    assert rms_and_peak(marked.samples)[1] > 0.3
    assert abs(marked.seconds - bare.seconds) < 0.05
    assert [(w.start, w.end) for w in marked.words] == [(0, len("تذكّر"))]


def test_switch_scanning_lets_the_page_finish_then_reads_the_button(app):
    """A scan step during the page leaves it reading; the ring's button is read after it."""
    now = [0.0]
    reader = silent_reader(app, clock=lambda: now[0])
    lesson = open_step(app, K2_LESSON, K2_CHOICE_STEP)
    reader.tick()
    page = expected_page(app, lesson, K2_CHOICE_STEP)
    app.scene.move_focus(1, cause="scan")
    assert [line.text for line in reader.queued] == page
    for _ in range(200):  # the page is read to its end, a second at a time
        now[0] += 1.0
        reader.tick()
    first = lesson.step(K2_CHOICE_STEP).choice_list[0]
    assert [line.text for line in reader.queued] == ["1", first.text]


@pytest.mark.parametrize("size", [(1248, 704), (1280, 720), (1024, 600)])
def test_the_title_keeps_its_layout_while_its_name_is_read(
    paths: ContentPaths, data_dir: Path, size: tuple[int, int]
) -> None:
    """Laying the title out again while "Scouts" is lit moves nothing (no scroll bar).

    (The lit word's band used to count as letters and pushed the buttons down the page.)
    """
    from game.scenes.title import TitleScene

    app = App(paths, size=size, data_folder=data_dir, fullscreen=False, sound=False)
    scene = TitleScene(app)
    app.push(scene)
    app.render()
    before = [b.rect.copy() for b in scene.buttons]
    name = app.tr._("Signal Scouts")
    app.text.highlight = (name, name.index("Scouts"), len(name))
    try:
        scene.relayout()
        assert [b.rect for b in scene.buttons] == before
        assert scene.max_scroll() == 0
    finally:
        app.text.highlight = None
