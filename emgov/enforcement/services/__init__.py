"""Writes of the enforcement app, one module per workflow: every write goes through a function here or a
step of `enforcement.procedures`."""
