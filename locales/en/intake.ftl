## Walk-in, phone, letter and reception-day cases entered by staff, and their claim by the person
intake-not-allowed = Only liaison station staff and administrators enter cases on someone's behalf.
intake-ask-source = Entering a case on someone's behalf: how did it reach you?
intake-source-walk_in = Walk-in
intake-source-phone = Phone call
intake-source-letter = Letter
intake-source-reception_day = Reception day
intake-ask-activity = At which activity was it raised?
button-intake-no-activity = Not at an activity
intake-ask-district = In which district is the problem?
intake-ask-category = Choose the category:
intake-ask-description = Type the concern (the problem the person described):
intake-ask-consent =
    <b>Does the person agree that their name and phone be kept?</b>
    Only with their consent are their name and phone kept with the case, to contact them and answer; without it the case is entered all the same, and they follow it with the claim code in the bot, or you tell them by phone.
button-intake-consent-yes = Yes, keep name and phone
button-intake-consent-no = No, keep neither
intake-ask-name = Type the person's name:
intake-ask-phone = Type the person's phone number:
button-intake-skip-phone = No phone
intake-phone-invalid = A phone number has 5 to 20 digits, optionally + and separators; please type it again.
intake-none = none
intake-contact-not-kept = not kept (no consent)
intake-confirm =
    <b>Please check the case you are entering</b>
    Source: { $source }
    Activity: { $activity }
    District: { $district }
    Contact: { $contact }

    { $description }
button-intake-create = Enter it
intake-cancelled = Cancelled; nothing was entered.
intake-created =
    ✅ Entered as case <b>{ $caseNo }</b>.
    Claim code: <b>{ $code }</b> (valid until { $expires }, once only)
    Give this QR code to the person: scanning it with Telegram opens this bot, as does sending /claim { $code }; they then follow the case from their own account.
    { $link }
intake-created-claimed = Case <b>{ $caseNo }</b> is entered and already claimed.
intake-claimed = ✅ Case <b>{ $caseNo }</b> is now linked to your account. You will be told of its progress and its outcome here.
intake-claim-usage = Usage: /claim code, e.g. /claim K7M2Q-X9PHT.
intake-claim-unknown = This claim code is not valid. Please check the code you were given, or contact the liaison station.
intake-claim-expired = This claim code has expired. Please ask the liaison station for a new one.
intake-claim-used = This claim code was used already and cannot be used again. Please contact the liaison station if in doubt.
intake-claim-used-by-you = You claimed this case already; send /my to see it.
intake-claim-own-entry = The staff member who entered a case cannot claim it; please give the code to the person themselves.
