## 错误
error-internal = 抱歉,处理您的消息时出错了,请稍后再试。
error-stale-button = 这个按钮已失效,请重新打开菜单。
error-unknown-command = 没有这个命令。发送 /help 查看可用的命令。
error-unsupported-message = 暂不支持这种消息。可以发送文字、照片、文件或语音。
error-file-too-large = 文件太大,最大 { $mb } MB。
moderation-banned = 您的账号已被停止使用本服务,如有疑问请联系联络站。
