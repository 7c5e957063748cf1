# When a message to a citizen could not be delivered (src/domain/undelivered.ts)
notify-undelivered = ⚠️ Case <b>{ $caseNo }</b>: your message to the citizen could not be delivered ({ $reason }). The citizen cannot be reached through this bot for now; contact them another way or note it on the case.
undelivered-reason-blocked = they have blocked this bot
undelivered-reason-account_gone = their Telegram account is deleted or cannot be found
undelivered-reason-rejected = Telegram rejected the message
undelivered-reason-failed = it failed after every retry
timeline-undelivered = message not delivered to the citizen: { $reason }
case-card-unreachable = ⚠️ The citizen cannot be reached (since { $since }): { $reason }
notify-delivered = ✅ Case <b>{ $caseNo }</b>: your reply was delivered to the citizen.
notify-delivered-outcome = ✅ Case <b>{ $caseNo }</b>: the outcome was delivered to the citizen, who has been asked to rate it.
notify-delivered-declined = ✅ Case <b>{ $caseNo }</b>: the reason for declining was delivered to the citizen.
case-prompt-unreachable = ⚠️ The citizen cannot be reached at the moment (since { $since }): { $reason }. What you write is recorded on the case but will most likely not reach the citizen; consider contacting them another way.
