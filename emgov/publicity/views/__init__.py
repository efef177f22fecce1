"""The pages of the publicity app, one module per workflow: `disclosures` (主动公开 and the
statistics), `requests` (依申请公开), `publications` (双公示), `public` (the public website)."""
