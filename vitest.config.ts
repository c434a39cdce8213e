// Vitest configuration: one run for unit, API and browser suites.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // expect.poll waits for the page or a server to catch up; on a busy 2-core machine a second is not always enough.
    // The bound only limits how long a failing wait takes.
    expect: { poll: { timeout: 10_000 } },
  },
});
