"""The JSON Schema editors use (VS Code's YAML extension, yaml-language-server), built from the
plan schema that `schema.py` translates from the one declaration.

A plan file is more than a plan: it may `extends` a base and `include` shared parts, edit a
base's lists with `key+` / `key-`, refer to `{preset: name}` entries declared under `presets:`,
or be a table of localities (`localities:`) whose rows override the base. Editors cannot know
what a base or a part provides, so:

- every key may be written in any file (types and names are always checked: an unknown key or
  a wrong type is flagged everywhere);
- required keys are required only in a whole plan: a file that names its issuer or summary,
  and neither extends nor includes another file nor lists localities. A shared part, an
  overriding file and a localities table are fragments;
- an entry written `{preset: name}` (a signature, a task, a recipients group) needs nothing
  else beside it.
"""

from __future__ import annotations

from typing import Any

Json = dict[str, Any]

EXTENDS, INCLUDE, PRESETS, PRESET, LOCALITIES = ("extends", "include", "presets", "preset",
                                                 "localities")
# where `{preset: name}` may stand, as JSON Schema property paths from the top
PRESET_OBJECTS = (("signature",), ("decision", "signature"), ("tasks", "items", "[]"))
PRESET_LINES = (("recipients",), ("decision", "recipients"))
PLAN_IDENTITY = ("issuer", "summary")  # a file naming these (and no base) is a whole plan
SIBLING = "sibling:"  # a $ref to a key of the same "properties", until _resolve

_PRESET_NAME: Json = {"type": "string", "minLength": 1,
                      "description": "Tên mục dùng chung khai báo ở presets: (ví dụ "
                                     "\"kt-chu-tich\"); các khóa viết bên cạnh ghi đè nó."}
_PATHS: Json = {"anyOf": [{"type": "string", "minLength": 1},
                          {"type": "array", "items": {"type": "string", "minLength": 1},
                           "minItems": 1}]}


def editor_schema(plan: Json) -> Json:
    """The editor's schema from the strict `plan` schema (top-level required keys and their
    `if`/`then`/`else` included)."""
    properties = plan["properties"]
    requirements = {key: found for key, sub in properties.items()
                    if (found := _requirements(sub)) is not None}
    partial = {key: _partial(sub) for key, sub in properties.items()}
    _allow_presets(partial, requirements)
    partial = {key: _with_list_edits(sub) for key, sub in partial.items()}
    # "anyOf": the four fixed sections, or a plan's own "sections" (a whole plan only)
    strict: Json = {key: plan[key] for key in ("required", "if", "then", "else", "anyOf")
                    if key in plan}
    if requirements:
        strict["properties"] = requirements
    top = _list_edits(partial)
    fragment_keys = {**top, **_composition(partial)}
    out: Json = {key: value for key, value in plan.items()
                 if key not in ("properties", "required", "if", "then", "else", "anyOf")}
    out["properties"] = fragment_keys
    _resolve(out["properties"], "#/properties")
    out["allOf"] = [
        # a decision owns the frame of the document: the plan's own copies are errors anywhere
        *([{"if": plan["if"], "then": plan["then"]}] if "if" in plan and "then" in plan else []),
        {"if": _whole_plan(), "then": strict},
    ]
    return out


def _whole_plan() -> Json:
    return {"anyOf": [{"required": [key]} for key in PLAN_IDENTITY],
            "not": {"anyOf": [{"required": [key]} for key in (EXTENDS, INCLUDE, LOCALITIES)]}}


def _partial(node: Any) -> Any:
    """`node` without any "required" list: what a fragment may hold."""
    if isinstance(node, dict):
        return {key: _partial(value) for key, value in node.items() if key != "required"}
    if isinstance(node, list):
        return [_partial(value) for value in node]
    return node


def _requirements(node: Json) -> Json | None:
    """Only the "required" lists of `node` and below, or None when nothing is required.

    "required" and "properties" constrain objects only, "items" arrays only, so the object
    and array variants of an anyOf can share one schema."""
    found: Json = {}
    for variant in node.get("anyOf", [node]):
        if variant.get("required"):
            found["required"] = list(variant["required"])
        inner = {key: req for key, sub in variant.get("properties", {}).items()
                 if (req := _requirements(sub)) is not None}
        if inner:
            found["properties"] = inner
        if isinstance(variant.get("items"), dict):
            items = _requirements(variant["items"])
            if items is not None:
                found["items"] = items
    return found or None


def _is_list(node: Json) -> bool:
    return node.get("type") == "array" or any(
        variant.get("type") == "array" for variant in node.get("anyOf", []))


def _list_edits(properties: Json) -> Json:
    """`properties` with `key+` (append, or patch the item with the same id) and `key-`
    (remove ids or lines) beside every list."""
    out: Json = {}
    for key, sub in properties.items():
        out[key] = sub
        if _is_list(sub):
            description = sub.get("description", "")
            # the same schema as the list itself, by reference (resolved in _resolve)
            out[f"{key}+"] = {"$ref": SIBLING + key, "description":
                              f"Thêm vào cuối danh sách {key} của kế hoạch gốc (mục cùng id "
                              f"thì sửa mục đó). {description}".strip()}
            out[f"{key}-"] = {"type": "array", "items": {"type": ["string", "integer"]},
                              "description": f"Bỏ khỏi danh sách {key} của kế hoạch gốc: "
                                             "các mã (id) hoặc đúng nguyên dòng."}
    return out


def _with_list_edits(node: Any) -> Any:
    """List edits in every mapping below `node`."""
    if isinstance(node, dict):
        out = {key: _with_list_edits(value) for key, value in node.items()}
        if isinstance(out.get("properties"), dict) and out.get("type") == "object":
            out["properties"] = _list_edits(out["properties"])
        return out
    if isinstance(node, list):
        return [_with_list_edits(value) for value in node]
    return node


def _at(root: Json, path: tuple[str, ...]) -> Json | None:
    """The schema at a property path ("[]" steps into a list's items) in any object variant."""
    node: Any = {"type": "object", "properties": root}
    for step in path:
        if not isinstance(node, dict):
            return None
        candidates = node.get("anyOf", [node])
        if step == "[]":
            node = next((c["items"] for c in candidates if isinstance(c.get("items"), dict)),
                        None)
        else:
            node = next((c["properties"][step] for c in candidates
                         if step in c.get("properties", {})), None)
    return node if isinstance(node, dict) else None


def _pointer_at(root: Json, path: tuple[str, ...]) -> str:
    """The JSON pointer of the schema at a property path (as `_at` finds it)."""
    pointer = "#"
    node: Json = {"type": "object", "properties": root}
    for step in path:
        variants = node.get("anyOf", [node])
        index, variant = next((i, v) for i, v in enumerate(variants)
                              if isinstance(v.get("items" if step == "[]" else "properties"),
                                            dict) and (step == "[]" or step in v["properties"]))
        if "anyOf" in node:
            pointer += f"/anyOf/{index}"
        pointer += "/items" if step == "[]" else f"/properties/{_pointer(step)}"
        node = variant["items"] if step == "[]" else variant["properties"][step]
    return pointer


def _objects(node: Json) -> list[Json]:
    return [variant for variant in node.get("anyOf", [node]) if variant.get("type") == "object"]


def _allow_presets(partial: Json, requirements: Json) -> None:
    """`{preset: name}` where presets.py expands it; such an entry needs nothing beside it."""
    for path in PRESET_OBJECTS:
        for variant in _objects(_at(partial, path) or {}):
            variant["properties"] = {PRESET: _PRESET_NAME, **variant.get("properties", {})}
        needed = _at(requirements, path)
        if needed is not None:
            strict = dict(needed)
            needed.clear()
            needed.update({"if": {"required": [PRESET]}, "else": strict})
    for path in PRESET_LINES:
        lines = _at(partial, path)
        if lines is not None:
            for variant in lines.get("anyOf", [lines]):
                if isinstance(variant.get("items"), dict):
                    variant["items"] = {"anyOf": [variant["items"], _preset_reference()]}


def _preset_reference() -> Json:
    return {"type": "object", "additionalProperties": False, "required": [PRESET],
            "properties": {PRESET: _PRESET_NAME},
            "description": "Một nhóm nơi nhận khai báo ở presets.recipients."}


def _composition(partial: Json) -> Json:
    """The keys that tie files together: extends, include, presets, localities."""
    signature = {"$ref": _pointer_at(partial, ("signature",))}
    task = {"$ref": _pointer_at(partial, ("tasks", "items", "[]"))}
    lines = {"$ref": _pointer_at(partial, ("recipients",))}
    row_keys = {key: {"$ref": f"#/properties/{_pointer(key)}"}
                for key in _list_edits(partial)}
    return {
        EXTENDS: {"type": "string", "minLength": 1,
                  "description": "Kế hoạch gốc mà tệp này kế thừa (đường dẫn tính từ tệp "
                                 "này); các khóa viết ở đây ghi đè kế hoạch gốc."},
        INCLUDE: {**_PATHS, "description": "Các tệp phần dùng chung được ghép vào (đường dẫn "
                                           "tính từ tệp này), ví dụ parts/presets.yaml."},
        PRESETS: {
            "type": "object", "additionalProperties": False,
            "description": "Các mục dùng chung, gọi đến bằng {preset: tên}.",
            "properties": {
                "recipients": {"type": "object", "additionalProperties": lines,
                               "description": "Các nhóm nơi nhận, theo tên."},
                "signatures": {"type": "object", "additionalProperties": signature,
                               "description": "Các khối chữ ký, theo tên."},
                "tasks": {"type": "object", "additionalProperties": task,
                          "description": "Các nhiệm vụ mẫu, theo tên."},
            }},
        LOCALITIES: {
            "type": "array", "minItems": 1,
            "description": "Bảng địa phương cho plangen batch: mỗi dòng một địa phương "
                           "(locality: tên hoặc mã), các khóa khác ghi đè kế hoạch gốc.",
            "items": {"type": "object", "additionalProperties": False,
                      "required": ["locality"],
                      "properties": {"locality": {
                          "type": ["string", "integer"],
                          "description": "Tên (\"tỉnh Đắk Lắk\") hoặc mã của địa phương."},
                          **row_keys}}},
    }


def _resolve(node: Any, pointer: str) -> None:
    """Turn every sibling reference into a JSON pointer from the root; `node` sits at
    `pointer` (a "properties" object when its values are schemas)."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{pointer}/{_pointer(key)}"
            if isinstance(value, dict) and str(value.get("$ref", "")).startswith(SIBLING):
                value["$ref"] = f"{pointer}/{_pointer(value['$ref'][len(SIBLING):])}"
            _resolve(value, here)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _resolve(value, f"{pointer}/{index}")


def _pointer(key: str) -> str:
    """A JSON pointer step (RFC 6901)."""
    return key.replace("~", "~0").replace("/", "~1")
