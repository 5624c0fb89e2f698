"""Everything that writes files for people or other computers, written atomically.

* :mod:`.documents`: the notulen and daftar hadir (DOCX, PDF), the question log (XLSX).
* :mod:`.attendance`: the attendance as XLSX or CSV.
* :mod:`.cards`: QR invitation cards and name tags (PDF).
* :mod:`.eventfile`: the event file (export and import), with :mod:`.eventfile_settings`.
"""
