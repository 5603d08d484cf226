// On a touch screen, the first tap on an editorial correction (span.correction) inside a link — a
// corrected word in a cited title — shows the source's reading instead of following the link; a
// second tap follows it. On a mouse, hovering shows the reading and a click follows the link.
document.addEventListener("click", (event) => {
  const mark = event.target.closest && event.target.closest(".correction");
  if (!mark || !mark.closest("a") || !window.matchMedia("(hover: none)").matches) return;
  if (mark.dataset.shown) return;
  event.preventDefault();
  mark.dataset.shown = "1";
  mark.focus();
}, true);
