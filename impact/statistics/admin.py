"""The impact reports in the admin's Statistics menu."""
