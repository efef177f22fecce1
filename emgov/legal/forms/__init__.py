"""The legal office's forms: the ledgers' record forms and the forms of the procedures' steps."""
