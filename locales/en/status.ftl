## Case status
status-new = New
status-accepted = In progress
status-referred = Referred
status-resolved = Closed (resolved)
status-unresolved = Closed (unresolved)
status-declined = Declined
status-merged = Merged
status-reopened = Reopened
status-held = Under review
status-withdrawn = Withdrawn
