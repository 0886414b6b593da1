# The simulate and merge commands in a container (used by deploy/k8s/sweep-job.yaml and the AWS Batch
# example in the README). Runs the TypeScript sources with tsx, as `npm run simulate` does.
#   docker build -t ai-training-royalties:1.0.0 .
#   docker run --rm ai-training-royalties:1.0.0 node_modules/.bin/tsx cli/simulate.ts --seeds 1..2 --summary
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# tsx (a devDependency) runs the CLI, so install everything; no install scripts are needed for the CLI.
RUN npm ci --include=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY models ./models
COPY cli ./cli
COPY data ./data
COPY scenarios ./scenarios
USER node
ENTRYPOINT []
CMD ["node_modules/.bin/tsx", "cli/simulate.ts", "--help"]
