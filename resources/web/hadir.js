/* Rakor Desktop: self check-in with a phone (/hadir?k=CODE). The code of the QR code at
 * the entrance changes every minute: it shows that the phone is in the hall. */
(function () {
  "use strict";
  var R = window.Rakor;

  R.texts = {
    id: {
      page_title: "Registrasi mandiri — Rakor Desktop",
      heading: "Registrasi mandiri",
      find_code: "Dengan kode di undangan",
      code_label: "Kode undangan",
      go_on: "Lanjut",
      or: "atau",
      find_name: "Dengan nama dan nomor HP",
      name_label: "Nama Anda",
      name_placeholder: "Nama (min. 3 huruf)",
      find: "Cari",
      choose: "Pilih nama Anda:",
      none_found: "Tidak ditemukan. Periksa nama dan 4 angka terakhir nomor HP, atau gunakan kode undangan.",
      need_name3: "Ketik paling sedikit 3 huruf nama Anda.",
      phone4: "4 angka terakhir nomor HP Anda (seperti di daftar undangan)",
      not_listed: "Tidak ada di daftar undangan?",
      walkin_button: "Daftar sebagai tamu",
      you_are: "Anda tercatat sebagai",
      walkin_heading: "Tamu (tidak ada di daftar undangan)",
      name: "Nama",
      jabatan: "Jabatan",
      instansi: "Instansi",
      phone: "Nomor HP",
      sign: "Tanda tangan dengan jari",
      clear: "Hapus",
      back: "Kembali",
      submit: "Kirim: saya hadir",
      sending: "Mengirim…",
      no_code: "Buka halaman ini dengan memindai kode QR di pintu masuk atau di layar aula.",
      expired: "Kode QR sudah kedaluwarsa. Pindai lagi kode QR di pintu masuk atau di layar aula.",
      need_code: "Tuliskan kode yang tercetak di undangan Anda.",
      need_phone: "Tuliskan 4 angka terakhir nomor HP Anda.",
      need_sign: "Tanda tangani dulu kotak di atas dengan jari.",
      need_name: "Tuliskan nama Anda.",
      done: "Terima kasih, {name}. Anda tercatat hadir pukul {time}.",
      already: "{name} sudah tercatat hadir pukul {time}. Tidak ada yang ditambahkan.",
      already_notime: "{name} sudah tercatat hadir. Tidak ada yang ditambahkan.",
      waiting: "Terima kasih, {name}. Pendaftaran Anda menunggu konfirmasi petugas meja registrasi.",
      offline_send: "Laptop sekretariat tidak dapat dihubungi; belum terkirim. Mencoba lagi…"
    },
    en: {
      page_title: "Self check-in — Rakor Desktop",
      heading: "Self check-in",
      find_code: "With the code on your invitation",
      code_label: "Invitation code",
      go_on: "Continue",
      or: "or",
      find_name: "With your name and phone number",
      name_label: "Your name",
      name_placeholder: "Name (3 letters or more)",
      find: "Find",
      choose: "Choose your name:",
      none_found: "Nothing found. Check the name and the last 4 digits of the phone number, or use the invitation code.",
      need_name3: "Type at least 3 letters of your name.",
      phone4: "The last 4 digits of your phone number (as on the invitation list)",
      not_listed: "Not on the invitation list?",
      walkin_button: "Register as a guest",
      you_are: "You are",
      walkin_heading: "Guest (not on the invitation list)",
      name: "Name",
      jabatan: "Position",
      instansi: "Institution",
      phone: "Phone number",
      sign: "Sign with your finger",
      clear: "Clear",
      back: "Back",
      submit: "Send: I am here",
      sending: "Sending…",
      no_code: "Open this page by scanning the QR code at the entrance or on the hall screen.",
      expired: "The QR code has expired. Scan the QR code at the entrance or on the hall screen again.",
      need_code: "Type the code printed on your invitation.",
      need_phone: "Type the last 4 digits of your phone number.",
      need_sign: "Sign in the box above with your finger first.",
      need_name: "Type your name.",
      done: "Thank you, {name}. You are checked in at {time}.",
      already: "{name} was already checked in at {time}. Nothing was added.",
      already_notime: "{name} is already checked in. Nothing was added.",
      waiting: "Thank you, {name}. Your registration waits for the registration desk to confirm it.",
      offline_send: "The secretariat laptop cannot be reached; not sent yet. Trying again…"
    }
  };

  var k = R.queryParam("k") || "";
  var ref = null;      /* the person found (an opaque reference from the host) */
  var walkin = false;
  var person = null;   /* {name, instansi} */
  var done = null;     /* what the host answered at the end */
  var sending = false;
  var expired = false;
  var pad = R.signaturePad(R.$("pad"));

  function message(id, text) {
    R.setText(id, text || "");
    R.show(id, !!text);
  }

  function showExpired(json) {
    expired = true;
    pageMessage = "expired";
    message("page-message", R.t("expired"));
    step();
  }

  function step() {
    var finding = !expired && !done && !ref && !walkin;
    R.show("find-card", finding);
    R.show("identity-card", !!person && !walkin && !done);
    R.show("walkin-card", walkin && !done && !expired);
    R.show("sign-card", (!!ref || walkin) && !done && !expired);
    R.show("done-card", !!done);
    if (person) {
      R.setText("person-name", person.name);
      R.setText("person-instansi", person.instansi || "");
    }
    if (done) {
      var template = done.status === "already_present" ? (done.time ? "already" : "already_notime") :
        (done.status === "waiting" ? "waiting" : "done");
      R.setText("done-text", R.format(R.t(template), { name: done.name, time: done.time || "" }));
    }
    if ((ref || walkin) && !done) { pad.resize(); }
  }

  function failed(id, status, json) {
    if (json && json.error === "code_expired") { showExpired(json); return; }
    message(id, R.messageOf(json));
  }

  function choose(match) {
    if (match.present) {
      done = { status: "already_present", name: match.name, time: "" };
    } else {
      ref = match.ref;
      person = { name: match.name, instansi: match.instansi };
    }
    step();
  }

  function showMatches(list) {
    var box = R.$("results");
    R.clear(box);
    if (!list.length) { message("find-message", R.t("none_found")); return; }
    if (list.length === 1) { choose(list[0]); return; }
    message("find-message", "");
    box.appendChild(R.el("li", "hint", R.t("choose")));
    for (var i = 0; i < list.length; i++) {
      (function (match) {
        var li = R.el("li");
        var button = R.el("button");
        button.type = "button";
        button.appendChild(R.el("span", "name", match.name));
        button.appendChild(R.el("span", "instansi", match.instansi || ""));
        button.onclick = function () { choose(match); };
        li.appendChild(button);
        box.appendChild(li);
      })(list[i]);
    }
  }

  function lookup(body) {
    body.k = k;
    message("find-message", "");
    R.request("POST", "/public/checkin/lookup", body, function (status, json) {
      if (status === 0 || status === 503) {
        R.connection(false, status);
        window.setTimeout(function () { lookup(body); }, 3000);
        return;
      }
      R.connection(true);
      if (status === 200 && json) { showMatches(json.results || []); return; }
      failed("find-message", status, json);
    });
  }

  R.$("code-go").onclick = function () {
    var code = R.$("code").value.replace(/\s+/g, "").toUpperCase();
    if (!code) { message("find-message", R.t("need_code")); return; }
    lookup({ code: code });
  };
  R.$("name-go").onclick = function () {
    var name = R.$("name").value;
    var digits = R.$("phone4").value.replace(/\D+/g, "");
    if (name.replace(/[^A-Za-z\u00C0-\u024F]/g, "").length < 3) { message("find-message", R.t("need_name3")); return; }
    if (digits.length !== 4) { message("find-message", R.t("need_phone")); return; }
    lookup({ name: name, phone_last4: digits });
  };
  R.$("walkin-go").onclick = function () { walkin = true; person = null; step(); R.$("w-name").focus(); };
  R.$("pad-clear").onclick = function () { pad.clear(); };
  R.$("back").onclick = function () {
    ref = null; walkin = false; person = null;
    pad.clear();
    message("sign-message", "");
    R.clear(R.$("results"));
    step();
  };

  function submit() {
    if (sending) { return; }
    if (pad.empty()) { message("sign-message", R.t("need_sign")); return; }
    var path, body;
    if (walkin) {
      body = {
        k: k, name: R.$("w-name").value, jabatan: R.$("w-jabatan").value,
        instansi: R.$("w-instansi").value, phone: R.$("w-phone").value
      };
      if (!body.name.replace(/\s+/g, "")) { message("sign-message", R.t("need_name")); return; }
      path = "/public/walkins";
    } else {
      body = { k: k, ref: ref };
      path = "/public/checkin";
    }
    body.signature_png = pad.png();
    sending = true;
    R.$("submit").disabled = true;
    R.setText("submit", R.t("sending"));
    message("sign-message", "");
    R.request("POST", path, body, function (status, json) {
      if (status === 0 || status === 503) {
        R.connection(false, status);
        message("sign-message", R.t("offline_send"));
        window.setTimeout(function () { sending = false; submit(); }, 3000);
        return;
      }
      R.connection(true);
      sending = false;
      R.$("submit").disabled = false;
      R.setText("submit", R.t("submit"));
      if (status === 200 && json) {
        done = { status: json.status, name: json.name, time: json.checked_in_time };
        step();
        return;
      }
      failed("sign-message", status, json);
    }, 30000);
  }
  R.$("submit").onclick = submit;

  function loadInfo() {
    R.request("GET", "/public/info", null, function (status, json) {
      if (status === 200 && json) {
        R.connection(true);
        R.setText("event-title", json.event ? json.event.title : "");
        return;
      }
      R.connection(false, status);
      window.setTimeout(loadInfo, 3000);
    });
  }

  var pageMessage = "";
  R.onLanguage = function () {
    step();
    if (pageMessage) { message("page-message", R.t(pageMessage)); }
  };
  R.start();
  if (!k) {
    expired = true;
    pageMessage = "no_code";
    message("page-message", R.t("no_code"));
  }
  step();
  loadInfo();
})();
