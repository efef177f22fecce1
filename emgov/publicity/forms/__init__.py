"""The forms of the publicity app, one module per workflow."""
