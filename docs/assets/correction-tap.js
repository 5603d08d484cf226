// Editorial corrections (span.correction) inside a link — a corrected word in a cited title.
(function () {
  // On a touch screen, the first tap on such a correction shows the source's reading instead of
  // following the link; a second tap follows it. On a mouse, hovering shows the reading and a click
  // follows the link.
  document.addEventListener("click", function (event) {
    var mark = event.target.closest && event.target.closest(".correction");
    if (!mark || !mark.closest("a") || !window.matchMedia("(hover: none)").matches) return;
    if (mark.dataset.shown) return;
    event.preventDefault();
    mark.dataset.shown = "1";
    mark.focus();
  }, true);

  // One tooltip at a time: the pointer (or the focus) on the corrected word is inside the link too,
  // so Material shows both the link's tooltip (the citation) and the word's (the source's reading).
  // While the word is pointed at or focused, the link's tooltip is hidden (class edition-tip-muted,
  // edition.css); elsewhere on the link, the citation shows as before.
  var hovered = null, focused = null;

  function linkTooltip(mark) {
    var link = mark && mark.parentElement && mark.parentElement.closest("a[aria-describedby]");
    return link ? document.getElementById(link.getAttribute("aria-describedby")) : null;
  }

  function update() {
    var keep = [linkTooltip(hovered), linkTooltip(focused)].filter(Boolean);
    document.querySelectorAll(".md-tooltip2.edition-tip-muted").forEach(function (tip) {
      if (keep.indexOf(tip) < 0) tip.classList.remove("edition-tip-muted");
    });
    keep.forEach(function (tip) { tip.classList.add("edition-tip-muted"); });
  }

  function inLink(target) {
    var mark = target.closest && target.closest(".correction");
    return mark && mark.closest("a") ? mark : null;
  }

  document.addEventListener("pointerover", function (event) { hovered = inLink(event.target); update(); });
  document.addEventListener("focusin", function (event) { focused = inLink(event.target); update(); });
  document.addEventListener("focusout", function () { focused = null; update(); });
  // Material adds a tooltip to <body> and names it in the link's aria-describedby when it shows.
  new MutationObserver(function () { if (hovered || focused) update(); })
    .observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["aria-describedby"] });
})();
