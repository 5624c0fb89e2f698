/* Rakor Desktop: a question from the floor (/tanya). It goes to the moderator's incoming
 * list, never straight to the screen. */
(function () {
  "use strict";
  var R = window.Rakor;

  R.texts = {
    id: {
      page_title: "Pertanyaan — Rakor Desktop",
      heading: "Ajukan pertanyaan",
      who: "Siapa Anda?",
      search_label: "Cari nama Anda di daftar undangan",
      search_placeholder: "Nama (min. 3 huruf)",
      or: "atau",
      type_instead: "Tulis nama dan instansi sendiri",
      search_instead: "Cari di daftar undangan",
      change: "Ganti",
      name: "Nama",
      instansi: "Instansi",
      to: "Kepada (narasumber)",
      to_placeholder: "Boleh dikosongkan",
      question: "Pertanyaan",
      send: "Kirim ke moderator",
      sending: "Mengirim…",
      sent: "Pertanyaan Anda sudah diterima dan menunggu moderator. Moderator yang memilih pertanyaan yang dibacakan.",
      again: "Kirim pertanyaan lain",
      need_name: "Pilih nama Anda dari daftar, atau tulis nama Anda.",
      need_question: "Tuliskan pertanyaan Anda.",
      too_long: "Pertanyaan paling panjang 1000 huruf.",
      offline_send: "Laptop sekretariat tidak dapat dihubungi; pertanyaan belum terkirim. Mencoba lagi…"
    },
    en: {
      page_title: "Question — Rakor Desktop",
      heading: "Ask a question",
      who: "Who are you?",
      search_label: "Find your name on the invitation list",
      search_placeholder: "Name (3 letters or more)",
      or: "or",
      type_instead: "Type your name and institution",
      search_instead: "Search the invitation list",
      change: "Change",
      name: "Name",
      instansi: "Institution",
      to: "To (speaker)",
      to_placeholder: "May be left empty",
      question: "Question",
      send: "Send to the moderator",
      sending: "Sending…",
      sent: "Your question was received and waits for the moderator. The moderator chooses the questions that are read.",
      again: "Send another question",
      need_name: "Choose your name from the list, or type your name.",
      need_question: "Type your question.",
      too_long: "A question is at most 1000 characters.",
      offline_send: "The secretariat laptop cannot be reached; the question is not sent yet. Trying again…"
    }
  };

  var chosen = null;   /* {ref, name, instansi} from the list */
  var typing = false;  /* the asker types their name instead */
  var sending = false;
  var addressees = [];
  var uid = R.newUid();  /* this question's key: a resend is not stored twice */

  function mode() {
    R.show("search-part", !chosen && !typing);
    R.show("chosen-part", !!chosen);
    R.show("typed-part", typing);
    if (chosen) {
      R.setText("chosen-name", chosen.name);
      R.setText("chosen-instansi", chosen.instansi || "");
    }
  }

  function message(text, kind) {
    var box = R.$("form-message");
    box.className = "message " + (kind || "error");
    box.textContent = text;
    R.show(box, !!text);
  }

  function counter() {
    R.setText("count", R.$("question").value.length + " / 1000");
  }

  function drawAddressees() {
    var box = R.$("addressees");
    R.clear(box);
    for (var i = 0; i < addressees.length; i++) {
      (function (name) {
        var button = R.el("button", "secondary", name);
        button.type = "button";
        button.onclick = function () { R.$("to").value = name; };
        box.appendChild(button);
      })(addressees[i]);
    }
  }

  function loadInfo() {
    R.request("GET", "/public/info", null, function (status, json) {
      if (status === 200 && json) {
        R.connection(true);
        R.setText("event-title", json.event ? json.event.title : "");
        addressees = json.addressees || [];
        drawAddressees();
        return;
      }
      R.connection(false, status);
      window.setTimeout(loadInfo, 3000);
    });
  }

  var search = R.personSearch({
    input: R.$("search"), hint: R.$("search-hint"), results: R.$("results"),
    path: "/public/search",
    onChoose: function (person) { chosen = person; typing = false; mode(); }
  });

  function send(event) {
    if (event && event.preventDefault) { event.preventDefault(); }
    if (sending) { return false; }
    var question = R.$("question").value.replace(/^\s+|\s+$/g, "");
    var body = {
      addressed_to: R.$("to").value, question: question, uid: uid
    };
    if (chosen) {
      body.ref = chosen.ref;
    } else {
      body.asker_name = R.$("name").value;
      body.asker_instansi = R.$("instansi").value;
      if (!typing || !body.asker_name.replace(/\s+/g, "")) { message(R.t("need_name")); return false; }
    }
    if (!question) { message(R.t("need_question")); return false; }
    if (question.length > 1000) { message(R.t("too_long")); return false; }
    sending = true;
    R.$("send").disabled = true;
    R.setText("send", R.t("sending"));
    message("");
    R.request("POST", "/public/questions", body, function (status, json) {
      if (status === 0 || status === 503) {
        R.connection(false, status);
        message(R.t("offline_send"));
        window.setTimeout(function () { sending = false; send(null); }, 3000);
        return;
      }
      R.connection(true);
      sending = false;
      R.$("send").disabled = false;
      R.setText("send", R.t("send"));
      if (status === 200) {
        uid = R.newUid();
        R.$("question").value = "";
        counter();
        R.show("form", false);
        R.show("sent", true);
        return;
      }
      message(R.messageOf(json));
    });
    return false;
  }

  R.$("type-instead").onclick = function () { typing = true; chosen = null; mode(); R.$("name").focus(); };
  R.$("search-instead").onclick = function () { typing = false; mode(); };
  R.$("change").onclick = function () { chosen = null; typing = false; search.reset(); mode(); };
  R.$("question").oninput = counter;
  R.$("form").onsubmit = send;
  R.$("again").onclick = function () {
    R.show("sent", false);
    R.show("form", true);
  };
  R.onLanguage = function () { mode(); counter(); search.again(); };
  R.start();
  mode();
  loadInfo();
})();
