/* gluteonto site search: labels and synonyms in nb/en/la, offline (the index is the script
   search-index.js, loaded before this one). Case, diacritics and small typos are tolerated.
   Keyboard: type, ArrowDown/ArrowUp to choose, Enter to open, Escape to close. */
(function () {
  "use strict";
  var ABBREVIATIONS = { m: "musculus", mm: "musculi", n: "nervus", nn: "nervi", a: "arteria", aa: "arteriae",
                        v: "vena", r: "ramus", lig: "ligamentum" };
  var root = document.documentElement.getAttribute("data-root") || "";
  var SEARCH = window.GLUTEONTO_SEARCH || { entries: [], langs: ["en"], words: {} };
  var lang = document.documentElement.getAttribute("lang") || "en";
  var suffix = lang === "en" ? ".html" : "." + lang + ".html";
  /* the page's words, from the message catalogues (written into the search index by the site generator) */
  var WORDS = SEARCH.words[lang] || SEARCH.words.en || { none: "" };
  /* the text searched for, in the page language's quotation marks (Norwegian «…») */
  function quoted(text) { return (WORDS.quoted || "“{text}”").replace("{text}", function () { return text; }); }

  function normalize(text) {
    var plain = String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/ø/g, "o").replace(/æ/g, "ae").replace(/å/g, "a");
    var tokens = plain.split(/[^a-z0-9]+/).filter(Boolean);
    return tokens.map(function (t) { return ABBREVIATIONS[t] || t; }).join(" ");
  }

  /* Optimal string alignment distance (Levenshtein with adjacent transpositions), with a cap. */
  function distance(a, b, cap) {
    if (Math.abs(a.length - b.length) > cap) { return cap + 1; }
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) { prev.push(j); }
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur.push(v);
        if (v < best) { best = v; }
      }
      if (best > cap) { return cap + 1; }
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  function allowed(token) { return token.length >= 8 ? 2 : token.length >= 4 ? 1 : 0; }

  /* Score one normalized name against the normalized query (0 = no match). */
  function score(query, qTokens, name) {
    if (name === query) { return 100; }
    if (name.indexOf(query) === 0) { return 90; }
    var tokens = name.split(" ");
    var prefixAll = qTokens.every(function (q) { return tokens.some(function (t) { return t.indexOf(q) === 0; }); });
    if (prefixAll) { return 80; }
    if (name.indexOf(query) >= 0) { return 60; }
    var total = 0;
    for (var i = 0; i < qTokens.length; i++) {
      var q = qTokens[i], cap = allowed(q), bestHere = cap + 1;
      for (var k = 0; k < tokens.length && bestHere > 0; k++) {
        var t = tokens[k];
        bestHere = Math.min(bestHere, distance(q, t, cap));
        if (t.length > q.length) { bestHere = Math.min(bestHere, distance(q, t.slice(0, q.length), cap)); }
      }
      if (bestHere > cap) { return 0; }
      total += bestHere;
    }
    return 50 - 5 * total;
  }

  var entries = SEARCH.entries.map(function (e, index) {
    var names = [];
    SEARCH.langs.forEach(function (l) { if (e.l[l]) { names.push({ text: e.l[l], lang: l, label: true }); } });
    (e.s || []).forEach(function (s) { names.push({ text: s[0], lang: s[1], label: false }); });
    names.forEach(function (n) { n.norm = normalize(n.text); });
    return { url: e.u, kind: e.k[lang] || e.k.en, title: e.l[lang] || e.l.en, names: names, index: index };
  });

  function search(text, limit) {
    var query = normalize(text);
    if (!query) { return []; }
    var qTokens = query.split(" ");
    var hits = [];
    entries.forEach(function (e) {
      var best = 0, via = null;
      e.names.forEach(function (n) {
        var s = score(query, qTokens, n.norm);
        if (s > 0 && !n.label) { s -= 3; }
        if (s > best) { best = s; via = n; }
      });
      if (best > 0) { hits.push({ entry: e, score: best, via: via }); }
    });
    hits.sort(function (a, b) {
      return b.score - a.score || a.entry.title.length - b.entry.title.length || a.entry.index - b.entry.index;
    });
    return limit ? hits.slice(0, limit) : hits;
  }

  function href(hit) { return root + hit.entry.url + suffix; }

  function describe(hit) {
    var extra = hit.via && hit.via.text !== hit.entry.title ? " — " + hit.via.text + " (" + hit.via.lang + ")" : "";
    return extra;
  }

  function renderOption(hit, index, listId) {
    var li = document.createElement("li");
    li.setAttribute("role", "option");
    li.id = listId + "-" + index;
    li.setAttribute("aria-selected", "false");
    var a = document.createElement("a");
    a.href = href(hit);
    a.tabIndex = -1;
    a.textContent = hit.entry.title;
    var small = document.createElement("span");
    small.className = "hint";
    small.textContent = " " + hit.entry.kind + describe(hit);
    a.appendChild(small);
    li.appendChild(a);
    li.addEventListener("mousedown", function (event) { event.preventDefault(); window.location.href = a.href; });
    return li;
  }

  function setup(form) {
    var input = form.querySelector("input[type=search]");
    var list = form.querySelector("ul[role=listbox]");
    if (!input || !list) { return; }
    var hits = [], active = -1;

    function close() {
      list.hidden = true; input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function mark() {
      Array.prototype.forEach.call(list.children, function (li, i) {
        li.setAttribute("aria-selected", i === active ? "true" : "false");
        if (i === active) { input.setAttribute("aria-activedescendant", li.id); li.scrollIntoView({ block: "nearest" }); }
      });
    }
    function update() {
      hits = search(input.value, 12);
      list.textContent = "";
      active = -1;
      if (!input.value.trim()) { close(); return; }
      if (!hits.length) {
        var li = document.createElement("li");
        li.className = "hint";
        li.textContent = WORDS.none + " " + quoted(input.value);
        list.appendChild(li);
      }
      hits.forEach(function (hit, i) { list.appendChild(renderOption(hit, i, list.id)); });
      list.hidden = false;
    }
    input.addEventListener("input", update);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (list.hidden) { update(); }
        if (!hits.length) { return; }
        event.preventDefault();
        active = event.key === "ArrowDown" ? (active + 1) % hits.length : (active <= 0 ? hits.length - 1 : active - 1);
        mark();
      } else if (event.key === "Enter") {
        var chosen = active >= 0 ? hits[active] : (hits.length ? hits[0] : null);
        if (chosen) { event.preventDefault(); window.location.href = href(chosen); }
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 150); });
  }

  function resultsPage() {
    var target = document.getElementById("search-results");
    if (!target) { return; }
    var params = new URLSearchParams(window.location.search);
    var text = params.get("q") || "";
    var input = document.querySelector("form.search input[type=search]");
    if (input) { input.value = text; }
    var hits = search(text, 0);
    var heading = document.getElementById("search-summary");
    if (heading) { heading.textContent = hits.length + " · " + quoted(text); }
    hits.forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = href(hit);
      a.textContent = hit.entry.title;
      li.appendChild(a);
      var small = document.createElement("span");
      small.className = "hint";
      small.textContent = " " + hit.entry.kind + describe(hit);
      li.appendChild(small);
      target.appendChild(li);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.search"), setup);
  resultsPage();
  window.gluteontoSearch = search;
})();
