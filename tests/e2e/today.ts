/** The day the end-to-end server's clock is pinned to (APP_TODAY), so no spec depends on the wall clock. */
export const E2E_TODAY = '2026-11-23';
