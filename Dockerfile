# syntax=docker/dockerfile:1
# The production image: the official Directus image, unchanged, plus our extension, db-init SQL,
# schema snapshot, settings and the boot entrypoint. Every Directus version in the repo must agree
# with DIRECTUS_VERSION (tests/unit/deploy-files.test.ts checks it).
ARG DIRECTUS_VERSION=11.17.4

# Builds the extension and bundles the boot scripts (the official image has no TypeScript and
# none of our npm packages).
FROM node:22-bookworm-slim AS builder
WORKDIR /src
COPY package.json package-lock.json ./
COPY extensions/race-control/package.json extensions/race-control/
# No install scripts: the build needs neither native addons nor the Node 22 binary package.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json ./
COPY extensions/race-control extensions/race-control
COPY scripts scripts
RUN npm run build && node scripts/bundle-image-scripts.mjs

FROM directus/directus:${DIRECTUS_VERSION}
USER root
# The entrypoint is a bash script (pipefail, arrays); the image is Alpine.
RUN apk add --no-cache bash
USER node
WORKDIR /directus
COPY --chown=node:node --from=builder /src/extensions/race-control/package.json extensions/race-control/package.json
COPY --chown=node:node --from=builder /src/extensions/race-control/dist extensions/race-control/dist
COPY --chown=node:node --from=builder /src/scripts/dist scripts/dist
COPY --chown=node:node scripts/entrypoint.sh scripts/apply-db-init.sh scripts/schema.sh scripts/
COPY --chown=node:node scripts/lib/common.sh scripts/lib/
COPY --chown=node:node db-init db-init
COPY --chown=node:node snapshots snapshots
COPY --chown=node:node config config
ENV NODE_ENV=production \
    EXTENSIONS_PATH=/directus/extensions \
    TELEMETRY=false
EXPOSE 8055
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s \
  CMD wget -qO- http://127.0.0.1:8055/server/health | grep -q '"status":"ok"' || exit 1
ENTRYPOINT ["/directus/scripts/entrypoint.sh"]
CMD ["start"]
