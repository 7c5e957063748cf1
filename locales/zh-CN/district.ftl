## 选区
district-choose = 请选择您所在的选区:
district-choose-within = 请选择 <b>{ $district }</b> 下的选区:
district-pick-this = 就选“{ $name }”
district-chosen = 您的选区已设为 <b>{ $district }</b>。
district-none-configured = 尚未设置任何选区,请联系联络站工作人员。
