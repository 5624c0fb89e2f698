/* Rakor Desktop: the hall screen as a page (/p), for a PC driving the projector. */
(function () {
  "use strict";
  var R = window.Rakor;

  R.texts = {
    id: {
      page_title: "Layar aula — Rakor Desktop",
      not_paired: "Halaman ini belum terhubung. Pindai QR layar proyektor di laptop sekretariat (Jaringan acara).",
      revoked: "Layar ini tidak lagi terhubung (dicabut atau acara lain). Pindai QR layar proyektor yang baru.",
      question_head: "Pertanyaan",
      to: "kepada {name}",
      nobody: "Belum ada pembicara",
      full_screen: "Layar penuh"
    },
    en: {
      page_title: "Hall screen — Rakor Desktop",
      not_paired: "This page is not connected yet. Scan the projector QR on the secretariat laptop (Event network).",
      revoked: "This screen is no longer connected (revoked, or another event). Scan the new projector QR.",
      question_head: "Question",
      to: "to {name}",
      nobody: "No speaker yet",
      full_screen: "Full screen"
    }
  };

  var state = null;

  function draw() {
    if (!state) { return; }
    var event = state.event || {};
    R.setText("title", event.title || "");
    R.setText("item", state.item ? state.item.title : "");
    var speaker = state.speaker;
    R.setText("speaker", speaker ? speaker.name : (state.item ? "" : R.t("nobody")));
    R.setText("instansi", speaker ? speaker.instansi : "");
    var question = state.highlight;
    var body = R.$("body");
    body.className = question ? "projector with-question" : "projector";
    if (question) {
      var asker = question.asker;
      if (question.instansi) { asker += " (" + question.instansi + ")"; }
      if (question.addressed_to) {
        asker += " — " + R.format(R.t("to"), { name: question.addressed_to });
      }
      R.setText("qasker", asker);
      R.setText("qtext", question.question);
    }
    tick();
  }

  function tick() {
    R.setText("clock", R.clockText(R.serverNow(), state && state.event ? state.event.timezone : "WIB"));
    if (!state) { return; }
    var shown = R.countdown(state.speaker, state.warning_seconds);
    var countdown = R.$("countdown");
    countdown.textContent = shown.text;
    countdown.className = "countdown phase-" + shown.phase;
  }

  function refused(status, json) {
    R.show("stage", false);
    R.show("qbox", false);
    R.show("pairing", true);
    R.setText("pairing-text", R.t("revoked"));
    R.setText("pairing-error", R.messageOf(json));
    R.forgetPairing("projector");
  }

  /* Full screen (F11 does it too); the buttons hide while it is. */
  R.$("full").onclick = function () {
    var root = document.documentElement;
    var enter = root.requestFullscreen || root.webkitRequestFullscreen;
    if (enter) { enter.call(root); }
  };

  R.onLanguage = draw;
  R.start();
  window.setInterval(tick, 250);
  R.pairPage("projector", "Layar aula", function (paired, message) {
    if (!paired) {
      R.show("stage", false);
      R.show("pairing", true);
      R.setText("pairing-error", message || "");
      return;
    }
    R.followHall(function (hall) { state = hall; draw(); }, refused);
  });
})();
