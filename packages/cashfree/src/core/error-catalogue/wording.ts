/**
 * Advice several rows end with, and `explainErrorCode()`'s generic field advice too.
 */
export const dashboardLogs =
  "Cashfree's dashboard (Developers → API logs) shows the request as Cashfree received it.";
