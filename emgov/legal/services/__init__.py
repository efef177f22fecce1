"""Writes of the legal office, each atomic and audited.

The steps of counsel requests, litigation, normative documents and certificates are declared in
`legal.procedures` and taken through `Procedure.take`; the functions in `counsel`, `litigation`,
`normative` and `officers` are their `run`s. `study` records the attendance of study sessions."""
