// Bundles the server's own code into dist/ (dependencies stay in node_modules).
import { cpSync } from 'node:fs';
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'src/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  // The domain package is our own TypeScript source: bundle it rather than import .ts at run time.
  alias: { '@totonoe/domain': '../../packages/domain/src/index.ts' },
});
cpSync('src/db/embedded-worker.mjs', 'dist/embedded-worker.mjs');
