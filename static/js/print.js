// Progressive enhancement: the certificate's print button appears only with JavaScript.
document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
});
