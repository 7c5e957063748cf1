## The triage desk: category, priority, assignment, merging, internal notes
button-triage = Triage
triage-card-urgent = ⚡ <b>Urgent</b>
triage-card-assignee = Handled by: { $name }
triage-nobody = not assigned
priority-normal = normal
priority-urgent = urgent
triage-menu-title = <b>Triage · case { $caseNo }</b>
triage-menu-priority = Priority: { $priority }
triage-button-category = Set category
triage-button-urgent = Mark urgent
triage-button-normal = Mark normal
triage-button-claim = Claim
triage-button-assign = Assign a deputy
triage-button-reassign = Reassign
triage-button-merge = Merge
triage-button-note = Internal note
triage-pick-category = Choose the category of case <b>{ $caseNo }</b>:
triage-pick-deputy = Choose the deputy of the district to handle case <b>{ $caseNo }</b>:
triage-no-deputies = The district of case <b>{ $caseNo }</b> has no deputy to assign it to.
triage-done = Updated
triage-unchanged = Nothing changed
triage-claimed = You claimed { $caseNo }
triage-assigned = Assigned { $caseNo }
triage-refused-out_of_scope = This case is not within your districts.
triage-refused-staff_only = Only liaison station staff assign or reassign cases.
triage-refused-not_open = This case is no longer open for that.
triage-refused-not_a_deputy = A case can only be assigned to a deputy of its district.
triage-refused-already_assigned = This person already handles the case.
triage-refused-assigned_to_other = Someone already handles this case; ask the station's staff to reassign it.
triage-refused-unknown_category = There is no such category; please choose again.
triage-notify-assigned = 📌 Case <b>{ $caseNo }</b> was assigned to you by { $name }.
triage-notify-unassigned = Case <b>{ $caseNo }</b> was reassigned to another deputy by { $name }; you no longer handle it.
triage-notify-note =
    🔒 New internal note on case <b>{ $caseNo }</b> ({ $name }):

    { $text }
triage-notify-merged = 🔗 Your case <b>{ $caseNo }</b> is being handled together with others about the same problem. You will receive the outcome yourself and can still rate your own case.
triage-notify-merged-cosigner = 🔗 The case you co-signed, <b>{ $caseNo }</b>, is being handled together with others about the same problem. You will receive the outcome.
case-merged-duplicates = 🔗 Cases merged into this one ({ $count }): { $cases }
## Merging
merge-ask-main = Type the number of the main case that <b>{ $caseNo }</b> should join (e.g. 2026-00042):
merge-not-a-number = That is not a case number; type one like 2026-00042.
merge-main-not-found = There is no case with that number, or you may not see it. Please type it again.
merge-confirm =
    Merge case <b>{ $caseNo }</b> into the main case <b>{ $mainNo }</b>?
    Main case: { $main }

    The merged case keeps its own number, anonymity and rating; its citizen receives the outcome individually.
merge-button-confirm = Merge
merge-done = Case <b>{ $caseNo }</b> now joins <b>{ $mainNo }</b>.
merge-refused-same_case = A case cannot be merged into itself.
merge-refused-out_of_scope = Both cases must be in districts you cover to merge them.
merge-refused-not_open = Only open cases can be merged.
merge-refused-main_merged = The main case was itself merged into another; type that case's number.
## Internal notes
note-ask = Type the internal note on case <b>{ $caseNo }</b> (seen by deputies and staff only, never sent to the citizen):
note-saved = Internal note saved (case <b>{ $caseNo }</b>).
## Timeline
timeline-assigned = assigned to { $name }
timeline-categorized = category set to “{ $category }”
timeline-prioritized = priority set to “{ $priority }”
timeline-merged = merged into case { $caseNo }
timeline-note = 🔒 internal note: { $text }
timeline-summary-merged = handled together with cases about the same problem
timeline-summary-clock_paused = waiting for your clarification
timeline-summary-clock_resumed = clarification received, handling continues
timeline-summary-referral_sent = passed to the department responsible
timeline-summary-referral_acknowledged = the department acknowledged it
timeline-summary-referral_extension_decided = the deadline was adjusted
timeline-summary-referral_reopened = being handled again
timeline-summary-supervision = under supervision (督办)
timeline-handed-over = { $reason ->
        [suspended] { $former } was suspended
       *[removed] { $former } no longer holds the role
    }; { $to ->
        [nobody] nobody has taken the case on yet
       *[other] the case was handed to { $heir }
    }
timeline-claimed = claimed the case
timeline-older-hidden = ({ $count } older entries not shown)
