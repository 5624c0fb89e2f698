"""The notulen and the daftar hadir: one document model, rendered as DOCX and PDF.

* :mod:`.model`: plain dataclasses of a document (sections, paragraphs, tables, ...).
* :mod:`.build`: the notulen and the daftar hadir of an event, from the database.
* :mod:`.docx_render`, :mod:`.pdf_render`: the two renderers of one model.
* :mod:`.settings`: per-event document settings and edited text parts.
* :mod:`.export`: one function per user action, writing files atomically.
* :mod:`.xlsx`: the question log as a spreadsheet.
* :mod:`.photos`: the documentation photos attached to an event.
"""
