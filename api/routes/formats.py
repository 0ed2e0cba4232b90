"""Every format route, in routers that the app adds before the JSON resources, so that
`/publications/x.bib` is never read as the slug `x.bib`."""

from api.routes import citations, feeds, linked_data

routers = (citations.router, *linked_data.routers, *feeds.routers)
