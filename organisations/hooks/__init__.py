"""Hook registrations, one module per part of the organisations app."""
