"""Stage 3, check: any .docx -> findings against the package rules, the OOXML schemas and
Nghị định 30/2020.

`package` opens the zip safely and checks its integrity, `schema` validates the parts
against the bundled XSDs (`xsd/`), `styles` and `format` resolve each paragraph's effective
formatting, `parts` finds the parts of a plan (header, title, body, signature …), `rules*` are
the NĐ 30 rules (`rulekit` their shared tools), `result` and `report` hold and word the
findings, and `api` is the entry point.

May import: the shared top-level modules. Never `render` (it judges any Word file, not only
ours), `spec`, `extract`, `batch` or `cli`.
"""
