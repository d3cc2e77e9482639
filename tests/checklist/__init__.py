"""Behavioural checklist of issue 11: minimal claim pairs over short original sources."""
