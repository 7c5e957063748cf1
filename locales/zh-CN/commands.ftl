## 命令菜单
command-new = 反映问题
command-my = 我的诉求
command-inbox = 待办诉求(代表)
command-district = 更改所在选区
command-language = 切换语言 / Language
command-privacy = 隐私说明
command-help = 帮助
