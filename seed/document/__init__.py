"""The first stage of reading a page: its text as a document. Front matter, Markdown blocks
(with Markdown inside `markdown="1"` HTML, as kramdown reads it), HTML read with a real
parser, and inline runs that remember their emphasis and links. Nothing here knows what a
publication or a news item is."""
