// The bare Astro site of the benchmark (npm run bench): the same advisory markdown as Bulletin
// builds, rendered by Astro's own markdown pipeline into a minimal page, with nothing else.
// It is not part of Bulletin's site: the main build, tsc and vitest never look here.
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://bare.example/',
  trailingSlash: 'always',
  outDir: process.env.BENCH_BARE_OUT_DIR || './dist',
  cacheDir: process.env.BENCH_BARE_CACHE_DIR || './node_modules/.astro',
  // As Bulletin's astro.config.mjs, so the comparison is of the work, not of the settings.
  build: { format: 'directory', concurrency: 2 },
  devToolbar: { enabled: false },
});
