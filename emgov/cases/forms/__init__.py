"""The forms of the cases app: the ledger form (`cases`), the forms of a case's steps (`steps`) and of
the discretion catalogue (`discretion`)."""
