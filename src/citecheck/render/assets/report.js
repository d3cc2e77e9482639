/* citecheck HTML report: the claim details panel and keyboard navigation.
   Data comes from the JSON block; the DOM is built with textContent only. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  var dataNode = document.getElementById("citecheck-data");
  var data = JSON.parse(dataNode ? dataNode.textContent : "{\"claims\":[]}");
  var byIndex = {};
  data.claims.forEach(function (c) { byIndex[String(c.index)] = c; });

  var panel = document.getElementById("panel");
  var heading = document.getElementById("panel-heading");
  var body = document.getElementById("panel-body");
  var announce = document.getElementById("panel-announce");
  var claimEls = Array.prototype.slice.call(document.querySelectorAll(".claim[data-claim]"));
  var findingEls = claimEls.filter(function (el) {
    var c = byIndex[el.getAttribute("data-claim")];
    return c && c.finding;
  });
  var current = null;

  function make(tag, cls, text) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    if (text !== undefined && text !== null) { el.textContent = String(text); }
    return el;
  }

  function fact(dl, name, value) {
    dl.appendChild(make("dt", null, name));
    dl.appendChild(make("dd", null, value));
  }

  // parts: [[text, 1 if marked else 0], ...]
  function appendMarked(parent, parts, cls) {
    parts.forEach(function (part) {
      if (part[1]) { parent.appendChild(make("mark", cls, part[0])); }
      else { parent.appendChild(document.createTextNode(part[0])); }
    });
  }

  function evidenceBlock(ev) {
    var fig = make("figure", "evidence");
    fig.setAttribute("data-source", ev.source);
    var where = ev.title ? " " + ev.title : "";
    if (ev.page !== null && ev.page !== undefined) { where += ", page " + ev.page; }
    var caption = make("figcaption");
    var link = make("a", null, "[" + ev.source + "]");
    link.setAttribute("href", "#source-" + ev.source);
    caption.appendChild(link);
    caption.appendChild(document.createTextNode(where + (ev.score ? " · covers " + ev.score : "")));
    fig.appendChild(caption);
    var quote = make("blockquote", "context");
    if (ev.before) { quote.appendChild(document.createTextNode(ev.before)); }
    var mark = make("mark", "quote");
    appendMarked(mark, ev.parts, "term");
    quote.appendChild(mark);
    if (ev.after) { quote.appendChild(document.createTextNode(ev.after)); }
    fig.appendChild(quote);
    return fig;
  }

  function fill(c) {
    heading.textContent = c.name;
    while (body.firstChild) { body.removeChild(body.firstChild); }
    var status = make("div", "panel-status st-" + c.status);
    status.appendChild(make("span", "glyph", c.glyph)).setAttribute("aria-hidden", "true");
    status.appendChild(document.createTextNode(c.label));
    body.appendChild(status);
    body.appendChild(make("p", "panel-meaning", c.meaning.charAt(0).toUpperCase() + c.meaning.slice(1) + "."));
    var said = make("blockquote", "panel-claim");
    appendMarked(said, c.text_parts, "miss");
    body.appendChild(said);
    var dl = make("dl", "facts");
    fact(dl, "Score", c.score === null ? "not checked" : c.score);
    fact(dl, "Markers", c.markers.length ? c.markers.join(" ") : "none");
    if (c.citations.length) { fact(dl, "Cites", c.citations.map(function (s) { return "[" + s + "]"; }).join(", ")); }
    if (c.suggested.length) { fact(dl, "Could cite", c.suggested.map(function (s) { return "[" + s + "]"; }).join(", ")); }
    fact(dl, "Where", c.where + " (" + c.kind + ")");
    if (c.suppressed !== null) { fact(dl, "Suppressed", c.suppressed); }
    body.appendChild(dl);
    if (c.reasons.length) {
      body.appendChild(make("p", "section-label", "Why"));
      var ul = make("ul", "reasons");
      c.reasons.forEach(function (r) { ul.appendChild(make("li", null, r)); });
      body.appendChild(ul);
    }
    if (c.missing.length) {
      var p = make("p", "missing");
      p.appendChild(make("span", "section-label", "Not backed by the sources: "));
      c.missing.forEach(function (t) { p.appendChild(make("span", "term-missing", t)); });
      body.appendChild(p);
    }
    if (c.evidence.length) {
      body.appendChild(make("p", "section-label", c.status === "uncited" ? "A source that backs it" : "Evidence"));
      c.evidence.forEach(function (ev) { body.appendChild(evidenceBlock(ev)); });
    } else if (c.status !== "exempt") {
      body.appendChild(make("p", "section-label", "No evidence found."));
    }
  }

  function select(el) {
    var c = byIndex[el.getAttribute("data-claim")];
    if (!c) { return; }
    if (current && current !== el) {
      current.classList.remove("current");
      current.setAttribute("aria-expanded", "false");
    }
    current = el;
    el.classList.add("current");
    el.setAttribute("aria-expanded", "true");
    fill(c);
    panel.hidden = false;
    document.body.classList.add("panel-open");
    panel.setAttribute("data-claim", String(c.index));
    if (announce) { announce.textContent = c.name + ", " + c.label + ": details shown"; }
    uncover(el);
  }

  // On a phone the panel is a bottom sheet: keep the selected claim visible above it
  // (a claim taller than the room above the sheet shows its start). Called after any
  // scrolling that follows a selection, so nothing re-centres the claim under the sheet.
  function uncover(el) {
    var sheet = panel.getBoundingClientRect();
    if (panel.hidden || sheet.top <= 0 || sheet.left > 0) { return; }
    var rect = el.getBoundingClientRect();
    var room = sheet.top - 16;  // the claim must stand between 8px and `room`
    if (rect.top < 8 || rect.height > room - 8) {
      window.scrollBy(0, rect.top - 8);
    } else if (rect.bottom > room) {
      window.scrollBy(0, rect.bottom - room);
    }
  }

  function reveal(el) {
    if (el.scrollIntoView) { el.scrollIntoView({ block: "center" }); }
    uncover(el);
  }

  function close() {
    panel.hidden = true;
    if (announce) { announce.textContent = "Details closed"; }
    document.body.classList.remove("panel-open");
    panel.removeAttribute("data-claim");
    if (current) {
      current.classList.remove("current");
      current.setAttribute("aria-expanded", "false");
      current.focus();
    }
  }

  function step(delta) {
    if (!findingEls.length) { return; }
    var at = current ? findingEls.indexOf(current) : -1;
    var next;
    if (at < 0) {
      var after = current ? claimEls.indexOf(current) : -1;
      var later = findingEls.filter(function (el) { return claimEls.indexOf(el) > after; });
      var earlier = findingEls.filter(function (el) { return claimEls.indexOf(el) < after; });
      next = delta > 0 ? (later[0] || findingEls[0]) : (earlier[earlier.length - 1] || findingEls[findingEls.length - 1]);
    } else {
      next = findingEls[(at + delta + findingEls.length) % findingEls.length];
    }
    select(next);
    next.focus({ preventScroll: true });
    reveal(next);
  }

  claimEls.forEach(function (el) {
    el.addEventListener("click", function () { select(el); });
    el.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " " || ev.key === "Spacebar") {
        ev.preventDefault();
        select(el);
      }
    });
    el.addEventListener("focus", function () {
      if (!panel.hidden) { select(el); }
    });
  });

  // Links to a claim (findings in the verdict, "cited by" in the sources) open it.
  Array.prototype.forEach.call(document.querySelectorAll('a[href^="#claim-"]'), function (a) {
    a.addEventListener("click", function (ev) {
      var target = document.getElementById(a.getAttribute("href").slice(1));
      if (!target || claimEls.indexOf(target) < 0) { return; }
      ev.preventDefault();
      select(target);
      target.focus({ preventScroll: true });
      reveal(target);
    });
  });

  // More than ten chips (findings, "cited by") hide behind a button showing their count.
  Array.prototype.forEach.call(document.querySelectorAll(".chips-toggle"), function (btn) {
    var list = document.getElementById(btn.getAttribute("aria-controls"));
    if (!list) { return; }
    var count = btn.textContent;
    btn.addEventListener("click", function () {
      var open = btn.getAttribute("aria-expanded") !== "true";
      btn.setAttribute("aria-expanded", open ? "true" : "false");
      list.hidden = !open;
      btn.textContent = open ? "Hide the " + count : count;
    });
  });

  panel.querySelector(".panel-close").addEventListener("click", close);
  Array.prototype.forEach.call(panel.querySelectorAll(".panel-nav"), function (btn) {
    btn.addEventListener("click", function () { step(Number(btn.getAttribute("data-step"))); });
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    if (ev.key === "Escape" && !panel.hidden) {
      ev.preventDefault();
      close();
    } else if (ev.key === "n" || ev.key === "j") {
      step(1);
    } else if (ev.key === "p" || ev.key === "k") {
      step(-1);
    }
  });
}());
