## Moderation: mute, block, cases held for review
moderation-held-muted =
    Received. Your case number is <b>{ $caseNo }</b>.
    Your account is under review for now: this concern goes to the deputies once the liaison station's staff have reviewed it; you will be told the outcome.
moderation-held-flood =
    Received. Your case number is <b>{ $caseNo }</b>.
    Because several concerns, or nearly the same one, were sent in a short time, this concern goes to the deputies once the liaison station's staff have reviewed it; you will be told the outcome.
moderation-not-allowed = Only liaison station staff and administrators moderate, within their own scope.
moderation-queue-empty = No cases are waiting for review.
moderation-queue-count = { $total } waiting for review, { $shown } shown.
moderation-held-case =
    <b>For review: { $caseNo }</b>
    Why: { $reason } · { $time }
    { $text }
moderation-reason-muted = the citizen is muted
moderation-reason-flood_rate = too many within an hour
moderation-reason-flood_repeat = nearly the same as one just sent
button-moderation-release = ✅ Send to the deputies
button-moderation-reject = ⛔ Reject
button-moderation-who = 👤 The citizen and their record
button-moderation-more = Show more
button-moderation-mute = 🔇 Mute (new concerns reviewed)
button-moderation-block = 🚫 Block (messages ignored)
button-moderation-undo = ↩️ Undo { $kind }
moderation-kind-mute = mute
moderation-kind-block = block
moderation-record-title = <b>The citizen of case { $caseNo }: { $citizen }</b>
moderation-state-none = Now: no restriction
moderation-state-muted = Now: muted (new concerns are reviewed)
moderation-state-blocked = Now: blocked
moderation-record-line = · { $time } { $kind }
moderation-record-undone = · { $time } { $kind } (undone { $undone })
moderation-usage = Usage: /moderation case number, e.g. /moderation 2026-00012 (within your scope).
moderation-applied-mute = 🔇 The citizen of case <b>{ $caseNo }</b> is muted: their new concerns go to the review queue. This can be undone.
moderation-applied-block = 🚫 The citizen of case <b>{ $caseNo }</b> is blocked: their messages are ignored, and they are told once. This can be undone.
moderation-undone = ↩️ The { $kind } was undone.
moderation-already-undone = That action was undone already.
moderation-only-citizens = Only citizens' accounts can be muted or blocked.
moderation-not-held = This case is no longer waiting for review.
moderation-released = ✅ Case <b>{ $caseNo }</b> was sent to the deputies.
moderation-reject-ask = Please give the reason for rejecting case <b>{ $caseNo }</b> (the citizen is told):
moderation-rejected = ⛔ Case <b>{ $caseNo }</b> was rejected; the citizen was told.
