## Canned replies (/replies): kept per category by staff, offered when replying
command-replies = Canned replies (staff)
prompt-what-canned = the canned reply
canned-staff-only = Only liaison station staff keep canned replies.
canned-list-title = <b>Canned replies</b> ({ $count }). Tap one to edit or remove it:
canned-all-categories = All categories
canned-button-add = ➕ Add a canned reply
canned-button-edit = ✏️ Edit the text
canned-button-remove = 🗑 Remove
canned-pick-category = Which category of case is this canned reply for?
canned-ask-title = Type the canned reply's title (shown on its button):
canned-ask-body = Type the reply. You may use the variables { $variables } (case number, due date, department); they are filled in when it is used.
canned-show =
    <b>{ $title }</b>

    { $body }
canned-added = Canned reply saved.
canned-edited = Canned reply changed.
canned-removed = Removed
canned-gone = That canned reply no longer exists.
canned-error-empty = The text cannot be empty; please type it again.
canned-error-too-long = The text is too long ({ $detail } characters); please shorten it and type it again.
canned-error-unknown-variable = There is no variable {"{"}{ $detail }{"}"}; only { $variables } can be used. Please type it again.
