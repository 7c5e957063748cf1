## Notifications
notify-new-case-admins =
    📮 <b>A new concern needs someone to handle it</b>
    You receive it as an administrator because its district and the districts above it have no deputy or liaison station staff yet. Handle it yourself, or invite deputies or staff with /invite.
notify-new-case = 📮 <b>A new concern from your district</b>
notify-accepted = Your case <b>{ $caseNo }</b> was accepted by { $actor } and is being handled.
notify-reply-to-citizen =
    💬 { $actor } replied on your case <b>{ $caseNo }</b>:

    { $text }
notify-message-to-handlers =
    💬 The citizen ({ $citizen }) added to case <b>{ $caseNo }</b>:

    { $text }
notify-resolved =
    ✅ Your case <b>{ $caseNo }</b> is resolved.
    Outcome: { $text }

    Please rate the outcome:
notify-declined =
    ℹ️ Your case <b>{ $caseNo }</b> was declined.
    Reason: { $text }

    Please rate the answer:
notify-reopened = ⚠️ The citizen ({ $citizen }) is not satisfied with the outcome of case <b>{ $caseNo }</b>; it has been reopened.
notify-rated = ⭐ The citizen rated case <b>{ $caseNo }</b>: { $rating }
notify-album-actions = Case <b>{ $caseNo }</b>: the photos and files are above.
