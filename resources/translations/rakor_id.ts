<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {app}</source>
        <translation>Tentang {app}</translation>
    </message>
    <message>
        <source>Check-in, rundown, discussion log and minutes for coordination meetings, offline on one laptop.</source>
        <translation>Registrasi, susunan acara, catatan diskusi dan notulen rapat koordinasi, luring di satu laptop.</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>Berkas log:</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The database cannot be opened</source>
        <translation>Database tidak dapat dibuka</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong. Your data is safe: everything saved before this moment is in the database.</source>
        <translation>Terjadi kesalahan. Data Anda aman: semua yang tersimpan sebelum saat ini ada di database.</translation>
    </message>
    <message>
        <source>The details were written to the log file:
{path}</source>
        <translation>Rinciannya dicatat di berkas log:
{path}</translation>
    </message>
</context>
<context>
    <name>EventChooserDialog</name>
    <message>
        <source>Open event</source>
        <translation>Buka acara</translation>
    </message>
    <message>
        <source>There are no events yet. Create a new event, or try the demo event from the File menu.</source>
        <translation>Belum ada acara. Buat acara baru, atau coba acara contoh dari menu Berkas.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Buka</translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation>Acara &amp;baru…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Hapus…</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Hapus acara</translation>
    </message>
    <message>
        <source>Delete “{title}” with its invitation list, attendance and minutes record? This cannot be undone (the automatic backups keep earlier copies).</source>
        <translation>Hapus “{title}” beserta daftar undangan, kehadiran dan catatan notulennya? Tindakan ini tidak dapat dibatalkan (cadangan otomatis menyimpan salinan sebelumnya).</translation>
    </message>
</context>
<context>
    <name>EventDetailsPage</name>
    <message>
        <source>several days, until</source>
        <translation>beberapa hari, sampai</translation>
    </message>
    <message>
        <source>until finished (s.d. selesai)</source>
        <translation>s.d. selesai</translation>
    </message>
    <message>
        <source>call time (Waktu Panggilan)</source>
        <translation>Waktu Panggilan</translation>
    </message>
    <message>
        <source>Address, telephone, e-mail, website (one line each)</source>
        <translation>Alamat, telepon, surel, laman (satu per baris)</translation>
    </message>
    <message>
        <source>e.g. 005/123/Kesbangpol/2023</source>
        <translation>mis. 005/123/Kesbangpol/2023</translation>
    </message>
    <message>
        <source>dated</source>
        <translation>tanggal</translation>
    </message>
    <message>
        <source>Name with titles, e.g. Dr. H. Sri Purwaningsih, M.Si.</source>
        <translation>Nama dengan gelar, mis. Dr. H. Sri Purwaningsih, M.Si.</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Nama acara:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Tanggal:</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Mulai:</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>&amp;Selesai:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zona waktu:</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>T&amp;empat:</translation>
    </message>
    <message>
        <source>Invitation letter no.:</source>
        <translation>Nomor surat undangan:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Keterangan:</translation>
    </message>
    <message>
        <source>Organiser (letterhead)</source>
        <translation>Penyelenggara (kop surat)</translation>
    </message>
    <message>
        <source>&amp;Government:</source>
        <translation>&amp;Pemerintah:</translation>
    </message>
    <message>
        <source>&amp;Organising unit:</source>
        <translation>&amp;Unit penyelenggara:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Alamat:</translation>
    </message>
    <message>
        <source>Officials</source>
        <translation>Pimpinan rapat</translation>
    </message>
    <message>
        <source>Chair (Ketua):</source>
        <translation>Ketua:</translation>
    </message>
    <message>
        <source>Secretary:</source>
        <translation>Sekretaris:</translation>
    </message>
    <message>
        <source>Notetaker (Pencatat):</source>
        <translation>Pencatat:</translation>
    </message>
    <message>
        <source>Moderator:</source>
        <translation>Moderator:</translation>
    </message>
    <message>
        <source>Saved at {time}.</source>
        <translation>Tersimpan pukul {time}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <source>Participants &amp; Attendance</source>
        <translation>Peserta &amp; Kehadiran</translation>
    </message>
    <message>
        <source>Rundown</source>
        <translation>Susunan Acara</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>Diskusi</translation>
    </message>
    <message>
        <source>Minutes &amp; Documents</source>
        <translation>Notulen &amp; Dokumen</translation>
    </message>
    <message>
        <source>The moderator&apos;s question queue in rounds (termin): who asked, from which institution, to whom, the answer and the follow-up. Recorded live, used by the minutes.</source>
        <translation>Antrean pertanyaan moderator per termin: siapa bertanya, dari instansi mana, kepada siapa, jawabannya dan tindak lanjutnya. Dicatat langsung, dipakai untuk notulen.</translation>
    </message>
    <message>
        <source>The notulen and the daftar hadir as DOCX and PDF in the government format, built from what was recorded live.</source>
        <translation>Notulen dan daftar hadir sebagai DOCX dan PDF sesuai tata naskah dinas, disusun dari catatan selama rapat.</translation>
    </message>
    <message>
        <source>Open an event or create a new one. The demo event shows a whole coordination meeting to explore.</source>
        <translation>Buka acara atau buat acara baru. Acara contoh memperlihatkan satu rapat koordinasi lengkap untuk dijelajahi.</translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation>Acara &amp;baru…</translation>
    </message>
    <message>
        <source>&amp;Open event…</source>
        <translation>B&amp;uka acara…</translation>
    </message>
    <message>
        <source>Create &amp;demo event</source>
        <translation>Buat acara &amp;contoh</translation>
    </message>
    <message>
        <source>&amp;Import event file…</source>
        <translation>&amp;Impor berkas acara…</translation>
    </message>
    <message>
        <source>&amp;Export event file…</source>
        <translation>&amp;Ekspor berkas acara…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Pengaturan…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;About Rakor Desktop</source>
        <translation>&amp;Tentang Rakor Desktop</translation>
    </message>
    <message>
        <source>&amp;Find participant</source>
        <translation>&amp;Cari peserta</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sunting</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ba&amp;ntuan</translation>
    </message>
    <message>
        <source>Demo event created.</source>
        <translation>Acara contoh dibuat.</translation>
    </message>
    <message>
        <source>Import event file</source>
        <translation>Impor berkas acara</translation>
    </message>
    <message>
        <source>Rakor event files (*.json);;All files (*)</source>
        <translation>Berkas acara Rakor (*.json);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Impor gagal</translation>
    </message>
    <message>
        <source>Export event file</source>
        <translation>Ekspor berkas acara</translation>
    </message>
    <message>
        <source>Rakor event files (*.json)</source>
        <translation>Berkas acara Rakor (*.json)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Ekspor gagal</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Disimpan ke {path}</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>Database rusak</translation>
    </message>
    <message>
        <source>{error}

Stop working in this file: close the app, copy the latest backup and open the copy with --db, or ask for help.</source>
        <translation>{error}

Berhenti bekerja di berkas ini: tutup aplikasi, salin cadangan terakhir lalu buka salinannya dengan --db, atau minta bantuan.</translation>
    </message>
    <message>
        <source>Preferences not saved</source>
        <translation>Pengaturan tidak tersimpan</translation>
    </message>
    <message>
        <source>The preferences could not be saved: {error}</source>
        <translation>Pengaturan tidak dapat disimpan: {error}</translation>
    </message>
    <message>
        <source>No event open</source>
        <translation>Belum ada acara yang dibuka</translation>
    </message>
    <message>
        <source>Present {present} / {invited}</source>
        <translation>Hadir {present} / {invited}</translation>
    </message>
    <message>
        <source>operator not set</source>
        <translation>operator belum diisi</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Kelompok</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Hadir</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>Present / invited</source>
        <translation>Hadir / diundang</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Acara</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Penanggung jawab</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Menit</translation>
    </message>
</context>
<context>
    <name>NewEventDialog</name>
    <message>
        <source>New event</source>
        <translation>Acara baru</translation>
    </message>
    <message>
        <source>e.g. Rapat Koordinasi Kesiapan Pemilu 2024</source>
        <translation>mis. Rapat Koordinasi Kesiapan Pemilu 2024</translation>
    </message>
    <message>
        <source>until finished (s.d. selesai)</source>
        <translation>s.d. selesai</translation>
    </message>
    <message>
        <source>e.g. Aula Griya Mayang</source>
        <translation>mis. Aula Griya Mayang</translation>
    </message>
    <message>
        <source>e.g. PEMERINTAH KOTA JAMBI</source>
        <translation>mis. PEMERINTAH KOTA JAMBI</translation>
    </message>
    <message>
        <source>e.g. BADAN KESATUAN BANGSA DAN POLITIK</source>
        <translation>mis. BADAN KESATUAN BANGSA DAN POLITIK</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Nama acara:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Tanggal:</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Mulai:</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>&amp;Selesai:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zona waktu:</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>T&amp;empat:</translation>
    </message>
    <message>
        <source>&amp;Government:</source>
        <translation>&amp;Pemerintah:</translation>
    </message>
    <message>
        <source>&amp;Organising unit:</source>
        <translation>&amp;Unit penyelenggara:</translation>
    </message>
    <message>
        <source>Create event</source>
        <translation>Buat acara</translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message>
        <source>Search name, position, institution or code…</source>
        <translation>Cari nama, jabatan, instansi atau kode…</translation>
    </message>
    <message>
        <source>&amp;Import invitation list…</source>
        <translation>&amp;Impor daftar undangan…</translation>
    </message>
    <message>
        <source>{shown} shown · {invited} invited · {present} present</source>
        <translation>{shown} ditampilkan · {invited} diundang · {present} hadir</translation>
    </message>
    <message>
        <source>Import invitation list</source>
        <translation>Impor daftar undangan</translation>
    </message>
    <message>
        <source>Invitation lists (*.csv *.txt);;All files (*)</source>
        <translation>Daftar undangan (*.csv *.txt);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Impor gagal</translation>
    </message>
    <message>
        <source>{added} invitees imported.</source>
        <translation>{added} undangan diimpor.</translation>
    </message>
    <message>
        <source>Already on the list, skipped: {names}</source>
        <translation>Sudah ada di daftar, dilewati: {names}</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Impor selesai</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>nama Anda</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Bahasa:</translation>
    </message>
    <message>
        <source>&amp;Station name:</source>
        <translation>Nama &amp;meja:</translation>
    </message>
    <message>
        <source>&amp;Operator:</source>
        <translation>&amp;Operator:</translation>
    </message>
    <message>
        <source>&amp;Backups kept:</source>
        <translation>&amp;Cadangan disimpan:</translation>
    </message>
    <message>
        <source>The station and operator names are recorded with every check-in.</source>
        <translation>Nama meja dan operator dicatat pada setiap registrasi kehadiran.</translation>
    </message>
</context>
</TS>
