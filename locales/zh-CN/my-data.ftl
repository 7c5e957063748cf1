## /privacy:导出我的数据、删除我的账号
button-mydata-export = 📦 导出我的数据
button-mydata-delete = 🗑 删除我的账号
button-mydata-export-yes = 确认导出
button-mydata-delete-yes = 确认删除我的账号
mydata-export-confirm = 将把我们保存的您的全部个人信息(账号、同意记录、诉求、消息、评价、附件名称等)生成文件发送给您。确认导出吗?
mydata-delete-confirm =
    <b>确认删除您的账号吗?此操作不能撤销。</b>
    您的名字、用户名、Telegram 编号、选区、同意记录、订阅、报名、草稿,以及您所有诉求的内容、消息、照片、文件和位置都将被删除。
    尚未办结的诉求会被撤回并关闭,相关代表会收到通知。诉求的编号、选区、类别、状态、日期和评价只作为匿名统计保留。
mydata-cancelled = 已取消,没有做任何更改。
mydata-export-json-caption = 您的个人信息(JSON,机器可读)。
mydata-export-summary-caption = 您的个人信息摘要(可直接阅读)。
mydata-no-account = 找不到您的账号,可能已经删除。
mydata-delete-not-citizen = 代表和工作人员的账号需由管理员先撤销身份后才能删除。
