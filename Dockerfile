# The simulate and merge commands in a container (used by deploy/k8s/sweep-job.yaml and the AWS Batch
# example in the README). Runs the prebuilt CLI bundle (cli/run.mjs), as `npm run simulate` does; the bundle
# is built once, here, so containers start in plain Node and never write to the image.
#   docker build -t ai-training-royalties:1.0.0 .
#   docker run --rm ai-training-royalties:1.0.0 node cli/run.mjs simulate --seeds 1..2 --summary
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# esbuild (a devDependency) builds the bundle, so install everything; no install scripts are needed for the CLI.
RUN npm ci --include=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY models ./models
COPY cli ./cli
COPY data ./data
COPY scenarios ./scenarios
# Build the CLI bundle (.cli-bundle/<key>/) now: same sources, same key, so the command below reuses it.
RUN node cli/run.mjs simulate --version
USER node
ENTRYPOINT []
CMD ["node", "cli/run.mjs", "simulate", "--help"]
