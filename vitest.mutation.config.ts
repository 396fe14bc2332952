import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant (stryker.config.json): the ones that hold the call machine,
 * Jitsi tokens, room_url and the main-process policies. Tests that need a database per case (the call
 * service and store) stay out: at ~10 s per mutant on two cores they would take hours.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'backend',
          environment: 'node',
          include: [
            'tests/backend/call-machine.test.ts',
            'tests/backend/jitsi-token.test.ts',
            'tests/backend/room-url.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'desktop',
          environment: 'node',
          include: [
            'tests/desktop/url-policy.test.ts',
            'tests/desktop/deep-link.test.ts',
            'tests/desktop/ringing.test.ts',
            'tests/desktop/it-policy.test.ts',
            'tests/desktop/permission-policy.test.ts',
            // The main process's guards and popups drive the same policies through the faked Electron.
            'tests/main/navigation-guards.test.ts',
            'tests/main/permissions.test.ts',
            'tests/main/deep-link-confirm.test.ts',
            'tests/main/app-shell.test.ts',
            'tests/main/settings-window.test.ts',
            'tests/main/call-windows.test.ts',
            'tests/main/incoming-calls.test.ts',
            'tests/main/incoming-expiry.test.ts',
          ],
          setupFiles: ['tests/main/setup-electron.ts'],
        },
      },
    ],
  },
});
