## Citizens editing, withdrawing and reopening their own cases
amend-draft-updated = ✏️ Your draft now reads as your edited message: { $chars } characters, { $files } attachments.
amend-added = ✏️ What you changed was added to case <b>{ $caseNo }</b> as an amendment and passed on to the deputies.
amend-case-closed = Case <b>{ $caseNo }</b> is "{ $status }"; your change was not added. To raise the matter again, send /new.
amend-timeline = Amended: { $text }
amend-notify-handlers =
    ✏️ The citizen ({ $citizen }) amended the description of case <b>{ $caseNo }</b>:
    { $text }
button-withdraw = Withdraw the case
button-reopen = Reopen
withdraw-ask-reason = Please say why you withdraw case <b>{ $caseNo }</b> (for example, the problem was solved):
withdraw-done = Case <b>{ $caseNo }</b> is withdrawn; the deputies were told.
withdraw-notify-handlers =
    ↩️ Case <b>{ $caseNo }</b> was withdrawn by the citizen ({ $citizen }).
    Reason: { $text }
withdraw-notify-deleted = ↩️ The citizen of case <b>{ $caseNo }</b> deleted their account; the case was withdrawn and closed.
reopen-ask-reason = Please say why case <b>{ $caseNo }</b> needs to be handled again:
reopen-done = Case <b>{ $caseNo }</b> is reopened; the deputies were told.
reopen-too-late =
    Case <b>{ $caseNo }</b> was closed on { $closed }, more than { $days } days ago, and can no longer be reopened.
    If the problem persists, send /new to raise it as a new concern.
reopen-too-late-short = A case closed more than { $days } days ago can no longer be reopened. If the problem persists, send /new to raise it as a new concern.
reopen-notify-handlers =
    🔁 The citizen ({ $citizen }) asks for case <b>{ $caseNo }</b> to be handled again.
    Reason: { $text }
