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
escalations-amber-title = 🟡 <b>Supervision (amber)</b>: { $count ->
    [one] one case is
   *[other] { $count } cases are
} close to their deadline and still open:
escalations-red-title = 🔴 <b>Supervision (red)</b>: { $count ->
    [one] one case is
   *[other] { $count } cases are
} past their deadline and still open:
escalations-case-amber = <b>{ $caseNo }</b> · { $district } · due { $time }
escalations-case-red = <b>{ $caseNo }</b> · { $district } · { $days ->
    [0] overdue since { $time }
    [one] 1 day overdue
   *[other] { $days } days overdue
}
escalations-referral-amber = <b>{ $caseNo }</b> · { $district } · referred to { $department }, deadline { $time }
escalations-referral-red = <b>{ $caseNo }</b> · { $district } · referred to { $department }, { $days ->
    [0] deadline { $time } passed
    [one] 1 day past its deadline
   *[other] { $days } days past its deadline
} without an answer
escalations-continued = { $part }/{ $parts }
escalations-open = Tap a case number to open it.
