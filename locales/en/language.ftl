## Language
language-choose = Choose the interface language:
language-changed = The interface language is now English.
