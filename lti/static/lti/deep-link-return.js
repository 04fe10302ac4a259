// Hands the chosen content back to the platform at once; the button stays for browsers without scripts.
document.getElementById("lti-deep-link-return").submit();
