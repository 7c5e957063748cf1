## 语言
language-choose = 请选择界面语言:
language-changed = 界面语言已切换为简体中文。
