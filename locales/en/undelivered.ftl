# When a message to a citizen could not be delivered (src/domain/undelivered.ts)
notify-undelivered = ⚠️ Case <b>{ $caseNo }</b>: your message to the citizen could not be delivered ({ $reason }). The citizen cannot be reached through this bot for now; contact them another way or note it on the case.
undelivered-reason-blocked = they have blocked this bot
undelivered-reason-account_gone = their Telegram account is deleted or cannot be found
undelivered-reason-rejected = Telegram rejected the message
undelivered-reason-failed = it failed after every retry
timeline-undelivered = message not delivered to the citizen: { $reason }
case-card-unreachable = ⚠️ The citizen cannot be reached (since { $since }): { $reason }
notify-delivered = ✅ Case <b>{ $caseNo }</b>: your reply was delivered to the citizen.
