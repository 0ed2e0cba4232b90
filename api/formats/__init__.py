"""The owner's work in the formats of the field: pure functions from the public models to text
or JSON (BibTeX, CSL-JSON, schema.org JSON-LD, Atom and RSS). Nothing here reads the store."""
