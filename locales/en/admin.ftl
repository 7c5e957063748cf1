## Administration
admin-invite-usage = Usage: /invite representative district-code, /invite staff district-code or /invite department department-code
admin-invite-created = A single-use { $role } invite for district { $district }, valid for { $hours } hours:
    { $link }
admin-invite-place = { $name } ({ $code })
admin-unknown-district = There is no district with code <code>{ $code }</code>. Send /districts to list them.
admin-seed-too-large = The seed file is too large (1 MB at most).
admin-seed-invalid =
    The seed file has problems:
    { $problems }
admin-seed-done = Loaded: { $districts } districts, { $stations } stations, { $departments } departments, { $categories } categories.
command-invite = Invite a deputy or staff member (administrators)
command-districts = District codes (administrators)
