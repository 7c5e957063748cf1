## Start and invites
start-unknown-district = The district in that QR code does not exist or is no longer in use. Please choose your district.
invite-not-found = This invite link is not valid. Please ask the liaison station for a new one.
invite-used = This invite link has already been used.
invite-expired = This invite link has expired. Please ask the liaison station for a new one.
invite-welcome-representative = You are now registered as a people's congress deputy for <b>{ $district }</b>. Concerns raised in this district will be sent to you; send /inbox to see the open cases.
invite-welcome-staff = You are now registered as liaison station staff for <b>{ $district }</b> and can see and supervise the concerns of this area. Send /inbox to see the open cases.
invite-open-cases = { $total } open cases are already waiting in your area (oldest first); please have a look:
