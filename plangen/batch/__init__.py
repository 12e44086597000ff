"""Stage 4, batch: one spec or one base plan for many localities, to files.

`localities` is the official list of provinces and communes and what a plan calls them,
`selection` turns `--localities` (a name, a list, a table) into localities with overrides,
`build` makes one plan's files (spec -> docx -> PDF), and `run` runs a whole batch in worker
processes with its index, and `pdfpool` converts its PDFs (one LibreOffice run per job).

May import: `spec`, `render`, `check` and the shared top-level modules. Never `cli`.
"""
