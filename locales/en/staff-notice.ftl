## The notice for deputies and staff, and the lines said before a notice is accepted
staff-notice =
    <b>For people's congress deputies and liaison station staff</b>
    Through this bot you will see the concerns citizens raise and their personal data: names, usernames, what they wrote, photos, files, and the locations they chose to share.

    <b>Confidentiality</b>: use this information only to handle the concerns. Do not forward it, share screenshots of it or use it for anything else. When a citizen raises a concern anonymously, do not try to find out who they are.
    <b>What is logged</b>: everything you do on a case (accepting, replying, resolving, declining, referring, notes…) is recorded on the case's timeline with the time, for supervision and statistics; your replies reach the citizen under your name and role.
    <b>Your data</b>: we keep your Telegram account number, name, username, interface language and the districts you serve.
    When you raise a concern yourself, as a citizen, the citizens' privacy notice applies (/privacy).

    Tap "Agree and continue" to confirm that you understand and will follow this.
staff-notice-accepted = Thank you. You can start handling cases now.
consent-gate-kept = Please read and accept the notice below first; what you just sent is kept.
consent-gate-command = Please read and accept the notice below first, then send this command again.
consent-gate-kept-above = Please read and accept the notice above first (tap its "Agree and continue"); what you just sent is kept.
consent-gate-command-above = Please read and accept the notice above first (tap its "Agree and continue"), then send this command again.
consent-kept-offer =
    What you sent before accepting is kept:
    { $text }

    Would you like to raise it as a new concern?
department-notice =
    <b>For department contacts</b>
    Through this bot you receive the citizens' cases the liaison station refers to your department: what each case says, its photos and files. A citizen's name and contact details reach you only when the citizen agrees.

    <b>Confidentiality</b>: use this information only to handle the referrals; do not forward it, share screenshots or use it for anything else, and do not try to find out who raised a case.
    <b>Record</b>: everything you do on a referral (acknowledge, return, ask for more time, answer …) is logged with its time on the case's record, for supervision and statistics; your answers are reviewed by the liaison station before they reach the deputy and the citizen.
    <b>Your information</b>: we keep your Telegram account number, name, username, interface language and your department.
    When you raise a case yourself as a citizen, the citizens' privacy notice applies (/privacy).

    Tap "Agree and continue" to confirm that you have read and will follow the above.
