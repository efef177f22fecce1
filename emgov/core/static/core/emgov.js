// Small behaviours of the page shell; htmx does the rest.
document.addEventListener("DOMContentLoaded", () => {
  // On a phone the menu starts folded.
  const nav = document.querySelector(".navtoggle");
  const phone = window.matchMedia("(max-width: 800px)").matches;
  if (nav && phone) nav.removeAttribute("open");
  // On a phone only the area of the current page stays unfolded inside the menu.
  if (phone) {
    document.querySelectorAll(".mainnav .area details").forEach((d) => {
      if (!d.querySelector("a[aria-current]")) d.removeAttribute("open");
    });
  }
  // On a phone the list filters fold too, unless some are in use.
  document.querySelectorAll(".filters details.more:not([data-active])").forEach((d) => {
    if (phone) d.removeAttribute("open");
  });
});

// No inline handlers (the Content-Security-Policy forbids them): a field marked data-autosubmit sends
// its form when changed, and a link marked data-back returns to the previous page.
document.addEventListener("change", (event) => {
  const field = event.target.closest("[data-autosubmit]");
  if (field && field.form) field.form.submit();
});
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-back]");
  if (link && window.history.length > 1) {
    event.preventDefault();
    window.history.back();
  }
});
