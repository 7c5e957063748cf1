## "This is my problem too": similar open cases of the district, shown before submitting
metoo-title = { $count } similar concerns of your district are already being handled. If one of them is the problem you want to raise, you can co-sign it instead of filing it again:
metoo-case =
    { $n }. <b>{ $caseNo }</b> · { $status } · { $cosigners } co-signers
    { $summary }
metoo-hint = As a co-signer you are told of every update and of the answer, and you can rate it.
button-metoo-join = 🙋 No. { $n } is my problem too
button-metoo-skip = No, go on and submit mine
metoo-joined =
    ✅ You have co-signed case <b>{ $caseNo }</b> (now { $cosigners } co-signers).
    You will be told of its progress and its outcome. Your description was not filed separately.
metoo-own-case = You raised this case yourself; there is no need to co-sign it.
cosign-card-count = Co-signers: { $count }
cosign-notify-header = (a case you co-signed)
cosign-rating-thanks = Thank you for rating case <b>{ $caseNo }</b>: { $rating }.
timeline-filer = The citizen
