# Department contacts: invites and their welcome.
role-department = department contact
admin-invite-created-department = A single-use { $role } invite for department { $district }, valid for { $hours } hours:
    { $link }
admin-unknown-department = There is no department with code <code>{ $code }</code>.
invite-welcome-department = You are now a contact of <b>{ $district }</b>. Concerns referred to your department will be sent to you: please acknowledge, handle and answer them in time. Send /referrals to see your department's referrals.
