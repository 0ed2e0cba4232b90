"""The second stage: what the document says. Sections by heading meaning and content shape
(`sections`, `headings`, `hints`), entries in them (`works`, `news`, `interests`,
`profile`), and the fields of each entry (`entry`, `citation`, `author_list`, `authors`,
`dates`)."""
