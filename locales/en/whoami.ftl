whoami-id = Your numeric Telegram id is <code>{ $id }</code>. An administrator puts it in ADMIN_IDS.
