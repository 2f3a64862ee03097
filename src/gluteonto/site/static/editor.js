/* gluteonto SPARQL page: load a catalog question, edit it, run it on the server's /sparql endpoint and show the
   answer as a table whose terms link to their pages. Plain JavaScript; it talks only to the server that served it. */
(function () {
  "use strict";
  var form = document.getElementById("sparql-form");
  if (!form || !window.GLUTEONTO_EDITOR) { return; }
  var lang = document.documentElement.lang || "en";
  var suffix = lang === "en" ? ".html" : "." + lang + ".html";
  var words = JSON.parse(document.getElementById("editor-words").textContent);
  var text = document.getElementById("sparql-text");
  var pick = document.getElementById("sparql-question");
  var status = document.getElementById("sparql-status");
  var out = document.getElementById("sparql-result");
  var pages = null;  /* term pages by slug, from the search index (loaded after this script) */
  function pageOf(slug) {
    if (pages === null) {
      pages = {};
      ((window.GLUTEONTO_SEARCH || {}).entries || []).forEach(function (e) {
        pages[e.u.split("/").pop()] = { url: e.u + suffix, name: e.l[lang] || e.l.en || e.u };
      });
    }
    return slug ? pages[slug] : undefined;
  }
  var NAMESPACES = ["https://w3id.org/gluteonto/", "http://purl.obolibrary.org/obo/"];

  window.GLUTEONTO_EDITOR.forEach(function (q) {
    var option = document.createElement("option");
    option.value = q.name;
    option.textContent = (q.titles[lang] || q.titles.en || q.name) + " (" + ((q.names || {})[lang] || q.name) + ")";
    pick.appendChild(option);
  });
  pick.addEventListener("change", function () {
    var found = window.GLUTEONTO_EDITOR.filter(function (q) { return q.name === pick.value; })[0];
    if (found) { text.value = found.text; }
  });

  function cell(value) {
    var td = document.createElement("td");
    if (!value) { return td; }
    if (value.type === "uri") {
      var slug = null;
      NAMESPACES.forEach(function (ns) { if (value.value.indexOf(ns) === 0) { slug = value.value.slice(ns.length); } });
      var page = pageOf(slug);
      var a = document.createElement("a");
      a.href = page ? page.url : value.value;
      a.textContent = page ? page.name : value.value;
      a.title = value.value;
      td.appendChild(a);
    } else {
      var values = words.values || {};
      /* a fixed value of the catalog's queries (no language tag: "1 start with", "stated") in the page's language */
      var own = !value["xml:lang"] && Object.prototype.hasOwnProperty.call(values, value.value);
      td.textContent = own ? values[value.value] : value.value;
      if (value["xml:lang"]) { td.lang = value["xml:lang"]; }
    }
    return td;
  }

  function show(data) {
    out.textContent = "";
    if (typeof data.boolean === "boolean") {
      out.appendChild(document.createElement("p")).textContent = data.boolean ? words.yes : words.no;
      return;
    }
    var rows = data.results.bindings, all = data.head.vars;
    /* a NAME_label column beside a column NAME of terms: the terms are shown by name in the page's language */
    var vars = all.filter(function (v) {
      var base = v.slice(0, -6);
      return !(v.slice(-6) === "_label" && all.indexOf(base) >= 0 && rows.every(function (r) { return !r[base] || r[base].type === "uri"; }));
    });
    var headers = words.headers || {};
    var table = document.createElement("table");
    var head = table.appendChild(document.createElement("thead")).appendChild(document.createElement("tr"));
    vars.forEach(function (v) { var th = document.createElement("th"); th.scope = "col"; th.textContent = headers[v] || v.replace(/_/g, " "); head.appendChild(th); });
    var body = table.appendChild(document.createElement("tbody"));
    rows.forEach(function (row) {
      var tr = body.appendChild(document.createElement("tr"));
      vars.forEach(function (v) { tr.appendChild(cell(row[v])); });
    });
    out.appendChild(table);
    status.textContent = words.rows.replace("{n}", rows.length);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    status.textContent = words.running;
    out.textContent = "";
    // the server words a refusal in the language asked for: the page's own
    fetch("sparql", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded",
                                                  "Accept": "application/sparql-results+json",
                                                  "Accept-Language": document.documentElement.lang || "en" },
                      body: "query=" + encodeURIComponent(text.value) })
      .then(function (response) {
        if (!response.ok) {
          return response.text().then(function (t) { throw new Error(response.status + ": " + t.trim()); });
        }
        return response.json();
      })
      .then(show)
      .catch(function (error) { status.textContent = words.failed.replace("{error}", error.message); });
  });
})();
