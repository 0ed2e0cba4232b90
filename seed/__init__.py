"""The owner's Markdown page and the importer that reads it.

Reading is pure (`parse_page`: text in, `schemas.page.PageIn` out); loading into the store is
separate (`load_page`).
"""
