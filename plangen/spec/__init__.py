"""Stage 1, spec: YAML text -> a checked `Plan`.

Loading with line and column (`loader`), composition of `extends`/`include` (`compose`,
`merge`), presets (`presets`), locality placeholders (`placeholders`, `assemble`), the key
declaration and JSON Schema (`schema`), validation (`validate`: schema; `meaning`: what the
values mean), and the library entry (`api`). `starter` writes the commented spec of
`plangen new`.

May import: the shared top-level modules (`model`, `errors`, `messages`, `vntext`, `files`).
Never `render`, `check`, `extract`, `batch` or `cli`.
"""
