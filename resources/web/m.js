/* Rakor Desktop: the moderator's tablet (/m). Every action names the row and the version
 * it saw; when someone changed it first the host refuses (409), says so, and the page
 * shows the latest state. */
(function () {
  "use strict";
  var R = window.Rakor;

  R.texts = {
    id: {
      page_title: "Moderator — Rakor Desktop",
      heading: "Moderator",
      not_paired: "Tablet ini belum terhubung sebagai moderator. Pindai QR moderator di laptop sekretariat (Jaringan acara).",
      revoked: "Tablet ini tidak lagi terhubung sebagai moderator (dicabut atau acara lain). Pindai QR moderator yang baru.",
      nobody: "Tidak ada yang sedang berbicara",
      plus_minute: "+1 menit",
      termin: "Termin {number}",
      termin_open: "Termin {number} — dibuka",
      termin_closed: "Termin {number} — ditutup (jawaban)",
      no_termin: "Belum ada termin",
      cap: "{askers} dari {cap} penanya",
      cap_down: "Kurangi batas penanya",
      cap_up: "Tambah batas penanya",
      next_asker: "Penanya berikutnya",
      close_termin: "Tutup termin",
      open_next: "Buka termin berikutnya",
      open_first: "Buka termin pertama",
      queue_empty: "Belum ada penanya di termin ini.",
      to: "kepada {name}",
      answered_by: "Dijawab oleh",
      mark_answered: "Tandai dijawab",
      answered_by_text: "Dijawab oleh {name}",
      show: "Tampilkan di layar",
      hide: "Sembunyikan dari layar",
      on_screen: "di layar",
      incoming_heading: "Pertanyaan masuk dari ponsel",
      incoming_empty: "Belum ada pertanyaan masuk.",
      accept: "Terima ke termin",
      set_aside: "Sisihkan",
      from_phone: "ponsel",
      sent_at: "masuk {time}",
      status_antre: "antre",
      status_bertanya: "bertanya",
      status_dijawab: "dijawab",
      status_ditunda: "ditunda",
      status_dibatalkan: "dibatalkan",
      done: "Tersimpan."
    },
    en: {
      page_title: "Moderator — Rakor Desktop",
      heading: "Moderator",
      not_paired: "This tablet is not connected as the moderator yet. Scan the moderator QR on the secretariat laptop (Event network).",
      revoked: "This tablet is no longer connected as the moderator (revoked, or another event). Scan the new moderator QR.",
      nobody: "Nobody is speaking",
      plus_minute: "+1 minute",
      termin: "Termin {number}",
      termin_open: "Termin {number} — open",
      termin_closed: "Termin {number} — closed (answers)",
      no_termin: "No termin yet",
      cap: "{askers} of {cap} askers",
      cap_down: "Lower the askers' cap",
      cap_up: "Raise the askers' cap",
      next_asker: "Next asker",
      close_termin: "Close the termin",
      open_next: "Open the next termin",
      open_first: "Open the first termin",
      queue_empty: "No asker in this termin yet.",
      to: "to {name}",
      answered_by: "Answered by",
      mark_answered: "Mark answered",
      answered_by_text: "Answered by {name}",
      show: "Show on the screen",
      hide: "Hide from the screen",
      on_screen: "on the screen",
      incoming_heading: "Questions from phones",
      incoming_empty: "No question has come in yet.",
      accept: "Accept into the termin",
      set_aside: "Set aside",
      from_phone: "phone",
      sent_at: "sent {time}",
      status_antre: "queued",
      status_bertanya: "asking",
      status_dijawab: "answered",
      status_ditunda: "deferred",
      status_dibatalkan: "cancelled",
      done: "Saved."
    }
  };

  var state = null;
  var typed = {};       /* question uid -> "answered by" typed on this tablet */
  var busy = false;
  var toastTimer = null;

  function toast(text, kind) {
    var box = R.$("toast");
    box.className = "toast " + (kind || "info");
    box.textContent = text;
    R.show(box, true);
    if (toastTimer) { window.clearTimeout(toastTimer); }
    toastTimer = window.setTimeout(function () { R.show(box, false); }, kind === "error" ? 7000 : 2500);
  }

  function act(action, body) {
    if (busy) { return; }
    busy = true;
    R.request("POST", "/moderator/" + action, body, function (status, json) {
      busy = false;
      if (status === 0 || status === 503) {
        R.connection(false, status);
        toast(R.t("offline"), "error");
        return;
      }
      R.connection(true);
      if (json && json.hall) { state = json.hall; draw(); }
      if (status === 200) { return; }
      if (status === 401 || status === 403) { refused(status, json); return; }
      toast(R.messageOf(json), "error");
    });
  }

  function timeOf(iso) {
    var when = R.parseTime(iso);
    if (when === null) { return ""; }
    return R.clockText(when, state && state.event ? state.event.timezone : "WIB");
  }

  function questionItem(q, highlighted) {
    var li = R.el("li", "status-" + q.status + (highlighted ? " highlighted" : ""));
    var head = R.el("div");
    head.appendChild(R.el("span", "badge", R.t("status_" + q.status)));
    if (q.source === "ponsel") { head.appendChild(R.el("span", "badge ponsel", R.t("from_phone"))); }
    if (highlighted) { head.appendChild(R.el("span", "badge screen", R.t("on_screen"))); }
    li.appendChild(head);
    li.appendChild(R.el("div", "asker", q.asker));
    if (q.instansi) { li.appendChild(R.el("div", "asker-instansi", q.instansi)); }
    if (q.addressed_to) { li.appendChild(R.el("div", "to-whom", R.format(R.t("to"), { name: q.addressed_to }))); }
    if (q.question) { li.appendChild(R.el("div", "question-text", q.question)); }
    if (q.status === "dijawab" && q.answered_by) {
      li.appendChild(R.el("div", "to-whom", R.format(R.t("answered_by_text"), { name: q.answered_by })));
    }
    if (q.status !== "dibatalkan") {
      var screen = R.el("button", "secondary", R.t(highlighted ? "hide" : "show"));
      screen.type = "button";
      screen.onclick = function () {
        act("highlight", highlighted ? { question: "" } : { question: q.uid, version: q.version });
      };
      var screenRow = R.el("div", "actions");
      screenRow.appendChild(screen);
      li.appendChild(screenRow);
    }
    if (q.status === "bertanya" || q.status === "ditunda") {
      var actions = R.el("div", "actions");
      var input = R.el("input");
      input.type = "text";
      input.maxLength = 200;
      input.setAttribute("data-uid", q.uid);
      input.setAttribute("aria-label", R.t("answered_by"));
      input.placeholder = R.t("answered_by");
      input.value = Object.prototype.hasOwnProperty.call(typed, q.uid) ? typed[q.uid] : (q.addressed_to || "");
      input.oninput = function () { typed[q.uid] = input.value; };
      var button = R.el("button", "ok", R.t("mark_answered"));
      button.type = "button";
      button.onclick = function () {
        act("answered", { question: q.uid, version: q.version, answered_by: input.value });
      };
      actions.appendChild(input);
      actions.appendChild(button);
      li.appendChild(actions);
    }
    return li;
  }

  function incomingItem(f) {
    var li = R.el("li");
    var head = R.el("div");
    head.appendChild(R.el("span", "badge ponsel", R.t("from_phone")));
    head.appendChild(R.el("span", "badge", R.format(R.t("sent_at"), { time: timeOf(f.submitted_at) })));
    li.appendChild(head);
    li.appendChild(R.el("div", "asker", f.asker));
    if (f.instansi) { li.appendChild(R.el("div", "asker-instansi", f.instansi)); }
    if (f.addressed_to) { li.appendChild(R.el("div", "to-whom", R.format(R.t("to"), { name: f.addressed_to }))); }
    li.appendChild(R.el("div", "question-text", f.question));
    var actions = R.el("div", "actions");
    var accept = R.el("button", "ok", R.t("accept"));
    accept.type = "button";
    accept.onclick = function () { act("accept", { floor_question: f.uid, version: f.version }); };
    var aside = R.el("button", "secondary", R.t("set_aside"));
    aside.type = "button";
    aside.onclick = function () { act("set_aside", { floor_question: f.uid, version: f.version }); };
    actions.appendChild(accept);
    actions.appendChild(aside);
    li.appendChild(actions);
    return li;
  }

  function draw() {
    if (!state) { return; }
    var focused = document.activeElement;
    var focusedUid = focused && focused.getAttribute ? focused.getAttribute("data-uid") : null;
    R.setText("event-title", state.event ? state.event.title : "");
    R.setText("item-title", state.item ? state.item.title : "");
    var speaker = state.speaker;
    R.setText("speaker-name", speaker ? speaker.name : R.t("nobody"));
    R.setText("speaker-instansi", speaker ? speaker.instansi : "");
    R.$("minute").disabled = !speaker;

    var termin = state.termin;
    var questions = state.queue || [];
    if (termin) {
      R.setText("termin-title", R.format(R.t(termin.open ? "termin_open" : "termin_closed"), { number: termin.number }));
      R.setText("cap-text", R.format(R.t("cap"), { askers: termin.askers, cap: termin.max_askers }));
      R.setText("termin-step", R.t(termin.open ? "close_termin" : "open_next"));
    } else {
      R.setText("termin-title", R.t("no_termin"));
      R.setText("cap-text", "");
      R.setText("termin-step", R.t("open_first"));
    }
    R.show("cap-down", !!termin);
    R.show("cap-up", !!termin);
    var queued = null;
    for (var i = 0; i < questions.length; i++) {
      if (questions[i].status === "antre") { queued = questions[i]; break; }
    }
    R.$("next-asker").disabled = !queued;
    R.$("next-asker").onclick = function () {
      if (queued) { act("next_asker", { question: queued.uid, version: queued.version }); }
    };

    var list = R.$("queue");
    R.clear(list);
    var highlighted = state.highlight ? state.highlight.uid : null;
    for (var j = 0; j < questions.length; j++) {
      list.appendChild(questionItem(questions[j], questions[j].uid === highlighted));
    }
    R.show("queue-empty", !!termin && !questions.length);

    var incoming = state.incoming || [];
    var box = R.$("incoming");
    R.clear(box);
    for (var n = 0; n < incoming.length; n++) { box.appendChild(incomingItem(incoming[n])); }
    R.show("incoming-empty", !incoming.length);

    if (focusedUid) {
      var again = document.querySelector("input[data-uid=\"" + focusedUid.replace(/[^0-9A-Za-z-]/g, "") + "\"]");
      if (again) { again.focus(); }
    }
    tick();
  }

  function tick() {
    if (!state) { return; }
    var shown = R.countdown(state.speaker, state.warning_seconds);
    var countdown = R.$("countdown");
    countdown.textContent = shown.text;
    countdown.className = "countdown phase-" + shown.phase;
  }

  function refused(status, json) {
    R.show("main", false);
    R.show("pairing", true);
    R.setText("pairing-error", (R.t("revoked") + " " + R.messageOf(json)));
    R.show("pairing-error", true);
    R.forgetPairing("moderator");
  }

  R.$("minute").onclick = function () {
    if (state && state.speaker) {
      act("speaker_minute", { speaker: state.speaker.uid, allotted_seconds: state.speaker.allotted_seconds });
    }
  };
  R.$("termin-step").onclick = function () {
    var termin = state && state.termin;
    act("termin_step", termin ? { termin: termin.uid, version: termin.version } : { termin: "" });
  };
  R.$("cap-down").onclick = function () {
    var termin = state && state.termin;
    if (termin) { act("cap", { termin: termin.uid, version: termin.version, max_askers: termin.max_askers - 1 }); }
  };
  R.$("cap-up").onclick = function () {
    var termin = state && state.termin;
    if (termin) { act("cap", { termin: termin.uid, version: termin.version, max_askers: termin.max_askers + 1 }); }
  };

  R.onLanguage = draw;
  R.start();
  window.setInterval(tick, 250);
  R.pairPage("moderator", "Tablet moderator", function (paired, message) {
    if (!paired) {
      R.show("pairing", true);
      if (message) { R.setText("pairing-error", message); R.show("pairing-error", true); }
      return;
    }
    R.show("main", true);
    R.followHall(function (hall) { state = hall; draw(); }, refused);
  });
})();
