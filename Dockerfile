# The sleeves CLI in a container, for sharded sweeps on Kubernetes (docs/scaling.md):
#   docker build -t sleeves:0.1.0 .
#   docker run --rm -v "$PWD/prices:/prices:ro" -v "$PWD/out:/out" sleeves:0.1.0 \
#     run strategies/seed-barbell.yaml --data /prices --out /out
# Two stages: the build stage installs every dependency (TypeScript and AssemblyScript included)
# and compiles dist/ (`npm ci` runs the `prepare` script: tsc, then the WebAssembly kernels into
# dist/src/wasm, then the CLI bundle into dist/cli); the runtime stage installs the production dependencies alone (`npm ci --omit=dev --ignore-scripts`: `prepare` would need TypeScript)
# and copies dist/src and dist/cli in. The result is the CLI the README installs, with `sleeves` on PATH.

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY bench ./bench
COPY scripts ./scripts
COPY wasm ./wasm
RUN npm ci --no-audit --no-fund

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/cli ./dist/cli
COPY bin ./bin
# The example strategies and the offline sample data (the default --data data/sample).
COPY strategies ./strategies
COPY data/sample ./data/sample
RUN ln -s /app/bin/sleeves.js /usr/local/bin/sleeves && mkdir backtests && chown node:node backtests
# Runs as the image's unprivileged user (uid 1000): mounted result folders must be writable by it
# (the emitted Kubernetes Jobs set fsGroup 1000).
USER node
ENTRYPOINT ["sleeves"]
CMD ["--help"]
