"""The typed contract shared by the importer (`seed/`) and the API (`api/`).

One module per resource: the table model, and the public / create / update models.
"""
