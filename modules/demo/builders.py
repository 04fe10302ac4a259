"""Turn the demo content data into StreamField data with stable block ids."""

from __future__ import annotations

import uuid

from django.utils.text import slugify

# Block ids derive from the module slug and position, so every language
# version of a demo module gets the same ids, and seeding is repeatable.
DEMO_NAMESPACE = uuid.UUID("2f1b7c9e-4d0a-4e55-9a36-0c7d8f6b1e21")


def block_id(*parts: object) -> str:
    return str(uuid.uuid5(DEMO_NAMESPACE, ":".join(str(p) for p in parts)))


def _items(key: tuple, values, wrap=lambda v: v) -> list[dict]:
    return [
        {"type": "item", "value": wrap(value), "id": block_id(*key, index)}
        for index, value in enumerate(values)
    ]


def lesson_stream(slug: str, body: list[tuple[str, object]]) -> list[dict]:
    stream = []
    for index, (kind, value) in enumerate(body):
        key = (slug, "body", index)
        if kind == "checklist":
            value = {"title": value["title"], "items": _items(key, value["items"])}
        elif kind == "takeaways":
            value = _items(key, value)
        elif kind not in {"heading", "paragraph", "callout"}:
            raise ValueError(f"Unknown lesson block {kind!r} in {slug}")
        stream.append({"type": kind, "value": value, "id": block_id(*key)})
    return stream


def quiz_stream(slug: str, quiz: list[dict]) -> list[dict]:
    stream = []
    for index, question in enumerate(quiz):
        key = (slug, "quiz", index)
        kind = question["type"]
        if kind == "true_false":
            value = {
                "statement": question["statement"],
                "is_true": bool(question["is_true"]),
                "explanation": question.get("explanation", ""),
                "feedback_true": question.get("feedback_true", ""),
                "feedback_false": question.get("feedback_false", ""),
            }
        elif kind in {"single_choice", "multiple_choice"}:
            value = {
                "prompt": question["prompt"],
                "explanation": question.get("explanation", ""),
                "choices": _items(
                    key,
                    question["choices"],
                    lambda c: {
                        "text": c["text"],
                        "is_correct": bool(c["correct"]),
                        "feedback": c.get("feedback", ""),
                    },
                ),
            }
        else:
            raise ValueError(f"Unknown question type {kind!r} in {slug}")
        stream.append({"type": kind, "value": value, "id": block_id(*key)})
    return stream


def page_slug(title: str) -> str:
    return slugify(title)[:80] or "page"
