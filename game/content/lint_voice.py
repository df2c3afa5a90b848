"""Who speaks and who is asked: checks on the voices and questions of a lesson.

- A chat shows one conversation: the contact and the child. Nobody else speaks in it
  (Scout does not relay another person's words), and a reply is only offered where the
  contact said something to reply to. Other people belong on a story page.
- A question and its answers sit together: a chat's choices answer the line over them
  (``prompt:``), so a chat does not end on a different question from Scout, and an
  "Is it an X or a Y?" question is answered with X or Y.
- K2 keeps its distance: questions ask what a character could do, never "you".
- A contact never looks like Scout, the guide.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from game.content.model import (
    CONTACT_AVATARS,
    SCOUT_LIKE_AVATARS,
    TRUSTED_AVATARS,
    ChatStep,
    Choice,
    Lesson,
    QuizStep,
    StoryStep,
)
from game.content.problems import Problem
from game.content.source import SourceMap

Where = tuple[str | int, ...]

#: Someone's words quoted inside a chat: 'Dad says: "..."', 'Pip says "..."'.
QUOTED_SPEECH = re.compile(
    r"\b(says|said|asks|asked|writes|wrote|replies|replied|answers|answered|whispers|shouts)"
    r"\b\s*:?\s*[\"“]",
    re.IGNORECASE,
)
#: "Is it a surprise or a secret?": the two answers a question offers.
EITHER_OR = re.compile(
    r"^\s*(?:is|was|are|were)\s+(?:it|this|that|these|those|they)\s+(?:an?\s+)?(.+?),?\s+"
    r"or\s+(?:an?\s+)?(.+?)\s*\?\s*$",
    re.IGNORECASE,
)
#: A question that asks the child about themselves ("What do you do?", "you should ...").
SECOND_PERSON = re.compile(
    r"\b(?:what|how|who|where|when|why|which)\b[^.?!]*\b(?:do|did|would|should|could|can|will)"
    r"\s+you\b"
    r"|\byou\s+(?:should|must|would|could)\b"
    r"|^\s*(?:do|did|would|should|could|can|will|have|are)\s+you\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z][a-z'-]+")
_SMALL_WORDS = frozenset({"the", "that", "this", "with", "from", "your", "they", "them", "then"})


def lint_voices(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    """Every check of this module on one lesson."""
    problems: list[Problem] = []
    for si, step in enumerate(lesson.steps):
        at: Where = ("steps", si)
        if isinstance(step, ChatStep):
            problems += _one_conversation(step, at, smap)
            problems += _question_before_choices(step, at, smap)
        for _where, prompt, answers in _questions(step):
            problems += _either_or(prompt, [((*at, *w), text) for w, text in answers], smap)
    for ii, item in enumerate(lesson.learning_check):
        if item.options:
            answers: list[tuple[Where, str]] = [
                (("learning_check", ii, "options", oi, "text"), o.text)
                for oi, o in enumerate(item.options)
            ]
            problems += _either_or(item.text, answers, smap)
    if lesson.grade_band == "K2":
        problems += _k2_distance(lesson, smap)
    if lesson.contact.avatar in SCOUT_LIKE_AVATARS:
        problems.append(
            smap.problem(
                ("contact", "avatar"),
                f"the contact's avatar '{lesson.contact.avatar}' looks like Scout, the guide "
                "(a friendly robot): a child would trust the contact like Scout. Pick a "
                f"contact's face: {', '.join(CONTACT_AVATARS)}",
            )
        )
    elif lesson.contact.avatar in TRUSTED_AVATARS:
        problems.append(
            smap.problem(
                ("contact", "avatar"),
                f"the contact's avatar '{lesson.contact.avatar}' is a trusted character's "
                "look (the help plan's grown-ups, the age groups): a child would mix the "
                "contact up with someone to trust. Pick a contact's face no other lesson "
                f"uses: {', '.join(CONTACT_AVATARS)}",
            )
        )
    return problems


def _one_conversation(step: ChatStep, at: Where, smap: SourceMap) -> Iterator[Problem]:
    """Only the contact and the child talk in a chat; replies answer the contact."""
    for mi, message in enumerate(step.messages):
        if message.sender in ("scout", "system") and QUOTED_SPEECH.search(message.text):
            yield smap.problem(
                (*at, "messages", mi, "text"),
                "someone else speaks inside this chat (Scout quotes their words), so it "
                "reads as part of the conversation with the contact: a chat holds only the "
                "contact and the child. Put the other person on a story page "
                "('type: story') or tell it without quoting them",
            )
    if step.choices is None or any(m.sender == "contact" for m in step.messages):
        return
    for ci, choice in enumerate(step.choice_list):
        if not choice.action:
            yield smap.problem(
                (*at, "choices", ci),
                "this reply is sent to the contact, but the contact says nothing in this "
                "step, so it would answer someone else (whoever Scout describes). Make it an "
                "action ('action: true'), or move the scene to a story page ('type: story')",
            )


def _question_before_choices(step: ChatStep, at: Where, smap: SourceMap) -> Iterator[Problem]:
    """A chat's choices answer the line over them, not a question from Scout in the chat."""
    if not step.choices or not step.messages:
        return
    last = step.messages[-1]
    if last.sender in ("scout", "system") and last.text.rstrip().endswith("?"):
        yield smap.problem(
            (*at, "messages", len(step.messages) - 1, "text"),
            "the chat ends on this question, but the choices answer the line over them "
            "('What do you do?' or the step's 'prompt:'). Move the question to 'prompt:' so "
            "the question and its answers match",
        )


def _questions(step: object) -> Iterator[tuple[Where, str, list[tuple[Where, str]]]]:
    """(where, question, [(where, answer)]) for each question a step asks with choices."""
    if isinstance(step, ChatStep | StoryStep) and step.prompt and step.choices:
        yield ("prompt",), step.prompt, _choice_answers(step.choice_list)
    if isinstance(step, QuizStep):
        for qi, question in enumerate(step.questions):
            if question.options:
                yield (
                    ("questions", qi, "text"),
                    question.text,
                    [
                        (("questions", qi, "options", oi, "text"), o.text)
                        for oi, o in enumerate(question.options)
                    ],
                )


def _choice_answers(choices: list[Choice]) -> list[tuple[Where, str]]:
    return [(("choices", ci, "text"), c.text) for ci, c in enumerate(choices)]


def _content_words(text: str) -> set[str]:
    words = {w.strip("'-") for w in _WORD.findall(text.lower())}
    return {w.removesuffix("s") for w in words if len(w) >= 4 and w not in _SMALL_WORDS}


def _either_or(
    question: str, answers: list[tuple[Where, str]], smap: SourceMap
) -> Iterator[Problem]:
    """An "Is it an X or a Y?" question must be answered with X or Y (*answers*: path, text)."""
    match = EITHER_OR.match(question)
    if not match:
        return
    offered = _content_words(match.group(1)) | _content_words(match.group(2))
    if not offered:
        return
    for where, text in answers:
        if not _content_words(text) & offered:
            yield smap.problem(
                where,
                f"the question asks '{match.group(1)} or {match.group(2)}?', but this "
                "answer names neither: make every answer say which it is (or ask the "
                "question the answers really answer, such as 'What could Kai do?')",
            )


def _k2_distance(lesson: Lesson, smap: SourceMap) -> Iterator[Problem]:
    """K2 asks about a character ("What could Kai do?"), never about the child."""
    asks: list[tuple[Where, str]] = []
    for si, step in enumerate(lesson.steps):
        at: Where = ("steps", si)
        if isinstance(step, ChatStep) and step.choices and not step.prompt:
            yield smap.problem(
                (*at, "choices"),
                "K2 keeps its distance, but without 'prompt:' this chat asks the child "
                "'What do you do?': add a prompt about the story's character, such as "
                "'What could Lina do?'",
                severity="warning",
            )
        if isinstance(step, ChatStep | StoryStep) and step.prompt:
            asks.append(((*at, "prompt"), step.prompt))
        if isinstance(step, ChatStep):
            asks += [
                ((*at, "messages", mi, "text"), m.text)
                for mi, m in enumerate(step.messages)
                if m.sender in ("scout", "system") and "?" in m.text
            ]
        if isinstance(step, QuizStep):
            asks += [
                ((*at, "questions", qi, "text"), q.text) for qi, q in enumerate(step.questions)
            ]
    asks += [
        (("learning_check", ii, "text"), item.text) for ii, item in enumerate(lesson.learning_check)
    ]
    for where, text in asks:
        if match := SECOND_PERSON.search(text):
            yield smap.problem(
                where,
                f"K2 keeps its distance, but '{match.group(0).strip()}' asks the child "
                "about themselves: ask about a story character instead, such as "
                "'What could Kai do?' (safety-education.md §3.6, §5.5 rule 14)",
                severity="warning",
            )
