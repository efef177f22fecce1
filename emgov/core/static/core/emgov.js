// Small behaviours of the page shell; htmx does the rest.
document.addEventListener("DOMContentLoaded", () => {
  // On a phone the menu starts folded.
  const nav = document.querySelector(".navtoggle");
  if (nav && window.matchMedia("(max-width: 800px)").matches) nav.removeAttribute("open");
});
