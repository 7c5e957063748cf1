## 通知
notify-new-case = 📮 <b>本选区有新的群众诉求</b>
notify-new-case-admins =
    📮 <b>有新的群众诉求需要安排办理</b>
    您作为管理员收到这件诉求,是因为该选区及其上级选区都还没有登记人大代表或联络站工作人员。请直接办理,或用 /invite 邀请代表或工作人员。
notify-accepted = 您的诉求 <b>{ $caseNo }</b> 已由 { $actor }受理,正在办理中。
notify-reply-to-citizen =
    💬 { $actor }回复了您的诉求 <b>{ $caseNo }</b>:

    { $text }
notify-message-to-handlers =
    💬 诉求 <b>{ $caseNo }</b> 的反映人({ $citizen })补充说:

    { $text }
notify-resolved =
    ✅ 您的诉求 <b>{ $caseNo }</b> 已办结。
    办理结果:{ $text }

    请对办理结果进行评价:
notify-declined =
    ℹ️ 您的诉求 <b>{ $caseNo }</b> 不予处理。
    理由:{ $text }

    请对答复进行评价:
notify-reopened = ⚠️ 诉求 <b>{ $caseNo }</b> 的反映人({ $citizen })对办理结果不满意,诉求已重新进入办理。
notify-rated = ⭐ 诉求 <b>{ $caseNo }</b> 的反映人评价:{ $rating }
notify-album-actions = 诉求 <b>{ $caseNo }</b>:照片和文件见上方。
