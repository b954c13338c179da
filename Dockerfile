# syntax=docker/dockerfile:1
# One image per service, from this one file:
#   docker build --build-arg SERVICE=membership -t gonghui/membership .
# SERVICE is gateway | membership | aid | training | mediation, or infra (provisioning, topics and
# `replay-dead-letters`: the operators' tools). The gateway's image also carries the staff console,
# which it serves at /. Every image runs as `node`, with NODE_ENV=production.
ARG NODE_IMAGE=node:20-bookworm-slim

# Dependencies first: this layer is reused until package-lock.json changes.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund --loglevel=error
ARG SERVICE
RUN case "$SERVICE" in gateway|membership|aid|training|mediation|infra) ;; *) echo "SERVICE must be gateway, membership, aid, training, mediation or infra (got '$SERVICE')" >&2; exit 1 ;; esac
# Only what SERVICE needs is compiled; the console is built (from the services' OpenAPI) for the gateway only.
RUN if [ "$SERVICE" = gateway ]; then npx tsc -b tsconfig.build.json && npm run build -w console; \
    elif [ "$SERVICE" = infra ]; then npx tsc -b infra; \
    else npx tsc -b services/$SERVICE; fi
RUN npm prune --omit=dev --no-audit --no-fund --loglevel=error
# What goes into the image: production node_modules, the libraries' builds, and SERVICE's build.
RUN set -eu; mkdir -p /out/libs; cp package.json /out/; cp -a node_modules /out/; \
    for lib in libs/*/; do mkdir -p /out/$lib; cp $lib/package.json /out/$lib; \
      [ -d $lib/dist ] && cp -a $lib/dist /out/$lib; [ -d $lib/node_modules ] && cp -a $lib/node_modules /out/$lib; true; done; \
    if [ "$SERVICE" = infra ]; then mkdir -p /out/infra && cp -a infra/package.json infra/dist /out/infra/; \
      [ -d infra/node_modules ] && cp -a infra/node_modules /out/infra/ || true; \
    else mkdir -p /out/services/$SERVICE && cp -a services/$SERVICE/package.json services/$SERVICE/dist /out/services/$SERVICE/; \
      [ -d services/$SERVICE/node_modules ] && cp -a services/$SERVICE/node_modules /out/services/$SERVICE/ || true; fi; \
    if [ "$SERVICE" = gateway ]; then mkdir -p /out/console && cp -a console/dist /out/console/; fi

FROM ${NODE_IMAGE}
ARG SERVICE
ENV NODE_ENV=production HOST=0.0.0.0 SERVICE=${SERVICE}
WORKDIR /app
COPY --from=build /out /app
USER node
# Probes: GET /health/live (the process answers) and /health/ready (Postgres, migrations, Kafka).
# Migrations as their own step, before the rollout: node services/$SERVICE/dist/migrate.js
CMD ["sh", "-c", "if [ \"$SERVICE\" = infra ]; then exec node infra/dist/cli.js; else exec node services/$SERVICE/dist/main.js; fi"]
