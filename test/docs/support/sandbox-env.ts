import type { RunningSandbox } from '@cashfree-kit/sandbox';

/**
 * Sets what the guides and READMEs tell a merchant to set (`CASHFREE_APP_ID`, `CASHFREE_SECRET_KEY`,
 * `CASHFREE_ENV=TEST`, `CASHFREE_BASE_URL`), pointed at a local sandbox, so their snippets run as
 * written. Returns the function that puts `process.env` back exactly as it was.
 */
export function pointEnvAtSandbox(
  sandbox: Pick<RunningSandbox, 'appId' | 'secretKey' | 'apiBase'>,
): () => void {
  const saved = { ...process.env };
  Object.assign(process.env, {
    CASHFREE_APP_ID: sandbox.appId,
    CASHFREE_SECRET_KEY: sandbox.secretKey,
    CASHFREE_ENV: 'TEST',
    CASHFREE_BASE_URL: sandbox.apiBase,
  });
  return () => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  };
}
