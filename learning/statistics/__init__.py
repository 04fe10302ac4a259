"""Completion statistics for programme managers: scope, filters, aggregates, reports."""
