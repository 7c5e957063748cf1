## /privacy: export my data, delete my account
button-mydata-export = 📦 Export my data
button-mydata-delete = 🗑 Delete my account
button-mydata-export-yes = Export now
button-mydata-delete-yes = Yes, delete my account
mydata-export-confirm = We will send you a file with all the personal data we hold about you (account, consents, cases, messages, ratings, attachment names and more). Export it now?
mydata-delete-confirm =
    <b>Delete your account? This cannot be undone.</b>
    Your name, username, Telegram id, district, consents, subscriptions, RSVPs, drafts, and the contents, messages, photos, files and locations of all your cases will be erased.
    Open cases are withdrawn and closed, and their deputies are told. Case numbers, districts, categories, statuses, dates and ratings stay only as anonymous statistics.
mydata-cancelled = Cancelled; nothing was changed.
mydata-export-json-caption = Your personal data (JSON, machine-readable).
mydata-export-summary-caption = A summary of your personal data you can read.
mydata-no-account = Your account could not be found; it may have been deleted.
mydata-delete-not-citizen = Deputies' and staff accounts are deleted after an administrator has revoked their role.
