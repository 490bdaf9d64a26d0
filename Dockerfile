# syntax=docker/dockerfile:1
# Kursors: one image for both processes. Web: the default command. Worker: `node dist/worker.js`.
ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: all dependencies, compile TypeScript, then drop the dev dependencies ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Compilers for native modules, used only when a prebuilt binary does not load (argon2 then builds from source).
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# No install scripts but argon2's (which checks its prebuilt binary), whatever the npm version in the image.
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm rebuild argon2
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# ---- runtime: compiled code, production dependencies, views and data; runs as a non-root user ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    TZ=Europe/Riga \
    UPLOAD_DIR=/app/uploads
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./package.json
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root views ./views
COPY --chown=root:root locales ./locales
COPY --chown=root:root public ./public
COPY --chown=root:root data ./data
# The code is read-only for the app user; only uploads are writable (mount a volume shared by all processes).
RUN mkdir -p /app/uploads && chown node:node /app/uploads
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/main.js"]
