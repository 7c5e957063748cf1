## Command menu
command-new = Raise a concern
command-my = My concerns
command-inbox = Open cases (deputies)
command-district = Change my district
command-language = Language / 切换语言
command-privacy = Privacy notice
command-help = Help
command-review = Held concerns to review (staff)
command-moderation = Mute or block a citizen by case number (staff)
command-referrals = Cases referred to your department
command-claim = Claim a case registered for you in person
command-intake = Enter a walk-in, phone or letter case (staff)
command-broadcasts = Scheduled and running broadcasts (staff)
command-id = My numeric Telegram id
command-people = People and access: suspend, remove, invites, history (admins)
