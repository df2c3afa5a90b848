"""Routes through a lesson's story graph: to reach a step, and to cover every branch.

A route is a list of ``(step_id, choice_id)`` pairs; ``choice_id`` is ``None``
for a step that simply goes on. Snapshots use routes to reach any step, and the
scripted player uses them to play every branch of every lesson.
"""

from __future__ import annotations

from collections import deque

from game.content.model import Lesson

Route = list[tuple[str, str | None]]


def _moves(lesson: Lesson, step_id: str) -> list[tuple[str | None, str]]:
    """(choice id or None, next step) out of *step_id*, safe choices first."""
    step = lesson.step(step_id)
    if step.has_choices:
        ordered = sorted(step.choice_list, key=lambda c: not c.safe)
        return [(c.id, c.next) for c in ordered]
    return [(None, step.next)] if step.next else []


def route_between(lesson: Lesson, start: str, goal: str | None) -> Route | None:
    """The shortest route from *start* to *goal* (to any end step when *goal* is None).

    The returned route ends at the goal step, whose own entry has no choice yet.
    """
    parent: dict[str, tuple[str, str | None] | None] = {start: None}
    todo = deque([start])
    while todo:
        current = todo.popleft()
        done = lesson.step(current).end if goal is None else current == goal
        if done:
            route: Route = [(current, None)]
            while (link := parent[route[0][0]]) is not None:
                route.insert(0, link)
            return route
        for choice_id, target in _moves(lesson, current):
            if target not in parent:
                parent[target] = (current, choice_id)
                todo.append(target)
    return None


def route_to(lesson: Lesson, step_id: str) -> Route | None:
    """The shortest route from the lesson's start to *step_id*."""
    return route_between(lesson, lesson.start_id, step_id)


def branch_routes(lesson: Lesson) -> list[Route]:
    """Full routes, start to end, that together take every choice at least once."""
    routes: list[Route] = []
    covered: set[tuple[str, str]] = set()
    for step in lesson.steps:
        for choice in step.choice_list:
            if (step.id, choice.id) in covered:
                continue
            head = route_to(lesson, step.id)
            tail = route_between(lesson, choice.next, None)
            if head is None or tail is None:
                continue
            route = [*head[:-1], (step.id, choice.id), *tail]
            routes.append(route)
            covered.update((s, c) for s, c in route if c)
    return routes or [r for r in [route_between(lesson, lesson.start_id, None)] if r]
