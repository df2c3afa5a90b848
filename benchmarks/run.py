"""``make bench``: performance figures for school laptops, measured side by side in one run.

Targets (from the foundation issue): chat frame <= 2 ms median and >= 5x faster than a
naive re-render; idle CPU <= 2 % of one core; start-up <= 1.5x bare pygame; peak RSS
<= 150 MB. These are a report, not tests: the command always exits 0.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORKLOADS = HERE / "_workloads.py"


def _env(folder: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        PYGAME_HIDE_SUPPORT_PROMPT="1",
        SIGNAL_SCOUTS_DATA_DIR=folder,
    )
    return env


def workload(name: str, folder: str) -> dict:
    """Run one workload in a fresh process and return its JSON result."""
    out = subprocess.run(
        [sys.executable, str(WORKLOADS), name],
        env=_env(folder),
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def startup(name: str, folder: str, runs: int = 5) -> float:
    """Median wall time from process start to first frame, over *runs* fresh processes."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        workload(name, folder)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def idle_cpu(folder: str, seconds: float = 5.0) -> float:
    """CPU used by the real game loop sitting on the title screen, in % of one core."""
    proc = subprocess.Popen(
        [sys.executable, str(WORKLOADS), "idle"],
        env=_env(folder),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    proc.stdout.readline()  # "ready"
    time.sleep(1.0)
    ticks = os.sysconf("SC_CLK_TCK")

    def cpu() -> float:
        fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / ticks

    before, began = cpu(), time.perf_counter()
    time.sleep(seconds)
    used, elapsed = cpu() - before, time.perf_counter() - began
    proc.kill()
    proc.wait()
    return 100 * used / elapsed


def main() -> int:
    """Measure everything and print one table."""
    rows: list[tuple[str, str, str, bool]] = []
    with tempfile.TemporaryDirectory() as folder:
        frames = workload("chat_frames", folder)
        cached, naive = frames["cached"], frames["naive"]
        ratio = naive["median_ms"] / cached["median_ms"]
        rows.append(
            (
                "chat, 40 messages, 1280x720: median / p95",
                f"{cached['median_ms']:.2f} / {cached['p95_ms']:.2f} ms",
                "<= 2 ms median",
                cached["median_ms"] <= 2,
            )
        )
        rows.append(
            (
                "naive re-render every frame: median / p95",
                f"{naive['median_ms']:.2f} / {naive['p95_ms']:.2f} ms",
                "(reference)",
                True,
            )
        )
        rows.append(("cached vs naive", f"{ratio:.1f}x faster", ">= 5x", ratio >= 5))
        cpu = idle_cpu(folder)
        rows.append(
            ("idle CPU over 5 s (title screen)", f"{cpu:.2f} % of one core", "<= 2 %", cpu <= 2)
        )
        bare = startup("bare_startup", folder)
        game = startup("game_startup", folder)
        rows.append(
            ("start-up to first frame: bare pygame", f"{bare * 1000:.0f} ms", "(reference)", True)
        )
        rows.append(
            (
                "start-up to first frame: Signal Scouts",
                f"{game * 1000:.0f} ms ({game / bare:.2f}x bare)",
                "<= 1.5x",
                game / bare <= 1.5,
            )
        )
        played = workload("playthrough", folder)
        rows.append(
            (
                f"peak RSS, every branch of every lesson ({played['frames']} screens)",
                f"{played['peak_rss_mb']:.0f} MB",
                "<= 150 MB",
                played["peak_rss_mb"] <= 150,
            )
        )
    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)}  {'result':<28} {'target':<16} verdict")
    for name, value, target, ok in rows:
        print(f"{name.ljust(width)}  {value:<28} {target:<16} {'PASS' if ok else 'MISS'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
