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
    /district change your district
    /language change the language / 切换语言
    /privacy privacy notice
menu-handler =
    <b>Deputies and staff:</b>
    /inbox open cases of your district
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
concern-unsupported-input = Only text, photos, files, voice messages and videos can be added here.
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

    { $description }
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

## Errors
error-internal = Sorry, something went wrong while handling your message. Please try again later.
error-stale-button = This button has expired. Please open the menu again.
error-unknown-command = There is no such command. Send /help to see what you can do.
error-unsupported-message = This kind of message is not supported yet. You can send text, photos, files or voice messages.
error-file-too-large = That file is too large; the limit is { $mb } MB.
moderation-banned = Your account may no longer use this service. Please contact the liaison station if you think this is a mistake.
