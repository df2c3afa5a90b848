"""Reading the game aloud: eSpeak NG speech (or recorded clips), played through the mixer.

- :mod:`~game.narration.espeak` calls ``libespeak-ng`` (shipped by the ``espeakng-loader``
  wheel) through ctypes: synchronous synthesis into a buffer, with word positions;
- :mod:`~game.narration.voices` names the voice and speed for each language and pace;
- :mod:`~game.narration.lines` describes one thing to read (:class:`Line`) and the names
  of recorded clips;
- :mod:`~game.narration.clips` finds recorded clips (``assets/voice/<lang>/<clip>.ogg``);
- :mod:`~game.narration.synth` synthesises off the main thread, with a cache;
- :mod:`~game.narration.player` plays audio (the mixer, or silently with the same timing);
- :mod:`~game.narration.narrator` plays a queue of lines and knows the word being spoken;
- :mod:`~game.narration.reader` decides what a screen reads and when (the App's service).

Nothing here runs at import time: the library loads on first use, in the worker thread.
"""
