"""Ledger (台账) import and export: spreadsheets in, records out, by the contract of spec/interchange.md."""
