# Signal Scouts: one command to set up and play, one to set up and test.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: play test fuzz lint bench snapshots schema i18n fonts clean setup

setup: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Signal Scouts needs Python 3.11 or newer (found %s)" % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# Compiled catalogs are built from the .po files, never committed.
PO := $(wildcard locales/*/LC_MESSAGES/messages.po)
MO := $(PO:.po=.mo)

locales/%/LC_MESSAGES/messages.mo: locales/%/LC_MESSAGES/messages.po $(STAMP)
	$(BIN)/pybabel compile -i $< -o $@ -l $* --statistics

play: $(STAMP) $(MO)
	$(BIN)/signal-scouts

test: $(STAMP) $(MO)
	$(BIN)/ruff check game tests benchmarks docs packaging hatch_build.py
	$(BIN)/signal-scouts lint lessons/
	$(BIN)/python -m pytest -n auto --durations=15

# Random input on every screen (tests/test_fuzz.py), far longer than in `make test`.
# FUZZ_SEED=123 replays a run; a failure prints the seed and the event to stop at.
FUZZ_EVENTS ?= 100000
FUZZ_SEED   ?= random
fuzz: $(STAMP) $(MO)
	FUZZ_EVENTS=$(FUZZ_EVENTS) FUZZ_SEED=$(FUZZ_SEED) $(BIN)/python -m pytest -q -s \
		-p no:cacheprovider tests/test_fuzz.py

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

snapshots: $(STAMP) $(MO)
	$(BIN)/python docs/make_screenshots.py

# Short GIFs of the game from its own frames (docs/recording/); look at them before committing.
.PHONY: recording
recording: $(STAMP) $(MO)
	$(BIN)/python docs/make_recording.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache

schema: $(STAMP)
	$(BIN)/signal-scouts schema --out docs/lesson.schema.json
	$(BIN)/signal-scouts schema --kind managed-settings --out docs/managed-settings.schema.json

# Extract -> update -> compile: run after changing any user-visible string.
i18n: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -o locales/messages.pot --add-comments=TRANSLATORS \
		--sort-by-file --width 100 --project "Signal Scouts" --version 0.1.0 \
		--msgid-bugs-address "" --copyright-holder "Signal Scouts" .
	$(BIN)/pybabel update -i locales/messages.pot -d locales --width 100 \
		--ignore-pot-creation-date
	$(BIN)/python -m game.i18n_checks $(PO)
	$(MAKE) $(MO)

# The Chinese font is a subset of Noto Sans CJK SC (Debian: fonts-noto-cjk) to the
# characters the catalogs use; rebuild it after the zh_Hans catalog changes.
fonts: $(STAMP)
	$(BIN)/python -m game.fonts_subset

# The interface sounds and menu music (assets/sounds, CC0) are made by game/sound_make.py;
# the same bytes every run (the music needs SoX with Ogg Vorbis, e.g. Debian's `sox`).
.PHONY: sounds
sounds: $(STAMP)
	$(BIN)/python -m game.sound_make

# One self-contained windowed file for schools: dist/signal-scouts (.exe on Windows, a .app
# on macOS), built with PyInstaller from packaging/signal-scouts.spec; `make dist-test` runs
# it from a temporary folder outside the repository (packaging/smoke_test.py).
.PHONY: dist dist-test
DIST_STAMP := $(VENV)/.installed-dist

$(DIST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,dist]'
	@touch $@

dist: $(DIST_STAMP) $(MO)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build \
		packaging/signal-scouts.spec

dist-test: $(DIST_STAMP) $(if $(wildcard dist/signal-scouts),,dist)
	$(BIN)/python packaging/smoke_test.py --screenshot docs/dist-title.png
