## Errors
error-internal = Sorry, something went wrong while handling your message. Please try again later.
error-stale-button = This button has expired. Please open the menu again.
error-unknown-command = There is no such command. Send /help to see what you can do.
error-unsupported-message = This kind of message is not supported yet. You can send text, photos, files or voice messages.
error-file-too-large = That file is too large; the limit is { $mb } MB.
moderation-banned = Your account may no longer use this service. Please contact the liaison station if you think this is a mistake.
