# English (second locale). Keys mirror zh-CN.ftl exactly (checked by test/locales.test.ts).

## Command menu
command-new = Raise a concern
command-my = My concerns
command-inbox = Open cases (deputies)
command-district = Change my district
command-language = Language / 切换语言
command-privacy = Privacy notice
command-help = Help

## Privacy and consent
privacy-notice =
    <b>Welcome to the deputies' liaison station bot</b>
    Here you can tell the people's congress deputies of your district about a problem or make a suggestion, and follow how it is handled.

    <b>What we store</b>: your Telegram account number, name and username, interface language, chosen district, and the concerns, messages, photos and files you send (files stay on Telegram's servers; we keep only their ids) and your satisfaction ratings.
    <b>Why</b>: only to pass your concern to the deputies and the liaison station and to tell you the outcome.
    <b>How long</b>: case records are kept for 3 years after a case is closed, for statistics and supervision; account data until you ask us to delete it.
    <b>Who sees it</b>: the deputies of your district and the liaison station's staff. If you choose "anonymous", deputies and staff do not see who you are.
    <b>Cross-border notice</b>: all messages pass through Telegram's servers, which are outside mainland China.
    <b>Your rights</b>: you may see, copy or ask us to delete your personal data at any time; contact your liaison station. Your location is sensitive personal information and is only used with your separate consent.

    Tap "Agree and continue" to accept this notice.
button-consent = Agree and continue
button-decline-consent = I do not agree
privacy-accepted = Thank you for your trust.
privacy-declined = Without your consent we do not store your concerns. Send /start whenever you change your mind.
privacy-required = Please read and accept the privacy notice first.

## Start and invites
start-unknown-district = The district in that QR code does not exist or is no longer in use. Please choose your district.
invite-not-found = This invite link is not valid. Please ask the liaison station for a new one.
invite-used = This invite link has already been used.
invite-expired = This invite link has expired. Please ask the liaison station for a new one.
invite-welcome-representative = You are now registered as a people's congress deputy for <b>{ $district }</b>. Concerns raised in this district will be sent to you; send /inbox to see the open cases.
invite-welcome-staff = You are now registered as liaison station staff for <b>{ $district }</b> and can see and supervise the concerns of this area. Send /inbox to see the open cases.

## Districts
district-choose = Please choose your district:
district-choose-within = Please choose a district within <b>{ $district }</b>:
district-pick-this = Choose "{ $name }"
district-chosen = Your district is now <b>{ $district }</b>.
district-none-configured = No districts have been set up yet. Please contact the liaison station.

## Menu
menu-citizen =
    <b>You can:</b>
    /new tell your district's deputies about a problem
    /my see the concerns you raised and how they are handled
    /activities upcoming activities (reception days, visits…)
    /deputies your district's deputies and liaison station
    /notices notice subscriptions
    /district change your district
    /language change the language / 切换语言
    /privacy privacy notice
menu-handler =
    <b>Deputies and staff:</b>
    /inbox open cases of your district
    /activity_new announce an activity (reception day, visit, hearing)
    /activities_manage manage, approve and record activities
    /broadcast broadcast a notice (staff)
menu-admin =
    <b>Administrators:</b>
    /invite representative|staff district-code — a single-use invite link
    /districts list the district codes
    send a seed file (JSON) with the caption /seed — load districts, stations, departments and categories

## Language
language-choose = Choose the interface language:
language-changed = The interface language is now English.

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
concern-anonymous-yes = anonymous (deputies do not see who you are)
concern-anonymous-no = named (deputies see your name)
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

## Case status
status-new = New
status-accepted = In progress
status-referred = Referred
status-resolved = Closed (resolved)
status-unresolved = Closed (unresolved)
status-declined = Declined
status-merged = Merged
status-reopened = Reopened

## Case details
case-card-title = <b>Case { $caseNo }</b> · { $status }
case-card-district = District: { $district }
case-card-category = Category: { $category }
case-card-created = Raised: { $time }
case-card-citizen = Raised by: { $citizen }
case-card-due = Due: { $time }
case-card-attachments = Attachments: { $count }
case-card-outcome = <b>Outcome:</b> { $outcome }
case-no-category = uncategorised
case-anonymous-citizen = an anonymous citizen
case-not-found = This case does not exist, or you may not see it.
case-action-not-allowed = This case is "{ $status }"; that action is not possible now.
case-changed-meanwhile = Someone else just updated this case. Please open it again.
case-accepted-toast = Accepted { $caseNo }
case-write-reply = Write your reply to the citizen (case { $caseNo }):
case-write-message = Write what you would like to add for the deputies (case { $caseNo }); you may attach a photo or file:
case-write-resolve = Write the outcome (case { $caseNo }); the citizen will be told and asked to rate it:
case-write-decline = Write the reason for declining (if it is not the deputies' responsibility, say whose it is):
case-need-text = Please write some text.
case-text-too-long = That is too long; the limit is { $max } characters.
case-reply-sent = Your reply was sent to the citizen (case <b>{ $caseNo }</b>).
case-message-sent = Passed on to the deputies (case <b>{ $caseNo }</b>).
case-resolved = Case <b>{ $caseNo }</b> is closed; the citizen has been asked to rate it.
case-declined = Case <b>{ $caseNo }</b> is declined; the citizen has been told why.
flow-cancelled = Cancelled.
button-accept = Accept
button-reply = Reply
button-resolve = Resolve
button-decline = Decline
button-files = Attachments
button-open-case = Details
button-add-message = Add a message
button-previous = ‹ Previous
button-next = Next ›
button-back = « Back

## Timeline
timeline-title = <b>History</b>
timeline-you = You
timeline-system = System
timeline-role-representative = Deputy { $name }
timeline-role-staff = Staff member { $name }
timeline-created = raised the concern
timeline-status = status set to "{ $status }"
timeline-rating = rated: { $rating }

## Lists
my-title = You have raised { $total } concern(s). Tap one for details:
my-empty = You have not raised any concern yet. Send /new to start.
inbox-title = { $total } open case(s), oldest first:
inbox-empty = There are no open cases.
inbox-not-handler = Only deputies and liaison station staff have an inbox.

## Ratings
rating-satisfied = Satisfied
rating-basically_satisfied = Mostly satisfied
rating-unsatisfied = Not satisfied
rating-thanks = Thank you for rating case <b>{ $caseNo }</b>: { $rating }.
rating-reopened = We are sorry the outcome did not satisfy you. Case <b>{ $caseNo }</b> has been reopened for the deputies.
rating-not-open = This case cannot be rated now (perhaps it already was).

## Notifications
notify-new-case = 📮 <b>A new concern from your district</b>
notify-accepted = Your case <b>{ $caseNo }</b> was accepted by deputy { $name } and is being handled.
notify-reply-to-citizen =
    💬 Deputy { $name } replied on your case <b>{ $caseNo }</b>:

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

## Roles
role-representative = deputy
role-staff = liaison station staff

## Administration
admin-invite-usage = Usage: /invite representative district-code or /invite staff district-code
admin-invite-created = A single-use { $role } invite for district { $district }, valid for { $hours } hours:
    { $link }
admin-unknown-district = There is no district with code <code>{ $code }</code>. Send /districts to list them.
admin-seed-too-large = The seed file is too large (1 MB at most).
admin-seed-invalid =
    The seed file has problems:
    { $problems }
admin-seed-done = Loaded: { $districts } districts, { $stations } stations, { $departments } departments, { $categories } categories.

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
broadcast-started = Broadcast #{ $id } has started; its progress is shown below.
broadcast-scheduled = Broadcast #{ $id } will go out at { $when }.
broadcast-cancel-button = Stop broadcast
broadcast-cancelled = Broadcast #{ $id } stopped; nothing more will be sent.
broadcast-already-ended = This broadcast has already ended.
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

## Errors
error-internal = Sorry, something went wrong while handling your message. Please try again later.
error-stale-button = This button has expired. Please open the menu again.
error-unknown-command = There is no such command. Send /help to see what you can do.
error-unsupported-message = This kind of message is not supported yet. You can send text, photos, files or voice messages.
error-file-too-large = That file is too large; the limit is { $mb } MB.
moderation-banned = Your account may no longer use this service. Please contact the liaison station if you think this is a mistake.

## Reminders and digests
delivery-resent-note = 🔁 <i>Sent again after a network problem: you may have received this already.</i>
reminder-unaccepted = ⏰ <b>Reminder</b>: case <b>{ $caseNo }</b> was raised more than { $hours } hours ago and has not been accepted yet. Please take it on.
escalation-case-amber = 🟡 <b>Supervision (amber)</b>: case <b>{ $caseNo }</b> in { $district } is due on { $time } and is still open.
escalation-case-red = 🔴 <b>Supervision (red)</b>: case <b>{ $caseNo }</b> in { $district } was due on { $time } and is still open.
escalation-referral-amber = 🟡 <b>Supervision (amber)</b>: case <b>{ $caseNo }</b> in { $district }, referred to { $department }, has its deadline on { $time }.
escalation-referral-red = 🔴 <b>Supervision (red)</b>: case <b>{ $caseNo }</b> in { $district }, referred to { $department }, passed its deadline on { $time } without an answer.
digest-title = 📋 <b>Your open work ({ $date })</b>
digest-new-cases = New, not yet accepted: { $count }
digest-assigned-cases = In your hands: { $count }
digest-overdue-cases = Overdue: { $count }
digest-overdue-referrals = Referrals past their deadline: { $count }
digest-open-inbox = Send /inbox to see and handle them.
follow-up-rate = Your case <b>{ $caseNo }</b> was closed on { $time }. Are you satisfied with the outcome? Please rate it:

## Activities
command-activities = Upcoming activities (reception days…)
command-deputies = Your district's deputies and station
command-activity_new = New activity (staff, deputies)
command-activities_manage = Manage activities (staff, deputies)
activity-kind-reception = Reception day
activity-kind-visit = Deputy visit
activity-kind-hearing = Hearing
activity-kind-other = Other activity
activity-status-draft = Draft
activity-status-pending_approval = Awaiting approval
activity-status-approved = Approved, not yet announced
activity-status-published = Announced
activity-status-cancelled = Cancelled
activity-status-rejected = Not approved
activity-status-done = Held
activity-list-separator = {", "}
activity-card-kind = Type: { $kind }
activity-card-time = Time: { $time }
activity-card-place = Place: { $place }
activity-card-station = Station: { $station }
activity-card-district = District: { $district }
activity-card-deputies = Deputies on duty: { $deputies }
activity-card-capacity = Places: { $capacity }
activity-card-places-left = Places: { $capacity }, { $left } left
activity-card-going = Coming so far: { $going }
activity-notice-header = 📢 <b>Activity notice</b>
activity-button-going = ✋ I'll come
activity-button-withdraw = I can't come after all
activity-button-concern-instead = Can't come — raise my concern by chat instead
activity-button-ics = 📅 Calendar (.ics)
activity-rsvp-going = ✅ You are registered for <b>{ $title }</b> ({ $time }). We will remind you 24 hours and 2 hours before. { $going } people are coming so far.
activity-rsvp-withdrawn = Your registration for <b>{ $title }</b> is withdrawn.
activity-full = Sorry, all places are taken. You can tap "Can't come — raise my concern by chat instead" to reach the deputies directly.
activity-closed = This activity has begun, is over or was cancelled: it takes no more registrations.
activity-not-found = This activity does not exist, or you may not see it.
activity-concern-instead = No problem. You can raise your concern with your district's deputies right here (about <b>{ $title }</b> or anything else).
activity-ics-caption = { $title }: open this calendar file to add it to your calendar.
activity-reminder-24h = ⏰ Reminder: <b>{ $title }</b>, which you signed up for, starts in 24 hours.
activity-reminder-2h = ⏰ Reminder: <b>{ $title }</b>, which you signed up for, starts in 2 hours.
activity-need-district = Please choose your district first, to see its activities.
activity-list-empty = No activities are announced for <b>{ $district }</b> at the moment.
activity-list-title = Upcoming activities in <b>{ $district }</b>: { $total }
activity-list-more = { $count } more later on; send /activities again closer to the time.
activity-not-allowed = Only liaison-station staff and deputies can create and manage activities.
activity-new-kind = New activity. What kind of activity is it?
activity-new-kind-chosen = Type: { $kind }
activity-new-title = Please type the title (e.g. "Dongmen Community reception day"):
activity-too-long = That is too long: at most { $max } characters.
activity-new-time = When is it? Type e.g. { $example }, or with an end time: { $example }-11:00.
activity-time-invalid = I can't read that time. Please type it like { $example }, optionally with an end time: { $example }-11:00.
activity-time-past = That time has passed. Please type a time in the future, e.g. { $example }.
activity-time-too-far = Activities can be planned up to a year ahead. Please type another time, e.g. { $example }.
activity-time-end-before-start = The end must be after the start. Please type it again, e.g. { $example }-11:00.
activity-new-place = Time: { $time }. Where does it take place?
activity-new-district = In which district is it?
activity-new-district-chosen = District: <b>{ $district }</b>
activity-new-deputies = Choose the deputies of <b>{ $district }</b> on duty (several allowed), then tap "Done":
activity-new-deputies-none = No deputies are registered for <b>{ $district }</b> yet; just tap "Done".
activity-button-deputies-done = Done
activity-new-capacity = To limit the number of people, type the number of places; otherwise tap "No limit".
activity-button-no-limit = No limit
activity-capacity-invalid = Please type a whole number from 1 to { $max }, or tap "No limit".
activity-use-buttons = Please use the buttons above, or tap "Cancel".
activity-need-text = Please answer with text.
activity-confirm-title = <b>Please check the activity</b>
activity-confirm-needs-approval = Liaison-station staff will review it; it is announced once approved.
activity-button-create = Create activity
activity-button-submit = Submit for approval
activity-draft-cancelled = Cancelled; no activity was created.
activity-created = ✅ <b>{ $title }</b> is created. It will be announced to the district's subscribers on { $time }.
activity-created-now = ✅ <b>{ $title }</b> is created. The notice is going out to the district's subscribers now.
activity-proposed = 📝 <b>{ $title }</b> is submitted and awaits approval by liaison-station staff. You will hear the decision.
activity-proposed-no-approvers = 📝 <b>{ $title }</b> is submitted, but no staff member can approve it yet. Please contact the liaison station.
activity-approval-request = 📝 { $name } proposes an activity. Please review it:
activity-button-approve = ✅ Approve
activity-button-reject = ❌ Reject
activity-not-in-scope = This activity's district is outside your scope.
activity-already-decided = This activity was already dealt with; it is now: { $status }.
activity-already-started = This activity's time has passed; it can no longer be approved.
activity-approved-toast = Approved
activity-rejected-toast = Rejected
activity-approved-notice = ✅ Your activity <b>{ $title }</b> is approved. It will be announced on { $time }.
activity-approved-published = ✅ Your activity <b>{ $title }</b> is approved and has been announced.
activity-rejected-notice = ❌ Your activity <b>{ $title }</b> was not approved. Please contact the liaison-station staff with any questions.
activity-cancelled-notice = ⚠️ <b>{ $title }</b> ({ $time }), which you signed up for, is cancelled. We apologise for the inconvenience.
activity-manage-empty = There are no recent activities in your districts. Send /activity_new to create one.
activity-manage-title = Recent activities and those awaiting approval ({ $count }); tap one to open it:
activity-record-status = Status: { $status }
activity-record-created-by = Proposed by: { $name }
activity-record-publish-at = Announced on: { $time }
activity-record-attendance = Attendance: { $count }
activity-record-notes = Notes: { $notes }
activity-record-concerns-title = Concerns raised there:
activity-record-concern = • { $caseNo } ({ $status })
activity-button-attendance = Record attendance
activity-button-notes = Write notes
activity-button-link = Link concerns raised
activity-button-cancel-activity = Cancel activity
activity-cancel-confirm = Cancel <b>{ $title }</b>? Those who signed up will be told.
activity-button-cancel-confirm = Yes, cancel it
activity-cancelled = <b>{ $title }</b> is cancelled.
activity-action-not-allowed = Not possible while the activity is "{ $status }".
activity-record-not-yet = Attendance, notes and concerns can be recorded once the activity has begun.
activity-ask-attendance = How many people attended <b>{ $title }</b>? Type a number:
activity-ask-notes = Type the notes of <b>{ $title }</b> (opinions heard, answers given):
activity-ask-link = Type the case numbers of the concerns raised at <b>{ $title }</b>, separated by commas or spaces, e.g. 2026-00012, 2026-00013:
activity-attendance-invalid = Please type a whole number, e.g. 25.
activity-attendance-saved = Attendance recorded: { $count }.
activity-notes-saved = Notes saved.
activity-link-none = No case number found. Case numbers look like 2026-00012.
activity-link-linked = Linked: { $cases }
activity-link-not-found = No case with these numbers: { $cases }
activity-link-outside = Not of this activity's district, not linked: { $cases }
deputies-need-district = Please choose your district first, to see its deputies.
deputies-title = <b>Deputies and liaison station of { $district }</b>
deputies-none = No deputies are registered for your district yet.
deputies-station = 🏛 <b>{ $station }</b>
deputies-address = Address: { $address }
deputies-reception = Reception days: { $reception }
deputies-phone = Phone: { $phone }
deputies-list = Deputies: { $deputies }
deputies-station-none = Deputies: none registered yet
deputies-deputy = { $name } ({ $district })
deputies-without-station = Other deputies: { $deputies }
deputies-hint = Send /new to raise a concern with them, /activities for upcoming reception days and activities.
