import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests copy the project (with its tests) into test/.tmp; those copies are not this suite.
    exclude: [...configDefaults.exclude, 'test/.tmp/**'],
    globalSetup: ['test/global-setup.ts'],
    // Build tests spawn the Astro CLI; each gets its own output folder, but they are slow.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
