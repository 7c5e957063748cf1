## Suspension, and the administrators' /people
suspended-refused = An administrator has suspended your role as a deputy or staff member: for now you cannot see or handle cases. Please ask an administrator if in doubt.
people-admins-only = Only administrators can manage people and access.
people-title = <b>People and access</b> ({ $filter }, { $total } in all, page { $page }/{ $pages })
    Listed by district; tap a name to see, suspend or remove them.
people-none = Nobody holds this role.
people-no-district = No district
people-line = · { $name } — { $role } · { $open } open{ $suspended ->
        [yes] {" "}· ⏸ suspended
       *[no] {""}
    }
people-filter-all = All
people-filter-representative = Deputies
people-filter-staff = Staff
people-filter-department = Departments
people-role-representative = deputy
people-role-staff = liaison station staff
people-role-department = department contact
people-role-admin = administrator
people-role-other = other
people-button-invites = Unused invites
people-button-history = History
people-button-person-history = Their history
people-button-suspend = ⏸ Suspend
people-button-resume = ▶ Resume
people-button-remove = ✖ Remove role
people-button-suspend-ok = Yes, suspend
people-button-remove-ok = Yes, remove
people-button-revoke = Revoke invite #{ $id }
people-button-revoke-ok = Yes, revoke
people-card =
    <b>{ $name }</b> ({ $username })
    Telegram id: <code>{ $id }</code>
    Role: { $role }
    Districts: { $places }
    Open cases: { $open }
people-card-active = Status: active
people-card-suspended = Status: ⏸ suspended since { $since }
people-card-admin = Administrators are set by ADMIN_IDS and cannot be suspended or removed here.
people-card-fixed = This role cannot be suspended or removed here.
people-person-gone = This person no longer holds a role.
people-changed-meanwhile = Their status was changed just now; here is how it stands.
people-confirm-suspend =
    Suspend <b>{ $name }</b> ({ $role })?
    While suspended they cannot see or handle any case and get no new-case notices, digests or reminders; their role and districts are kept and can be resumed at any time.
    Their { $open } open case(s) go to the staff covering the district (and are not given back on resuming).
people-confirm-remove =
    Remove <b>{ $name }</b>'s role as { $role }?
    They become a citizen and lose their districts; to give the role back, send a new invite.
    Their { $open } open case(s) go to the staff covering the district.
people-done-suspend = Suspended; { $count } open case(s) handed over.
people-done-resume = Resumed.
people-done-remove = Role removed; { $count } open case(s) handed over.
people-removed-note = <b>{ $name }</b> no longer holds a role; { $count } open case(s) went to the staff covering the district.
people-invites-title = <b>Unused invites</b> ({ $total } in all, page { $page }/{ $pages })
people-invites-none = There are no unused, unexpired invites.
people-invite-line = · #{ $id } { $role } · <code>{ $target }</code> · valid until { $expires }
people-confirm-revoke = Revoke invite #{ $id } ({ $role } · <code>{ $target }</code>)? Its link stops working at once.
people-done-revoke = Invite revoked: its link no longer works.
people-invite-gone = This invite was used, revoked or has expired.
people-history-title = <b>History</b> ({ $total } in all, page { $page }/{ $pages }, newest first)
people-history-none = Nothing recorded yet.
people-history-line = · { $when } { $action }: { $subject } · { $what } — by { $actor }
people-history-handed = { $count } open case(s) handed over
people-history-invite = invite #{ $id }
people-actor-cli = the command line
people-action-grant = role granted
people-action-remove = role removed
people-action-suspend = suspended
people-action-resume = resumed
people-action-revoke_invite = invite revoked
people-not-found = Nobody holding a role was found for { $who }. Send their numeric Telegram id (they can see it with /id) or @username.
access-subject-suspend =
    An administrator has suspended your role as { $role } (<code>{ $codes }</code>).
    While suspended you cannot see or handle cases, and get no new-case notices, digests or reminders.{ $cases ->
        [0] {""}
       *[other] {" "}Your { $cases } open case(s) went to the staff covering the district.
    }
access-subject-resume = An administrator has resumed your role as { $role } (<code>{ $codes }</code>): you can handle cases again (/inbox). Cases handed over while you were suspended stay where they went.
access-subject-remove =
    You no longer hold the role of { $role } (<code>{ $codes }</code>) and use the bot as a citizen now.{ $cases ->
        [0] {""}
       *[other] {" "}Your { $cases } open case(s) went to the staff covering the district.
    }
    Thank you for your work.
access-heir = { $name }'s role as { $role } was { $action ->
        [suspend] suspended
       *[remove] removed
    }: their { $cases } open case(s) are now yours; see /inbox.
