"""Turn a demo module's lesson and quiz data into StreamField data with stable block ids."""

from __future__ import annotations

import uuid

# Block ids derive from the module slug and position, so every language
# version of a demo module gets the same ids, and seeding is repeatable.
DEMO_NAMESPACE = uuid.UUID("2f1b7c9e-4d0a-4e55-9a36-0c7d8f6b1e21")

LESSON_BLOCKS = {"heading", "paragraph", "callout", "checklist", "takeaways"}
QUESTION_BLOCKS = {"single_choice", "multiple_choice", "true_false"}
SURVEY_BLOCKS = {"likert", "single_choice", "multiple_choice", "free_text"}


def block_id(*parts: object) -> str:
    return str(uuid.uuid5(DEMO_NAMESPACE, ":".join(str(p) for p in parts)))


def _items(key: tuple, values, wrap=lambda v: v) -> list[dict]:
    return [
        {"type": "item", "value": wrap(value), "id": block_id(*key, index)}
        for index, value in enumerate(values)
    ]


def _block(slug: str, block: dict, allowed: set[str]) -> tuple[str, object]:
    """A block in the data is a mapping of its type to its value: `- heading: Text`."""
    if not isinstance(block, dict) or len(block) != 1:
        raise ValueError(f"In {slug}: each block is one `type: value` pair, not {block!r}")
    ((kind, value),) = block.items()
    if kind not in allowed:
        raise ValueError(f"Unknown block {kind!r} in {slug}; expected one of {sorted(allowed)}")
    return kind, value


def lesson_stream(slug: str, body: list[dict]) -> list[dict]:
    stream = []
    for index, block in enumerate(body):
        kind, value = _block(slug, block, LESSON_BLOCKS)
        key = (slug, "body", index)
        if kind == "checklist":
            value = {"title": value["title"], "items": _items(key, value["items"])}
        elif kind == "takeaways":
            value = _items(key, value)
        stream.append({"type": kind, "value": value, "id": block_id(*key)})
    return stream


def quiz_stream(slug: str, quiz: list[dict], field: str = "quiz") -> list[dict]:
    """A module's quiz, or a knowledge check's question pool (`field="questions"`)."""
    stream = []
    for index, block in enumerate(quiz):
        kind, question = _block(slug, block, QUESTION_BLOCKS)
        key = (slug, field, index)
        if kind == "true_false":
            value = {
                "statement": question["statement"],
                "is_true": bool(question["is_true"]),
                "explanation": question.get("explanation", ""),
                "feedback_true": question.get("feedback_true", ""),
                "feedback_false": question.get("feedback_false", ""),
            }
        else:
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
        stream.append({"type": kind, "value": value, "id": block_id(*key)})
    return stream


def survey_stream(slug: str, questions: list[dict]) -> list[dict]:
    """A survey's questions; `required` defaults to true, as in the editor."""
    stream = []
    for index, block in enumerate(questions):
        kind, question = _block(slug, block, SURVEY_BLOCKS)
        key = (slug, "questions", index)
        if kind == "likert":
            value = {"statement": question["statement"], "required": question.get("required", True)}
        elif kind == "free_text":
            value = {"prompt": question["prompt"], "max_length": question.get("max_length", 1000)}
        else:
            value = {
                "prompt": question["prompt"],
                "options": _items(key, question["options"], lambda text: {"text": text}),
                "required": question.get("required", True),
            }
        stream.append({"type": kind, "value": value, "id": block_id(*key)})
    return stream
