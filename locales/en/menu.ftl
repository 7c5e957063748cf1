## Menu
menu-citizen =
    <b>You can:</b>
    /new tell your district's deputies about a problem
    /my see the concerns you raised and how they are handled
    /activities upcoming activities (reception days, visits…)
    /deputies your district's deputies and liaison station
    /report the deputies' yearly reports to the voters
    /notices notice subscriptions
    /district change your district
    /language change the language / 切换语言
    /privacy privacy notice (export my data, delete my account)
    /claim code — claim a case registered for you at the liaison station
    /id my numeric Telegram id
    /help show this help
menu-handler =
    <b>Deputies and staff:</b>
    /inbox open cases of your district
    /activity_new announce an activity (reception day, visit, hearing)
    /activities_manage manage, approve and record activities
    /stats statistics of the cases handled
menu-staff =
    <b>Staff:</b>
    /broadcast broadcast a notice
    /broadcasts scheduled and running broadcasts (to stop one)
    /intake enter a walk-in, phone or letter case
    /review held concerns to review
    /moderation case-number — mute or block that case's citizen, or undo it
    /replies canned replies
menu-admin =
    <b>Administrators:</b>
    /invite representative|staff district-code — a single-use invite link for a deputy or staff member
    /invite department department-code — a single-use invite link for a department contact
    /districts list the district codes
    /people people and access: who holds which role, suspend, resume, remove, revoke invites, history
    send a seed file (JSON) with the caption /seed — load districts, stations, departments and categories
menu-department =
    <b>Department contacts:</b>
    /referrals cases referred to your department
