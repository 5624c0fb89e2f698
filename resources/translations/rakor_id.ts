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
    <message>
        <source>Restore from backup…</source>
        <translation>Pulihkan dari cadangan…</translation>
    </message>
    <message>
        <source>Import event file</source>
        <translation>Impor berkas acara</translation>
    </message>
    <message>
        <source>Import {name} as a new event?</source>
        <translation>Impor {name} sebagai acara baru?</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Impor gagal</translation>
    </message>
</context>
<context>
    <name>ArrivalsChart</name>
    <message>
        <source>No arrivals yet</source>
        <translation>Belum ada yang hadir</translation>
    </message>
</context>
<context>
    <name>CheckinModels</name>
    <message>
        <source>{time} (represented by {name})</source>
        <translation>{time} (diwakili {name})</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Hadir</translation>
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
        <source>(no group)</source>
        <translation>(tanpa kelompok)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Kejadian</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Meja</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Registrasi</translation>
    </message>
    <message>
        <source> (undone)</source>
        <translation> (dibatalkan)</translation>
    </message>
    <message>
        <source>Check-in undone</source>
        <translation>Registrasi dibatalkan</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Alasan: {reason}</translation>
    </message>
    <message>
        <source>Signature image ({size} KB)</source>
        <translation>Gambar tanda tangan ({size} KB)</translation>
    </message>
    <message>
        <source>Represented by {name}</source>
        <translation>Diwakili {name}</translation>
    </message>
</context>
<context>
    <name>CheckinPage</name>
    <message>
        <source>Type a name or scan a QR code.</source>
        <translation>Ketik nama atau pindai kode QR.</translation>
    </message>
    <message>
        <source>Name, position, institution or code — or scan the QR code</source>
        <translation>Nama, jabatan, instansi atau kode — atau pindai kode QR</translation>
    </message>
    <message>
        <source>Ask for a &amp;signature after check-in</source>
        <translation>Minta &amp;tanda tangan setelah registrasi</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Tanpa undangan</translation>
    </message>
    <message>
        <source>On behalf of</source>
        <translation>Mewakili</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>Esc clears · ↑↓ choose · Enter checks in</source>
        <translation>Esc hapus · ↑↓ pilih · Enter hadir</translation>
    </message>
    <message>
        <source>Arrivals per 10 minutes</source>
        <translation>Kedatangan per 10 menit</translation>
    </message>
    <message>
        <source>Export &amp;XLSX…</source>
        <translation>Ekspor &amp;XLSX…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Ekspor &amp;CSV…</translation>
    </message>
    <message>
        <source>Attendance:</source>
        <translation>Daftar hadir:</translation>
    </message>
    <message>
        <source>Register a &amp;walk-in…</source>
        <translation>Daftarkan &amp;peserta tanpa undangan…</translation>
    </message>
    <message>
        <source>Check in on &amp;behalf of…</source>
        <translation>Registrasi me&amp;wakili…</translation>
    </message>
    <message>
        <source>&amp;Signature…</source>
        <translation>&amp;Tanda tangan…</translation>
    </message>
    <message>
        <source>&amp;Undo check-in…</source>
        <translation>&amp;Batalkan registrasi…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Riwayat…</translation>
    </message>
    <message>
        <source>Walk-ins from &amp;phones…</source>
        <translation>Peserta tanpa undangan dari p&amp;onsel…</translation>
    </message>
    <message>
        <source>Export attendance as &amp;XLSX…</source>
        <translation>Ekspor daftar hadir ke &amp;XLSX…</translation>
    </message>
    <message>
        <source>Export attendance as &amp;CSV…</source>
        <translation>Ekspor daftar hadir ke &amp;CSV…</translation>
    </message>
    <message>
        <source>Preferences not saved</source>
        <translation>Pengaturan tidak tersimpan</translation>
    </message>
    <message>
        <source>The names are used until the app closes, but could not be saved: {error}</source>
        <translation>Nama-nama ini dipakai sampai aplikasi ditutup, tetapi tidak dapat disimpan: {error}</translation>
    </message>
    <message>
        <source>Latest arrivals</source>
        <translation>Kedatangan terakhir</translation>
    </message>
    <message>
        <source>No match for “{query}”</source>
        <translation>Tidak ada yang cocok dengan “{query}”</translation>
    </message>
    <message>
        <source>Unknown code</source>
        <translation>Kode tidak dikenal</translation>
    </message>
    <message>
        <source>Nobody on the list matches “{query}”. Press {key} to register a walk-in.</source>
        <translation>Tidak ada nama di daftar yang cocok dengan “{query}”. Tekan {key} untuk mendaftarkan peserta tanpa undangan.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Tidak ditemukan</translation>
    </message>
    <message>
        <source>on behalf of {name}</source>
        <translation>mewakili {name}</translation>
    </message>
    <message>
        <source>Already present since {time} {tz} — not counted again</source>
        <translation>Sudah hadir sejak pukul {time} {tz} — tidak dihitung lagi</translation>
    </message>
    <message>
        <source>Checked in at {time} {tz}</source>
        <translation>Tercatat hadir pukul {time} {tz}</translation>
    </message>
    <message>
        <source>Present {present} of {invited} ({share} %)</source>
        <translation>Hadir {present} dari {invited} ({share} %)</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>Tidak tercatat hadir</translation>
    </message>
    <message>
        <source>Choose the person first: type the name, then press the key again.</source>
        <translation>Pilih orangnya terlebih dahulu: ketik namanya, lalu tekan tombol itu lagi.</translation>
    </message>
    <message>
        <source>Nobody selected</source>
        <translation>Belum ada yang dipilih</translation>
    </message>
    <message>
        <source>Was on the invitation list already.</source>
        <translation>Ternyata sudah ada di daftar undangan.</translation>
    </message>
    <message>
        <source>Registered as a walk-in.</source>
        <translation>Didaftarkan sebagai peserta tanpa undangan.</translation>
    </message>
    <message>
        <source>{name} is not checked in yet.</source>
        <translation>{name} belum tercatat hadir.</translation>
    </message>
    <message>
        <source>Signature not saved</source>
        <translation>Tanda tangan tidak tersimpan</translation>
    </message>
    <message>
        <source>Signature saved</source>
        <translation>Tanda tangan tersimpan</translation>
    </message>
    <message>
        <source>Signature saved.</source>
        <translation>Tanda tangan tersimpan.</translation>
    </message>
    <message>
        <source>One match for “{query}”: Enter checks in</source>
        <translation>Satu yang cocok untuk “{query}”: Enter mencatat hadir</translation>
    </message>
    <message>
        <source>Matches for “{query}”: choose with ↑↓, then Enter</source>
        <translation>Yang cocok untuk “{query}”: pilih dengan ↑↓, lalu Enter</translation>
    </message>
    <message numerus="yes">
        <source>%n people match — choose one with ↑↓, then press Enter</source>
        <translation>
            <numerusform>%n orang cocok — pilih dengan ↑↓, lalu tekan Enter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>More than %n people match — type more of the name, or choose one with ↑↓ and press Enter</source>
        <translation>
            <numerusform>Lebih dari %n orang cocok — ketik nama lebih lengkap, atau pilih dengan ↑↓ lalu tekan Enter</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody was checked in. Or type more of the name, or click the person.</source>
        <translation>Belum ada yang dicatat hadir. Ketik nama lebih lengkap, atau klik orangnya.</translation>
    </message>
    <message>
        <source>On the invitation list: checked in as invited.</source>
        <translation>Ada di daftar undangan: dicatat hadir sebagai undangan.</translation>
    </message>
    <message numerus="yes">
        <source>F7  %n walk-in(s) from phones waiting for a desk: confirm or refuse</source>
        <translation>
            <numerusform>F7  %n peserta tanpa undangan dari ponsel menunggu meja: konfirmasi atau tolak</numerusform>
        </translation>
    </message>
    <message>
        <source>Registered as a walk-in from a phone, with their signature.</source>
        <translation>Terdaftar sebagai peserta tanpa undangan dari ponsel, dengan tanda tangannya.</translation>
    </message>
    <message>
        <source>“{text}” is not a check-in code: nobody was checked in.</source>
        <translation>“{text}” bukan kode registrasi: tidak ada yang dicatat hadir.</translation>
    </message>
    <message>
        <source>Scanned: {name} — already present since {time}.</source>
        <translation>Dipindai: {name} — sudah hadir sejak pukul {time}.</translation>
    </message>
    <message>
        <source>Scanned: {name} — checked in at {time}.</source>
        <translation>Dipindai: {name} — hadir pukul {time}.</translation>
    </message>
    <message>
        <source>{name} is not checked in.</source>
        <translation>{name} belum tercatat hadir.</translation>
    </message>
    <message>
        <source>Not undone</source>
        <translation>Registrasi tidak dibatalkan</translation>
    </message>
    <message>
        <source>Check-in undone</source>
        <translation>Registrasi dibatalkan</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Alasan: {reason}</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export attendance</source>
        <translation>Ekspor daftar hadir</translation>
    </message>
    <message>
        <source>Exporting the attendance…</source>
        <translation>Mengekspor daftar hadir…</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>Mengekspor ke {path}…</translation>
    </message>
    <message>
        <source>{count} arrivals saved to {path}</source>
        <translation>{count} kehadiran disimpan ke {path}</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Ekspor dibatalkan.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Ekspor gagal</translation>
    </message>
</context>
<context>
    <name>DeskOperatorDialog</name>
    <message>
        <source>Who is at this desk?</source>
        <translation>Siapa yang bertugas di meja ini?</translation>
    </message>
    <message>
        <source>Your name and the desk&apos;s name are recorded with every check-in, so the history shows who registered whom and where.</source>
        <translation>Nama Anda dan nama meja dicatat pada setiap registrasi, sehingga riwayat menunjukkan siapa mendaftarkan siapa dan di mana.</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>nama Anda</translation>
    </message>
    <message>
        <source>&amp;Operator:</source>
        <translation>&amp;Operator:</translation>
    </message>
    <message>
        <source>&amp;Desk name:</source>
        <translation>Nama &amp;meja:</translation>
    </message>
    <message>
        <source>You can change both later under Edit → Preferences.</source>
        <translation>Keduanya dapat diubah nanti di Sunting → Pengaturan.</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Nanti</translation>
    </message>
</context>
<context>
    <name>DirectorySuggestionModel</name>
    <message>
        <source>(already on this list)</source>
        <translation>(sudah ada di daftar ini)</translation>
    </message>
</context>
<context>
    <name>DiscussionPage</name>
    <message>
        <source>max </source>
        <translation>maks. </translation>
    </message>
    <message>
        <source> askers</source>
        <translation> penanya</translation>
    </message>
    <message>
        <source>New termin</source>
        <translation>Termin baru</translation>
    </message>
    <message>
        <source>Close termin / next (F6)</source>
        <translation>Tutup termin / berikutnya (F6)</translation>
    </message>
    <message>
        <source>Moderator view…</source>
        <translation>Tampilan moderator…</translation>
    </message>
    <message>
        <source>Next asker (F7)</source>
        <translation>Penanya berikutnya (F7)</translation>
    </message>
    <message>
        <source>Mark answered (F8)</source>
        <translation>Tandai dijawab (F8)</translation>
    </message>
    <message>
        <source>Show on projector (F9)</source>
        <translation>Tampilkan di proyektor (F9)</translation>
    </message>
    <message>
        <source>&amp;New question</source>
        <translation>Pertanyaan &amp;baru</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Naik</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Turun</translation>
    </message>
    <message>
        <source>Type to search the invitees, or any name</source>
        <translation>Cari undangan, atau ketik nama lain</translation>
    </message>
    <message>
        <source>The question, in short</source>
        <translation>Inti pertanyaan, singkat</translation>
    </message>
    <message>
        <source>The answer, in short, for the minutes</source>
        <translation>Inti jawaban, singkat, untuk notulen</translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+Enter)</source>
        <translation>Si&amp;mpan (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Follow-up…</source>
        <translation>Tindak lanjut…</translation>
    </message>
    <message>
        <source>&amp;Asker:</source>
        <translation>&amp;Penanya:</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>&amp;Instansi:</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>Pe&amp;rtanyaan:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Kepada:</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Answered &amp;by:</source>
        <translation>&amp;Dijawab oleh:</translation>
    </message>
    <message>
        <source>Ans&amp;wer:</source>
        <translation>&amp;Jawaban:</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Tambah…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>A conclusion, decision or recommendation of the meeting…</source>
        <translation>Kesimpulan, keputusan atau rekomendasi rapat…</translation>
    </message>
    <message>
        <source>Add (Ctrl+Enter)</source>
        <translation>Tambah (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Simpan perubahan</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Ubah</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Pertanyaan</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <source>Conclusions &amp;&amp; decisions</source>
        <translation>Kesimpulan &amp;&amp; keputusan</translation>
    </message>
    <message numerus="yes">
        <source>Questions (%n from the floor)</source>
        <translation>
            <numerusform>Pertanyaan (%n dari peserta)</numerusform>
        </translation>
    </message>
    <message>
        <source>Close termin / next termin</source>
        <translation>Tutup termin / termin berikutnya</translation>
    </message>
    <message>
        <source>Next asker</source>
        <translation>Penanya berikutnya</translation>
    </message>
    <message>
        <source>Mark answered</source>
        <translation>Tandai dijawab</translation>
    </message>
    <message>
        <source>Show on projector</source>
        <translation>Tampilkan di proyektor</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>Pertanyaan baru</translation>
    </message>
    <message>
        <source>Delete question</source>
        <translation>Hapus pertanyaan</translation>
    </message>
    <message>
        <source>Move question up</source>
        <translation>Naikkan pertanyaan</translation>
    </message>
    <message>
        <source>Move question down</source>
        <translation>Turunkan pertanyaan</translation>
    </message>
    <message>
        <source>Save question</source>
        <translation>Simpan pertanyaan</translation>
    </message>
    <message>
        <source>Add conclusion</source>
        <translation>Tambah kesimpulan</translation>
    </message>
    <message>
        <source>Add follow-up</source>
        <translation>Tambah tindak lanjut</translation>
    </message>
    <message>
        <source>Delete follow-up</source>
        <translation>Hapus tindak lanjut</translation>
    </message>
    <message>
        <source>Move follow-up up</source>
        <translation>Naikkan tindak lanjut</translation>
    </message>
    <message>
        <source>Move follow-up down</source>
        <translation>Turunkan tindak lanjut</translation>
    </message>
    <message>
        <source>Delete conclusion</source>
        <translation>Hapus kesimpulan</translation>
    </message>
    <message>
        <source>Move conclusion up</source>
        <translation>Naikkan kesimpulan</translation>
    </message>
    <message>
        <source>Move conclusion down</source>
        <translation>Turunkan kesimpulan</translation>
    </message>
    <message>
        <source>No termin yet: open Termin 1 to take questions.</source>
        <translation>Belum ada termin: buka Termin 1 untuk menerima pertanyaan.</translation>
    </message>
    <message>
        <source>open</source>
        <translation>dibuka</translation>
    </message>
    <message>
        <source>closed — answers</source>
        <translation>ditutup — sesi jawaban</translation>
    </message>
    <message>
        <source>{state} · {askers} of {cap} askers</source>
        <translation>{state} · {askers} dari {cap} penanya</translation>
    </message>
    <message>
        <source>Termin {number} opened.</source>
        <translation>Termin {number} dibuka.</translation>
    </message>
    <message>
        <source>Termin {number} closed: the answers.</source>
        <translation>Termin {number} ditutup: sesi jawaban.</translation>
    </message>
    <message>
        <source>Askers per termin</source>
        <translation>Penanya per termin</translation>
    </message>
    <message>
        <source>Answered: {name}.</source>
        <translation>Dijawab: {name}.</translation>
    </message>
    <message>
        <source>Hide question</source>
        <translation>Sembunyikan pertanyaan</translation>
    </message>
    <message>
        <source>New question · Termin {number}</source>
        <translation>Pertanyaan baru · Termin {number}</translation>
    </message>
    <message>
        <source>New question (Termin 1 opens with it)</source>
        <translation>Pertanyaan baru (sekaligus membuka Termin 1)</translation>
    </message>
    <message>
        <source>Question {row} · Termin {number}</source>
        <translation>Pertanyaan {row} · Termin {number}</translation>
    </message>
    <message>
        <source>Follow-up: {what} ({who}, {due})</source>
        <translation>Tindak lanjut: {what} ({who}, {due})</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>Tambah pertanyaan</translation>
    </message>
    <message>
        <source>Edit question</source>
        <translation>Ubah pertanyaan</translation>
    </message>
    <message>
        <source>{name} is in the queue.</source>
        <translation>{name} masuk antrean.</translation>
    </message>
    <message>
        <source>{name}: question and answer saved.</source>
        <translation>{name}: pertanyaan dan jawaban tersimpan.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
    <message>
        <source>The question of {name} was deleted. Ctrl+Z brings it back.</source>
        <translation>Pertanyaan {name} dihapus. Ctrl+Z untuk mengembalikannya.</translation>
    </message>
    <message>
        <source>Move question</source>
        <translation>Pindahkan pertanyaan</translation>
    </message>
    <message>
        <source>Move follow-up</source>
        <translation>Pindahkan tindak lanjut</translation>
    </message>
    <message>
        <source>Edit conclusion</source>
        <translation>Ubah kesimpulan</translation>
    </message>
    <message>
        <source>Move conclusion</source>
        <translation>Pindahkan kesimpulan</translation>
    </message>
</context>
<context>
    <name>DocumentSettingsForm</name>
    <message>
        <source>Choose &amp;logo…</source>
        <translation>Pilih &amp;logo…</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>Hapus logo</translation>
    </message>
    <message>
        <source>F4 (215 × 330 mm)</source>
        <translation>F4 (215 × 330 mm)</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Potret</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Lanskap</translation>
    </message>
    <message>
        <source>Waktu Panggilan (the call time)</source>
        <translation>Waktu Panggilan</translation>
    </message>
    <message>
        <source>Surat Undangan (the invitation letter)</source>
        <translation>Surat Undangan</translation>
    </message>
    <message>
        <source>Show the venue (Tempat)</source>
        <translation>Tampilkan tempat</translation>
    </message>
    <message>
        <source>When a secretary is named</source>
        <translation>Jika sekretaris diisi</translation>
    </message>
    <message>
        <source>Always (blank when none)</source>
        <translation>Selalu (kosong jika tidak ada)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Tidak ditampilkan</translation>
    </message>
    <message>
        <source>Count per group, &quot;daftar hadir terlampir&quot;</source>
        <translation>Jumlah per kelompok, &quot;daftar hadir terlampir&quot;</translation>
    </message>
    <message>
        <source>Full list of the participants</source>
        <translation>Daftar lengkap peserta</translation>
    </message>
    <message>
        <source>Attach the attendance list (Lampiran)</source>
        <translation>Lampirkan daftar hadir</translation>
    </message>
    <message>
        <source>Attach the photos (dokumentasi)</source>
        <translation>Lampirkan foto (dokumentasi)</translation>
    </message>
    <message>
        <source>Those present</source>
        <translation>Yang hadir saja</translation>
    </message>
    <message>
        <source>Everyone invited (absent rows left blank)</source>
        <translation>Semua undangan (baris yang tidak hadir dikosongkan)</translation>
    </message>
    <message>
        <source>One sheet per group (narasumber, OPD, …)</source>
        <translation>Satu lembar per kelompok (narasumber, OPD, …)</translation>
    </message>
    <message>
        <source>NIP/NRP column</source>
        <translation>Kolom NIP/NRP</translation>
    </message>
    <message>
        <source>e.g. Kepala Badan Kesbangpol</source>
        <translation>mis. Kepala Badan Kesbangpol</translation>
    </message>
    <message>
        <source>e.g. Pembina Utama Muda, IV/c</source>
        <translation>mis. Pembina Utama Muda, IV/c</translation>
    </message>
    <message>
        <source>18 digits</source>
        <translation>18 digit</translation>
    </message>
    <message>
        <source>Letterhead (kop)</source>
        <translation>Kop surat</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Logo:</translation>
    </message>
    <message>
        <source>&amp;Government line:</source>
        <translation>Baris pe&amp;merintah:</translation>
    </message>
    <message>
        <source>&amp;Unit name:</source>
        <translation>Nama &amp;unit:</translation>
    </message>
    <message>
        <source>Address lines:</source>
        <translation>Baris alamat:</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Pratinjau:</translation>
    </message>
    <message>
        <source>Paper and margins</source>
        <translation>Kertas dan margin</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>K&amp;ertas:</translation>
    </message>
    <message>
        <source>Minutes:</source>
        <translation>Notulen:</translation>
    </message>
    <message>
        <source>Attendance list:</source>
        <translation>Daftar hadir:</translation>
    </message>
    <message>
        <source>top</source>
        <translation>atas</translation>
    </message>
    <message>
        <source>bottom</source>
        <translation>bawah</translation>
    </message>
    <message>
        <source>left</source>
        <translation>kiri</translation>
    </message>
    <message>
        <source>right</source>
        <translation>kanan</translation>
    </message>
    <message>
        <source>Margins:</source>
        <translation>Margin:</translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>Ukuran huruf:</translation>
    </message>
    <message>
        <source>Font: Liberation Sans (same widths as Arial), embedded in the PDF; the DOCX names Arial.</source>
        <translation>Huruf: Liberation Sans (lebarnya sama dengan Arial), disematkan di PDF; DOCX memakai Arial.</translation>
    </message>
    <message>
        <source>Minutes (notulen)</source>
        <translation>Notulen</translation>
    </message>
    <message>
        <source>Third header line:</source>
        <translation>Baris ketiga kepala notulen:</translation>
    </message>
    <message>
        <source>Secretary (Sekretaris):</source>
        <translation>Sekretaris:</translation>
    </message>
    <message>
        <source>Participants (Peserta):</source>
        <translation>Peserta:</translation>
    </message>
    <message>
        <source>Attendance list (daftar hadir)</source>
        <translation>Daftar hadir</translation>
    </message>
    <message>
        <source>List:</source>
        <translation>Isi daftar:</translation>
    </message>
    <message>
        <source>Place of the date line:</source>
        <translation>Tempat pada baris tanggal:</translation>
    </message>
    <message>
        <source>Validated by (&quot;Mengetahui&quot;):</source>
        <translation>Pejabat yang mengesahkan (&quot;Mengetahui&quot;):</translation>
    </message>
    <message>
        <source>Name with titles:</source>
        <translation>Nama dan gelar:</translation>
    </message>
    <message>
        <source>Position (jabatan):</source>
        <translation>Jabatan:</translation>
    </message>
    <message>
        <source>Rank (pangkat, golongan):</source>
        <translation>Pangkat, golongan:</translation>
    </message>
    <message>
        <source>NIP/NRP:</source>
        <translation>NIP/NRP:</translation>
    </message>
    <message>
        <source>From the event: {value}</source>
        <translation>Dari data acara: {value}</translation>
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
        <source>Address, telephone, e-mail, website (one line each)</source>
        <translation>Alamat, telepon, surel, laman (satu per baris)</translation>
    </message>
    <message>
        <source>Empty: the chair, {name}</source>
        <translation>Jika kosong: ketua rapat, {name}</translation>
    </message>
    <message>
        <source>e.g. Drs. H. Ahmad Yani, M.Si.</source>
        <translation>mis. Drs. H. Ahmad Yani, M.Si.</translation>
    </message>
    <message>
        <source>Empty: {place}</source>
        <translation>Jika kosong: {place}</translation>
    </message>
    <message>
        <source>e.g. Jambi</source>
        <translation>mis. Jambi</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>Pilih logo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.PNG *.JPG *.JPEG)</source>
        <translation>Gambar (*.png *.jpg *.jpeg *.PNG *.JPG *.JPEG)</translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}</source>
        <translation>Tidak dapat membaca {file}: {reason}</translation>
    </message>
    <message>
        <source>No logo. PNG or JPEG, at most 2 MB.</source>
        <translation>Belum ada logo. PNG atau JPEG, maksimal 2 MB.</translation>
    </message>
    <message>
        <source>{width} × {height} pixels, {size} KB</source>
        <translation>{width} × {height} piksel, {size} KB</translation>
    </message>
    <message>
        <source>Saved at {time}.</source>
        <translation>Tersimpan pukul {time}.</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Save &amp;in:</source>
        <translation>&amp;Simpan di:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>P&amp;ilih…</translation>
    </message>
    <message>
        <source>Default folder</source>
        <translation>Folder bawaan</translation>
    </message>
    <message>
        <source>Create minutes &amp;&amp; attendance list</source>
        <translation>Buat notulen &amp;&amp; daftar hadir</translation>
    </message>
    <message>
        <source>The notulen and the daftar hadir as DOCX (editable) and PDF, in the folder above (Ctrl+E)</source>
        <translation>Notulen dan daftar hadir dalam DOCX (dapat disunting) dan PDF, di folder di atas (Ctrl+E)</translation>
    </message>
    <message>
        <source>Create minutes &amp; attendance list</source>
        <translation>Buat notulen &amp; daftar hadir</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Question log (XLSX)</source>
        <translation>Daftar &amp;pertanyaan (XLSX)</translation>
    </message>
    <message>
        <source>&amp;Attendance (XLSX)</source>
        <translation>Daftar &amp;hadir (XLSX)</translation>
    </message>
    <message>
        <source>Create the documents</source>
        <translation>Buat dokumen</translation>
    </message>
    <message>
        <source>&amp;Text of the minutes</source>
        <translation>&amp;Teks notulen</translation>
    </message>
    <message>
        <source>&amp;Photos</source>
        <translation>&amp;Foto</translation>
    </message>
    <message>
        <source>&amp;Letterhead &amp;&amp; page</source>
        <translation>&amp;Kop surat &amp;&amp; halaman</translation>
    </message>
    <message>
        <source>Minutes &amp; Documents</source>
        <translation>Notulen &amp; Dokumen</translation>
    </message>
    <message>
        <source>Minutes &amp; documents: {title}</source>
        <translation>Notulen &amp; dokumen: {title}</translation>
    </message>
    <message>
        <source>Save the documents in</source>
        <translation>Simpan dokumen di</translation>
    </message>
    <message>
        <source>Writing the minutes and the attendance list…</source>
        <translation>Menyusun notulen dan daftar hadir…</translation>
    </message>
    <message>
        <source>Writing the question log…</source>
        <translation>Menyusun daftar pertanyaan…</translation>
    </message>
    <message>
        <source>Writing the attendance…</source>
        <translation>Menyusun daftar hadir…</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Ekspor dibatalkan.</translation>
    </message>
    <message>
        <source>Creating documents</source>
        <translation>Membuat dokumen</translation>
    </message>
    <message>
        <source>Saved in {folder}:
{files}</source>
        <translation>Disimpan di {folder}:
{files}</translation>
    </message>
    <message>
        <source>Documents created</source>
        <translation>Dokumen selesai dibuat</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) saved in {folder}:</source>
        <translation>
            <numerusform>%n berkas disimpan di {folder}:</numerusform>
        </translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>Buka &amp;folder</translation>
    </message>
    <message>
        <source>Open the &amp;minutes</source>
        <translation>Buka &amp;notulen</translation>
    </message>
    <message>
        <source>Open the f&amp;ile</source>
        <translation>Buka &amp;berkas</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Documents not created</source>
        <translation>Dokumen tidak dibuat</translation>
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
    <name>FloorPanel</name>
    <message>
        <source>Acce&amp;pt into the termin (Ctrl+Shift+A)</source>
        <translation>&amp;Terima ke termin (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Set asi&amp;de (Ctrl+Shift+X)</source>
        <translation>Sisi&amp;hkan (Ctrl+Shift+X)</translation>
    </message>
    <message>
        <source>Accept the question from the floor</source>
        <translation>Terima pertanyaan dari peserta</translation>
    </message>
    <message>
        <source>Set the question from the floor aside</source>
        <translation>Sisihkan pertanyaan dari peserta</translation>
    </message>
    <message numerus="yes">
        <source>From the floor: %n question(s) waiting</source>
        <translation>
            <numerusform>Dari peserta: %n pertanyaan menunggu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set aside from the floor (%n)…</source>
        <translation>
            <numerusform>Disisihkan dari peserta (%n)…</numerusform>
        </translation>
    </message>
    <message>
        <source>{asker} to {addressee}</source>
        <translation>{asker} kepada {addressee}</translation>
    </message>
    <message>
        <source>{name} is in the queue (from the floor).</source>
        <translation>{name} masuk antrean (dari peserta).</translation>
    </message>
    <message>
        <source>Set aside: the question of {name}.</source>
        <translation>Disisihkan: pertanyaan {name}.</translation>
    </message>
</context>
<context>
    <name>FloorQuestionModel</name>
    <message>
        <source>Sent</source>
        <translation>Dikirim</translation>
    </message>
    <message>
        <source>Asker</source>
        <translation>Penanya</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Kepada</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pertanyaan</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Edit follow-up</source>
        <translation>Ubah tindak lanjut</translation>
    </message>
    <message>
        <source>New follow-up</source>
        <translation>Tindak lanjut baru</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>Apa yang harus dilakukan</translation>
    </message>
    <message>
        <source>e.g. BPBD Kota Jambi</source>
        <translation>mis. BPBD Kota Jambi</translation>
    </message>
    <message>
        <source>e.g. 31 Desember 2023, H-7, segera</source>
        <translation>mis. 31 Desember 2023, H-7, segera</translation>
    </message>
    <message>
        <source>(not tied to a question)</source>
        <translation>(tidak terkait pertanyaan)</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Apa:</translation>
    </message>
    <message>
        <source>W&amp;ho:</source>
        <translation>&amp;Siapa:</translation>
    </message>
    <message>
        <source>&amp;By when:</source>
        <translation>&amp;Tenggat:</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Pertanyaan:</translation>
    </message>
    <message>
        <source>Add follow-up</source>
        <translation>Tambah tindak lanjut</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of {name}</source>
        <translation>Riwayat {name}</translation>
    </message>
    <message>
        <source>No signature.</source>
        <translation>Tidak ada tanda tangan.</translation>
    </message>
</context>
<context>
    <name>HostNetworkDialog</name>
    <message>
        <source>Event network</source>
        <extracomment>How often the host&apos;s view of its desks is read again while the network is on. How often the window asks whether a desk wrote something, while the network is on (a scan at a desk shows on the host within a second; at most five refreshes a second). The address chosen in the network dialog (phones&apos; QR codes use it too). What phones sent that waits: (questions from the floor, walk-ins).</extracomment>
        <translation>Jaringan acara</translation>
    </message>
    <message>
        <source>Other laptops join this one as registration desks over the venue&apos;s Wi-Fi or a phone hotspot (no internet needed). Every check-in at a desk comes here.</source>
        <translation>Laptop lain bergabung ke laptop ini sebagai meja registrasi melalui Wi-Fi tempat acara atau hotspot ponsel (tanpa internet). Setiap registrasi di meja masuk ke sini.</translation>
    </message>
    <message>
        <source>Event: {title}</source>
        <translation>Acara: {title}</translation>
    </message>
    <message>
        <source>Open an event first: the network serves the event that is open.</source>
        <translation>Buka acara dulu: jaringan melayani acara yang sedang dibuka.</translation>
    </message>
    <message>
        <source>&amp;Network on</source>
        <translation>&amp;Jaringan aktif</translation>
    </message>
    <message>
        <source>This laptop is on no network: connect it to the venue&apos;s Wi-Fi or a phone hotspot, then the desks can reach it.</source>
        <translation>Laptop ini tidak tersambung ke jaringan apa pun: sambungkan ke Wi-Fi tempat acara atau hotspot ponsel agar meja dapat menghubunginya.</translation>
    </message>
    <message>
        <source>The address of this laptop in the network the desks use</source>
        <translation>Alamat laptop ini di jaringan yang dipakai meja</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Kode pairing</translation>
    </message>
    <message>
        <source>New &amp;code</source>
        <translation>&amp;Kode baru</translation>
    </message>
    <message>
        <source>The old code stops working; paired desks stay paired</source>
        <translation>Kode lama tidak berlaku lagi; meja yang sudah terhubung tetap terhubung</translation>
    </message>
    <message>
        <source>Turn the network on: a QR code and a pairing code appear here for the desks (File → Join as a desk… on the desk laptop).</source>
        <translation>Nyalakan jaringan: kode QR dan kode pairing untuk meja tampil di sini (Berkas → Gabung sebagai meja… di laptop meja).</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Alamat:</translation>
    </message>
    <message>
        <source>&amp;Desks</source>
        <translation>Me&amp;ja</translation>
    </message>
    <message>
        <source>&amp;Moderator &amp;&amp; projector</source>
        <translation>&amp;Moderator &amp;&amp; proyektor</translation>
    </message>
    <message>
        <source>&amp;Hall pages</source>
        <translation>&amp;Halaman aula</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Meja</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Terakhir terlihat</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>First scan</source>
        <translation>Pindai pertama</translation>
    </message>
    <message>
        <source>Scanned again</source>
        <translation>Dipindai lagi</translation>
    </message>
    <message>
        <source>&amp;Revoke desk…</source>
        <translation>&amp;Cabut meja…</translation>
    </message>
    <message>
        <source>Turn the network on: the QR codes appear here.</source>
        <translation>Nyalakan jaringan: kode QR tampil di sini.</translation>
    </message>
    <message>
        <source>Scan with the tablet&apos;s or the PC&apos;s camera (or type the link in its browser): the page opens and pairs itself. Each link works once; then a new one appears. Revoke a paired tablet in the list on the right.</source>
        <translation>Pindai dengan kamera tablet atau PC (atau ketik tautannya di peramban): halaman terbuka dan tersambung sendiri. Setiap tautan hanya berlaku sekali; lalu muncul yang baru. Cabut tablet yang tersambung di daftar sebelah kanan.</translation>
    </message>
    <message>
        <source>Moderator&apos;s tablet</source>
        <translation>Tablet moderator</translation>
    </message>
    <message>
        <source>Projector PC</source>
        <translation>PC proyektor</translation>
    </message>
    <message>
        <source>New moderator &amp;link</source>
        <translation>Tautan moderator &amp;baru</translation>
    </message>
    <message>
        <source>New projector l&amp;ink</source>
        <translation>Tautan proyektor ba&amp;ru</translation>
    </message>
    <message>
        <source>The link shown stops working</source>
        <translation>Tautan yang tampil tidak berlaku lagi</translation>
    </message>
    <message>
        <source>Questions from the floor</source>
        <translation>Pertanyaan dari peserta</translation>
    </message>
    <message>
        <source>Questions sent from phones wait in Discussion → Questions until you accept them into the termin.</source>
        <translation>Pertanyaan dari ponsel menunggu di Diskusi → Pertanyaan sampai Anda menerimanya ke termin.</translation>
    </message>
    <message>
        <source>Question QR on the &amp;projector</source>
        <translation>QR pertanyaan di &amp;proyektor</translation>
    </message>
    <message>
        <source>Self check-in</source>
        <translation>Registrasi mandiri</translation>
    </message>
    <message>
        <source>The code in this link changes every minute: show it on the self check-in screen at the entrance, not on paper.</source>
        <translation>Kode dalam tautan ini berganti setiap menit: tampilkan di layar registrasi mandiri di pintu masuk, jangan dicetak.</translation>
    </message>
    <message>
        <source>&amp;Self check-in screen…</source>
        <translation>Layar registra&amp;si mandiri…</translation>
    </message>
    <message>
        <source>The network could not be turned on: {error}</source>
        <translation>Jaringan tidak dapat dinyalakan: {error}</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Menyalakan…</translation>
    </message>
    <message>
        <source>On: listening on {addresses}</source>
        <translation>Aktif: menunggu meja di {addresses}</translation>
    </message>
    <message>
        <source>Off: no desk can connect to this laptop.</source>
        <translation>Mati: tidak ada meja yang dapat terhubung ke laptop ini.</translation>
    </message>
    <message>
        <source>moderator</source>
        <translation>moderator</translation>
    </message>
    <message>
        <source>projector</source>
        <translation>proyektor</translation>
    </message>
    <message>
        <source>revoked {time}</source>
        <translation>dicabut {time}</translation>
    </message>
    <message>
        <source>paired</source>
        <translation>terhubung</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>Desks ({count})</source>
        <translation>Meja ({count})</translation>
    </message>
    <message>
        <source>Scanned twice, counted once ({count})</source>
        <translation>Dipindai dua kali, dihitung sekali ({count})</translation>
    </message>
    <message>
        <source>Revoke desk</source>
        <translation>Cabut meja</translation>
    </message>
    <message>
        <source>Revoke the desk “{name}”? It can no longer send check-ins or receive the list; what it already sent stays recorded.</source>
        <translation>Cabut meja “{name}”? Meja itu tidak dapat lagi mengirim registrasi atau menerima daftar; yang sudah dikirimnya tetap tercatat.</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Cabut</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Add as new</source>
        <translation>Tambah sebagai baru</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Gabungkan</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Lewati</translation>
    </message>
    <message>
        <source>Name (Nama)</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Titles (Gelar)</source>
        <translation>Gelar</translation>
    </message>
    <message>
        <source>Front titles (Gelar depan)</source>
        <translation>Gelar depan</translation>
    </message>
    <message>
        <source>Back titles (Gelar belakang)</source>
        <translation>Gelar belakang</translation>
    </message>
    <message>
        <source>NIP/NRP</source>
        <translation>NIP/NRP</translation>
    </message>
    <message>
        <source>NRP (Polri/TNI)</source>
        <translation>NRP (Polri/TNI)</translation>
    </message>
    <message>
        <source>Rank and grade (Pangkat/Golongan)</source>
        <translation>Pangkat/Golongan</translation>
    </message>
    <message>
        <source>Rank (Pangkat)</source>
        <translation>Pangkat</translation>
    </message>
    <message>
        <source>Grade (Golongan)</source>
        <translation>Golongan</translation>
    </message>
    <message>
        <source>Position (Jabatan)</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <source>Institution (Instansi/Unit Kerja)</source>
        <translation>Instansi/Unit Kerja</translation>
    </message>
    <message>
        <source>Group (Kelompok/Kategori)</source>
        <translation>Kelompok/Kategori</translation>
    </message>
    <message>
        <source>Phone (No. HP)</source>
        <translation>No. HP</translation>
    </message>
    <message>
        <source>Sex (L/P)</source>
        <translation>L/P</translation>
    </message>
    <message>
        <source>Role (Peran)</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Row number (No.)</source>
        <translation>Nomor baris (No.)</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>peserta</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>narasumber</translation>
    </message>
    <message>
        <source>moderator</source>
        <translation>moderator</translation>
    </message>
    <message>
        <source>committee</source>
        <translation>panitia</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Rank/grade</source>
        <translation>Pangkat/gol.</translation>
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
        <source>Phone</source>
        <translation>No. HP</translation>
    </message>
    <message>
        <source>L/P</source>
        <translation>L/P</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Double-click (or F2) to type the NIP.</source>
        <translation>Klik dua kali (atau F2) untuk mengetik NIP.</translation>
    </message>
    <message>
        <source>Name in the file</source>
        <translation>Nama di berkas</translation>
    </message>
    <message>
        <source>Same person found</source>
        <translation>Orang yang sama ditemukan</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <source>Import invitation list</source>
        <translation>Impor daftar undangan</translation>
    </message>
    <message>
        <source>Choose an Excel workbook (.xlsx, .xls), an OpenDocument sheet (.ods) or a CSV file.</source>
        <translation>Pilih buku kerja Excel (.xlsx, .xls), lembar OpenDocument (.ods) atau berkas CSV.</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Pilih berkas…</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>&amp;Lembar:</translation>
    </message>
    <message>
        <source>The text encoding of the CSV file: choose another if letters look wrong.</source>
        <translation>Pengodean teks berkas CSV: pilih yang lain bila hurufnya tampak salah.</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Pengodean:</translation>
    </message>
    <message>
        <source>Columns of the file</source>
        <translation>Kolom berkas</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Semua baris</translation>
    </message>
    <message>
        <source>Rows with problems</source>
        <translation>Baris bermasalah</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>&amp;Tampilkan:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Impor</translation>
    </message>
    <message>
        <source>Invitation lists ({patterns});;All files (*)</source>
        <translation>Daftar undangan ({patterns});;Semua berkas (*)</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>Berkas: {name}</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Membaca {name}…</translation>
    </message>
    <message>
        <source>Reading the rows again…</source>
        <translation>Membaca ulang baris…</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>Berkas tidak dapat dibaca: {reason}</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}: {error}). Details are in the log.</source>
        <translation>Kesalahan tak terduga ({kind}: {error}). Rinciannya ada di berkas log.</translation>
    </message>
    <message>
        <source>{count} rows read from {name}.</source>
        <translation>{count} baris dibaca dari {name}.</translation>
    </message>
    <message>
        <source>The file cannot be imported</source>
        <translation>Berkas tidak dapat diimpor</translation>
    </message>
    <message>
        <source>Duplicates ({count})</source>
        <translation>Duplikat ({count})</translation>
    </message>
    <message>
        <source>The columns are shown once a file is read.</source>
        <translation>Kolom ditampilkan setelah berkas dibaca.</translation>
    </message>
    <message>
        <source>Column titles found in row {row} of sheet “{sheet}”. Correct what a column holds if it was not recognised.</source>
        <translation>Judul kolom ditemukan di baris {row} lembar “{sheet}”. Betulkan isi kolom yang tidak dikenali.</translation>
    </message>
    <message>
        <source>Column titles found in row {row}. Correct what a column holds if it was not recognised.</source>
        <translation>Judul kolom ditemukan di baris {row}. Betulkan isi kolom yang tidak dikenali.</translation>
    </message>
    <message>
        <source>detected</source>
        <translation>terdeteksi</translation>
    </message>
    <message>
        <source>as chosen</source>
        <translation>sesuai pilihan</translation>
    </message>
    <message>
        <source>&amp;Encoding ({how}):</source>
        <translation>&amp;Pengodean ({how}):</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with warnings: imported with the field left empty (type a NIP in its cell).</source>
        <translation>
            <numerusform>%n baris dengan peringatan: diimpor dengan kolom itu dikosongkan (ketik NIP di selnya).</numerusform>
        </translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— tidak diimpor —</translation>
    </message>
    <message>
        <source>Row {row}: {status}</source>
        <translation>Baris {row}: {status}</translation>
    </message>
    <message>
        <source>{new} new, {merged} merged, {skipped} skipped, {problems} with problems</source>
        <translation>{new} baru, {merged} digabung, {skipped} dilewati, {problems} bermasalah</translation>
    </message>
    <message>
        <source>Rows with problems are not imported: exclude them (untick the row) or fix the file and read it again.</source>
        <translation>Baris bermasalah tidak diimpor: kecualikan (hilangkan centang barisnya) atau perbaiki berkasnya lalu baca ulang.</translation>
    </message>
    <message>
        <source>Nothing to import: every row is skipped.</source>
        <translation>Tidak ada yang diimpor: semua baris dilewati.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Mengimpor…</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Impor selesai</translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation>Impor ditolak</translation>
    </message>
</context>
<context>
    <name>InviteeDialog</name>
    <message>
        <source>Edit invitee</source>
        <translation>Ubah data undangan</translation>
    </message>
    <message>
        <source>Add invitee</source>
        <translation>Tambah undangan</translation>
    </message>
    <message>
        <source>Name, titles may be typed with it: Dr. H. Sri Purwaningsih, M.Si.</source>
        <translation>Nama, boleh beserta gelar: Dr. H. Sri Purwaningsih, M.Si.</translation>
    </message>
    <message>
        <source>e.g. Dr. H.</source>
        <translation>mis. Dr. H.</translation>
    </message>
    <message>
        <source>e.g. S.H., M.Si.</source>
        <translation>mis. S.H., M.Si.</translation>
    </message>
    <message>
        <source>Not this &amp;person</source>
        <translation>&amp;Bukan orang ini</translation>
    </message>
    <message>
        <source>Save as a new person instead of the one from the directory</source>
        <translation>Simpan sebagai orang baru, bukan data dari direktori</translation>
    </message>
    <message>
        <source>e.g. Pembina</source>
        <translation>mis. Pembina</translation>
    </message>
    <message>
        <source>e.g. IV/a</source>
        <translation>mis. IV/a</translation>
    </message>
    <message>
        <source>e.g. Kepala Badan Kesbangpol</source>
        <translation>mis. Kepala Badan Kesbangpol</translation>
    </message>
    <message>
        <source>e.g. Pemerintah Kota Jambi</source>
        <translation>mis. Pemerintah Kota Jambi</translation>
    </message>
    <message>
        <source>e.g. 0812 7400 1234</source>
        <translation>mis. 0812 7400 1234</translation>
    </message>
    <message>
        <source>L (male)</source>
        <translation>L (laki-laki)</translation>
    </message>
    <message>
        <source>P (female)</source>
        <translation>P (perempuan)</translation>
    </message>
    <message>
        <source>Front:</source>
        <translation>Depan:</translation>
    </message>
    <message>
        <source>Back:</source>
        <translation>Belakang:</translation>
    </message>
    <message>
        <source>Grade:</source>
        <translation>Golongan:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>&amp;Titles:</source>
        <translation>&amp;Gelar:</translation>
    </message>
    <message>
        <source>NIP 18 digits, or NRP (Polri/TNI)</source>
        <translation>NIP 18 digit, atau NRP (Polri/TNI)</translation>
    </message>
    <message>
        <source>N&amp;IP/NRP:</source>
        <translation>N&amp;IP/NRP:</translation>
    </message>
    <message>
        <source>&amp;Rank:</source>
        <translation>&amp;Pangkat:</translation>
    </message>
    <message>
        <source>Position (&amp;jabatan):</source>
        <translation>&amp;Jabatan:</translation>
    </message>
    <message>
        <source>Instit&amp;ution:</source>
        <translation>Ins&amp;tansi:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Kelompok:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>No. &amp;HP:</translation>
    </message>
    <message>
        <source>&amp;Sex:</source>
        <translation>Jenis k&amp;elamin:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>Pe&amp;ran:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Add to the list</source>
        <translation>Tambahkan ke daftar</translation>
    </message>
    <message>
        <source>This invitee no longer exists.</source>
        <translation>Data undangan ini sudah tidak ada.</translation>
    </message>
    <message>
        <source>Check-in code: {code}</source>
        <translation>Kode registrasi: {code}</translation>
    </message>
    <message>
        <source>present since {time} {tz}</source>
        <translation>hadir sejak pukul {time} {tz}</translation>
    </message>
    <message>
        <source>From the directory: changes here also update the directory entry.</source>
        <translation>Dari direktori: perubahan di sini juga memperbarui data di direktori.</translation>
    </message>
    <message>
        <source>The name is required.</source>
        <translation>Nama wajib diisi.</translation>
    </message>
    <message>
        <source>Type the name, not only the titles.</source>
        <translation>Ketik namanya, bukan hanya gelarnya.</translation>
    </message>
    <message>
        <source>A phone number has digits only (spaces, + and - are allowed).</source>
        <translation>Nomor HP hanya berisi angka (spasi, + dan - diperbolehkan).</translation>
    </message>
    <message>
        <source>{name} is already on the invitation list of this event.</source>
        <translation>{name} sudah ada di daftar undangan acara ini.</translation>
    </message>
    <message>
        <source>This NIP is in the directory as {name}: that entry will be used.</source>
        <translation>NIP ini tercatat di direktori atas nama {name}: data itulah yang dipakai.</translation>
    </message>
    <message>
        <source>This NIP belongs to {name} in the directory.</source>
        <translation>Di direktori, NIP ini milik {name}.</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join as a desk</source>
        <translation>Gabung sebagai meja</translation>
    </message>
    <message>
        <source>On the host laptop, open Desk → Event network… and turn the network on. Scan its QR code into the first field (or type the link or the address), then the pairing code.</source>
        <translation>Di laptop utama, buka Meja → Jaringan acara… dan nyalakan jaringan. Pindai kode QR-nya ke kolom pertama (atau ketik tautan atau alamatnya), lalu kode pairing.</translation>
    </message>
    <message>
        <source>Join &amp;link or address:</source>
        <translation>&amp;Tautan gabung atau alamat:</translation>
    </message>
    <message>
        <source>Pairing &amp;code:</source>
        <translation>&amp;Kode pairing:</translation>
    </message>
    <message>
        <source>&amp;Name of this desk:</source>
        <translation>&amp;Nama meja ini:</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Gabung</translation>
    </message>
    <message>
        <source>Type the host&apos;s join link or address and a name for this desk.</source>
        <translation>Ketik tautan gabung atau alamat laptop utama dan nama meja ini.</translation>
    </message>
    <message>
        <source>Pairing with the host and downloading the invitation list…</source>
        <translation>Menghubungkan ke laptop utama dan mengunduh daftar undangan…</translation>
    </message>
</context>
<context>
    <name>LivePage</name>
    <message>
        <source>Undo</source>
        <translation>Urungkan</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Ulangi</translation>
    </message>
    <message>
        <source>Undone: {action}</source>
        <translation>Diurungkan: {action}</translation>
    </message>
    <message>
        <source>Redone: {action}</source>
        <translation>Diulangi: {action}</translation>
    </message>
    <message>
        <source>Undo {action}</source>
        <translation>Urungkan: {action}</translation>
    </message>
    <message>
        <source>Redo {action}</source>
        <translation>Ulangi: {action}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Event</source>
        <extracomment>Calls operations and announces every change (here or elsewhere): ``changed``. The venue network: this window as its host, or working as a desk (issue 13).</extracomment>
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
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Pulihkan dari cadangan…</translation>
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
        <source>Open the &amp;registration desk</source>
        <translation>Buka &amp;meja registrasi</translation>
    </message>
    <message>
        <source>&amp;Projector window</source>
        <translation>Jendela &amp;proyektor</translation>
    </message>
    <message>
        <source>&amp;Moderator view</source>
        <translation>Tampilan &amp;moderator</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Meja</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sunting</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
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
        <source>Rakor event files (*.rakor *.json);;All files (*)</source>
        <translation>Berkas acara Rakor (*.rakor *.json);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Rakor event files (*.rakor *.json)</source>
        <translation>Berkas acara Rakor (*.rakor *.json)</translation>
    </message>
    <message>
        <source>{error}

Stop working in this file: restore the latest backup (the damaged file is kept aside), or ask for help.</source>
        <translation>{error}

Berhenti bekerja di berkas ini: pulihkan cadangan terakhir (berkas yang rusak disisihkan), atau minta bantuan.</translation>
    </message>
    <message>
        <source>⚠ Second copy: folder not reachable</source>
        <translation>⚠ Salinan kedua: folder tidak terjangkau</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>belum ada</translation>
    </message>
    <message>
        <source>Second copy: {time}</source>
        <translation>Salinan kedua: {time}</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>Database tidak dapat dibuka</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Pemulihan gagal</translation>
    </message>
    <message>
        <source>Restored the backup {backup}. The previous file was kept as {aside}.</source>
        <translation>Cadangan {backup} dipulihkan. Berkas sebelumnya disimpan sebagai {aside}.</translation>
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
    <name>MeetingSettingsDialog</name>
    <message>
        <source>Meeting settings</source>
        <translation>Pengaturan rapat</translation>
    </message>
    <message>
        <source> s</source>
        <translation> dtk</translation>
    </message>
    <message>
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <source>Beep when the warning starts and when time is up</source>
        <translation>Bunyikan bip saat peringatan dimulai dan saat waktu habis</translation>
    </message>
    <message>
        <source>Askers per &amp;termin:</source>
        <translation>Penanya per &amp;termin:</translation>
    </message>
    <message>
        <source>&amp;Warning in the last:</source>
        <translation>&amp;Peringatan saat sisa:</translation>
    </message>
    <message>
        <source>Default speaking &amp;time:</source>
        <translation>&amp;Waktu bicara standar:</translation>
    </message>
    <message>
        <source>Presentations, speeches and reports give their first speaker the item&apos;s duration.</source>
        <translation>Pada paparan, sambutan dan laporan, pembicara pertama mendapat seluruh durasi mata acara.</translation>
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
        <source>NIP/NRP</source>
        <translation>NIP/NRP</translation>
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
</context>
<context>
    <name>ModeratorView</name>
    <message>
        <source>Moderator — Rakor Desktop</source>
        <translation>Moderator — Rakor Desktop</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z redo · F11 full screen · Esc leaves full screen</source>
        <translation>Ctrl+Shift+Z ulangi · F11 layar penuh · Esc keluar dari layar penuh</translation>
    </message>
    <message>
        <source>Next asker</source>
        <translation>Penanya berikutnya</translation>
    </message>
    <message>
        <source>Mark answered</source>
        <translation>Tandai dijawab</translation>
    </message>
    <message>
        <source>Close termin / next termin</source>
        <translation>Tutup termin / termin berikutnya</translation>
    </message>
    <message>
        <source>Pause/resume speaker</source>
        <translation>Jeda/lanjutkan pembicara</translation>
    </message>
    <message>
        <source>One more minute</source>
        <translation>Tambah satu menit</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Layar penuh</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Spasi</translation>
    </message>
    <message>
        <source>No termin yet — press T to open Termin 1</source>
        <translation>Belum ada termin — tekan T untuk membuka Termin 1</translation>
    </message>
    <message>
        <source>open</source>
        <translation>dibuka</translation>
    </message>
    <message>
        <source>closed — answers</source>
        <translation>ditutup — sesi jawaban</translation>
    </message>
    <message>
        <source>Termin {number} · {status} · {askers} of {cap} askers</source>
        <translation>Termin {number} · {status} · {askers} dari {cap} penanya</translation>
    </message>
    <message>
        <source>No question on the projector</source>
        <translation>Tidak ada pertanyaan di proyektor</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Sudah dijawab</translation>
    </message>
    <message>
        <source>Open Termin {number}</source>
        <translation>Buka Termin {number}</translation>
    </message>
    <message>
        <source>Close termin</source>
        <translation>Tutup termin</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Lanjutkan</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Jeda</translation>
    </message>
    <message>
        <source>Start speaker</source>
        <translation>Mulai pembicara</translation>
    </message>
    <message>
        <source>+1 minute</source>
        <translation>+1 menit</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Urungkan</translation>
    </message>
    <message>
        <source>Termin {number} opened.</source>
        <translation>Termin {number} dibuka.</translation>
    </message>
    <message>
        <source>Termin {number} closed: the answers.</source>
        <translation>Termin {number} ditutup: sesi jawaban.</translation>
    </message>
    <message>
        <source>Nobody is speaking.</source>
        <translation>Tidak ada yang sedang berbicara.</translation>
    </message>
</context>
<context>
    <name>NetworkStatus</name>
    <message>
        <source>Network: on · %n desk(s)</source>
        <extracomment>Qt&apos;s translation function (a name lupdate recognises): context &quot;NetworkStatus&quot;.</extracomment>
        <translation>Jaringan: aktif · %n meja</translation>
    </message>
    <message>
        <source>%n question(s) from the floor</source>
        <translation>%n pertanyaan dari peserta</translation>
    </message>
    <message>
        <source>%n walk-in(s) from phones</source>
        <translation>%n peserta tanpa undangan dari ponsel</translation>
    </message>
    <message>
        <source>Revoked by the host: this desk no longer syncs</source>
        <translation>Dicabut oleh laptop utama: meja ini tidak sinkron lagi</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count} menunggu</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Terhubung</translation>
    </message>
    <message>
        <source>synced {time}</source>
        <translation>sinkron {time}</translation>
    </message>
    <message>
        <source>Disconnected since {time}</source>
        <translation>Terputus sejak {time}</translation>
    </message>
    <message>
        <source>Last sync {time}</source>
        <translation>Sinkron terakhir {time}</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Menghubungkan…</translation>
    </message>
    <message>
        <source>{count} refused by the host</source>
        <translation>{count} ditolak laptop utama</translation>
    </message>
    <message>
        <source>This desk was revoked by the host. Check-ins are still recorded here; ask the secretariat to join again or to make this copy an event.</source>
        <translation>Meja ini dicabut oleh laptop utama. Registrasi tetap dicatat di sini; minta sekretariat untuk bergabung lagi atau menjadikan salinan ini acara.</translation>
    </message>
    <message>
        <source>All check-ins synced with the host.</source>
        <translation>Semua registrasi sudah sinkron dengan laptop utama.</translation>
    </message>
    <message>
        <source>Recorded here. The host cannot be reached right now.</source>
        <translation>Tercatat di sini. Laptop utama tidak dapat dihubungi saat ini.</translation>
    </message>
    <message>
        <source>Recorded, waiting to sync ({count} waiting)</source>
        <translation>Tercatat, menunggu sinkron ({count} menunggu)</translation>
    </message>
    <message>
        <source>Recorded, waiting to sync: {count} waiting since {time}; they are sent when the host is reachable again</source>
        <translation>Tercatat, menunggu sinkron: {count} menunggu sejak {time}; dikirim begitu laptop utama dapat dihubungi lagi</translation>
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
    <name>OnBehalfDialog</name>
    <message>
        <source>On behalf of</source>
        <translation>Mewakili</translation>
    </message>
    <message>
        <source>Attending on behalf of &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>Hadir mewakili &lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>e.g. Dr. H.</source>
        <translation>mis. Dr. H.</translation>
    </message>
    <message>
        <source>e.g. S.H., M.Si.</source>
        <translation>mis. S.H., M.Si.</translation>
    </message>
    <message>
        <source>NIP 18 digits, or NRP (Polri/TNI)</source>
        <translation>NIP 18 digit, atau NRP (Polri/TNI)</translation>
    </message>
    <message>
        <source>e.g. IV/a</source>
        <translation>mis. IV/a</translation>
    </message>
    <message>
        <source>back</source>
        <translation>belakang</translation>
    </message>
    <message>
        <source>grade</source>
        <translation>gol.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nama</translation>
    </message>
    <message>
        <source>&amp;Titles (front)</source>
        <translation>&amp;Gelar (depan)</translation>
    </message>
    <message>
        <source>P&amp;angkat</source>
        <translation>P&amp;angkat</translation>
    </message>
    <message>
        <source>NIP/N&amp;RP</source>
        <translation>NIP/N&amp;RP</translation>
    </message>
    <message>
        <source>&amp;Position</source>
        <translation>&amp;Jabatan</translation>
    </message>
    <message>
        <source>&amp;Institution</source>
        <translation>&amp;Instansi</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>No. &amp;HP</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Catat hadir</translation>
    </message>
</context>
<context>
    <name>OperationRunner</name>
    <message>
        <source>The file could not be read or written{where}: {reason}.</source>
        <extracomment>How often the database is asked whether someone else committed.</extracomment>
        <translation>Berkas tidak dapat dibaca atau ditulis{where}: {reason}.</translation>
    </message>
</context>
<context>
    <name>ParticipantsArea</name>
    <message>
        <source>Invitation list</source>
        <translation>Daftar undangan</translation>
    </message>
    <message>
        <source>Registration desk</source>
        <translation>Meja registrasi</translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message>
        <source>Search name, position, institution or code…</source>
        <translation>Cari nama, jabatan, instansi atau kode…</translation>
    </message>
    <message>
        <source>Paper for the invitation cards and name tags</source>
        <translation>Kertas untuk kartu undangan dan tanda pengenal</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Kertas:</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Tambah…</translation>
    </message>
    <message>
        <source>Add an invitee</source>
        <translation>Tambah undangan</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Ubah…</translation>
    </message>
    <message>
        <source>Edit the selected invitee</source>
        <translation>Ubah data undangan yang dipilih</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Hapus…</translation>
    </message>
    <message>
        <source>Remove the selected invitees from the list</source>
        <translation>Hapus undangan yang dipilih dari daftar</translation>
    </message>
    <message>
        <source>&amp;Import invitation list…</source>
        <translation>&amp;Impor daftar undangan…</translation>
    </message>
    <message>
        <source>Import the invitation list from a spreadsheet</source>
        <translation>Impor daftar undangan dari lembar kerja (Excel/CSV)</translation>
    </message>
    <message>
        <source>Print QR &amp;invitations…</source>
        <translation>Cetak undangan &amp;QR…</translation>
    </message>
    <message>
        <source>Save the QR invitation cards as a PDF to print</source>
        <translation>Simpan kartu undangan QR sebagai PDF untuk dicetak</translation>
    </message>
    <message>
        <source>Print name &amp;tags…</source>
        <translation>Cetak tanda &amp;pengenal…</translation>
    </message>
    <message>
        <source>Save a sheet of name tags as a PDF to print</source>
        <translation>Simpan lembar tanda pengenal sebagai PDF untuk dicetak</translation>
    </message>
    <message>
        <source>{shown} shown · {invited} invited · {present} present</source>
        <translation>{shown} ditampilkan · {invited} diundang · {present} hadir</translation>
    </message>
    <message>
        <source>Remove {name} from the invitation list?
The person stays in the directory for later events.</source>
        <translation>Hapus {name} dari daftar undangan?
Datanya tetap ada di direktori untuk acara berikutnya.</translation>
    </message>
    <message>
        <source>Remove {count} invitees from the invitation list?
They stay in the directory for later events.</source>
        <translation>Hapus {count} undangan dari daftar undangan?
Datanya tetap ada di direktori untuk acara berikutnya.</translation>
    </message>
    <message>
        <source>Remove invitee</source>
        <translation>Hapus undangan</translation>
    </message>
    <message>
        <source>Cannot remove</source>
        <translation>Tidak dapat dihapus</translation>
    </message>
    <message>
        <source>Save QR invitations</source>
        <translation>Simpan undangan QR</translation>
    </message>
    <message>
        <source>Save name tags</source>
        <translation>Simpan tanda pengenal</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Cetak</translation>
    </message>
    <message>
        <source>Print for the selected invitees or for everybody on the list?</source>
        <translation>Cetak untuk undangan yang dipilih atau untuk semua yang ada di daftar?</translation>
    </message>
    <message>
        <source>&amp;Selected ({count})</source>
        <translation>&amp;Yang dipilih ({count})</translation>
    </message>
    <message>
        <source>&amp;Everybody ({count})</source>
        <translation>&amp;Semua ({count})</translation>
    </message>
    <message>
        <source>The invitation list is empty: nothing to print yet.</source>
        <translation>Daftar undangan masih kosong: belum ada yang dapat dicetak.</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Menulis {name}…</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Mencetak</translation>
    </message>
    <message>
        <source>{count} invitation cards saved in {path}.</source>
        <translation>{count} kartu undangan disimpan di {path}.</translation>
    </message>
    <message>
        <source>{count} name tags saved in {path}.</source>
        <translation>{count} tanda pengenal disimpan di {path}.</translation>
    </message>
    <message>
        <source>Open the file now?</source>
        <translation>Buka berkasnya sekarang?</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>Gagal mencetak</translation>
    </message>
</context>
<context>
    <name>ParticipantsTableModel</name>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
</context>
<context>
    <name>PhoneWalkInsDialog</name>
    <message>
        <source>Walk-ins from phones</source>
        <translation>Peserta tanpa undangan dari ponsel</translation>
    </message>
    <message>
        <source>These people are not on the invitation list and checked in with their phone. Look at them at the desk: confirm registers them as walk-ins (present, with their signature); refuse records nobody.</source>
        <translation>Orang-orang ini tidak ada di daftar undangan dan registrasi dengan ponselnya. Periksa di meja: konfirmasi mendaftarkan mereka sebagai peserta tanpa undangan (hadir, dengan tanda tangannya); tolak tidak mencatat siapa pun.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
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
        <source>Phone</source>
        <translation>No. HP</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Dikirim</translation>
    </message>
    <message>
        <source>No walk-in from a phone is waiting.</source>
        <translation>Tidak ada peserta tanpa undangan dari ponsel yang menunggu.</translation>
    </message>
    <message>
        <source>&amp;Confirm and check in</source>
        <translation>&amp;Konfirmasi dan catat hadir</translation>
    </message>
    <message>
        <source>&amp;Refuse…</source>
        <translation>&amp;Tolak…</translation>
    </message>
    <message>
        <source>(no signature)</source>
        <translation>(tanpa tanda tangan)</translation>
    </message>
    <message>
        <source>Refuse the walk-in</source>
        <translation>Tolak peserta tanpa undangan</translation>
    </message>
    <message>
        <source>Refuse “{name}”? They are not recorded as present; the entry is kept as refused.</source>
        <translation>Tolak “{name}”? Ia tidak dicatat hadir; datanya disimpan sebagai ditolak.</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>&amp;Tolak</translation>
    </message>
</context>
<context>
    <name>PhotoListModel</name>
    <message>
        <source>(no caption)</source>
        <translation>(tanpa keterangan)</translation>
    </message>
    <message>
        <source>{number}. {file} ({size} KB)</source>
        <translation>{number}. {file} ({size} KB)</translation>
    </message>
</context>
<context>
    <name>PhotosWidget</name>
    <message>
        <source>Photos for the appendix of the minutes (dokumentasi), two per row. Drop JPEG or PNG files here or click &quot;Add photos…&quot;; give each a caption.</source>
        <translation>Foto untuk lampiran notulen (dokumentasi), dua per baris. Seret berkas JPEG atau PNG ke sini atau klik &quot;Tambah foto…&quot;; beri keterangan pada setiap foto.</translation>
    </message>
    <message>
        <source>e.g. Pj. Wali Kota Jambi membuka rapat koordinasi</source>
        <translation>mis. Pj. Wali Kota Jambi membuka rapat koordinasi</translation>
    </message>
    <message>
        <source>&amp;Caption:</source>
        <translation>K&amp;eterangan:</translation>
    </message>
    <message>
        <source>&amp;Add photos…</source>
        <translation>T&amp;ambah foto…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Hap&amp;us</translation>
    </message>
    <message>
        <source>◀ &amp;Earlier</source>
        <translation>◀ Ke &amp;depan</translation>
    </message>
    <message>
        <source>&amp;Later ▶</source>
        <translation>Ke &amp;belakang ▶</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Hapus foto</translation>
    </message>
    <message>
        <source>Move photo earlier</source>
        <translation>Pindahkan foto ke depan</translation>
    </message>
    <message>
        <source>Move photo later</source>
        <translation>Pindahkan foto ke belakang</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n foto</numerusform>
        </translation>
    </message>
    <message>
        <source>Caption saved.</source>
        <translation>Keterangan tersimpan.</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Tambah foto</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG);;All files (*)</source>
        <translation>Foto (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG);;Semua berkas (*)</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n photo(s)…</source>
        <translation>
            <numerusform>Menambahkan %n foto…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) added. Give each a caption.</source>
        <translation>
            <numerusform>%n foto ditambahkan. Beri keterangan pada setiap foto.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not added: {file}: {reason}</source>
        <translation>Tidak ditambahkan: {file}: {reason}</translation>
    </message>
    <message>
        <source>Remove the photo &quot;{name}&quot; from the minutes?</source>
        <translation>Hapus foto &quot;{name}&quot; dari notulen?</translation>
    </message>
    <message>
        <source>Photo removed.</source>
        <translation>Foto dihapus.</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>Projector — Rakor Desktop</source>
        <translation>Proyektor — Rakor Desktop</translation>
    </message>
    <message>
        <source>F11: full screen · Esc: leave full screen · right-click: choose the screen</source>
        <translation>F11: layar penuh · Esc: keluar dari layar penuh · klik kanan: pilih layar</translation>
    </message>
    <message>
        <source>Questions? Scan</source>
        <translation>Bertanya? Pindai</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Layar penuh</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Selamat datang</translation>
    </message>
    <message>
        <source>Next: {names}</source>
        <translation>Berikutnya: {names}</translation>
    </message>
    <message>
        <source>Question · Termin {number}</source>
        <translation>Pertanyaan · Termin {number}</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pertanyaan</translation>
    </message>
    <message>
        <source>{asker} to {addressee}</source>
        <translation>{asker} kepada {addressee}</translation>
    </message>
    <message>
        <source>Projector screen</source>
        <translation>Layar proyektor</translation>
    </message>
    <message>
        <source>Screen {number}: {name} ({width}×{height})</source>
        <translation>Layar {number}: {name} ({width}×{height})</translation>
    </message>
    <message>
        <source>Close the projector</source>
        <translation>Tutup proyektor</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>RecordModels</name>
    <message>
        <source>Registration</source>
        <translation>Registrasi</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Pembukaan</translation>
    </message>
    <message>
        <source>Indonesia Raya</source>
        <translation>Indonesia Raya</translation>
    </message>
    <message>
        <source>Prayer</source>
        <translation>Doa</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Sambutan</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>Paparan</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>Diskusi</translation>
    </message>
    <message>
        <source>Conclusions</source>
        <translation>Kesimpulan</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Penutup</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>menunggu</translation>
    </message>
    <message>
        <source>speaking</source>
        <translation>berbicara</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>dijeda</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>selesai</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>antre</translation>
    </message>
    <message>
        <source>asking</source>
        <translation>bertanya</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>dijawab</translation>
    </message>
    <message>
        <source>deferred</source>
        <translation>ditunda</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>dibatalkan</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>Kesimpulan</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Rekomendasi</translation>
    </message>
    <message>
        <source>another day than the event&apos;s</source>
        <translation>hari lain, bukan hari acara</translation>
    </message>
    <message>
        <source>{minutes} min late</source>
        <translation>terlambat {minutes} menit</translation>
    </message>
    <message>
        <source>{hours} h late</source>
        <translation>terlambat {hours} jam</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min late</source>
        <translation>terlambat {hours} jam {minutes} menit</translation>
    </message>
    <message>
        <source>{minutes} min early</source>
        <translation>lebih cepat {minutes} menit</translation>
    </message>
    <message>
        <source>{hours} h early</source>
        <translation>lebih cepat {hours} jam</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min early</source>
        <translation>lebih cepat {hours} jam {minutes} menit</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>tepat waktu</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Rencana</translation>
    </message>
    <message>
        <source>Min.</source>
        <translation>Menit</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Mata acara</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Penanggung jawab</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Realisasi</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Spoken</source>
        <translation>Bicara</translation>
    </message>
    <message>
        <source>Asker</source>
        <translation>Penanya</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pertanyaan</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Kepada</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>Dijawab oleh</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Jawaban</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Oleh siapa</translation>
    </message>
    <message>
        <source>By when</source>
        <translation>Tenggat</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>Giliran</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Pembicara</translation>
    </message>
    <message>
        <source>done</source>
        <translation>selesai</translation>
    </message>
    <message>
        <source>now</source>
        <translation>berlangsung</translation>
    </message>
    <message>
        <source>{kind} · {minutes} min · {responsible}</source>
        <translation>{kind} · {minutes} menit · {responsible}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>dibuka</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>ditutup</translation>
    </message>
    <message>
        <source>Termin {number} ({state})</source>
        <translation>Termin {number} ({state})</translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
        <source>Choose the backup to restore. The database in use now is put aside beside it (never deleted) and the backup takes its place; the app then reopens it.</source>
        <translation>Pilih cadangan yang akan dipulihkan. Database yang dipakai sekarang disisihkan di sebelahnya (tidak pernah dihapus) dan cadangan menggantikannya; aplikasi lalu membukanya kembali.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Acara</translation>
    </message>
    <message>
        <source>Invitees</source>
        <translation>Undangan</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Hadir</translation>
    </message>
    <message>
        <source>There are no backups of this database yet in {folder}.</source>
        <translation>Belum ada cadangan database ini di {folder}.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Pulihkan</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Participant</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Resource person</source>
        <translation>Narasumber</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>Moderator</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>Panitia</translation>
    </message>
</context>
<context>
    <name>RundownItemDialog</name>
    <message>
        <source>Edit item</source>
        <translation>Ubah mata acara</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Mata acara baru</translation>
    </message>
    <message>
        <source>Type a name to search the invitees, or any text</source>
        <translation>Cari nama undangan, atau ketik teks bebas</translation>
    </message>
    <message>
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>belum dicatat</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Jenis:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Judul:</translation>
    </message>
    <message>
        <source>&amp;Responsible:</source>
        <translation>&amp;Penanggung jawab:</translation>
    </message>
    <message>
        <source>Planned &amp;start:</source>
        <translation>Rencana &amp;mulai:</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Durasi:</translation>
    </message>
    <message>
        <source>Planned end:</source>
        <translation>Rencana selesai:</translation>
    </message>
    <message>
        <source>Actual start ({tz}):</source>
        <translation>Realisasi mulai ({tz}):</translation>
    </message>
    <message>
        <source>Actual end ({tz}):</source>
        <translation>Realisasi selesai ({tz}):</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Tambah mata acara</translation>
    </message>
</context>
<context>
    <name>RundownPage</name>
    <message>
        <source>Start next item (F5)</source>
        <translation>Mulai mata acara berikutnya (F5)</translation>
    </message>
    <message>
        <source>Finish item (F6)</source>
        <translation>Selesaikan mata acara (F6)</translation>
    </message>
    <message>
        <source>Projector…</source>
        <translation>Proyektor…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Pengaturan…</translation>
    </message>
    <message>
        <source>Use the typical rundown</source>
        <translation>Pakai susunan acara standar</translation>
    </message>
    <message>
        <source>The rundown is empty. Start from the typical rakor (registration, opening, Indonesia Raya, prayer, report, speech, one presentation per narasumber, discussion, conclusions, closing) and adjust it.</source>
        <translation>Susunan acara masih kosong. Mulailah dari susunan rakor yang lazim (registrasi, pembukaan, Indonesia Raya, doa, laporan, sambutan, satu paparan per narasumber, diskusi, kesimpulan, penutup), lalu sesuaikan.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Tambah…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Ubah…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Naik</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Turun</translation>
    </message>
    <message>
        <source>Re-time</source>
        <translation>Atur ulang jam</translation>
    </message>
    <message>
        <source>Plan every item right after the one before it, from the first item&apos;s start</source>
        <translation>Jadwalkan setiap mata acara tepat setelah mata acara sebelumnya, mulai dari jam mulai mata acara pertama</translation>
    </message>
    <message>
        <source>Add speaker…</source>
        <translation>Tambah pembicara…</translation>
    </message>
    <message>
        <source>Next speaker (F7)</source>
        <translation>Pembicara berikutnya (F7)</translation>
    </message>
    <message>
        <source>Pause/resume (F8)</source>
        <translation>Jeda/lanjut (F8)</translation>
    </message>
    <message>
        <source>+1 min (F9)</source>
        <translation>+1 menit (F9)</translation>
    </message>
    <message>
        <source>Finish speaker</source>
        <translation>Selesai bicara</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Key points of this item for the minutes (who said what, figures, agreements)…</source>
        <translation>Pokok-pokok mata acara ini untuk notulen (siapa menyampaikan apa, angka, kesepakatan)…</translation>
    </message>
    <message>
        <source>Per speaker</source>
        <translation>Per pembicara</translation>
    </message>
    <message>
        <source>Per institution</source>
        <translation>Per instansi</translation>
    </message>
    <message>
        <source>Speakers &amp;&amp; timer</source>
        <translation>Pembicara &amp;&amp; pewaktu</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Start next item</source>
        <translation>Mulai mata acara berikutnya</translation>
    </message>
    <message>
        <source>Finish item</source>
        <translation>Selesaikan mata acara</translation>
    </message>
    <message>
        <source>Next speaker</source>
        <translation>Pembicara berikutnya</translation>
    </message>
    <message>
        <source>Pause/resume speaker</source>
        <translation>Jeda/lanjutkan pembicara</translation>
    </message>
    <message>
        <source>One more minute</source>
        <translation>Tambah satu menit</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Tambah mata acara</translation>
    </message>
    <message>
        <source>Edit item</source>
        <translation>Ubah mata acara</translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation>Hapus mata acara</translation>
    </message>
    <message>
        <source>Move item up</source>
        <translation>Naikkan mata acara</translation>
    </message>
    <message>
        <source>Move item down</source>
        <translation>Turunkan mata acara</translation>
    </message>
    <message>
        <source>Add speaker</source>
        <translation>Tambah pembicara</translation>
    </message>
    <message>
        <source>Edit speaker</source>
        <translation>Ubah pembicara</translation>
    </message>
    <message>
        <source>Delete speaker</source>
        <translation>Hapus pembicara</translation>
    </message>
    <message>
        <source>Move speaker up</source>
        <translation>Naikkan pembicara</translation>
    </message>
    <message>
        <source>Move speaker down</source>
        <translation>Turunkan pembicara</translation>
    </message>
    <message>
        <source>Select an item to see its speakers.</source>
        <translation>Pilih mata acara untuk melihat pembicaranya.</translation>
    </message>
    <message>
        <source>Speakers of: {title}</source>
        <translation>Pembicara: {title}</translation>
    </message>
    <message>
        <source>Now: {title} (since {time})</source>
        <translation>Sekarang: {title} (sejak {time})</translation>
    </message>
    <message>
        <source>The rundown is finished.</source>
        <translation>Susunan acara sudah selesai.</translation>
    </message>
    <message>
        <source>Next: {title}</source>
        <translation>Berikutnya: {title}</translation>
    </message>
    <message>
        <source>The rundown is empty.</source>
        <translation>Susunan acara masih kosong.</translation>
    </message>
    <message>
        <source>Ended at {time} {tz}</source>
        <translation>Selesai pukul {time} {tz}</translation>
    </message>
    <message>
        <source>Projected end {time} {tz}</source>
        <translation>Perkiraan selesai pukul {time} {tz}</translation>
    </message>
    <message>
        <source>Typical rundown</source>
        <translation>Susunan acara standar</translation>
    </message>
    <message>
        <source>Not the day of the event</source>
        <translation>Bukan hari acara</translation>
    </message>
    <message>
        <source>Today is {today}, but the event is on {date}.</source>
        <translation>Hari ini {today}, sedangkan acara dijadwalkan {date}.</translation>
    </message>
    <message>
        <source>Run the rundown as a rehearsal? The times are recorded as usual and appear in the minutes; how late it runs is not shown. Afterwards, Ctrl+Z takes each step back, and Edit… corrects the times of an item. If the meeting really is today, change its date on the Event page.</source>
        <translation>Jalankan susunan acara sebagai gladi? Waktu tetap dicatat seperti biasa dan muncul di notulen; keterlambatan tidak ditampilkan. Sesudahnya, Ctrl+Z membatalkan setiap langkah, dan Ubah… membetulkan waktu sebuah mata acara. Jika rapat memang hari ini, ubah tanggalnya di halaman Acara.</translation>
    </message>
    <message>
        <source>Start (rehearsal)</source>
        <translation>Mulai (gladi)</translation>
    </message>
    <message>
        <source>&quot;{title}&quot; deleted. Ctrl+Z brings it back.</source>
        <translation>&quot;{title}&quot; dihapus. Ctrl+Z untuk mengembalikannya.</translation>
    </message>
    <message>
        <source>Move item</source>
        <translation>Pindahkan mata acara</translation>
    </message>
    <message>
        <source>Re-time rundown</source>
        <translation>Atur ulang jam susunan acara</translation>
    </message>
    <message>
        <source>Select an item first.</source>
        <translation>Pilih mata acara terlebih dahulu.</translation>
    </message>
    <message>
        <source>Move speaker</source>
        <translation>Pindahkan pembicara</translation>
    </message>
    <message>
        <source>Nobody is speaking.</source>
        <translation>Tidak ada yang sedang berbicara.</translation>
    </message>
    <message>
        <source>Notes of: {title}</source>
        <translation>Catatan: {title}</translation>
    </message>
    <message>
        <source>Select an item to take its notes.</source>
        <translation>Pilih mata acara untuk mencatat.</translation>
    </message>
    <message>
        <source>Not saved yet…</source>
        <translation>Belum tersimpan…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
</context>
<context>
    <name>SelfCheckinWindow</name>
    <message>
        <source>Self check-in — Rakor Desktop</source>
        <extracomment>How often the window looks at its clock (the code changes at each new minute). Room for a title bar and frame when the window opens as a window.</extracomment>
        <translation>Registrasi mandiri — Rakor Desktop</translation>
    </message>
    <message>
        <source>Self check-in</source>
        <translation>Registrasi mandiri</translation>
    </message>
    <message>
        <source>1. Scan the code with your phone&apos;s camera.
2. Find your name: the code on your invitation, or your name and the last four digits of your phone number.
3. Sign with your finger. Done.
Not on the list? Fill in your details on the same page: a desk confirms them.</source>
        <translation>1. Pindai kode dengan kamera ponsel Anda.
2. Cari nama Anda: kode pada undangan, atau nama dan empat angka terakhir nomor ponsel Anda.
3. Tanda tangan dengan jari. Selesai.
Tidak ada di daftar? Isi data Anda di halaman yang sama: petugas meja registrasi akan mengonfirmasi.</translation>
    </message>
    <message>
        <source>The event network is off.
Turn it on in Desk → Event network… (Ctrl+Shift+J): the code appears here.</source>
        <translation>Jaringan acara mati.
Nyalakan di Meja → Jaringan acara… (Ctrl+Shift+J): kodenya tampil di sini.</translation>
    </message>
    <message>
        <source>F11: full screen · Esc: leave full screen · right-click: choose the screen</source>
        <translation>F11: layar penuh · Esc: keluar dari layar penuh · klik kanan: pilih layar</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Layar penuh</translation>
    </message>
    <message>
        <source>Code: {code}</source>
        <translation>Kode: {code}</translation>
    </message>
    <message numerus="yes">
        <source>A new code in %n second(s)</source>
        <translation>
            <numerusform>Kode baru dalam %n detik</numerusform>
        </translation>
    </message>
    <message>
        <source>Self check-in screen</source>
        <translation>Layar registrasi mandiri</translation>
    </message>
    <message>
        <source>Screen {number}: {name} ({width}×{height})</source>
        <translation>Layar {number}: {name} ({width}×{height})</translation>
    </message>
    <message>
        <source>Close the self check-in screen</source>
        <translation>Tutup layar registrasi mandiri</translation>
    </message>
</context>
<context>
    <name>SetAsideDialog</name>
    <message>
        <source>Questions set aside</source>
        <translation>Pertanyaan yang disisihkan</translation>
    </message>
    <message>
        <source>&amp;Back to the incoming list</source>
        <translation>&amp;Kembalikan ke daftar masuk</translation>
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
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <source>none (e.g. a USB stick)</source>
        <translation>tidak ada (mis. flashdisk)</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Pi&amp;lih…</translation>
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
        <source>&amp;Days of backups kept:</source>
        <translation>&amp;Hari cadangan disimpan:</translation>
    </message>
    <message>
        <source>Back up &amp;every:</source>
        <translation>Cadangkan &amp;setiap:</translation>
    </message>
    <message>
        <source>Second &amp;copy in:</source>
        <translation>Salinan &amp;kedua di:</translation>
    </message>
    <message>
        <source>The station and operator names are recorded with every check-in. A backup is made every few minutes while something changes (all of the last hour are kept, then one a day); the second copy folder receives each one and the open event&apos;s file.</source>
        <translation>Nama meja dan petugas dicatat pada setiap registrasi. Cadangan dibuat setiap beberapa menit selama ada perubahan (semua dari satu jam terakhir disimpan, lalu satu per hari); folder salinan kedua menerima setiap cadangan dan berkas acara yang sedang dibuka.</translation>
    </message>
    <message>
        <source>Folder for the second copy</source>
        <translation>Folder untuk salinan kedua</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <source>Signature</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <source>Please sign: &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>Silakan tanda tangan: &lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>&amp;Save signature</source>
        <translation>&amp;Simpan tanda tangan</translation>
    </message>
    <message>
        <source>S&amp;kip (Esc)</source>
        <translation>&amp;Lewati (Esc)</translation>
    </message>
    <message>
        <source>Enter saves the signature · Esc skips</source>
        <translation>Enter menyimpan tanda tangan · Esc melewati</translation>
    </message>
    <message>
        <source>Sign in the box above · Esc skips</source>
        <translation>Tanda tangani di kotak di atas · Esc melewati</translation>
    </message>
    <message>
        <source>Next to sign: {names}</source>
        <translation>Berikutnya tanda tangan: {names}</translation>
    </message>
    <message>
        <source>Nothing drawn yet: sign in the box, or press Esc to skip.</source>
        <translation>Belum ada tanda tangan: tanda tangani di kotak, atau tekan Esc untuk melewati.</translation>
    </message>
</context>
<context>
    <name>SpeakerDialog</name>
    <message>
        <source>Edit speaker</source>
        <translation>Ubah pembicara</translation>
    </message>
    <message>
        <source>Add speaker</source>
        <translation>Tambah pembicara</translation>
    </message>
    <message>
        <source>Type to search the invitees (narasumber first), or any name</source>
        <translation>Cari undangan (narasumber lebih dulu), atau ketik nama lain</translation>
    </message>
    <message>
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>&amp;Instansi:</translation>
    </message>
    <message>
        <source>Speaking &amp;time:</source>
        <translation>&amp;Waktu bicara:</translation>
    </message>
    <message>
        <source>Item: {title}</source>
        <translation>Mata acara: {title}</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <extracomment>A progress dialog appears only for work that lasts longer than this. The last step reported (done, total).</extracomment>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>TextPartsEditor</name>
    <message>
        <source>These parts of the minutes are written from what was recorded live. Edit them here before creating the documents: an edited part is used in every export until you reset it. A line starting with &quot;1.&quot;, &quot;a.&quot; or &quot;-&quot; becomes a list item.</source>
        <translation>Bagian-bagian notulen ini disusun dari catatan selama rapat. Sunting di sini sebelum membuat dokumen: bagian yang disunting dipakai di setiap ekspor sampai Anda mengembalikannya. Baris yang diawali &quot;1.&quot;, &quot;a.&quot; atau &quot;-&quot; menjadi butir daftar.</translation>
    </message>
    <message>
        <source>&amp;Reset to the automatic text</source>
        <translation>Kembalikan ke teks &amp;otomatis</translation>
    </message>
    <message>
        <source>The automatic text, for comparison:</source>
        <translation>Teks otomatis, sebagai pembanding:</translation>
    </message>
    <message>
        <source>Open an event to see the text of its minutes.</source>
        <translation>Buka acara untuk melihat teks notulennya.</translation>
    </message>
    <message>
        <source>Edited by hand. Later changes to the record do not appear in this part until you reset it.</source>
        <translation>Disunting manual. Perubahan catatan sesudahnya tidak muncul di bagian ini sampai Anda mengembalikannya.</translation>
    </message>
    <message>
        <source>Written from the live record. Type to change it; your text is kept.</source>
        <translation>Disusun dari catatan selama rapat. Ketik untuk mengubahnya; teks Anda akan dipertahankan.</translation>
    </message>
</context>
<context>
    <name>TextPartsModel</name>
    <message>
        <source>{title} (edited)</source>
        <translation>{title} (diubah)</translation>
    </message>
    <message>
        <source>Edited by hand: kept until you reset it</source>
        <translation>Diubah manual: dipakai sampai dikembalikan</translation>
    </message>
    <message>
        <source>Written from the live record</source>
        <translation>Disusun dari catatan rapat</translation>
    </message>
</context>
<context>
    <name>TimerWidget</name>
    <message>
        <source>No speaker</source>
        <translation>Tidak ada pembicara</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>dijeda</translation>
    </message>
    <message>
        <source>item time</source>
        <translation>waktu mata acara</translation>
    </message>
    <message>
        <source>overtime</source>
        <translation>lewat waktu</translation>
    </message>
    <message>
        <source>remaining</source>
        <translation>sisa waktu</translation>
    </message>
</context>
<context>
    <name>UndoDialog</name>
    <message>
        <source>Undo check-in</source>
        <translation>Batalkan registrasi</translation>
    </message>
    <message>
        <source>Undo the check-in of &lt;b&gt;{name}&lt;/b&gt; at {time}?</source>
        <translation>Batalkan registrasi &lt;b&gt;{name}&lt;/b&gt; pukul {time}?</translation>
    </message>
    <message>
        <source>Wrong person selected</source>
        <translation>Salah memilih orang</translation>
    </message>
    <message>
        <source>Checked in by mistake</source>
        <translation>Keliru dicatat hadir</translation>
    </message>
    <message>
        <source>Left before the meeting started</source>
        <translation>Pulang sebelum rapat dimulai</translation>
    </message>
    <message>
        <source>Why? (required, kept in the history)</source>
        <translation>Alasannya? (wajib, disimpan di riwayat)</translation>
    </message>
    <message>
        <source>Remove check-in</source>
        <translation>Hapus kehadiran</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Alasan</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Walk-in guest</source>
        <translation>Peserta tanpa undangan</translation>
    </message>
    <message>
        <source>e.g. Drs. H. Ahmad Yani, M.Si.</source>
        <translation>mis. Drs. H. Ahmad Yani, M.Si.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nama</translation>
    </message>
    <message>
        <source>&amp;Position</source>
        <translation>&amp;Jabatan</translation>
    </message>
    <message>
        <source>&amp;Institution</source>
        <translation>&amp;Instansi</translation>
    </message>
    <message>
        <source>&amp;Group</source>
        <translation>&amp;Kelompok</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>No. &amp;HP</translation>
    </message>
    <message>
        <source>Check in the &amp;chosen invitee</source>
        <translation>Catat hadir undangan &amp;terpilih</translation>
    </message>
    <message>
        <source>&amp;Register as a new guest</source>
        <translation>&amp;Daftarkan sebagai tamu baru</translation>
    </message>
    <message>
        <source>Not on the invitation list? Look for the name first.</source>
        <translation>Tidak ada di daftar undangan? Cari namanya dulu.</translation>
    </message>
    <message>
        <source>Already invited? Many invitees match this name — type more of it, or choose with ↓ and press Enter to check them in:</source>
        <translation>Sudah diundang? Banyak undangan cocok dengan nama ini — ketik lebih lengkap, atau pilih dengan ↓ lalu tekan Enter untuk mencatat hadir:</translation>
    </message>
    <message numerus="yes">
        <source>Already invited? %n invitee(s) match this name — choose with ↓ and press Enter to check them in:</source>
        <translation>
            <numerusform>Sudah diundang? %n undangan cocok dengan nama ini — pilih dengan ↓ lalu tekan Enter untuk mencatat hadir:</numerusform>
        </translation>
    </message>
    <message>
        <source>This name is on the invitation list: choose the invitee with ↓ and press Enter, or click “Register as a new guest” if it is someone else.</source>
        <translation>Nama ini ada di daftar undangan: pilih undangannya dengan ↓ lalu tekan Enter, atau klik “Daftarkan sebagai tamu baru” bila orangnya lain.</translation>
    </message>
    <message>
        <source>Name: {name} · titles: {front} … {back}</source>
        <translation>Nama: {name} · gelar: {front} … {back}</translation>
    </message>
</context>
<context>
    <name>WindowNetwork</name>
    <message>
        <source>Event &amp;network…</source>
        <extracomment>The key (in the window&apos;s UI state) remembering the desk copy a database&apos;s window was working on, so that the next start resumes as a desk. How long closing the window waits for the host&apos;s server to stop. The clock of the self check-in screen (its code follows its minute).</extracomment>
        <translation>&amp;Jaringan acara…</translation>
    </message>
    <message>
        <source>&amp;Join as a desk…</source>
        <translation>&amp;Gabung sebagai meja…</translation>
    </message>
    <message>
        <source>&amp;Leave the network…</source>
        <translation>&amp;Keluar dari jaringan…</translation>
    </message>
    <message>
        <source>Make it an &amp;event on this laptop…</source>
        <translation>Jadikan &amp;acara di laptop ini…</translation>
    </message>
    <message>
        <source>&amp;Self check-in screen…</source>
        <translation>Layar registrasi ma&amp;ndiri…</translation>
    </message>
    <message>
        <source>&amp;Question QR on the projector</source>
        <translation>&amp;QR pertanyaan di proyektor</translation>
    </message>
    <message>
        <source>Desk copy not opened</source>
        <translation>Salinan meja tidak dibuka</translation>
    </message>
    <message>
        <source>Question QR on the projector</source>
        <translation>QR pertanyaan di proyektor</translation>
    </message>
    <message>
        <source>The event network is off. Turn it on first (Desk → Event network…, Ctrl+Shift+J): phones reach the question page through it.</source>
        <translation>Jaringan acara mati. Nyalakan dulu (Meja → Jaringan acara…, Ctrl+Shift+J): ponsel membuka halaman pertanyaan melaluinya.</translation>
    </message>
    <message>
        <source>Joined the host as a desk.</source>
        <translation>Bergabung ke laptop utama sebagai meja.</translation>
    </message>
    <message numerus="yes">
        <source>%n check-in(s) of this desk have not reached the host yet. They stay in the desk&apos;s copy; to keep them as an event on this laptop, use “Make it an event on this laptop…” instead.</source>
        <translation>
            <numerusform>%n registrasi di meja ini belum sampai ke laptop utama. Semuanya tetap di salinan meja; untuk menyimpannya sebagai acara di laptop ini, pakai “Jadikan acara di laptop ini…”.</numerusform>
        </translation>
    </message>
    <message>
        <source>Leave the host&apos;s network? This laptop works on its own database again; the desk&apos;s copy is kept.</source>
        <translation>Keluar dari jaringan laptop utama? Laptop ini kembali memakai databasenya sendiri; salinan meja tetap disimpan.</translation>
    </message>
    <message>
        <source>Leave the network</source>
        <translation>Keluar dari jaringan</translation>
    </message>
    <message>
        <source>&amp;Leave</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>Make it an event on this laptop</source>
        <translation>Jadikan acara di laptop ini</translation>
    </message>
    <message>
        <source>Use this when the host laptop is gone for good. The desk&apos;s copy of the list and every check-in recorded here (also those not yet sent) become a new event on this laptop, which then stops being a desk.</source>
        <translation>Pakai ini bila laptop utama tidak kembali lagi. Salinan daftar di meja ini dan semua registrasi yang dicatat di sini (juga yang belum terkirim) menjadi acara baru di laptop ini, dan laptop ini berhenti menjadi meja.</translation>
    </message>
    <message>
        <source>&amp;Make it an event</source>
        <translation>&amp;Jadikan acara</translation>
    </message>
    <message>
        <source>The desk&apos;s copy is now an event on this laptop.</source>
        <translation>Salinan meja kini menjadi acara di laptop ini.</translation>
    </message>
</context>
</TS>
