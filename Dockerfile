# syntax=docker/dockerfile:1
# SHH Match API: compiled JavaScript on Node 24 LTS, production dependencies only, non-root.

# The image is the runtime: the `node` package, which brings Node 24 to machines whose own Node is
# older, would only add a second, unused Node binary here, so the build leaves optional packages out
# and the runtime removes that one (sharp's prebuilt libvips is optional too, and needed).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=optional --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:24-bookworm-slim AS runtime
# MALLOC_ARENA_MAX: glibc's per-thread malloc arenas hold on to libvips's photo buffers; two arenas
# bring the photo pipeline's peak from about 525 to 420 MB (bench/README.md, "Photos").
ENV NODE_ENV=production \
    APP_ENV=prod \
    HOST=0.0.0.0 \
    PORT=8000 \
    MALLOC_ARENA_MAX=2
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && rm -rf node_modules/node node_modules/.bin/node \
    && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY drizzle ./drizzle
# Local photo storage (STORAGE=local, MEDIA_DIR=./data/media): a volume in docker-compose.yml.
RUN mkdir -p /app/data/media && chown -R node:node /app/data
USER node
EXPOSE 8000
# Liveness only: /readyz (database and migrations) is for the load balancer.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "const p=(process.env.API_BASE_PATH||'').replace(/\\/$/,'');fetch(`http://127.0.0.1:${process.env.PORT||8000}${p}/livez`).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node directly (not npm) so that SIGTERM reaches the server and shuts it down gracefully. The preload
# starts tracing before the server's modules load, when OTEL_EXPORTER_OTLP_ENDPOINT is set.
CMD ["node", "--import", "./dist/instrument.js", "dist/server.js"]
