# The referral loop (refer → acknowledge → answer → review → rating) and its supervision.
button-refer = Refer
referral-status-sent = awaiting acknowledgement
referral-status-acknowledged = acknowledged
referral-status-returned = returned
referral-status-rerouted = re-routed
referral-status-answered = answered (awaiting review)
referral-status-rework = to be redone
referral-status-accepted = reviewed (awaiting the deputy's rating)
referral-status-closed = closed
referral-status-withdrawn = withdrawn

referral-card-title = 📮 Referral <b>{ $caseNo }</b> · { $department } · { $status }
referral-card-deadline = Answer due: { $time }
referral-card-acknowledge-by = Acknowledge by: { $time }
referral-card-citizen-hidden = Citizen: has not agreed to share their details with the department
referral-card-note = Note: { $note }
referral-card-returned = Returned: { $reason } { $note }
referral-card-suggested = Suggested department: { $department }
referral-card-rework-review = Review (answer again): { $note }
referral-card-rework-unsatisfied_deputy = The deputy was not satisfied with the answer: handle it again.
referral-card-rework-unsatisfied_citizen = The citizen was not satisfied with the outcome: handle it again.
referral-card-rework-promise_due = The promised date has passed: answer again.
referral-card-answer = Answer ({ $answerClass }): { $text }
    Contact: { $contact }
referral-card-promised = Promised by: { $time }
referral-card-extension = Extension asked until { $time }, because: { $reason }

referral-return-reason-not_our_remit = not our remit
referral-return-reason-wrong_area = not our area
referral-return-reason-unclear_ownership = unclear who is responsible
referral-return-reason-information_missing = information missing

referral-class-A = A resolved
referral-class-B = B being resolved
referral-class-C = C planned
referral-class-D = D noted for reference

referral-button-acknowledge = Acknowledge
referral-button-answer = Answer
referral-button-return = Return
referral-button-extension = Ask for more time
referral-button-reroute-suggested = Re-route to the suggested department
referral-button-reroute = Re-route elsewhere
referral-button-refuse-return = Refuse the return
referral-button-review-accept = Accept the answer
referral-button-review-rework = Send back for rework
referral-button-extension-approve = Approve the extension
referral-button-extension-refuse = Refuse the extension
referral-button-no-department = Don't know
referral-button-share-contact = Share my contact details
referral-button-withdraw = Withdraw referral
referral-ask-withdraw-reason = Why is this referral withdrawn? (The department is told.)
referral-withdrawn-done = Referral withdrawn; the department has been told.
case-referral-row = 📮 { $department } · { $status }
referral-button-note = 📝 Internal note
referral-ask-note = Type the internal note (seen only by the department, deputies and staff; never sent to the citizen):
referral-note-saved = Internal note saved.
referral-card-notes = 🔒 Internal notes (never sent to the citizen):
referral-card-note-line = · { $who }: { $text }

referral-error-invalid_transition = This referral is "{ $status }": that cannot be done now.
referral-error-forbidden = You may not do that on this referral.
referral-error-unknown_choice = That choice is not valid; please choose again.
referral-error-missing_text = Something required is missing (such as the reason for a return); nothing was changed.
referral-error-text_too_long = That is too long: { $max } characters at most.
referral-error-suggested_department_required = A return as "not our remit" or "not our area" must name the department it should go to.
referral-error-same_department = You cannot choose this referral's own department.
referral-error-promised_date_required = Answers of class B and C need a promised date.
referral-error-promised_date_not_allowed = Answers of class A and D take no promised date.
referral-error-date_not_in_future = The date { $date } is not after today; please type a later date (like 2026-12-31).
referral-error-invalid_date = "{ $date }" is not a date; please type it like 2026-12-31.
referral-error-extension_not_later = The new date must be later than the current deadline.
referral-error-extension_pending = An extension request is already waiting for a decision.
referral-error-no_pending_extension = There is no extension request waiting for a decision.
referral-error-duplicate = This case is already referred to that department.
referral-error-case_not_open = This case is closed and cannot be referred.
referral-error-promise_not_due = The promised date has not come yet.
referral-error-unknown_department = There is no such department; please choose again.
referral-error-not_found = This referral does not exist, or you may not see it.
referral-error-changed_meanwhile = Someone else just acted on this referral; please open it again.
referral-error-no_department = Choose at least one department.

referral-acknowledged-toast = Acknowledged
referral-returned-toast = Returned: the station will re-route it
referral-extension-approved-toast = Extension approved
referral-extension-refused-toast = Extension refused
referral-review-accepted-toast = Answer accepted
referral-rerouted-toast = Re-routed
referral-return-refused-toast = Sent back to the same department
referral-rated-toast = Rating recorded
referral-ask-unsatisfied-reason = Why are you not satisfied with the answer? (The department is told, and the referral is redone.)
referral-rated-unsatisfied-done = Not satisfied recorded: the referral went back to the department to be redone.

referral-ask-return-reason = Why is it returned?
referral-ask-return-department = Which department should handle it?
referral-ask-return-department-optional = If you know which department should handle it, choose it; otherwise tap "Don't know":
referral-ask-extension-reason = Why do you need more time?
referral-ask-extension-date = Until which date (like 2026-12-31)?
referral-ask-answer-class = Which class of answer?
referral-ask-answer-text = What was done, and with what result?
referral-ask-answer-contact = Who is the contact person (name and phone)?
referral-ask-answer-date = By which date will it be done (like 2026-12-31)? You will be asked again then.
referral-ask-rework-reason = Why does the answer need rework?
referral-ask-reroute-department = Re-route to which department?
referral-extension-requested = The extension request was sent to the station for a decision.
referral-answered = The answer was sent to the station for review.
referral-rework-sent = Sent back to the department for a new answer.

referrals-not-department = You are not a contact of any department.
referrals-empty = Your department has no open referrals.
referrals-title = Your department's open referrals: { $total }

refer-choose-departments = Refer case <b>{ $caseNo }</b> to which departments? (one or more)
refer-button-next = Next
refer-ask-deadline = Default answer deadline: { $deadline } ({ $days } working days).
refer-button-default-deadline = Use the default
refer-button-other-deadline = Another date
refer-ask-deadline-date = Type the answer deadline (like 2026-12-31):
refer-ask-note = Type a note to the department (optional):
refer-button-no-note = No note
refer-no-note = (none)
refer-confirm = Refer it?
    Departments: { $departments }
    Answer due: { $deadline }
    Note: { $note }
refer-button-confirm = Refer
refer-done = Case <b>{ $caseNo }</b> was referred to { $departments }, answer due { $deadline }.
refer-use-buttons = Please use the buttons above.

referral-notify-new = 📮 A new referral: please acknowledge it.
referral-notify-returned = ↩️ { $department } returned referral <b>{ $caseNo }</b>: please re-route it within one working day.
referral-notify-returned-escalated = ⚠️ Referral <b>{ $caseNo }</b> was returned more than twice: please settle who handles it.
referral-notify-return-refused = The station refused the return: please go on handling referral <b>{ $caseNo }</b>. { $text }
referral-notify-extension-requested = ⏳ { $department } asks for more time on referral <b>{ $caseNo }</b>: please decide.
referral-notify-extension-decided = The extension request on referral <b>{ $caseNo }</b> was decided. { $text }
referral-notify-extension-approved = ✅ The extension of referral <b>{ $caseNo }</b> was approved. { $text }
referral-notify-extension-refused = ❌ The extension of referral <b>{ $caseNo }</b> was refused: answer by the current deadline. { $text }
referral-notify-answered = 📝 { $department } answered referral <b>{ $caseNo }</b>: please review it.
referral-notify-rework =
    🔁 The answer to referral <b>{ $caseNo }</b> was sent back for rework: { $text }
    Answer due: { $deadline }
referral-notify-review-accepted = 📝 The answer of { $department } to case <b>{ $caseNo }</b> passed review: please rate it.
referral-notify-reopened-review =
    🔁 Referral <b>{ $caseNo }</b> needs a new answer.
    Answer due: { $deadline }
referral-notify-reopened-unsatisfied_deputy =
    🔁 The deputy was not satisfied with the answer to referral <b>{ $caseNo }</b>: please handle it again.
    Answer due: { $deadline }
referral-notify-reopened-unsatisfied_citizen =
    🔁 The citizen was not satisfied with the outcome of case <b>{ $caseNo }</b>: please handle it again.
    Answer due: { $deadline }
referral-notify-reopened-promise_due =
    ⏰ The promised date of referral <b>{ $caseNo }</b> has passed: please answer again.
    Answer due: { $deadline }
referral-notify-withdrawn = ↩️ Referral <b>{ $caseNo }</b> was withdrawn: nothing more to do. Reason: { $text }
referral-notify-note = 📝 New internal note on referral <b>{ $caseNo }</b>: { $text }
referral-notify-update = Referral <b>{ $caseNo }</b> has news.
referral-notify-citizen-referred = Your concern <b>{ $caseNo }</b> was passed to { $departments }; you will hear the outcome here.
referral-notify-citizen-extension = The deadline of your concern <b>{ $caseNo }</b> was moved to { $deadline }, because: { $reason }
referral-share-contact-offer = If you want the department to contact you directly, tap the button below; otherwise it does not see your name.
referral-share-contact-done = Agreed: the department can see your name and contact.

supervision-acknowledge_reminder = ⏰ Referral <b>{ $caseNo }</b> is past its acknowledgement date: please acknowledge it.
supervision-reminder = ⏰ One working day is left before the answer to referral <b>{ $caseNo }</b> is due ({ $deadline }).
supervision-amber = 🟡 Supervision: { $department } did not answer referral <b>{ $caseNo }</b> by { $deadline }.
supervision-red = 🔴 Supervision: { $department }'s answer to referral <b>{ $caseNo }</b> is five working days late (due { $deadline }).
supervision-reroute_reminder = 🟡 Supervision: returned referral <b>{ $caseNo }</b> is still not re-routed after one working day (the staff above are told too); please re-route it.
supervision-promise_due = ⏰ The promised date of referral <b>{ $caseNo }</b> has passed: please answer again.

timeline-role-department = Department
timeline-kind-referral_sent = referred
timeline-kind-referral_acknowledged = acknowledged
timeline-kind-referral_returned = returned
timeline-kind-referral_return_refused = return refused
timeline-kind-referral_rerouted = re-routed
timeline-kind-referral_extension_requested = asked for more time
timeline-kind-referral_extension_decided = extension decided
timeline-kind-referral_answered = answered
timeline-kind-referral_reviewed = answer reviewed
timeline-kind-referral_rated = deputy rated the answer
timeline-kind-referral_reopened = to be redone
timeline-kind-referral_withdrawn = referral withdrawn
timeline-kind-supervision = supervision
button-clock-pause = Waiting for the citizen
button-clock-resume = Restart the clock
case-clock-paused = Case { $caseNo } waits for the citizen: the referral deadlines stand still.
case-clock-resumed = Case { $caseNo } goes on: the referral deadlines moved on.
case-clock-not-paused = Only a referred case whose clock runs can wait for the citizen.
case-clock-not-resumed = This case's clock is not stopped.
supervisions-amber-title = 🟡 <b>Supervision</b>: { $count } referrals were not answered by their deadline:
supervisions-red-title = 🔴 <b>Supervision</b>: the answers to { $count } referrals are five working days late:
supervisions-line = <b>{ $caseNo }</b> · { $district } · { $department } · due { $deadline }

# The citizen's outcome from the departments' answers: one line per department.
referral-outcome-line = { $department }: { $answer }
referral-outcome-contact = {" "}(contact: { $contact })
timeline-referral-department = ({ $department })
timeline-reopen-unsatisfied_deputy = the deputy was not satisfied with the answer
timeline-reopen-unsatisfied_citizen = the citizen was not satisfied with the outcome
timeline-reopen-promise_due = the promised completion date has come
timeline-extension-approved = extension approved
timeline-extension-refused = extension refused
timeline-supervision-step = { $step ->
    [acknowledge_reminder] reminder to acknowledge
    [reminder] reminder before the deadline
    [amber] overdue (amber)
    [red] five working days overdue (red)
    [reroute_reminder] reminder to re-route
    [promise_due] promised date reached
   *[other] supervision reminder
}
