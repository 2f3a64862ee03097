/* gluteonto practice page: questions generated from the ontology, checked in the browser. Plain JavaScript, no network. */
(function () {
  "use strict";
  var root = document.getElementById("practice");
  if (!root || !window.GLUTEONTO_QUIZ) { return; }
  var lang = document.documentElement.lang || "en";
  var words = JSON.parse(document.getElementById("practice-words").textContent);
  var items = window.GLUTEONTO_QUIZ[lang] || [];
  var results = {};

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  /* one spelling of an answer: case, commas and spaces do not count, nor which dash a range is written with */
  function norm(text) {
    return String(text).toUpperCase().replace(/\s*[-\u2010-\u2015\u2212]\s*/g, "-").replace(/[\s,;]+/g, " ").trim();
  }
  function answerText(item) {
    if (item.type === "match" || item.type === "label") { return item.pairs.map(function (p) { return p[0] + " → " + p[1]; }).join("; "); }
    if (item.type === "short") { return item.answers[0]; }
    return item.options.filter(function (o) { return o.correct; }).map(function (o) { return o.text; }).join("; ");
  }
  function score() {
    var right = Object.keys(results).filter(function (k) { return results[k]; }).length;
    document.getElementById("practice-score").textContent =
      words.score.replace("{right}", right).replace("{total}", items.length);
  }

  items.forEach(function (item, n) {
    var box = el("section", {"class": "quiz-item", "id": "q-" + item.id, "data-type": item.type});
    box.appendChild(el("h2", {}, words.item.replace("{n}", n + 1)));
    box.appendChild(el("p", {"class": "stem"}, item.stem));
    if (item.source) { box.appendChild(el("p", {"class": "muted source"}, item.source)); }
    var inputs = el("div", {"class": "answers"});
    var name = "a-" + item.id;
    if (item.type === "choice" || item.type === "multi") {
      item.options.forEach(function (o, i) {
        var label = el("label", {});
        var input = el("input", {"type": item.type === "choice" ? "radio" : "checkbox", "name": name, "value": String(i)});
        label.appendChild(input);
        label.appendChild(document.createTextNode(" " + o.text));
        inputs.appendChild(label);
      });
    } else if (item.type === "match" || item.type === "label") {
      if (item.svg) {
        var figure = el("figure", {"class": "diagram"});
        figure.innerHTML = item.svg;  /* drawn by gluteonto from the ontology when the site was generated */
        inputs.appendChild(figure);
      }
      var rights = item.pairs.map(function (p) { return p[1]; }).filter(function (v, i, a) { return a.indexOf(v) === i; }).sort();
      item.pairs.forEach(function (p, i) {
        var label = el("label", {"class": "pair"}, p[0] + " ");
        var select = el("select", {"name": name + "-" + i});
        select.appendChild(el("option", {"value": ""}, words.choose));
        rights.forEach(function (r) { select.appendChild(el("option", {"value": r}, r)); });
        label.appendChild(select);
        inputs.appendChild(label);
      });
    } else {
      inputs.appendChild(el("input", {"type": "text", "name": name, "aria-label": item.stem, "autocomplete": "off"}));
    }
    box.appendChild(inputs);
    var button = el("button", {"type": "button"}, words.check);
    var feedback = el("div", {"class": "feedback", "aria-live": "polite"});
    button.addEventListener("click", function () {
      var ok;
      var notes = [];
      if (item.type === "choice" || item.type === "multi") {
        var picked = Array.prototype.map.call(box.querySelectorAll("input:checked"), function (x) { return Number(x.value); });
        ok = item.options.every(function (o, i) { return o.correct === (picked.indexOf(i) >= 0); });
        picked.forEach(function (i) { if (!item.options[i].correct) { notes.push(item.options[i].text + ": " + item.options[i].feedback); } });
      } else if (item.type === "match" || item.type === "label") {
        ok = item.pairs.every(function (p, i) { return box.querySelector("select[name='" + name + "-" + i + "']").value === p[1]; });
      } else {
        var typed = norm(box.querySelector("input").value);
        ok = item.answers.some(function (a) { return norm(a) === typed; });
      }
      results[item.id] = ok;
      feedback.textContent = "";
      feedback.appendChild(el("p", {"class": ok ? "right" : "wrong"}, ok ? words.correct : words.wrong.replace("{answer}", answerText(item))));
      notes.forEach(function (t) { feedback.appendChild(el("p", {"class": "muted"}, t)); });
      score();
    });
    box.appendChild(button);
    box.appendChild(feedback);
    root.appendChild(box);
  });
  score();
})();
