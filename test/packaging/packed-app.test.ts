/**
 * The README's "Use it in your app" path, end to end: `npm run pack`, then an app in the system's
 * temporary folder (outside the repository) installs the tarballs with npm and runs, compiled by
 * its own TypeScript, the README quick start and the README webhook handler as ESM
 * (`module: nodenext`) and as CommonJS (`module: commonjs`, so TypeScript resolves with node10),
 * against a sandbox started from the installed packages: the installed `cashfree sandbox start`
 * for ESM, `require('@cashfree-kit/sandbox')` for CommonJS. Each project also imports every subpath
 * of cashfree-kit's `exports`, so a subpath node10 cannot resolve fails the CommonJS compile.
 *
 * Needs the built packages (`npm test` builds first).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { Cashfree } from 'cashfree-kit';
import { orderBody, payByCard, TEST_CARD, TEST_OTP } from '../reliability/support/order-flows.ts';
import { type Child, startChild } from '../runtimes/support.ts';
import { prerequisite } from '../support/prerequisites.ts';
import { readmeSnippet } from '../support/readme-snippets.ts';
import {
  appEnv,
  compile,
  createApp,
  packInto,
  REPO_ROOT,
  readmeInstallCommands,
  runScript,
  writeFiles,
} from './support/packed-app.ts';

const sdkManifest = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/cashfree/package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
};
const built = [
  'packages/cashfree/dist/index.js',
  'packages/sandbox/dist/index.js',
  'packages/cli/dist/bin.js',
];

/** One `import * as` per entry of cashfree-kit's exports map, read from package.json. */
function everySubpathModule(): string {
  const specifiers = Object.keys(sdkManifest.exports)
    .filter((subpath) => subpath !== './package.json')
    .map((subpath) => `cashfree-kit${subpath.slice(1)}`);
  return `${specifiers.map((specifier, i) => `import * as entry${i} from '${specifier}';`).join('\n')}
export const entries = [${specifiers.map((_, i) => `entry${i}`).join(', ')}];\n`;
}

/** The README webhook handler, as written, then served on a free loopback port. */
const webhookServer = `${readmeSnippet('Webhooks')}
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log('listening', typeof address === 'object' && address !== null ? address.port : address);
});
`;

/**
 * CommonJS has no top-level await, so the quick start's statements go into an async function
 * there; its imports stay as written (TypeScript turns them into require()).
 */
function inAsyncMain(code: string): string {
  const lines = code.split('\n');
  const imports = lines.filter((line) => line.startsWith('import '));
  const body = lines.filter((line) => !line.startsWith('import '));
  return `${imports.join('\n')}

async function main(): Promise<void> {
${body.join('\n')}
}
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`;
}

function tsconfig(compilerOptions: Record<string, unknown>): string {
  return `${JSON.stringify(
    {
      compilerOptions: {
        target: 'es2022',
        strict: true,
        skipLibCheck: true,
        outDir: 'out',
        rootDir: 'src',
        ...compilerOptions,
      },
      include: ['src'],
    },
    null,
    2,
  )}\n`;
}

/** Waits until a child prints a line matching `pattern`; fails with its output if it exits first. */
async function waitFor(child: Child, pattern: RegExp, what: string): Promise<RegExpExecArray> {
  let exited = false;
  void child.exited.then(() => {
    exited = true;
  });
  for (;;) {
    const match = pattern.exec(child.output());
    if (match) return match;
    if (exited) assert.fail(`${what}: the process exited first. It printed:\n${child.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Keys {
  appId: string;
  secretKey: string;
}

/** The README quick start and webhook handler of one project against its own sandbox. */
async function runReadmeCode(t: TestContext, app: string, project: string, apiBase: string, keys: Keys) {
  const env = {
    CASHFREE_APP_ID: keys.appId,
    CASHFREE_SECRET_KEY: keys.secretKey,
    CASHFREE_ENV: 'TEST',
    CASHFREE_BASE_URL: apiBase,
  };
  const cashfree = new Cashfree({ ...keys, environment: 'sandbox', baseUrl: apiBase });

  const printed = await runScript(app, join(app, project, 'out/quickstart.js'), env);
  const session = /^session (\S+)$/m.exec(printed)?.[1];
  assert.ok(session, `the quick start printed its payment session; it printed:\n${printed}`);
  // A session of an order the quick start created in this sandbox: the customer can pay it.
  const payment = await cashfree.orders.pay({
    payment_session_id: session,
    payment_method: { card: TEST_CARD },
  });
  const otp = await cashfree.orders.authenticate(String(payment.cf_payment_id), {
    action: 'SUBMIT_OTP',
    otp: TEST_OTP,
  });
  assert.equal(otp.authenticate_status, 'SUCCESS');

  const handler = startChild(t, process.execPath, ['out/webhook.js'], {
    cwd: join(app, project),
    env: appEnv(env),
  });
  const [, port] = await waitFor(handler, /listening (\d+)/, 'the README webhook handler');
  const paid = await cashfree.orders.create(
    orderBody(`order_packed_${project}`, 170, {
      order_meta: { notify_url: `http://127.0.0.1:${port}/webhook/cashfree` },
    }),
  );
  await payByCard(cashfree, paid);
  // The sandbox signs PAYMENT_SUCCESS_WEBHOOK; the handler verifies it, confirms with orders.get
  // against the same sandbox and logs the fulfilment.
  await waitFor(handler, new RegExp(`fulfil ${paid.order_id}\\n`), 'the signed PAYMENT_SUCCESS delivery');
}

test('the packed tarballs in an app outside the repository: README code as ESM and CommonJS', async (t) => {
  if (
    !prerequisite(
      t,
      built.every((file) => existsSync(join(REPO_ROOT, file))),
      'the built packages (packages/*/dist)',
      'Run `npm run build` first (npm test does it for you).',
    )
  ) {
    return;
  }
  const tarballs = mkdtempSync(join(tmpdir(), 'cashfree-kit-tarballs-'));
  t.after(() => rmSync(tarballs, { recursive: true, force: true }));
  const packed = packInto(tarballs);
  const app = createApp(t, readmeInstallCommands(tarballs));
  // As the README says: the SDK a dependency, the rest (the sandbox, the CLI, …) dev dependencies.
  const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as Record<
    string,
    Record<string, string>
  >;
  assert.deepEqual(
    {
      dependencies: Object.keys(manifest['dependencies'] ?? {}).filter((name) =>
        name.includes('cashfree-kit'),
      ),
      devDependencies: Object.keys(manifest['devDependencies'] ?? {}).sort(),
    },
    {
      dependencies: ['cashfree-kit'],
      devDependencies: packed
        .map(({ name }) => name)
        .filter((name) => name !== 'cashfree-kit')
        .sort(),
    },
  );
  const quickStart = readmeSnippet('Quick start (SDK)');
  writeFiles(app, {
    'esm/package.json': '{ "type": "module" }\n',
    'esm/tsconfig.json': tsconfig({ module: 'nodenext' }),
    'esm/src/quickstart.ts': quickStart,
    'esm/src/webhook.ts': webhookServer,
    'esm/src/every-subpath.ts': everySubpathModule(),
    'cjs/package.json': '{ "type": "commonjs" }\n',
    // No moduleResolution: with module commonjs, TypeScript resolves as node10 and never reads exports.
    'cjs/tsconfig.json': tsconfig({ module: 'commonjs', esModuleInterop: true }),
    'cjs/src/quickstart.ts': inAsyncMain(quickStart),
    'cjs/src/webhook.ts': webhookServer,
    'cjs/src/every-subpath.ts': everySubpathModule(),
    'cjs/sandbox.js': `const { startSandbox } = require('@cashfree-kit/sandbox');
startSandbox({ port: 0, db: ':memory:', appId: process.env.APP_ID, secretKey: process.env.SECRET_KEY }).then(
  (sandbox) => console.log('sandbox', sandbox.apiBase),
);
`,
  });

  const keys = { appId: 'TEST_packed_app', secretKey: `TEST_${randomBytes(12).toString('hex')}` };

  await t.test('ESM (module nodenext): tsc compiles, the quick start and handler run', async (t) => {
    await compile(app, join(app, 'esm'));
    const sandbox = startChild(
      t,
      join(app, 'node_modules/.bin/cashfree'),
      [
        'sandbox',
        'start',
        '--json',
        '--port',
        '0',
        '--db',
        ':memory:',
        '--app-id',
        keys.appId,
        '--secret-key',
        keys.secretKey,
      ],
      { cwd: app, env: appEnv() },
    );
    const [, apiBase = ''] = await waitFor(
      sandbox,
      /"api_url":"([^"]+)"/,
      'the installed `cashfree sandbox start`',
    );
    await runReadmeCode(t, app, 'esm', apiBase, keys);
  });

  await t.test('CommonJS (module commonjs, node10): every subpath resolves, the code runs', async (t) => {
    await compile(app, join(app, 'cjs'));
    assert.match(
      readFileSync(join(app, 'cjs/out/webhook.js'), 'utf8'),
      /require\("cashfree-kit\/webhooks\/express"\)/,
    );
    const sandbox = startChild(t, process.execPath, ['sandbox.js'], {
      cwd: join(app, 'cjs'),
      env: appEnv({ APP_ID: keys.appId, SECRET_KEY: keys.secretKey }),
    });
    const [, apiBase = ''] = await waitFor(sandbox, /sandbox (\S+)\n/, "require('@cashfree-kit/sandbox')");
    await runReadmeCode(t, app, 'cjs', apiBase, keys);
  });
});
