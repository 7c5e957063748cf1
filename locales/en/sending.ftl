# The report to administrators after Telegram paused sending (429)
pause-report = ⚠️ Telegram made this bot pause sending for about { $minutes } minutes (from { $from } to { $until }). Every concern received meanwhile was recorded and numbered; the messages held back are now being sent in order. If this happens often, send fewer broadcasts or lower SEND_RATE_PER_SECOND.
