"""The legal office's pages, one module per workflow; `legal.urls` assembles them."""
