## Privacy and consent
privacy-notice =
    <b>Welcome to the deputies' liaison station bot</b>
    Here you can tell the people's congress deputies of your district about a problem or make a suggestion, and follow how it is handled.

    <b>What we store</b>: your Telegram account number, name and username, interface language, chosen district, and the concerns, messages, photos and files you send (files stay on Telegram's servers; we keep only their ids) and your satisfaction ratings.
    <b>Why</b>: only to pass your concern to the deputies and the liaison station and to tell you the outcome.
    <b>How long</b>: case records are kept for 3 years after a case is closed, for statistics and supervision; account data until you ask us to delete it.
    <b>Who sees it</b>: the deputies of your district and the liaison station's staff; when a case is referred to a government department, that department sees what the case says, but not who you are unless you agree. If you choose "anonymous", deputies and staff do not see who you are either.
    <b>Cross-border notice</b>: all messages pass through Telegram's servers, which are outside mainland China.
    <b>Your rights</b>: send /privacy at any time to export all your personal data or to delete your account; or contact your liaison station. Your location is sensitive personal information and is only used with your separate consent.

    Tap "Agree and continue" to accept this notice.
button-consent = Agree and continue
button-decline-consent = I do not agree
privacy-accepted = Thank you for your trust.
privacy-declined = Without your consent we do not store your concerns. Send /start whenever you change your mind.
privacy-required = Please read and accept the privacy notice first.
