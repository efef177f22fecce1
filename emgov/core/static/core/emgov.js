// Small behaviours of the page shell; htmx does the rest.
document.addEventListener("DOMContentLoaded", () => {
  // On a phone the menu starts folded.
  const nav = document.querySelector(".navtoggle");
  const phone = window.matchMedia("(max-width: 800px)").matches;
  if (nav && phone) nav.removeAttribute("open");
  // On a phone the list filters fold too, unless some are in use.
  document.querySelectorAll(".filters details.more:not([data-active])").forEach((d) => {
    if (phone) d.removeAttribute("open");
  });
});
