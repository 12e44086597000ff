"""Stage 2, render: a `Plan` -> .docx bytes, and .docx files -> PDF.

`context` lays the plan out as paragraphs (numbering, labels, line breaks), `docx` fills the
Word template with them, `ooxml` holds the WordprocessingML helpers (the only module here
that writes markup), `textwidth` measures Times New Roman text to balance wrapped lines,
`agency` breaks a long agency name of the header at its joints and sizes its column, and
`pdf` drives LibreOffice, and `guardian` cleans up after it should plangen be SIGKILLed.

May import: the shared top-level modules. Never `spec`, `check`, `extract`, `batch` or `cli`:
in particular `render` and `check` never import each other, so the checker shares none of the
writer's assumptions.
"""
