import { defineConfig } from '@playwright/test';

/**
 * Browser tests against a running Devolve (DEVOLVE_URL) and its Keycloak, in Debian's Chromium.
 * `mvn verify` runs them from org.devolve.web.WebUiIT against the packaged service and the real Keycloak;
 * by hand: `DEVOLVE_URL=http://localhost:8080 npx playwright test`. Never `npx playwright install`.
 */
const target = process.env.PLAYWRIGHT_OUTPUT ?? '../target/playwright';

export default defineConfig({
  testDir: 'e2e',
  outputDir: `${target}/results`,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.DEVOLVE_URL ?? 'http://localhost:8080',
    locale: 'en-GB',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
