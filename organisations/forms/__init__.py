"""Forms of the organisations app, one module per part."""
