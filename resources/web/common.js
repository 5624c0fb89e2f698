/* Rakor Desktop: what every page served by the host shares (issue 14).
 *
 * Plain ES5 for an old Android phone's Chrome: no modules, no arrow functions, no
 * optional chaining, no promises needed. Every text is put on the page with
 * textContent, never as HTML. */
(function () {
  "use strict";

  var R = {};
  window.Rakor = R;

  var API = "/api/v1";
  var LANG_KEY = "rakor_lang";

  /* -- language --------------------------------------------------------------------- */

  function queryParam(name) {
    var query = window.location.search.replace(/^\?/, "").split("&");
    for (var i = 0; i < query.length; i++) {
      var pair = query[i].split("=");
      if (decodeURIComponent(pair[0]) === name) {
        return decodeURIComponent((pair[1] || "").replace(/\+/g, " "));
      }
    }
    return null;
  }
  R.queryParam = queryParam;

  function stored(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function store(key, value) {
    try {
      if (value === null) { window.localStorage.removeItem(key); }
      else { window.localStorage.setItem(key, value); }
    } catch (e) { /* private mode: kept for this page only */ }
  }
  R.stored = stored;
  R.store = store;

  R.lang = queryParam("lang") === "en" ? "en" : (queryParam("lang") === "id" ? "id" :
    (stored(LANG_KEY) === "en" ? "en" : "id"));

  /* Each page gives its texts: Rakor.texts = {id: {...}, en: {...}}. */
  R.texts = { id: {}, en: {} };

  var COMMON = {
    id: {
      offline: "Laptop sekretariat tidak dapat dihubungi. Mencoba lagi…",
      busy: "Laptop sekretariat sedang sibuk. Mencoba lagi…",
      slow: "Terlalu banyak permintaan dari perangkat ini. Menunggu sebentar lalu mencoba lagi…",
      lang_toggle: "English",
      error: "Terjadi kesalahan. Coba lagi."
    },
    en: {
      offline: "The secretariat laptop cannot be reached. Trying again…",
      busy: "The secretariat laptop is busy. Trying again…",
      slow: "Too many requests from this device. Waiting a moment, then trying again…",
      lang_toggle: "Bahasa Indonesia",
      error: "Something went wrong. Try again."
    }
  };

  /* Texts of shared parts (people.js ...): [{id: {...}, en: {...}}, ...]. */
  R.sharedTexts = [];

  function t(key) {
    var own = R.texts[R.lang] || {};
    if (Object.prototype.hasOwnProperty.call(own, key)) { return own[key]; }
    for (var i = 0; i < R.sharedTexts.length; i++) {
      var shared = R.sharedTexts[i][R.lang] || {};
      if (Object.prototype.hasOwnProperty.call(shared, key)) { return shared[key]; }
    }
    var common = COMMON[R.lang];
    if (Object.prototype.hasOwnProperty.call(common, key)) { return common[key]; }
    return key;
  }
  R.t = t;

  /* "{name} ..." filled from values (as text). */
  R.format = function (template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  };

  /* Put the page's texts in: data-t (text), data-tp (placeholder), data-tl (aria-label). */
  R.applyTexts = function () {
    var i, nodes;
    document.documentElement.setAttribute("lang", R.lang);
    nodes = document.querySelectorAll("[data-t]");
    for (i = 0; i < nodes.length; i++) { nodes[i].textContent = t(nodes[i].getAttribute("data-t")); }
    nodes = document.querySelectorAll("[data-tp]");
    for (i = 0; i < nodes.length; i++) {
      nodes[i].setAttribute("placeholder", t(nodes[i].getAttribute("data-tp")));
    }
    nodes = document.querySelectorAll("[data-tl]");
    for (i = 0; i < nodes.length; i++) {
      nodes[i].setAttribute("aria-label", t(nodes[i].getAttribute("data-tl")));
    }
    if (R.texts[R.lang] && R.texts[R.lang].page_title) {
      document.title = R.texts[R.lang].page_title;
    }
  };

  R.onLanguage = null; /* a page's function that redraws what it built */

  R.setLanguage = function (lang) {
    R.lang = lang === "en" ? "en" : "id";
    store(LANG_KEY, R.lang);
    R.applyTexts();
    if (R.onLanguage) { R.onLanguage(); }
  };

  /* -- elements --------------------------------------------------------------------- */

  R.$ = function (id) { return document.getElementById(id); };

  R.el = function (tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  };

  R.clear = function (node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  };

  R.show = function (node, visible) {
    if (typeof node === "string") { node = R.$(node); }
    if (node) {
      if (visible) { node.removeAttribute("hidden"); } else { node.setAttribute("hidden", ""); }
    }
  };

  R.setText = function (id, value) {
    var node = typeof id === "string" ? R.$(id) : id;
    if (node) { node.textContent = value === undefined || value === null ? "" : String(value); }
  };

  /* The message of an error answer in the page's language. */
  R.messageOf = function (answer) {
    if (!answer) { return t("error"); }
    if (R.lang === "en" && answer.message_en) { return answer.message_en; }
    if (R.lang === "id" && answer.message_id) { return answer.message_id; }
    return answer.message || t("error");
  };

  /* -- talking to the host ------------------------------------------------------------ */

  R.token = null;     /* the moderator's or projector's token (paired pages) */
  R.eventUid = null;

  /* callback(status, json): status 0 when the host could not be reached. */
  R.request = function (method, path, body, callback, timeoutMs) {
    var xhr = new XMLHttpRequest();
    var done = false;
    function finish(status, json) {
      if (done) { return; }
      done = true;
      callback(status, json);
    }
    xhr.open(method, API + path, true);
    xhr.timeout = timeoutMs || 15000;
    if (R.token) {
      xhr.setRequestHeader("Authorization", "Bearer " + R.token);
      xhr.setRequestHeader("X-Rakor-Event", R.eventUid || "");
    }
    if (body !== null && body !== undefined) {
      xhr.setRequestHeader("Content-Type", "application/json");
    }
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      var json = null;
      try { json = JSON.parse(xhr.responseText); } catch (e) { json = null; }
      finish(xhr.status, json);
    };
    xhr.ontimeout = function () { finish(0, null); };
    xhr.onerror = function () { finish(0, null); };
    try {
      xhr.send(body !== null && body !== undefined ? JSON.stringify(body) : null);
    } catch (e) {
      finish(0, null);
    }
  };

  /* The banner saying the host cannot be reached (shown until it answers again). */
  R.connection = function (ok, status) {
    var banner = R.$("offline");
    if (!banner) { return; }
    if (ok) { R.show(banner, false); return; }
    banner.textContent = status === 503 ? t("busy") : (status === 429 ? t("slow") : t("offline"));
    R.show(banner, true);
  };

  /* The host's clock minus this device's (ms), from server_time of the answers. */
  R.clockOffset = 0;
  R.noteServerTime = function (iso) {
    var when = R.parseTime(iso);
    if (when !== null) { R.clockOffset = when - new Date().getTime(); }
  };
  R.serverNow = function () { return new Date().getTime() + R.clockOffset; };

  /* Milliseconds since 1970 of an ISO 8601 moment with its offset, or null. */
  R.parseTime = function (iso) {
    if (!iso) { return null; }
    var m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(Z|([+-])(\d\d):(\d\d))$/.exec(iso);
    if (!m) { return null; }
    var ms = m[7] ? parseInt((m[7] + "00").substring(0, 3), 10) : 0;
    var value = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], ms);
    if (m[8] !== "Z") {
      var shift = (+m[10] * 60 + +m[11]) * 60000;
      value = m[9] === "+" ? value - shift : value + shift;
    }
    return value;
  };

  /* Minutes east of UTC of an event's time zone (WIB, WITA, WIT; no daylight saving). */
  R.zoneMinutes = function (zone) {
    return zone === "WIT" ? 540 : (zone === "WITA" ? 480 : 420);
  };

  /* "09.05" (the hour in the event's time zone) of milliseconds since 1970. */
  R.clockText = function (ms, zone) {
    var local = new Date(ms + R.zoneMinutes(zone) * 60000);
    var h = local.getUTCHours(), m = local.getUTCMinutes();
    return (h < 10 ? "0" : "") + h + "." + (m < 10 ? "0" : "") + m;
  };

  /* "04:59", or "1:02:03". */
  R.formatSeconds = function (seconds) {
    var whole = Math.max(0, Math.floor(seconds));
    var hours = Math.floor(whole / 3600);
    var minutes = Math.floor((whole % 3600) / 60);
    var secs = whole % 60;
    function two(n) { return n < 10 ? "0" + n : String(n); }
    return hours ? hours + ":" + two(minutes) + ":" + two(secs) : two(minutes) + ":" + two(secs);
  };

  /* What the speaker's countdown shows now: {text, phase} (phase: idle, normal,
   * warning, overtime), counted here from the host's state and clock. */
  R.countdown = function (speaker, warningSeconds) {
    if (!speaker) { return { text: "--:--", phase: "idle" }; }
    var spoken = speaker.spoken_seconds || 0;
    var since = speaker.state === "speaking" ? R.parseTime(speaker.running_since) : null;
    if (since !== null) { spoken += Math.max(0, (R.serverNow() - since) / 1000); }
    var remaining = (speaker.allotted_seconds || 0) - spoken;
    if (remaining < 0) { return { text: "+" + R.formatSeconds(-remaining), phase: "overtime" }; }
    var warning = warningSeconds === undefined ? 60 : warningSeconds;
    return {
      text: R.formatSeconds(Math.ceil(remaining)),
      phase: remaining <= warning ? "warning" : "normal"
    };
  };

  /* A new random uid (UUID version 4): a submission's idempotency key. */
  R.newUid = function () {
    var bytes = [];
    var i;
    var crypto = window.crypto || window.msCrypto;
    if (crypto && crypto.getRandomValues) {
      var array = new Uint8Array(16);
      crypto.getRandomValues(array);
      for (i = 0; i < 16; i++) { bytes.push(array[i]); }
    } else {
      for (i = 0; i < 16; i++) { bytes.push(Math.floor(Math.random() * 256)); }
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = "";
    for (i = 0; i < 16; i++) {
      hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
      if (i === 3 || i === 5 || i === 7 || i === 9) { hex += "-"; }
    }
    return hex;
  };

  /* -- pairing (moderator and projector pages) ------------------------------------------ */

  /* Pair with ?pair=CODE when the link carries one, else use the kept token.
   * callback(ok, message). */
  R.pairPage = function (role, deviceName, callback) {
    var keyToken = "rakor_" + role + "_token";
    var keyEvent = "rakor_" + role + "_event";
    var code = queryParam("pair");
    R.token = stored(keyToken);
    R.eventUid = stored(keyEvent);
    if (!code) {
      callback(!!R.token, null);
      return;
    }
    function attempt() {
      R.token = null;
      R.request("POST", "/pair", {
        pairing_code: code, desk_name: deviceName, protocol: 1, role: role
      }, function (status, json) {
        if (status === 0 || status === 503) {
          R.connection(false, status);
          window.setTimeout(attempt, 3000);
          return;
        }
        R.connection(true);
        if (status === 200 && json && json.token) {
          R.token = json.token;
          R.eventUid = json.event && json.event.uid;
          store(keyToken, R.token);
          store(keyEvent, R.eventUid);
          if (window.history && window.history.replaceState) {
            window.history.replaceState(null, "", window.location.pathname);
          }
          callback(true, null);
        } else {
          R.token = stored(keyToken);
          R.eventUid = stored(keyEvent);
          callback(!!R.token, R.messageOf(json));
        }
      });
    }
    attempt();
  };

  R.forgetPairing = function (role) {
    store("rakor_" + role + "_token", null);
    store("rakor_" + role + "_event", null);
    R.token = null;
    R.eventUid = null;
  };

  /* -- the hall's state, long-polled ---------------------------------------------------- */

  /* Calls onState(state) with every new state of the hall; onRefused(status, json) when
   * the host refuses the token (401/403/409). Retries by itself when the host cannot be
   * reached. */
  R.followHall = function (onState, onRefused) {
    var etag = "";
    var failures = 0;
    function poll() {
      /* After a failure the first question is answered at once: the banner goes as
       * soon as the host is back, not after a long-poll's wait. */
      var wait = failures ? 0 : 25;
      R.request("GET", "/hall?since=" + encodeURIComponent(etag) + "&wait=" + wait, null,
        function (status, json) {
          if (status === 200 && json) {
            failures = 0;
            R.connection(true);
            if (json.server_time) { R.noteServerTime(json.server_time); }
            if (json.etag !== etag) {
              etag = json.etag;
              onState(json);
            }
            window.setTimeout(poll, 0);
            return;
          }
          if (status === 401 || status === 403 || status === 409) {
            R.connection(true);
            onRefused(status, json);
            return;
          }
          failures += 1;
          R.connection(false, status);
          window.setTimeout(poll, Math.min(5000, 500 * failures));
        }, 40000);
    }
    R.refreshHall = function () { etag = ""; };
    poll();
  };

  /* -- the language button -------------------------------------------------------------- */

  R.start = function () {
    R.applyTexts();
    var button = R.$("lang");
    if (button) {
      button.onclick = function () { R.setLanguage(R.lang === "en" ? "id" : "en"); };
    }
  };
})();
