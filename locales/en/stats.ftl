## Statistics: the metric dictionary (name, formula, denominator, exclusions; shown wherever a metric is)
stats-metric-received = Received
stats-metric-received-formula = concerns received in the period
stats-metric-received-denominator = none (a count)
stats-metric-received-exclusions = none; duplicates merged into another case are counted here but left out of every rate
stats-metric-taken-on = Taken on
stats-metric-taken-on-formula = concerns a deputy, staff member or department acted on (accepted, replied, referred, closed)
stats-metric-taken-on-denominator = none (a count)
stats-metric-taken-on-exclusions = concerns that only received automatic messages
stats-metric-referred = Referred
stats-metric-referred-formula = concerns referred to a department at least once
stats-metric-referred-denominator = none (a count)
stats-metric-referred-exclusions = none
stats-metric-closed = Closed
stats-metric-closed-formula = concerns now resolved, closed unresolved or declined
stats-metric-closed-denominator = none (a count)
stats-metric-closed-exclusions = concerns reopened and being handled again
stats-metric-first-reply = Time to first reply
stats-metric-first-reply-formula = time from receipt to the first words a deputy, staff member or department sent the citizen (a reply or a closing note); median and 90th percentile (nearest rank)
stats-metric-first-reply-denominator = concerns that received a reply from a person
stats-metric-first-reply-exclusions = automatic messages are not replies; concerns not yet answered
stats-metric-closed-rate = Closure rate
stats-metric-closed-rate-formula = closed ÷ received
stats-metric-closed-rate-denominator = concerns received in the period, without merged duplicates
stats-metric-closed-rate-exclusions = merged duplicates
stats-metric-on-time-rate = Closed on time
stats-metric-on-time-rate-formula = closed by the due date ÷ (closed + open past the due date)
stats-metric-on-time-rate-denominator = concerns closed or past their due date
stats-metric-on-time-rate-exclusions = open concerns not yet due; merged duplicates
stats-metric-resolved-rate = Resolved among rated
stats-metric-resolved-rate-formula = rated concerns whose outcome was "resolved" ÷ rated concerns
stats-metric-resolved-rate-denominator = concerns the citizen rated (the latest rating counts)
stats-metric-resolved-rate-exclusions = unrated concerns
stats-metric-satisfaction-rate = Satisfaction
stats-metric-satisfaction-rate-formula = (satisfied + basically satisfied) ÷ rated
stats-metric-satisfaction-rate-denominator = concerns the citizen rated (the latest rating counts)
stats-metric-satisfaction-rate-exclusions = unrated concerns
stats-metric-dissatisfaction-rate = Dissatisfaction
stats-metric-dissatisfaction-rate-formula = unsatisfied ÷ rated
stats-metric-dissatisfaction-rate-denominator = concerns the citizen rated (the latest rating counts)
stats-metric-dissatisfaction-rate-exclusions = unrated concerns
stats-metric-reopen-rate = Reopened
stats-metric-reopen-rate-formula = reopened at least once ÷ closed at least once
stats-metric-reopen-rate-denominator = concerns closed at least once (including those reopened later)
stats-metric-reopen-rate-exclusions = concerns never closed
stats-metric-overdue-now = Overdue now
stats-metric-overdue-now-formula = concerns open right now and past their due date
stats-metric-overdue-now-denominator = none (a count)
stats-metric-overdue-now-exclusions = not limited to the period: concerns of the selection received at any time count; by month, only in the total
stats-metric-activities-held = Activities held
stats-metric-activities-held-formula = activities recorded as held in the period; for a deputy, those they were on duty at
stats-metric-activities-held-denominator = none (a count)
stats-metric-activities-held-exclusions = activities not held or cancelled
stats-metric-people-reached = People reached
stats-metric-people-reached-formula = sum of the attendance recorded for the activities held
stats-metric-people-reached-denominator = none (a count)
stats-metric-people-reached-exclusions = activities without recorded attendance (their number is given)
stats-unit-cases = concerns
stats-unit-activities = activities
stats-unit-people = people
stats-unit-percent = %
stats-unit-hours = hours

## Statistics: how values are written
stats-rate = { $percent } % ({ $numerator }/{ $denominator }, 95 % interval { $low }–{ $high } %)
stats-rate-too-few = too few to judge (n = { $denominator }, fewer than 10)
stats-count = { $value } { $unit }
stats-duration = median { $median } h, 90th percentile { $p90 } h (n = { $count })
stats-duration-too-few = too few to judge (n = { $count }, fewer than 10)
stats-line = { $name }: { $value }
stats-attendance-unrecorded = (another { $count } activities without recorded attendance)

## Statistics: /stats
stats-not-allowed = Statistics are for deputies, liaison station staff and administrators.
stats-denied-district-outside-scope = That district is outside your statistics scope.
stats-denied-deputy-outside-scope = That deputy is outside your statistics scope.
stats-denied-not-allowed = You may not see these statistics.
stats-title = 📊 <b>Statistics { $from } to { $to }</b>
stats-scope-line = Scope: { $district } · { $category } · { $deputy }
stats-as-of = Figures as of { $time }
stats-own-work = my own work
stats-all-districts = all districts
stats-all-categories = all categories
stats-all-deputies = all deputies
stats-no-category = uncategorised
stats-grouped-by = By { $grouping }:
stats-group-row = { $name }: received { $received }; closure rate { $closed }; satisfaction { $satisfied }
stats-groups-more = … and { $count } more groups: download the CSV or XLSX for the whole table.
stats-ranking = { $metric } ranking (places differ only where the 95 % intervals do not overlap): { $places }
stats-ranking-place = { $name } { $best }–{ $worst }
stats-ranking-place-exact = { $name } { $best }
stats-definitions-title = <b>Definitions</b>
stats-definition = <b>{ $name }</b>: { $formula }. Denominator: { $denominator }. Excludes: { $exclusions }. Unit: { $unit }.
stats-period-this-month = This month
stats-period-last-month = Last month
stats-period-this-year = This year
stats-period-custom = Custom
stats-button-district = District: { $name }
stats-button-category = Category: { $name }
stats-button-deputy = Deputy: { $name }
stats-button-grouping = Group: { $name }
stats-button-charts = 📈 Charts
stats-button-csv = CSV
stats-button-xlsx = XLSX
stats-button-definitions = 📖 Definitions
stats-button-back = ↩ Back to the figures
stats-button-all = All
stats-button-pick-this = Choose “{ $name }”
stats-grouping-none = none
stats-grouping-category = category
stats-grouping-status = status
stats-grouping-month = month
stats-grouping-district = district
stats-choose-district = Choose a district (open one to go a level down):
stats-choose-category = Choose a category:
stats-choose-deputy = Choose a deputy:
stats-choose-grouping = Choose how to group:
stats-ask-range = Send the first and last date, e.g. 2026-01-01 2026-03-31
stats-bad-range = I could not read that range. Send it as "2026-01-01 2026-03-31": the first date not after the last, at most ten years apart.
stats-stale = This statistics menu has expired; send /stats again.
stats-preparing = Preparing…
stats-file-caption = Statistics { $from } to { $to } (definitions on the "Definitions" sheet / at the end of the file)

## Statistics: charts
stats-chart-trend-title = Received and closed per month (by month received)
stats-chart-trend-received = Received
stats-chart-trend-closed = of which closed
stats-chart-funnel-title = Progress
stats-chart-categories-title = Concerns received by category
stats-chart-footnote = { $from } to { $to } · { $scope } · closed: now resolved, unresolved or declined; rated: the latest rating counts
stats-chart-funnel-satisfied = Satisfied or basically satisfied
stats-chart-funnel-rated = Rated

## Statistics: tables (CSV, XLSX)
stats-column-group = Group
stats-column-numerator = { $name } (numerator)
stats-column-denominator = { $name } (denominator)
stats-column-rate = { $name } (%)
stats-column-low = { $name } 95 % low (%)
stats-column-high = { $name } 95 % high (%)
stats-column-median-hours = { $name } median (h)
stats-column-p90-hours = { $name } 90th percentile (h)
stats-column-count = { $name } (n)
stats-total = Total
stats-sheet-table = Statistics
stats-sheet-definitions = Definitions
stats-column-metric = Metric
stats-column-formula = Formula
stats-column-denominator-text = Denominator
stats-column-exclusions = Excludes
stats-column-unit = Unit
stats-too-few-cell = too few

## Statistics: the monthly bulletin
stats-bulletin-title = 📋 <b>Bulletin for { $month }</b> ({ $scope })
stats-bulletin-volumes = Received { $received }, taken on { $takenOn }, referred { $referred }, closed { $closed }.
stats-bulletin-overdue = { $count } concerns are overdue now: please follow them up.
stats-bulletin-overdue-none = No concern is overdue now.
stats-bulletin-top-categories = Most frequent categories: { $list }
stats-bulletin-category = { $name } { $count }
stats-bulletin-year = Year to date: { $activities } activities held, { $received } opinions raised, { $closed } closed.
stats-bulletin-footer = Send /stats for the full figures.

## Command menu
command-stats = Statistics (deputies, staff)
