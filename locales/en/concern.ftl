## Raising a concern
concern-need-district = Please choose your district first.
concern-describe = Please describe the problem: what happened, where, and for how long. You can send text and attach photos, files or voice messages. Tap "Done" when you have finished.
concern-draft-status = Recorded: { $chars } characters, { $files } attachment(s). You can add more; tap "Done" when you have finished.
concern-use-buttons = Please continue with the buttons above, or tap "Cancel".
concern-unsupported-input = Only text, photos, files, voice messages, videos and a location can be added here.
concern-too-long = That is too long ({ $length } characters); the limit is { $max }. Please shorten it and send it again.
concern-too-many-files = A concern can have at most { $max } attachments.
concern-need-text = Please describe the problem in words first.
concern-choose-category = Choose a category:
concern-confirm =
    <b>Please confirm your concern</b>
    District: { $district }
    Category: { $category }
    Attachments: { $files }
    Identity: { $anonymity }
    Location: { $location }

    { $description }
concern-location-consent =
    <b>Attach this location?</b>
    Your location is sensitive personal information. If you agree, the location you share goes with this concern only to your district's deputies and the liaison station's staff, to find the place of the problem, and is kept as long as the case. You can also leave it out and describe the place in words.
button-location-consent = Agree and attach it
button-location-decline = Leave it out
concern-location-attached = Location attached. You can add more; tap "Done" when you have finished.
concern-location-discarded = The location was not attached. You can describe the place in words; tap "Done" when you have finished.
concern-location-yes = attached
concern-location-no = none
concern-anonymous-yes = anonymous (deputies and staff do not see who you are)
concern-anonymous-no = named (deputies and staff see your name)
concern-cancelled = Cancelled; nothing was submitted.
concern-submitted =
    ✅ Received. Your case number is <b>{ $caseNo }</b>.
    The deputies will tell you the outcome through this bot; send /my to follow it at any time.
button-done-describing = Done
button-skip-category = Not sure, skip
button-anonymous-on = ☑ Anonymous
button-anonymous-off = ☐ Anonymous
button-submit = Submit
button-cancel = Cancel
button-file-as-concern = Submit as a new concern
fallback-offer-concern = Would you like to send this to the deputies as a new concern?
fallback-offer-media = Would you like to send these photos or files (with their caption) to the deputies as a new concern?
fallback-not-concern-media = All right: these photos or files were not filed as a concern.
offer-expired = This offer has expired; what it was for was not filed. To raise a problem, send /new or send it again.
offer-expired-toast = This offer has expired; what it was for was not filed.
offer-draft-open = You are in the middle of another concern. Submit or cancel it first, then come back here to file this one.
concern-submitted-staff =
    ✅ Received. Your case number is <b>{ $caseNo }</b>.
    Your district has no deputy registered yet: the liaison station's staff will handle your concern and tell you the outcome through this bot. Send /my to follow it at any time.
concern-submitted-admins =
    ✅ Received. Your case number is <b>{ $caseNo }</b>.
    Your district has no deputy or liaison station staff registered yet: your concern has gone to the station's administrators, who will see that it is handled. Send /my to follow it at any time.
concern-submitted-nobody =
    ✅ Received. Your case number is <b>{ $caseNo }</b>.
    Nobody who could take concerns is registered for your district yet. Your concern is recorded and will reach the first deputy or staff member who joins. Send /my to follow it at any time.
