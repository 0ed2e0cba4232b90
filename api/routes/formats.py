"""Every format route, in one router that the app includes before the JSON resources, so that
`/publications/x.bib` is never read as the slug `x.bib`."""

from fastapi import APIRouter

from api.routes import citations, feeds, linked_data

router = APIRouter()
for module in (citations, linked_data, feeds):
    router.include_router(module.router)
