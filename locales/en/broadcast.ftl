## Broadcasts and notices
command-broadcast = Broadcast a notice (staff)
command-notices = Notice subscriptions
broadcast-compose = Send the notice to broadcast. Formatting (bold, links…) is kept as it is; you may also send one photo or file with a caption.
broadcast-use-buttons = Please continue with the buttons above, or tap "Cancel".
broadcast-unsupported = A notice can only be text, a photo or a file.
broadcast-too-long = That is too long; the limit is { $max } characters (1024 for a caption).
broadcast-preview-intro = Preview (as recipients will see it):
broadcast-choose-audience = Who should receive it?
broadcast-audience-all_citizens = All citizens
broadcast-audience-district_citizens = Citizens of a district
broadcast-audience-district_subscribers = A district's notice subscribers
broadcast-audience-representatives = Deputies
broadcast-audience-staff = Liaison station staff
broadcast-choose-district = Choose the district (everything below it is included):
broadcast-pick-district = Send to "{ $name }"
broadcast-everywhere = All districts
broadcast-out-of-scope = You can only broadcast to districts within your own area.
broadcast-choose-when = When should it go out?
broadcast-send-now = Now
broadcast-send-later = Later
broadcast-ask-time = Enter the time to send it, e.g. { $example }:
broadcast-bad-time = That time is not valid or has passed. Please enter a future time like { $example }.
broadcast-now = now
broadcast-confirm =
    <b>Please confirm the broadcast</b>
    To: { $audience }
    Area: { $district }
    Recipients: { $count } (people who opted out or blocked the bot are not counted)
    When: { $when }
broadcast-confirm-button = Send
broadcast-discarded = Cancelled; nothing was sent.
broadcast-started = Broadcast #{ $id } has started; its progress is updated in this message.
broadcast-scheduled = Broadcast #{ $id } will go out at { $when }.
broadcast-cancel-button = Stop broadcast
broadcast-cancelled = Broadcast #{ $id } stopped; nothing more will be sent.
broadcast-already-ended = This broadcast has already ended.
broadcast-stopped-unsent = ⏹ Broadcast #{ $id } was stopped; nothing was sent.
broadcast-stopped-by = Stopped by { $who } at { $when }
broadcast-stopped-by-unknown = (not recorded)
broadcast-progress-running =
    Broadcast #{ $id } in progress
    { $bar }
    delivered { $sent } / { $total }, blocked { $blocked }, failed { $failed }
broadcast-progress-done =
    ✅ Broadcast #{ $id } finished
    { $bar }
    delivered { $sent } / { $total }, blocked the bot { $blocked }, failed { $failed }, skipped { $skipped }
broadcast-progress-cancelled =
    ⏹ Broadcast #{ $id } stopped
    delivered { $sent } / { $total }, blocked the bot { $blocked }, failed { $failed }, not sent { $skipped }
notices-stop-button = Stop these notices
notices-status-on = You receive the liaison station's notices. These are the districts you follow; tap to switch:
notices-status-off = You have turned all notices off. You can turn them on again at any time.
notices-turn-off = Turn all notices off
notices-turn-on = Turn notices on again
notices-stopped = Notices are off.
notices-resumed = Notices are on again.
broadcasts-none = There is no scheduled or running broadcast you can stop.
broadcasts-title = Scheduled and running broadcasts ({ $count }); tap a button to stop one:
broadcasts-item-scheduled = #{ $id } · goes out at { $when } · { $text }
broadcasts-item-sending = #{ $id } · sending · { $text }
broadcasts-stop = Stop #{ $id }
