import { defineConfig } from "@playwright/test";

/** e2e runs against a production build served under a non-root base, as on GitHub Pages. */
export const E2E_BASE = "/nsg-lab/";
const PORT = Number(process.env.E2E_PORT ?? 4327);
const OUT_DIR = process.env.ASTRO_OUT_DIR ?? "./dist";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}${E2E_BASE}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `npm run build && npx astro preview --host 127.0.0.1 --port ${PORT} --ignore-lock`,
    url: `http://127.0.0.1:${PORT}${E2E_BASE}`,
    env: { BASE_PATH: E2E_BASE, ASTRO_OUT_DIR: OUT_DIR },
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
