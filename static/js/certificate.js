// Progressive enhancement: "Copy link" and "Share" appear only where the browser can do them;
// without JavaScript the verification address stays on the certificate as a link.
(function () {
    var status = document.querySelector("[data-copy-status]");
    var clearTimer;

    function announce(message) {
        if (!status) { return; }
        // Emptied first so that a second click is announced again.
        status.textContent = "";
        window.clearTimeout(clearTimer);
        window.setTimeout(function () {
            status.textContent = message;
            status.classList.add("is-visible");
        }, 50);
        clearTimer = window.setTimeout(function () {
            status.textContent = "";
            status.classList.remove("is-visible");
        }, 8000);
    }

    if (navigator.clipboard && window.isSecureContext) {
        document.querySelectorAll("[data-copy-link]").forEach(function (button) {
            button.hidden = false;
            button.addEventListener("click", function () {
                navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(
                    function () { announce(button.getAttribute("data-copied")); },
                    function () { announce(button.getAttribute("data-copy-failed")); }
                );
            });
        });
    }

    if (typeof navigator.share === "function") {
        document.querySelectorAll("[data-share-link]").forEach(function (button) {
            button.hidden = false;
            button.addEventListener("click", function () {
                navigator.share({
                    title: button.getAttribute("data-share-title"),
                    url: button.getAttribute("data-share-link")
                }).catch(function () {
                    // Closing the share sheet is not an error worth showing.
                });
            });
        });
    }
}());
