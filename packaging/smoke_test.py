"""``make dist-test``: run the one-file build from a folder outside the repository.

The built file (``dist/signal-scouts``, ``dist/signal-scouts.exe`` or
``dist/Signal Scouts.app``) is copied to a fresh temporary folder and run from there,
with a throw-away data and printables folder, so it can only use what it carries:

1. ``lint`` of its bundled lessons exits 0 (and reports no error where output is visible);
2. ``snapshot title`` writes a PNG that is not blank;
3. ``plans`` in Arabic writes every PDF, helper processes rendering most of them, and a
   plan whose text has Arabic letters in it (read with pypdf, else ``pdftotext``);
4. ``narrate`` one step in every language writes WAV files that are not silent;
5. the game itself starts: under Xvfb when it is installed (Linux), long enough to draw
   the title, which is saved as a screenshot (``--screenshot``) and checked not blank;
   without Xvfb it says so and runs with SDL's dummy video driver, checking only that
   the game is still running after a few seconds (nothing to look at).

Every check prints PASS or FAIL with what it saw; the exit status is 1 if any failed.
Needs the build's Python environment only for pygame (to read PNGs) and pypdf.
"""

from __future__ import annotations

import argparse
import array
import os
import shutil
import subprocess
import sys
import tempfile
import time
import wave
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LESSON = "g35-gift-or-trick"
NARRATED_LESSON = "k2-kai-and-the-tricky-game"
NARRATED_STEP = "kai-plays"
LANGUAGES = ("en", "es", "fr", "pt_BR", "ar", "zh_Hans")
#: A generous limit for one command, which unpacks the whole build before it starts.
COMMAND_TIMEOUT_S = 180
WINDOW_TITLE = "Signal Scouts"


class CheckFailed(AssertionError):
    """A smoke check saw something wrong (the message says what)."""


def built_app(dist: Path) -> Path:
    """The build in *dist* for this platform (a file, or the .app folder on macOS)."""
    if sys.platform == "darwin":
        return dist / "Signal Scouts.app"
    return dist / ("signal-scouts.exe" if os.name == "nt" else "signal-scouts")


def copy_outside(app: Path, folder: Path) -> Path:
    """Copy the build *app* into *folder* and return the executable to run there."""
    if app.is_dir():  # macOS .app
        target = folder / app.name
        shutil.copytree(app, target, symlinks=True)
        return target / "Contents" / "MacOS" / "signal-scouts"
    target = folder / app.name
    shutil.copy2(app, target)
    return target


def clean_env(folder: Path) -> dict[str, str]:
    """The current environment minus Python's own variables, with throw-away folders."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "DISPLAY", "WAYLAND_DISPLAY")
    }
    env.update(
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        SIGNAL_SCOUTS_DATA_DIR=str(folder / "profile"),
        SIGNAL_SCOUTS_PRINT_DIR=str(folder / "printables"),
    )
    return env


def run(exe: Path, args: list[str], folder: Path, env: dict[str, str]) -> str:
    """Run the build with *args* in *folder*; its output, or :class:`CheckFailed`."""
    done = subprocess.run(
        [str(exe), *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=COMMAND_TIMEOUT_S,
        check=False,
    )
    output = (done.stdout or "") + (done.stderr or "")
    if done.returncode != 0:
        tail = "\n".join(output.strip().splitlines()[-10:])
        raise CheckFailed(f"'{' '.join(args)}' exited with {done.returncode}:\n{tail}")
    return output


def colours(png: Path) -> int:
    """How many different colours a 64x36 thumbnail of *png* has (1 means blank)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    thumb = pygame.transform.scale(pygame.image.load(str(png)), (64, 36))
    return len({tuple(thumb.get_at((x, y)))[:3] for x in range(64) for y in range(36)})


def not_blank(png: Path, least: int = 12) -> str:
    """Raise unless *png* exists and shows at least *least* colours."""
    if not png.is_file():
        raise CheckFailed(f"no file {png}")
    found = colours(png)
    if found < least:
        raise CheckFailed(f"{png.name} looks blank ({found} colours)")
    return f"{png.stat().st_size} bytes, {found} colours in a 64x36 thumbnail"


def pdf_text(pdf: Path) -> str:
    """The text of *pdf* (pypdf, else ``pdftotext``); raises if neither is available."""
    try:
        from pypdf import PdfReader
    except ImportError:
        if not shutil.which("pdftotext"):
            raise CheckFailed("cannot read the PDF: install pypdf or pdftotext") from None
        return subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)


def arabic_letters(text: str) -> int:
    """How many Arabic letters *text* has (basic block or presentation forms)."""
    return sum(
        "\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff"
        for c in text
    )


def loudness(wav_file: Path) -> tuple[float, int]:
    """Length in seconds and peak sample of a 16-bit mono WAV file."""
    with wave.open(str(wav_file), "rb") as wav:
        frames = wav.readframes(wav.getnframes())
        seconds = wav.getnframes() / wav.getframerate()
    samples = array.array("h", frames)
    return seconds, max((abs(s) for s in samples), default=0)


# -- the checks ----------------------------------------------------------------------------
def check_lint(exe: Path, folder: Path, env: dict[str, str]) -> str:
    """``lint`` with no path checks the bundled lessons and finds no error."""
    out = run(exe, ["lint"], folder, env)
    summary = next((line for line in out.splitlines() if "error(s)" in line), "")
    if out.strip() and " 0 error(s)" not in summary:
        raise CheckFailed(f"lint reported errors: {summary or out[-300:]}")
    return summary or "exit 0 (no console output on this platform)"


def check_snapshot(exe: Path, folder: Path, env: dict[str, str]) -> str:
    """``snapshot title`` draws the title screen to a PNG that is not blank."""
    png = folder / "title.png"
    run(exe, ["snapshot", "title", "--out", str(png)], folder, env)
    return not_blank(png)


def check_plans(exe: Path, folder: Path, env: dict[str, str]) -> str:
    """``plans`` in Arabic writes every PDF, with helper processes, and Arabic text in them.

    So many documents are rendered by helper processes, each the frozen program started
    again: this checks that they start and do their job (the command says how many
    files they rendered; without them it would only be slower).
    """
    out = folder / "plans"
    args = ["plans", "--lang", "ar", "--format", "pdf", "--out", str(out)]
    said = run(exe, args, folder, env)
    if "by helper processes" not in said:
        raise CheckFailed(f"no document was rendered by a helper process: {said.strip()}")
    pdf = out / "ar" / f"{LESSON}-plan.pdf"
    if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
        raise CheckFailed(f"no PDF at {pdf}")
    letters = arabic_letters(pdf_text(pdf))
    if letters < 200:
        raise CheckFailed(f"{pdf.name} has only {letters} Arabic letters in its text")
    return f"{pdf.name}: {pdf.stat().st_size} bytes, {letters} Arabic letters in its text"


def check_narration(exe: Path, folder: Path, env: dict[str, str]) -> str:
    """``narrate`` speaks one step in every language: WAV files that are not silent."""
    heard = []
    for language in LANGUAGES:
        out = folder / "wav" / language
        args = ["narrate", NARRATED_LESSON, NARRATED_STEP, "--lang", language, "--out", str(out)]
        run(exe, args, folder, env)
        wavs = sorted(out.glob("*.wav"))
        if not wavs:
            raise CheckFailed(f"no WAV files for {language} in {out}")
        seconds, peak = loudness(wavs[0])
        if seconds < 0.3 or peak < 1000:
            silent = f"{wavs[0].name} is silent ({seconds:.2f} s, peak {peak})"
            raise CheckFailed(f"{language}: {silent}")
        heard.append(f"{language} {seconds:.1f} s peak {peak}")
    return "; ".join(heard)


def check_game(
    exe: Path, folder: Path, env: dict[str, str], screenshot: Path | None, seconds: float
) -> str:
    """The game starts: drawn under Xvfb and photographed, else alive on the dummy driver."""
    xvfb = shutil.which("Xvfb") if sys.platform.startswith("linux") else None
    if xvfb is None:
        why = (
            "not Linux"
            if not sys.platform.startswith("linux")
            else "Xvfb is not installed (apt-get install xvfb xdotool imagemagick)"
        )
        print(
            f"NOTE game: {why}; starting the game with SDL's dummy video driver instead "
            "(it runs, but draws nowhere and no screenshot is taken)",
            flush=True,
        )
        return _game_on_dummy(exe, folder, env, seconds)
    return _game_on_xvfb(xvfb, exe, folder, env, screenshot, seconds)


def _stop(process: subprocess.Popen) -> None:
    """End a process this script started, politely first."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _game_on_dummy(exe: Path, folder: Path, env: dict[str, str], seconds: float) -> str:
    """Start the game headless and check it is still running after *seconds*."""
    game = subprocess.Popen(
        [str(exe)], cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        time.sleep(seconds)
        if game.poll() is not None:
            out = game.stdout.read().decode(errors="replace") if game.stdout else ""
            raise CheckFailed(f"the game stopped with {game.returncode}:\n{out[-800:]}")
    finally:
        _stop(game)
    return f"still running after {seconds:g} s on the dummy video driver"


def _xdotool(display: str, *args: str) -> str:
    """What ``xdotool ARGS`` prints on *display* (empty if it fails)."""
    done = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    return done.stdout.strip() if done.returncode == 0 else ""


def _window_id(display: str) -> str | None:
    """The X window id of the game's window titled ``Signal Scouts``, via xdotool.

    SDL names the window's class after the executable; xdotool's ``--name`` search does
    not see the UTF-8 title SDL sets, so the title is read back with ``getwindowname``.
    """
    for window in _xdotool(display, "search", "--class", "signal-scouts").split():
        if _xdotool(display, "getwindowname", window) == WINDOW_TITLE:
            return window
    return None


def _grab(display: str, window: str, png: Path) -> bool:
    """Save the game's window to *png* with ImageMagick's ``import``."""
    command = ["import", "-display", display, "-window", window, str(png)]
    done = subprocess.run(command, capture_output=True, check=False, timeout=30)
    return done.returncode == 0 and png.is_file()


def _game_on_xvfb(
    xvfb: str,
    exe: Path,
    folder: Path,
    env: dict[str, str],
    screenshot: Path | None,
    seconds: float,
) -> str:
    """Start Xvfb and the game on it; wait for a drawn title, photograph it, stop both."""
    for tool, package in (("import", "imagemagick"), ("xdotool", "xdotool")):
        if not shutil.which(tool):
            raise CheckFailed(f"'{tool}' is needed with Xvfb (apt-get install {package})")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    game = None
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise CheckFailed("Xvfb did not start")
        display = f":{number}"
        game_env = {**env, "DISPLAY": display}
        game_env.pop("SDL_VIDEODRIVER")
        began = time.monotonic()
        game = subprocess.Popen(
            [str(exe)], cwd=folder, env=game_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        shot = folder / "game.png"
        found = 0
        while time.monotonic() - began < COMMAND_TIMEOUT_S:
            time.sleep(0.5)
            if game.poll() is not None:
                out = game.stdout.read().decode(errors="replace") if game.stdout else ""
                raise CheckFailed(f"the game stopped with {game.returncode}:\n{out[-800:]}")
            window = _window_id(display)
            if window and _grab(display, window, shot) and colours(shot) >= 12:
                drawn = time.monotonic() - began
                time.sleep(seconds)  # let the title settle (lessons load in the background)
                if game.poll() is not None:
                    raise CheckFailed(f"the game stopped with {game.returncode} after drawing")
                _grab(display, window, shot)
                found = colours(shot)
                break
        else:
            raise CheckFailed(f"no drawn '{WINDOW_TITLE}' window within {COMMAND_TIMEOUT_S} s")
        if found < 12:
            raise CheckFailed(f"the window looks blank ({found} colours)")
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shot, screenshot)
        saved = f", saved to {screenshot}" if screenshot else ""
        return (
            f"window '{WINDOW_TITLE}' drawn {drawn:.1f} s after start on Xvfb {display}, "
            f"still running {seconds:g} s later, {found} colours{saved}"
        )
    finally:
        if game is not None:
            _stop(game)
        _stop(server)


def main(argv: list[str] | None = None) -> int:
    """Run every check against the build and print PASS or FAIL for each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, help="the build to test (default: this platform's)")
    parser.add_argument("--screenshot", type=Path, help="where to save the game's title (PNG)")
    parser.add_argument(
        "--seconds", type=float, default=4.0, help="how long the game runs after drawing"
    )
    args = parser.parse_args(argv)
    app = (args.app or built_app(ROOT / "dist")).resolve()
    if not app.exists():
        print(f"FAIL no build at {app}: run 'make dist' first")
        return 1
    folder = Path(tempfile.mkdtemp(prefix="signal-scouts-dist-")).resolve()
    if folder.is_relative_to(ROOT):
        print(f"FAIL the temporary folder {folder} is inside the repository")
        return 1
    exe = copy_outside(app, folder)
    env = clean_env(folder)
    size = exe.stat().st_size if app.is_file() else _folder_size(app)
    print(f"testing {exe} ({size / 1e6:.1f} MB), copied from {app}", flush=True)
    checks: list[tuple[str, Callable[[], str]]] = [
        ("lint", lambda: check_lint(exe, folder, env)),
        ("snapshot", lambda: check_snapshot(exe, folder, env)),
        ("plans", lambda: check_plans(exe, folder, env)),
        ("narrate", lambda: check_narration(exe, folder, env)),
        ("game", lambda: check_game(exe, folder, env, args.screenshot, args.seconds)),
    ]
    failed = 0
    for name, check in checks:
        began = time.monotonic()
        try:
            detail = check()
        except (CheckFailed, subprocess.SubprocessError, OSError) as exc:
            failed += 1
            print(f"FAIL {name} ({time.monotonic() - began:.1f} s): {exc}", flush=True)
        else:
            print(f"PASS {name} ({time.monotonic() - began:.1f} s): {detail}", flush=True)
    shutil.rmtree(folder, ignore_errors=True)
    verdict = " (FAILED)" if failed else ""
    print(f"{len(checks) - failed} of {len(checks)} checks passed{verdict}")
    return 1 if failed else 0


def _folder_size(folder: Path) -> int:
    """Bytes in every file under *folder*."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


if __name__ == "__main__":
    sys.exit(main())
