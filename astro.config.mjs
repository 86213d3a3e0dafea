// Thin: where the site lives, where it is built, Bulletin's post-build steps, its dev-server guard
// and the dev server's content errors.
import { defineConfig } from 'astro/config';
import { siteLocation } from './src/io/site-url.ts';
import { bulletin } from './src/integrations/bulletin.ts';
import { devGuard } from './src/integrations/dev-guard.ts';
import { devContentErrors } from './src/integrations/dev-content.ts';

const { site, base } = siteLocation();

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir: process.env.BULLETIN_ASTRO_OUT_DIR || './dist',
  cacheDir: process.env.BULLETIN_ASTRO_CACHE_DIR || './node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
  devToolbar: { enabled: false },
  integrations: [bulletin(), devGuard(), devContentErrors()],
  // Build staging and test output live in the project folder; the dev server need not watch them.
  // Scripts are always files, never inlined, however small: the pages' CSP allows no inline script.
  vite: { build: { assetsInlineLimit: 0 }, server: { watch: { ignored: ['**/.bulletin/**', '**/test/.tmp/**', '**/dist/**'] } } },
});
