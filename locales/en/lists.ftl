## Lists
my-title = You have raised { $total } concern(s). Tap one for details:
my-empty = You have not raised any concern yet. Send /new to start.
inbox-title = { $total } open case(s), oldest first:
inbox-empty = There are no open cases.
inbox-not-handler = Only deputies and liaison station staff have an inbox.
