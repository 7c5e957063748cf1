## 开始与邀请
start-unknown-district = 二维码中的选区不存在或已停用,请手动选择您的选区。
invite-not-found = 邀请链接无效,请向联络站索取新的链接。
invite-used = 该邀请链接已被使用过。
invite-expired = 该邀请链接已过期,请向联络站索取新的链接。
invite-welcome-representative = 您已登记为 <b>{ $district }</b> 的人大代表。该选区群众反映的问题会发送给您,发送 /inbox 查看待办诉求。
invite-welcome-staff = 您已登记为 <b>{ $district }</b> 联络站工作人员,可以查看和督办该区域内的诉求。发送 /inbox 查看待办诉求。
invite-open-cases = 您负责的区域现有 { $total } 件待办诉求(按时间先后),请及时查看:
