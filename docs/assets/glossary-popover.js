// On a touch screen, a tap on a glossary term shows its definition in place (original, definition
// and a link to the glossary entry) instead of leaving the page; a tap elsewhere closes it.
// With a mouse or a keyboard the term stays a link (its definition shows on hover, see edition.css).
(function () {
  var definitions = new WeakMap();   // Material moves a link's title into its tooltip: keep a copy
  var lastPointer = "";
  var popover = null;

  function remember() {
    document.querySelectorAll("a.glossary-term[title]").forEach(function (term) {
      definitions.set(term, term.getAttribute("title"));
    });
  }

  function close() {
    if (popover) {
      popover.term.setAttribute("aria-expanded", "false");
      popover.remove();
      popover = null;
    }
  }

  function open(term) {
    close();
    var box = document.createElement("div");
    box.className = "glossary-pop";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", "詞彙：" + term.textContent);
    var text = document.createElement("p");
    text.textContent = definitions.get(term) || term.getAttribute("title") || "";
    var link = document.createElement("a");
    link.href = term.href;
    link.textContent = "詞彙表條目「" + term.textContent + "」";
    box.append(text, link);
    box.term = term;
    var article = term.closest("article") || document.body;
    article.append(box);
    var place = term.getBoundingClientRect(), within = article.getBoundingClientRect();
    var width = Math.min(within.width, 22 * parseFloat(getComputedStyle(box).fontSize) || 320);
    box.style.width = width + "px";
    box.style.left = Math.max(0, Math.min(place.left - within.left, within.width - width)) + "px";
    box.style.top = (place.bottom - within.top + 4) + "px";
    term.setAttribute("aria-expanded", "true");
    popover = box;
  }

  document.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType; }, true);
  document.addEventListener("click", function (event) {
    var term = event.target.closest && event.target.closest("a.glossary-term");
    if (term && (lastPointer === "touch" || matchMedia("(hover: none)").matches)) {
      event.preventDefault();
      if (popover && popover.term === term) close(); else open(term);
      return;
    }
    if (popover && !popover.contains(event.target)) close();
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") close(); });
  if (window.document$) document$.subscribe(remember); else document.addEventListener("DOMContentLoaded", remember);
})();
