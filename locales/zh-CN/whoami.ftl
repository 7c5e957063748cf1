whoami-id = 您的 Telegram 数字 ID 是 <code>{ $id }</code>。管理员请把它填入 ADMIN_IDS。
