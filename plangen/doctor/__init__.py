"""`plangen doctor`: is this machine ready to make PDFs that look right?

`checks` runs one check per need (LibreOffice, a serif font with every Vietnamese letter for
Times New Roman, the bundled OOXML schemas, a writable temporary folder) and says, for each
one that fails, what to run to fix it.

May import `plangen.render`, `plangen.check` and the shared modules.
"""
