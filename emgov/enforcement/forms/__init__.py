"""Forms of the enforcement app, one module per workflow."""
