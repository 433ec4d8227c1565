import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// Four projects, run one after another by scripts/test.sh:
//   unit         pure code (domain, script logic, deploy files): milliseconds, no services
//   component    the extension's Vue views and panels under happy-dom, SDK and MapLibre mocked
//   integration  the real stack started by scripts/stack.sh (PostgreSQL, Redis, Directus)
//   e2e          the admin app in the OS's Chromium
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['extensions/race-control/src/**/*.test.ts', 'seed/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          exclude: ['extensions/race-control/src/app/**', '**/node_modules/**'],
          environment: 'node',
          // A guard against a hung test, not a speed target: the track generators take seconds
          // when other work shares the two cores.
          testTimeout: 30_000,
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'component',
          include: ['extensions/race-control/src/app/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
