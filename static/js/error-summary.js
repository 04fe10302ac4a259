// A page sent back with errors: move the focus to its error summary, so a screen
// reader reads it first and the keyboard goes on from there to each question.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector(".error-summary[tabindex='-1']");
  if (summary) {
    summary.focus();
  }
});
