/* Rakor Desktop: finding yourself on the invitation list (the floor and self check-in
 * pages). The host answers only from 3 letters on, with at most 5 names and their
 * instansi; nothing else of the list. */
(function () {
  "use strict";
  var R = window.Rakor;

  var texts = {
    id: {
      search_hint: "Ketik paling sedikit 3 huruf.",
      searching: "Mencari…",
      none_found: "Tidak ditemukan. Periksa ejaan, atau tulis nama Anda sendiri.",
      found_more: "Hanya 5 nama pertama yang ditampilkan; ketik lebih lengkap bila nama Anda belum ada."
    },
    en: {
      search_hint: "Type at least 3 letters.",
      searching: "Searching…",
      none_found: "Nothing found. Check the spelling, or type your name yourself.",
      found_more: "Only the first 5 names are shown; type more of your name if it is not there."
    }
  };

  R.sharedTexts.push(texts);

  function pt(key) { return R.t(key); }

  /* options: input, hint, results (elements), path ("/public/search"), params() (more
   * query text, e.g. "&k=CODE"), onChoose(person), onError(status, json). */
  R.personSearch = function (options) {
    var timer = null;
    var asked = "";
    var lastQuery = "";

    function letters(text) { return text.replace(/[^A-Za-z\u00C0-\u024F]/g, "").length; }

    function show(list, more) {
      R.clear(options.results);
      if (!list.length) {
        options.hint.textContent = pt("none_found");
        return;
      }
      options.hint.textContent = more ? pt("found_more") : "";
      for (var i = 0; i < list.length; i++) {
        (function (person) {
          var li = R.el("li");
          var button = R.el("button");
          button.type = "button";
          button.appendChild(R.el("span", "name", person.name));
          button.appendChild(R.el("span", "instansi", person.instansi || ""));
          button.onclick = function () { options.onChoose(person); };
          li.appendChild(button);
          options.results.appendChild(li);
        })(list[i]);
      }
    }

    function search() {
      var query = options.input.value.replace(/^\s+|\s+$/g, "");
      if (letters(query) < 3) {
        R.clear(options.results);
        options.hint.textContent = pt("search_hint");
        lastQuery = "";
        return;
      }
      if (query === lastQuery) { return; }
      asked = query;
      options.hint.textContent = pt("searching");
      R.request("GET", options.path + "?q=" + encodeURIComponent(query) +
        (options.params ? options.params() : ""), null, function (status, json) {
        if (asked !== query) { return; }  /* a later search is on its way */
        if (status === 200 && json) {
          R.connection(true);
          lastQuery = query;
          show(json.results || [], !!json.more);
          return;
        }
        if (status === 0 || status === 503) {
          R.connection(false, status);
          timer = window.setTimeout(search, 3000);
          return;
        }
        R.connection(true);
        R.clear(options.results);
        options.hint.textContent = R.messageOf(json);
        if (options.onError) { options.onError(status, json); }
      });
    }

    function typed() {
      if (timer) { window.clearTimeout(timer); }
      timer = window.setTimeout(search, 350);
    }
    options.input.oninput = typed;
    options.input.onkeyup = typed; /* old browsers without input events on search fields */

    return {
      reset: function () {
        options.input.value = "";
        lastQuery = "";
        R.clear(options.results);
        options.hint.textContent = pt("search_hint");
      },
      again: function () { lastQuery = ""; search(); }
    };
  };
})();
