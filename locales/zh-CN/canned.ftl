## 常用答复(/replies):工作人员按类别维护,回复时可选用
command-replies = 常用答复(工作人员)
prompt-what-canned = 常用答复
canned-staff-only = 只有联络站工作人员可以维护常用答复。
canned-list-title = <b>常用答复</b>(共 { $count } 条)。点击一条可修改或删除:
canned-all-categories = 所有类别
canned-button-add = ➕ 新增常用答复
canned-button-edit = ✏️ 修改内容
canned-button-remove = 🗑 删除
canned-pick-category = 这条常用答复用于哪一类诉求?
canned-ask-title = 请输入常用答复的标题(选用时显示在按钮上):
canned-ask-body = 请输入答复内容。可以使用变量:{ $variables }(诉求编号、办理期限、承办部门),选用时会自动填入。
canned-show =
    <b>{ $title }</b>

    { $body }
canned-added = 常用答复已保存。
canned-edited = 常用答复已修改。
canned-removed = 已删除
canned-gone = 这条常用答复已不存在。
canned-error-empty = 内容不能为空,请重新输入。
canned-error-too-long = 内容太长了({ $detail } 字),请缩短后重新输入。
canned-error-unknown-variable = 没有变量 {"{"}{ $detail }{"}"},只能使用:{ $variables }。请重新输入。
