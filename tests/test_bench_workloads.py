"""The quick `make bench` workloads still run to the end (a bench that errors measures nothing).

Each runs in a fresh process through the bench's own harness, as `make bench` does; only
that it finishes with a result is checked here, never how fast (speed lives in the bench).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import run  # noqa: E402  (benchmarks/run.py)

#: Workload -> a key its result must have. The slow ones (chat frames, idle, printables,
#: synthesis of a whole lesson) are left to `make bench`.
QUICK = {
    "bare_startup": "first_frame_s",
    "game_startup": "first_frame_s",
    "animating_frames": "median_ms",
    "playthrough": "peak_rss_mb",
    "narration_first_sound": "median_ms",
    "chat_frames_reading": "median_ms",
}


@pytest.mark.parametrize("name", sorted(QUICK))
def test_quick_bench_workload_runs_to_its_result(name: str, tmp_path: Path) -> None:
    """The workload plays its part of the game headless and prints its JSON result."""
    result = run.workload(name, str(tmp_path), timeout=300)
    assert QUICK[name] in result, sorted(result)
