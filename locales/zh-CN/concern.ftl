## 反映问题
concern-need-district = 请先选择您所在的选区。
concern-describe = 请描述您要反映的问题:发生了什么、在哪里、持续多久。可以发送文字,也可以附上照片、文件或语音。描述完成后点击“描述完成”。
concern-draft-status = 已记录:{ $chars } 字,{ $files } 个附件。可以继续补充,完成后点击“描述完成”。
concern-use-buttons = 请使用上方的按钮继续,或点击“取消”。
concern-unsupported-input = 这里只能接收文字、照片、文件、语音、视频和位置。
concern-too-long = 内容太长了({ $length } 字),最多 { $max } 字。请精简后再发送。
concern-too-many-files = 每条诉求最多附 { $max } 个附件。
concern-need-text = 请先用文字描述问题。
concern-choose-category = 请选择问题类别:
concern-confirm =
    <b>请确认您要反映的问题</b>
    选区:{ $district }
    类别:{ $category }
    附件:{ $files } 个
    身份:{ $anonymity }
    位置:{ $location }

    { $description }
concern-location-consent =
    <b>是否附上这个位置?</b>
    位置信息属于敏感个人信息。同意后,您分享的位置只随诉求提供给本选区的代表和联络站工作人员,用于找到问题发生的地点,保存期限与诉求相同。您可以不附位置,只用文字说明地点。
button-location-consent = 同意并附上位置
button-location-decline = 不附位置
concern-location-attached = 已附上位置。可以继续补充,完成后点击“描述完成”。
concern-location-discarded = 未附上位置。可以用文字说明地点,完成后点击“描述完成”。
concern-location-yes = 已附上
concern-location-no = 未附
concern-anonymous-yes = 匿名(代表和工作人员看不到您的身份)
concern-anonymous-no = 实名(代表和工作人员可以看到您的名字)
concern-cancelled = 已取消,未提交任何内容。
concern-submitted =
    ✅ 已收到。您的诉求编号是 <b>{ $caseNo }</b>。
    代表处理后会通过本机器人告诉您结果,发送 /my 可随时查看进度。
button-done-describing = 描述完成
button-skip-category = 不确定,跳过
button-anonymous-on = ☑ 匿名反映
button-anonymous-off = ☐ 匿名反映
button-submit = 提交
button-cancel = 取消
button-file-as-concern = 作为新诉求提交
fallback-offer-concern = 要把这段话作为新的诉求反映给代表吗?
fallback-offer-media = 要把您发来的照片或文件(连同说明文字)作为新的诉求反映给代表吗?
fallback-not-concern-media = 好的,这些照片或文件没有作为诉求提交。
offer-expired = 这条提示已过期,对应的内容没有提交。如需反映问题,请发送 /new 或重新发送内容。
offer-expired-toast = 这条提示已过期,对应的内容没有提交。
offer-draft-open = 您正在填写另一条诉求。请先提交或取消它,再回到这里提交这段内容。
concern-submitted-staff =
    ✅ 已收到。您的诉求编号是 <b>{ $caseNo }</b>。
    本选区暂未登记人大代表,您的诉求已交联络站工作人员办理,办理后会通过本机器人告诉您结果。发送 /my 可随时查看进度。
concern-submitted-admins =
    ✅ 已收到。您的诉求编号是 <b>{ $caseNo }</b>。
    本选区暂未登记人大代表和联络站工作人员,您的诉求已交联络站管理员,由其安排办理。发送 /my 可随时查看进度。
concern-submitted-nobody =
    ✅ 已收到。您的诉求编号是 <b>{ $caseNo }</b>。
    本选区暂时没有能接收诉求的代表或工作人员。诉求已记录,有代表或工作人员加入后会立即收到。发送 /my 可随时查看进度。
