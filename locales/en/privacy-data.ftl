## My data: export and account deletion (PIPL)
privacy-data-title = <b>The personal data we hold about you</b> (exported { $date })
privacy-data-none = none
privacy-data-profile = Account: Telegram id { $telegramId }, name { $name }, username { $username }, language { $locale }, district { $district }, first seen { $since }.
privacy-data-consents = Privacy notice accepted: { $privacy }; separate consent to use your location: { $location }.
privacy-data-cases = Concerns you raised: { $count }.
privacy-data-case = { $caseNo } · { $status } · { $date }: { $description } ({ $messages } messages, { $attachments } attachments)
privacy-data-case-rating = { "  " }Your rating: { $rating }
privacy-data-case-contact = { "  " }Contact kept with your consent when staff entered it for you: { $name }, { $phone }
privacy-data-attachment = { "  " }Attachment ({ $kind }): { $name }
privacy-data-cosigned = Concerns you co-signed ("me too"): { $count }.
privacy-data-subscriptions = Districts whose activity notices you follow: { $count } ({ $districts }).
privacy-data-rsvps = Activity replies: { $count }.
privacy-data-broadcasts = Notices received: { $count }.
privacy-data-moderation = Moderation records about your account: { $count }.
privacy-deleted-title = <b>Your account has been deleted.</b>
privacy-deleted-erased = Erased: your name, username, Telegram id, language and district, consent records, activity subscriptions and replies, unfinished drafts, and the contents, messages, photos, files and locations of all your concerns, with any contact details left when staff entered a concern for you.
privacy-deleted-withdrawn =
    { $count ->
        [one] Your open concern was withdrawn ({ $cases }); the people handling it are told.
       *[other] Your { $count } open concerns were withdrawn ({ $cases }); the people handling them are told.
    }
privacy-deleted-kept-cases =
    { $count ->
        [one] All that remains, linked to no one, is anonymous statistics of one concern ({ $cases }): case number, district, category, status, dates and satisfaction rating.
       *[other] All that remains, linked to no one, is anonymous statistics of { $count } concerns ({ $cases }): case number, district, category, status, dates and satisfaction rating.
    }
privacy-deleted-kept-nothing = You raised no concerns, so no statistics remain.
privacy-deleted-kept-cosignatures =
    { $count ->
        [one] Your co-signature on another's concern remains as a head count, without your identity.
       *[other] Your { $count } co-signatures on others' concerns remain as head counts, without your identity.
    }
privacy-deleted-kept-moderation =
    { $count ->
        [one] One moderation record (kind and date, no reason) remains as the station's work record.
       *[other] { $count } moderation records (kind and date, no reasons) remain as the station's work record.
    }
