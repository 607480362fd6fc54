"""The W3C export against the W3C's own conformance tests, and the import of the
forms the Web Annotation Data Model's examples take.

The tests are web-platform-tests' ``annotation-model/`` JSON Schemas (draft-04),
vendored in ``tests/data/w3c-annotation`` (see its README). ``jsonschema`` is not
installed in this project, so :class:`Schemas` below checks the part of JSON
Schema those files use, and refuses any keyword it does not know rather than
pass it by. Only the MUST assertions are run: every assertion the
``annotationMusts.test`` and ``pageMusts.test`` lists name that is vendored, and
the collection's MUSTs composed from ``collections.json`` (its own assertion
files are not in the copy of the repository they were taken from).
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import dump, strip_isolates
from tests.domain.test_schema4 import analysed
from viewer import __version__
from viewer.cli import main
from viewer.domain.notes import Note, NoteTarget, TargetKind
from viewer.domain.timeline import Timeline
from viewer.persistence.model_file import parse_timeline
from viewer.persistence.notes_export import NotesImportError, from_w3c, notes_text, to_w3c
from viewer.persistence.notes_store import NoteStore
from viewer.persistence.paths import AppPaths

DATA = Path(__file__).parent.parent / "data" / "w3c-annotation"
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
SOURCE = "urn:timeline-viewer:timeline:test-timeline"
WHEN = datetime(2025, 6, 4, 10, 0, tzinfo=UTC)
LATER = datetime(2025, 6, 5, 8, 30, tzinfo=UTC)

# -- a validator for the JSON Schema the W3C's tests use ---------------------------------

# RFC 3986: a scheme, then only characters a URI may hold, any % escape complete.
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")
_DATE_TIME = re.compile(
    r"\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)"
)  # RFC 3339
_FORMATS = {
    "uri": lambda text: bool(_URI.fullmatch(text)) and not re.search(r"%(?![0-9A-Fa-f]{2})", text),
    "date-time": lambda text: bool(_DATE_TIME.fullmatch(text)),
}
_TYPES: dict[str, Any] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}
# Words of the files that say what an assertion is, not what it checks.
_WORDS = {"$schema", "id", "title", "description", "assertionType", "expectedResult"}
_WORDS |= {"onUnexpectedResult", "errorMessage", "definitions"}


class Schemas:
    """The vendored schemas, by file name: ``valid(instance, schema, file)``.

    A ``$ref`` is followed whether or not other keywords stand beside it, and
    those are checked too (stricter than draft-04, which ignores them).
    """

    def __init__(self) -> None:
        self.files: dict[str, Any] = {}
        for path in DATA.rglob("*.json"):
            self.files[path.name] = json.loads(path.read_text(encoding="utf-8"))

    def assertion(self, path: str) -> tuple[str, Any]:
        name = Path(path).name
        return name, self.files[name]

    def valid(self, value: Any, schema: dict[str, Any], file: str) -> bool:
        unknown = set(schema) - _WORDS - set(_CHECKS)
        assert not unknown, f"{file}: a keyword this validator does not know: {unknown}"
        return all(
            _CHECKS[key](self, value, schema[key], schema, file) for key in schema if key in _CHECKS
        )

    def ref(self, value: Any, ref: str, file: str) -> bool:
        name, _, pointer = ref.partition("#")
        name = name or file
        target = self.files[name]  # a KeyError: a file the excerpt lacks
        for part in pointer.strip("/").split("/") if pointer.strip("/") else []:
            target = target[part]  # a KeyError: a definition the excerpt lacks
        return self.valid(value, target, name)


def _type(s: Schemas, v: Any, kinds: Any, schema: Any, file: str) -> bool:
    return any(_TYPES[kind](v) for kind in ([kinds] if isinstance(kinds, str) else kinds))


def _properties(s: Schemas, v: Any, props: Any, schema: Any, file: str) -> bool:
    if not isinstance(v, dict):
        return True
    return all(s.valid(v[key], sub, file) for key, sub in props.items() if key in v)


def _pattern_properties(s: Schemas, v: Any, props: Any, schema: Any, file: str) -> bool:
    if not isinstance(v, dict):
        return True
    return all(
        s.valid(item, sub, file)
        for pattern, sub in props.items()
        for key, item in v.items()
        if re.search(pattern, key)
    )


def _additional(s: Schemas, v: Any, allowed: Any, schema: Any, file: str) -> bool:
    if not isinstance(v, dict) or allowed is not False:
        assert allowed is False or not isinstance(v, dict), "only 'false' is read"
        return True
    known = set(schema.get("properties", {}))
    patterns = list(schema.get("patternProperties", {}))
    return all(key in known or any(re.search(p, key) for p in patterns) for key in v)


def _items(s: Schemas, v: Any, sub: Any, schema: Any, file: str) -> bool:
    return not isinstance(v, list) or all(s.valid(item, sub, file) for item in v)


def _minimum(s: Schemas, v: Any, low: Any, schema: Any, file: str) -> bool:
    if not _TYPES["number"](v):
        return True
    return bool(v > low if schema.get("exclusiveMinimum") else v >= low)


def _format(s: Schemas, v: Any, name: str, schema: Any, file: str) -> bool:
    return not isinstance(v, str) or _FORMATS[name](v)


def _dependencies(s: Schemas, v: Any, deps: Any, schema: Any, file: str) -> bool:
    if not isinstance(v, dict):
        return True
    return all(all(need in v for need in needs) for key, needs in deps.items() if key in v)


_CHECKS: dict[str, Any] = {
    "type": _type,
    "required": lambda s, v, keys, *_: not isinstance(v, dict) or all(k in v for k in keys),
    "properties": _properties,
    "patternProperties": _pattern_properties,
    "additionalProperties": _additional,
    "items": _items,
    "minItems": lambda s, v, n, *_: not isinstance(v, list) or len(v) >= n,
    "maxItems": lambda s, v, n, *_: not isinstance(v, list) or len(v) <= n,
    "minimum": _minimum,
    "exclusiveMinimum": lambda *_: True,  # read with "minimum"
    "enum": lambda s, v, values, *_: v in values,
    "pattern": lambda s, v, p, *_: not isinstance(v, str) or re.search(p, v) is not None,
    "format": _format,
    "dependencies": _dependencies,
    "allOf": lambda s, v, subs, sch, f: all(s.valid(v, sub, f) for sub in subs),
    "anyOf": lambda s, v, subs, sch, f: any(s.valid(v, sub, f) for sub in subs),
    "oneOf": lambda s, v, subs, sch, f: sum(s.valid(v, sub, f) for sub in subs) == 1,
    "not": lambda s, v, sub, sch, f: not s.valid(v, sub, f),
    "$ref": lambda s, v, ref, sch, f: s.ref(v, ref, f),
}

SCHEMAS = Schemas()


def musts(test_file: str) -> tuple[list[str], list[str]]:
    """The MUST assertions a ``.test`` list names: those vendored, those not."""
    listed = json.loads((DATA / test_file).read_text(encoding="utf-8"))["assertions"]
    here = [path for path in listed if Path(path).name in SCHEMAS.files]
    for path in here:
        assert SCHEMAS.assertion(path)[1]["assertionType"] == "must", path
    return here, [path for path in listed if path not in here]


ANNOTATION_MUSTS, ANNOTATION_MUSTS_MISSING = musts("annotations/annotationMusts.test")
PAGE_MUSTS, PAGE_MUSTS_MISSING = musts("collections/pages/pageMusts.test")
_COLLECTIONS = "collections.json#/definitions/"
#: §5.1's MUSTs, as collectionMusts.test names them, from collections.json's definitions.
COLLECTION_MUSTS = {
    "5.1 @context": {
        "type": "object",
        "required": ["@context"],
        "properties": {
            "@context": {
                "oneOf": [
                    {"$ref": _COLLECTIONS + "contextValueFound"},
                    {"$ref": _COLLECTIONS + "contextValueInArrayFound"},
                ]
            }
        },
    },
    "5.1 id": {"$ref": "id.json#/definitions/idValueFound"},
    "5.1 type": {"$ref": _COLLECTIONS + "annotationCollectionTypeValueFound"},
    "5.1 label": {"$ref": _COLLECTIONS + "labelDefinition"},
    "5.1 total": {"$ref": _COLLECTIONS + "totalDefinition"},
    "5.1 first": {"$ref": _COLLECTIONS + "firstValidIfPresent"},
    "5.1 first if total > 0": {"$ref": _COLLECTIONS + "firstRequiredIfTotalMoreThanZero"},
    "5.1 last": {"$ref": _COLLECTIONS + "lastValidIfPresent"},
    "3.3.1 created": {"$ref": "otherProperties.json#/definitions/createdValidIfPresent"},
    "3.3.1 modified": {"$ref": "otherProperties.json#/definitions/modifiedValidIfPresent"},
    "3.3.6 rights": {"$ref": "otherProperties.json#/definitions/rightsValidIfPresent"},
}


def failed(document: Any, assertions: list[str]) -> list[str]:
    """The assertions ``document`` fails, by file name."""
    fails = []
    for path in assertions:
        name, schema = SCHEMAS.assertion(path)
        if not SCHEMAS.valid(document, schema, name):
            fails.append(name)
    return fails


def collection_failed(document: Any) -> list[str]:
    return [
        name
        for name, schema in COLLECTION_MUSTS.items()
        if not SCHEMAS.valid(document, schema, "collections.json")
    ]


# -- the timeline and notes -------------------------------------------------------------


@pytest.fixture
def timeline(minimal: dict[str, Any]) -> Timeline:
    return parse_timeline(dump(analysed(minimal)))


def note(kind: TargetKind, target: str, text: str, note_id: str, **more: Any) -> Note:
    return Note(
        id=note_id,
        target=NoteTarget(kind=kind, id=target),
        text=text,
        created=WHEN,
        modified=more.pop("modified", WHEN),
        **more,
    )


def every_kind() -> list[Note]:
    return [
        note(TargetKind.EVENT, "e1", "eins\nzwei", "n1", tags=("Tag", "Zweiter")),
        note(TargetKind.QUOTE, "q1", "ein Zitat", "n2", modified=LATER),
        note(TargetKind.SOURCE, "tass", "", "n3", grade="D3"),
        note(TargetKind.CLAIM, "c-bland", "bestritten", "n4", grade="E5"),
        note(TargetKind.EVENT, "gone", "abgehängt", "n5", target_title="Alt"),
    ]


def annotation(**changes: Any) -> dict[str, Any]:
    """An annotation as the model's examples write one: alone, with its context."""
    item: dict[str, Any] = {
        "@context": CONTEXT,
        "id": "urn:uuid:6a2e7a1c0b5d4f3e9a8b7c6d5e4f3a2b",
        "type": "Annotation",
        "created": "2025-06-04T10:00:00Z",
        "body": {"type": "TextualBody", "value": "Notiz", "purpose": "commenting"},
        "target": {
            "type": "SpecificResource",
            "source": SOURCE,
            "selector": {"type": "FragmentSelector", "value": "event=e1"},
        },
    }
    item.update(changes)
    return {key: value for key, value in item.items() if value is not None}


def imported(document: Any, timeline: Timeline) -> list[Note]:
    return from_w3c(dump(document), timeline)


def refused(document: Any, timeline: Timeline) -> list[str]:
    with pytest.raises(NotesImportError) as caught:
        imported(document, timeline)
    return caught.value.problems


# -- the export passes the W3C's MUSTs ---------------------------------------------------


def test_the_musts_run_are_the_ones_listed() -> None:
    assert len(ANNOTATION_MUSTS) == 14
    assert ANNOTATION_MUSTS_MISSING == []
    assert len(PAGE_MUSTS) == 14
    assert PAGE_MUSTS_MISSING == ["collections/pages/5.2-pageContextValidated.json"]


def test_the_validator_finds_what_the_assertions_refuse(timeline: Timeline) -> None:
    """The checks can fail: the export as it was (a page without an id, an empty
    page) and annotations that break a MUST."""
    document = to_w3c(timeline, every_kind())
    del document["first"]["id"]
    assert failed(document, PAGE_MUSTS) == ["5.2-pageIdValidated.json"]
    document["first"]["items"] = [{"type": "Note"}]
    assert "5.2-pageItemsValidated.json" in failed(document, PAGE_MUSTS)
    item = document_item(timeline)
    broken = {
        **item,
        "@context": "http://example.org/context",
        "id": "not an IRI",
        "bodyValue": "both",
        "created": "4 June 2025",
        "target": {"type": "SpecificResource"},
        "via": ["http://example.org/a b"],
    }
    assert failed(broken, ANNOTATION_MUSTS) == [
        "3.1-annotationContextValidated.json",
        "3.1-annotationIdValidated.json",
        "3.2-targetObjectsRecognized.json",
        "3.2.5-notBodyBodyValue.json",
        "3.3.1-annotationCreatedValidated.json",
        "3.3.7-annotationViaValidated.json",
    ]
    assert collection_failed({"type": "AnnotationCollection", "total": 3}) == [
        "5.1 @context",
        "5.1 id",
        "5.1 first if total > 0",
    ]


def document_item(timeline: Timeline) -> dict[str, Any]:
    item: dict[str, Any] = to_w3c(timeline, every_kind()[:1])["first"]["items"][0]
    return {"@context": CONTEXT, **item}


def test_the_export_passes_every_must(timeline: Timeline) -> None:
    document = json.loads(notes_text(timeline, every_kind(), w3c=True))
    assert collection_failed(document) == []
    assert failed(document, PAGE_MUSTS) == []
    page = document["first"]
    assert page["id"] == f"{SOURCE}:notes:page:1"
    assert len(page["items"]) == document["total"] == 5  # §5.2: one or more
    assert failed({"@context": CONTEXT, **page}, PAGE_MUSTS) == []  # the page alone too
    for item in page["items"]:
        # an annotation in a collection takes its context from the collection
        assert failed({"@context": CONTEXT, **item}, ANNOTATION_MUSTS) == [], item["id"]


def test_the_app_is_each_annotations_generator_and_no_creator_is_named(
    timeline: Timeline,
) -> None:
    for item in to_w3c(timeline, every_kind())["first"]["items"]:
        assert item["generator"] == {
            "id": "urn:timeline-viewer:app",
            "type": "Software",
            "name": f"timeline-viewer {__version__}",
        }
        assert "creator" not in item


def test_an_export_of_no_notes_is_a_collection_without_a_page(timeline: Timeline) -> None:
    document = to_w3c(timeline, [])
    assert document == {
        "@context": CONTEXT,
        "id": f"{SOURCE}:notes",
        "type": "AnnotationCollection",
        "label": "Notes on Test",
        "total": 0,
    }
    assert collection_failed(document) == []
    assert imported(document, timeline) == []
    # ... but a collection that says it has notes must have its page
    assert refused({**document, "total": 2}, timeline) == [
        "first: missing (the AnnotationPage that holds the annotations)"
    ]


def test_grades_sources_and_claims_still_go_and_come_back(timeline: Timeline) -> None:
    notes = every_kind()
    back = sorted(from_w3c(notes_text(timeline, notes, w3c=True).encode(), timeline), key=id_of)
    assert [(n.id, n.target, n.text, n.tags, n.grade, n.modified) for n in back] == [
        (n.id, n.target, n.text, n.tags, n.grade, n.modified) for n in notes
    ]
    assert [n.target_title for n in back] == [
        "Anruf",
        "Anna: „Ein gutes Gespräch.“",
        "TASS",
        "Bland: „Es war nichts.“",
        "Alt",
    ]


def id_of(n: Note) -> str:
    return n.id


# -- the import takes the forms of the model's examples ---------------------------------


def test_a_single_annotation_imports(timeline: Timeline) -> None:
    [one] = imported(annotation(), timeline)
    assert (one.id, one.text, one.target, one.created) == (
        "6a2e7a1c0b5d4f3e9a8b7c6d5e4f3a2b",
        "Notiz",
        NoteTarget(kind=TargetKind.EVENT, id="e1"),
        WHEN,
    )
    assert failed(annotation(), ANNOTATION_MUSTS) == []  # the example is one


def test_a_page_and_a_plain_list_of_annotations_import(timeline: Timeline) -> None:
    second = annotation(id="n2", target=f"{SOURCE}#quote=q1", bodyValue="zwei", body=None)
    page = {
        "@context": CONTEXT,
        "id": "http://example.org/page1",
        "type": "AnnotationPage",
        "items": [annotation(), second],
    }
    assert failed(page, PAGE_MUSTS) == []
    assert [n.text for n in imported(page, timeline)] == ["Notiz", "zwei"]
    assert [n.text for n in imported([annotation(), second], timeline)] == ["Notiz", "zwei"]
    assert imported([], timeline) == []


@pytest.mark.parametrize(
    ("target", "kind", "target_id"),
    [
        (f"{SOURCE}#event=e1", TargetKind.EVENT, "e1"),
        (f"{SOURCE}#quote=q1", TargetKind.QUOTE, "q1"),
        (f"{SOURCE}#source=tass", TargetKind.SOURCE, "tass"),
        (f"{SOURCE}#claim=c-bland", TargetKind.CLAIM, "c-bland"),
        (f"{SOURCE}#event=acled%3AUKR1", TargetKind.EVENT, "acled:UKR1"),  # detached
        ({"id": f"{SOURCE}#event=e2", "type": "Text"}, TargetKind.EVENT, "e2"),
    ],
)
def test_a_target_given_as_its_iri_imports(
    timeline: Timeline, target: Any, kind: TargetKind, target_id: str
) -> None:
    item = annotation(target=target)
    assert failed(item, ANNOTATION_MUSTS) == []
    [one] = imported(item, timeline)
    assert one.target == NoteTarget(kind=kind, id=target_id)


def test_a_body_value_is_the_notes_text(timeline: Timeline) -> None:
    item = annotation(body=None, bodyValue="nur Text")
    assert failed(item, ANNOTATION_MUSTS) == []
    [one] = imported(item, timeline)
    assert (one.text, one.tags, one.grade) == ("nur Text", (), None)


def test_created_is_optional(timeline: Timeline) -> None:
    [one] = imported(annotation(created=None, modified="2025-06-05T08:30:00Z"), timeline)
    assert one.created == one.modified == LATER
    before = datetime.now(UTC)
    [two] = imported(annotation(created=None), timeline)
    assert before <= two.created == two.modified <= datetime.now(UTC)


HTTP_ID = "https://example.org/annotations/anno1"


def test_an_http_id_gives_the_note_its_own_id_the_same_each_time(timeline: Timeline) -> None:
    [one] = imported(annotation(id=HTTP_ID), timeline)
    [again] = imported(annotation(id=HTTP_ID, bodyValue="neu", body=None), timeline)
    assert one.id == again.id
    assert uuid.UUID(hex=one.id)  # a uuid of its own, not the address
    assert "example.org" not in one.model_dump_json()  # kept nowhere, so shown nowhere
    [other] = imported(annotation(id="http://example.org/annotations/anno1"), timeline)
    assert other.id != one.id
    # the same IRI twice in one file is one id twice
    assert refused([annotation(id=HTTP_ID), annotation(id=HTTP_ID)], timeline) == [
        f"annotation 2: id: '{one.id}' is also the id of annotation 1"
    ]


def test_importing_an_http_id_annotation_twice_makes_one_note(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, minimal: dict[str, Any]
) -> None:
    model = tmp_path / "model.json"
    model.write_bytes(dump(analysed(minimal)))
    source = tmp_path / "anno.jsonld"
    source.write_bytes(dump(annotation(id=HTTP_ID)))
    outputs = []
    for _ in range(2):
        assert main(["notes", "import", str(source), "--model", str(model)]) == 0
        outputs.append(strip_isolates(capsys.readouterr().out))
    assert outputs == [
        "imported 1 new, 0 updated, 0 unchanged notes\n",
        "imported 0 new, 0 updated, 1 unchanged notes\n",
    ]
    with NoteStore(AppPaths.from_environment().data_dir, "test-timeline") as store:
        store.open()
        assert [n.text for n in store.notes()] == ["Notiz"]


# -- what stays refused, with its message -----------------------------------------------

_ID_RULE = (
    "annotation 1: id: must be up to 200 letters, digits, '.', '_' or '-' (after an "
    "optional 'urn:uuid:'), found "
)


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        (annotation(id="javascript:alert(1)"), _ID_RULE + "'javascript:alert(1)'"),
        (annotation(id="ftp://example.org/a"), _ID_RULE + "'ftp://example.org/a'"),
        (annotation(id="urn:isbn:0451450523"), _ID_RULE + "'urn:isbn:0451450523'"),
        (annotation(id="https:///no-host"), _ID_RULE + "'https:///no-host'"),
        (annotation(id="https://a b"), _ID_RULE + "'https://a b'"),
        (annotation(id=None), "annotation 1: id: missing"),
        (
            annotation(bodyValue="auch"),
            "annotation 1: bodyValue: an annotation has a body or a bodyValue, not both",
        ),
        (
            annotation(body=None, bodyValue=" \u200b"),
            "annotation 1: bodyValue: the note's text is empty, found ' \\u200b'",
        ),
        (
            annotation(body=None, bodyValue=["x"]),
            "annotation 1: bodyValue: must be text, found a list",
        ),
        (
            annotation(target="urn:timeline-viewer:timeline:other#event=e1"),
            "annotation 1: target: it is about 'urn:timeline-viewer:timeline:other#event=e1', "
            f"not an event, quote, source or claim of this timeline ({SOURCE}#event=ID)",
        ),
        (
            annotation(target=SOURCE),
            f"annotation 1: target: it is about '{SOURCE}', not an event, quote, source or "
            f"claim of this timeline ({SOURCE}#event=ID)",
        ),
        (
            annotation(target=f"{SOURCE}#actor=a"),
            "annotation 1: target: fragment: must be 'event=ID', 'quote=ID', 'source=ID' or "
            "'claim=ID', found 'actor=a'",
        ),
        (
            annotation(target=f"{SOURCE}#event=javascript%3Aalert(1)"),
            "annotation 1: target: fragment: not an event, quote, source or claim id, "
            "found 'javascript:alert(1)'",
        ),
        (
            annotation(target=[f"{SOURCE}#event=e1"]),
            "annotation 1: target: must be a SpecificResource object, found a list (or an "
            f"IRI such as '{SOURCE}#event=ID')",
        ),
        (
            annotation(body="http://example.org/comment1"),  # an external body: not a note
            "annotation 1: body: must be a TextualBody or a list of them, found "
            "'http://example.org/comment1'",
        ),
        (
            annotation(created="2025-06-04T10:00:00"),
            "annotation 1: created: a time needs its time zone, found '2025-06-04T10:00:00'",
        ),
        (
            annotation(**{"@context": "http://example.org/ctx"}),
            f"its @context is not {CONTEXT}",
        ),
        (
            {"type": "Note"},
            "not a W3C AnnotationCollection, AnnotationPage or Annotation "
            '(its "type" must be one of them)',
        ),
        (
            {"@context": CONTEXT, "type": "AnnotationPage", "items": 5},
            "the page: items: must be a list of annotations, found the number 5",
        ),
        (
            [annotation(), 7],
            "annotation 2: must be an Annotation (a JSON object), found the number 7",
        ),
    ],
)
def test_what_is_still_refused_is_named(timeline: Timeline, document: Any, problem: str) -> None:
    assert refused(document, timeline) == [problem]


def test_a_key_twice_in_a_single_annotation_is_refused(timeline: Timeline) -> None:
    text = json.dumps(annotation())
    twice = text[:-1] + ', "target": {"id": "x"}}'
    nested = text.replace('"purpose": "commenting"', '"purpose": "commenting", "value": "y"')
    with pytest.raises(NotesImportError) as caught:
        from_w3c(twice.encode(), timeline)
    assert caught.value.problems == ["target: given twice"]
    with pytest.raises(NotesImportError) as caught:
        from_w3c(nested.encode(), timeline)
    assert caught.value.problems == ["annotation 1: the key 'value' is given twice in one object"]
