# The same steps as `make run`: locked dependencies, seed from seed/, serve.
FROM python:3.11-slim
RUN apt-get update && apt-get install -y --no-install-recommends make && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml uv.lock README.md Makefile ./
COPY api ./api
COPY schemas ./schemas
COPY seed ./seed
COPY store ./store
COPY cli ./cli
RUN make setup
ENV HOMEPAGE_DATABASE_URL=sqlite:////data/homepage.db
EXPOSE 8000
CMD ["sh", "-c", ".venv/bin/homepage db upgrade && .venv/bin/homepage seed && exec .venv/bin/homepage serve --host 0.0.0.0 --port 8000"]
