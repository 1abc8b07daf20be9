# syntax=docker/dockerfile:1
# awsbot: build the TypeScript once, ship compiled JavaScript with production dependencies only.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
COPY intents ./intents
COPY scripts ./scripts
# The prepare script (npm run build) compiles src/ into dist/, saves what is derived from intents/
# (knowledge snapshot, lexicon, retrieval index) and bundles the command line with its code cache.
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/prune-production.mjs ./scripts/
# No install scripts: prepare would need the TypeScript compiler, and dist/ comes from the build stage.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && node scripts/prune-production.mjs \
 && npm cache clean --force

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
COPY --chown=node:node bin ./bin
COPY --chown=node:node intents ./intents
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node as PID 1 handles SIGTERM itself: awsbot drains questions in flight and exits within 10 s.
CMD ["node", "dist/main.js"]
