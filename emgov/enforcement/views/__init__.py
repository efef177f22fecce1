"""Pages of the enforcement app, one module per workflow; `urls` puts them together."""
