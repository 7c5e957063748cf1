## Open cases (/inbox): filters, by village, pages, find by number
inbox-heading = <b>Cases · { $filter }</b> · { $district } ({ $total } in all)
inbox-page = Page { $page }/{ $pages } · 🟢 on time 🟡 due soon 🔴 overdue
inbox-row =
    { $mark } <b>{ $caseNo }</b>{ $urgent } · { $district } · { $status } · due { $due }
    { $text }
inbox-row-urgent = { " " }⚡urgent
inbox-filter-all = All
inbox-filter-new = New
inbox-filter-mine = Mine
inbox-filter-overdue = Overdue
inbox-filter-referred = Referred
inbox-filter-review = For my review
inbox-all-districts = all districts
inbox-empty-filter = No case matches.
inbox-button-villages = 🏘 By village
inbox-button-find = 🔎 Find by number
inbox-pick-district = Choose the village (community) to list:
inbox-find-ask = Type the case number (e.g. 2026-00042):
inbox-find-not_number = That is not a case number; type one like 2026-00042.
inbox-find-not_found = There is no case with that number, or you may not see it.
prompt-what-find-case = finding a case by its number
