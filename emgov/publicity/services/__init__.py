"""Every write of the publicity app, one module per workflow (`requests`, `publications`), with what
they compute: the clocks (`deadlines`), the reply letter (`letters`), the published view of a
penalty decision and its "cf_" export (`cf`)."""
