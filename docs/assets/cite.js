// The one citation control: a small 引用 button beside every heading, paragraph, list item, table,
// figure, note and printed page (.pb) of a text page opens one dialog with the citation of that place
// (Chinese and English style, BibTeX/biblatex, CSL-JSON, each with a copy button). The citations are
// made by the build (build_tools/cite.py) into the page's <page>.cite.json, named by
// <meta name="edition:cite">, and read on the first click. Also: the paragraph numbers toggle.
(function () {
  var cache = {};
  var TARGETS = ".md-content h1[id], .md-content h2[id], .md-content h3[id], .md-content h4[id], " +
    ".md-content h5[id], .md-content h6[id], .md-content p[id], .md-content li[id^=\"fn:\"], " +
    ".md-content figure[id], .md-content .pb[id], .md-content #note-star";
  var FORMATS = [["zh", "中文格式"], ["en", "英文格式"], ["bibtex", "BibTeX／biblatex"], ["csl", "CSL-JSON"]];

  function source() {
    var meta = document.querySelector('meta[name="edition:cite"]');
    return meta ? new URL(meta.content, location.href).href : null;
  }

  function load(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
    }
    return cache[url];
  }

  function copy(text, button) {
    function done() { button.textContent = "已複製"; setTimeout(function () { button.textContent = "複製"; }, 1500); }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    } else { fallback(text); done(); }
  }

  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    area.remove();
  }

  function dialog() {
    var found = document.getElementById("cite-dialog");
    if (found) return found;
    var d = document.createElement("dialog");
    d.id = "cite-dialog";
    d.className = "cite-dialog";
    d.setAttribute("aria-labelledby", "cite-dialog-title");
    d.setAttribute("data-search-exclude", "");
    d.innerHTML = '<div class="cite-dialog__head"><h2 id="cite-dialog-title">引用此處</h2>' +
      '<button type="button" class="cite-dialog__close" aria-label="關閉">×</button></div>' +
      '<p class="cite-dialog__path"></p><p class="cite-dialog__links"></p><div class="cite-dialog__body"></div>';
    d.querySelector(".cite-dialog__close").addEventListener("click", function () { d.close(); });
    d.addEventListener("click", function (event) { if (event.target === d) d.close(); });
    document.body.appendChild(d);
    return d;
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function show(entry) {
    var d = dialog();
    d.querySelector(".cite-dialog__path").textContent = entry.path;
    var links = d.querySelector(".cite-dialog__links");
    links.textContent = "";
    links.append("版本 " + entry.version + "（" + entry.date + "）：", link(entry.url, entry.url), "　",
                 link(entry.latest, "最新版"));
    var body = d.querySelector(".cite-dialog__body");
    body.textContent = "";
    FORMATS.forEach(function (format) {
      var text = format[0] === "csl" ? JSON.stringify([entry.csl], null, 2) : entry[format[0]];
      var section = document.createElement("section");
      section.className = "cite-format cite-format--" + format[0];
      var head = document.createElement("div");
      head.className = "cite-format__head";
      var title = document.createElement("h3");
      title.textContent = format[1];
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cite-copy md-button";
      button.textContent = "複製";
      button.setAttribute("aria-label", "複製" + format[1]);
      button.addEventListener("click", function () { copy(text, button); });
      head.append(title, button);
      var pre = document.createElement(format[0] === "zh" || format[0] === "en" ? "p" : "pre");
      pre.className = "cite-format__text";
      if (format[0] !== "zh") pre.lang = "en";       // read aloud in English (BibTeX and CSL-JSON are ASCII keys)
      if (pre.tagName === "PRE") {                   // it scrolls: the keyboard must reach it too
        pre.tabIndex = 0;
        pre.setAttribute("aria-label", format[1]);
      }
      pre.textContent = text;
      section.append(head, pre);
      body.appendChild(section);
    });
    if (!d.open) d.showModal();
  }

  function open(id) {
    var url = source();
    if (!url) return;
    load(url).then(function (entries) {
      if (entries[id]) show(entries[id]);
    });
  }

  function label(target) {
    if (target.classList.contains("pb")) return "引用原書頁 " + target.dataset.n;
    if (/^H[1-6]$/.test(target.tagName)) return "引用此節";
    if (target.tagName === "LI" || target.id === "note-star") return "引用此註";
    if (target.tagName === "FIGURE") return "引用此圖表";
    return "引用此段";
  }

  function addButton(target) {
    var id = target.id;
    if (!id || target.querySelector(":scope > .cite-button, :scope > p > .cite-button") ||
        (target.nextElementSibling && target.nextElementSibling.classList.contains("cite-button"))) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-button";
    button.setAttribute("data-cite", id);
    button.setAttribute("aria-label", label(target));
    button.title = "引用此處";
    button.addEventListener("click", function (event) { event.preventDefault(); open(id); });
    if (target.classList.contains("pb")) target.after(button);
    else if (target.tagName === "LI") noteText(target).appendChild(button);
    else target.appendChild(button);
  }

  // A note's button goes at the end of its text (after the back-link), not on a line of its own.
  function noteText(note) {
    var paragraphs = note.querySelectorAll(":scope > p");
    return paragraphs.length ? paragraphs[paragraphs.length - 1] : note;
  }

  function numberParagraphs() {
    document.querySelectorAll(".md-content p[id]").forEach(function (p) {
      var found = /-p(\d+)$/.exec(p.id);
      if (found) p.setAttribute("data-para", found[1]);
    });
  }

  function toggle() {
    var content = document.querySelector(".md-content__inner");
    if (!content || document.querySelector(".para-toggle") || !document.querySelector(".md-content p[data-para]")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "para-toggle md-button";
    function set(on) {
      document.documentElement.classList.toggle("show-para-numbers", on);
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? "隱藏段號" : "顯示段號";
      try { localStorage.setItem("edition-para-numbers", on ? "1" : "0"); } catch (e) { /* private mode */ }
    }
    var stored = null;
    try { stored = localStorage.getItem("edition-para-numbers"); } catch (e) { /* private mode */ }
    set(stored === "1");
    button.addEventListener("click", function () {
      set(!document.documentElement.classList.contains("show-para-numbers"));
    });
    var title = content.querySelector(":scope > h1");      // beside the text, not narrowing the title
    if (title) title.after(button); else content.prepend(button);
  }

  function setup() {
    numberParagraphs();          // every page with numbered paragraphs (the whole-text page prints them too)
    if (!source()) return;
    document.querySelectorAll(TARGETS).forEach(function (target) {
      if (target.closest(".cite-dialog, .md-sidebar, details.annotation")) return;
      if (target.id === "contents" || target.id.indexOf("fnref") === 0) return;
      addButton(target);
    });
    toggle();
  }

  if (typeof document$ !== "undefined") document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
