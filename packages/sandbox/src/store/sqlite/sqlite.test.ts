import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../database.js';
import {
  defaultSqliteDriver,
  openSqlite,
  SQLITE_DRIVERS,
  sqliteDriverProblem,
  sqliteErrorCode,
} from './index.js';
import { type DatabaseSync, NodeSqliteDb, type NodeSqliteModule } from './node-sqlite.js';
import { bindArguments, bindNamedByPosition, numberedForm, parameterShape } from './parameters.js';

const dir = mkdtempSync(join(tmpdir(), 'cashfree-sandbox-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Every driver the seam knows runs the whole suite, by name; one this runtime lacks is skipped
// with the reason (Node 20 has no node:sqlite; better-sqlite3 may be absent or built for another Node).
for (const driver of SQLITE_DRIVERS) {
  const skip = sqliteDriverProblem(driver) ?? false;
  const named = (what: string) => `SQLite seam on ${driver}: ${what}`;

  function table(t: { after(fn: () => void): void }) {
    const db = openSqlite(':memory:', { driver });
    t.after(() => db.close());
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INTEGER UNIQUE)');
    return db;
  }

  test(named('opens with the driver it was asked for'), { skip }, (t) => {
    assert.equal(table(t).driver, driver);
  });

  test(named('a transaction commits, and rolls back and rethrows on an error'), { skip }, (t) => {
    const db = table(t);
    const insert = db.prepare<[string]>('INSERT INTO t (a) VALUES (?)');
    const seenInside: boolean[] = [];
    db.transaction((a: string) => {
      seenInside.push(db.inTransaction);
      insert.run(a);
    })('kept');
    const failing = db.transaction(() => {
      insert.run('dropped');
      throw new Error('boom');
    });
    assert.throws(failing, /boom/);
    assert.deepEqual(seenInside, [true]);
    assert.equal(db.inTransaction, false);
    assert.deepEqual(db.prepare('SELECT a FROM t').all(), [{ a: 'kept' }]);
  });

  test(named('a transaction hands back its function’s result and arguments'), { skip }, (t) => {
    const db = table(t);
    const sum = db.transaction((x: number, y: number) => x + y);
    assert.equal(sum(2, 3), 5);
  });

  test(named('nested transactions are savepoints: an inner failure undoes only the inner one'), {
    skip,
  }, (t) => {
    const db = table(t);
    const insert = db.prepare<[string]>('INSERT INTO t (a) VALUES (?)');
    const inner = db.transaction((a: string) => {
      insert.run(a);
      if (a.startsWith('bad')) throw new Error(`inner ${a}`);
    });
    db.transaction(() => {
      insert.run('outer');
      inner('good inner');
      assert.throws(() => inner('bad inner'), /inner bad inner/);
      assert.equal(db.inTransaction, true, 'still in the outer transaction');
    })();
    assert.deepEqual(db.prepare('SELECT a FROM t ORDER BY id').all(), [{ a: 'outer' }, { a: 'good inner' }]);
    // An outer failure undoes what committed inner transactions wrote.
    assert.throws(
      db.transaction(() => {
        inner('inner of a failed outer');
        throw new Error('outer fails');
      }),
      /outer fails/,
    );
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n, 2);
    assert.equal(db.inTransaction, false);
  });

  test(named('a transaction function may not return a promise'), { skip }, (t) => {
    const db = table(t);
    const insert = db.prepare<[string]>('INSERT INTO t (a) VALUES (?)');
    assert.throws(
      db.transaction(() => {
        insert.run('async');
        return Promise.resolve();
      }),
      /cannot return a promise/,
    );
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n, 0);
  });

  test(named('pragma answers the first column of its first row, and sets'), { skip }, (t) => {
    const db = table(t);
    assert.equal(db.pragma('user_version'), 0);
    db.pragma('user_version = 7');
    assert.equal(db.pragma('user_version'), 7);
    assert.equal(db.pragma('synchronous = NORMAL'), undefined, 'a setting that answers no row');
    assert.equal(db.pragma('synchronous'), 1);
    const file = openSqlite(join(dir, `pragma-${driver.replace(':', '-')}.db`), { driver });
    t.after(() => file.close());
    assert.equal(file.pragma('journal_mode = WAL'), 'wal');
  });

  test(named('read only: it reads a stopped sandbox’s database, refuses writes, creates no file'), {
    skip,
  }, (t) => {
    const file = join(dir, `readonly-${driver.replace(':', '-')}.db`);
    const sandboxDb = openDatabase(file, { driver });
    sandboxDb.prepare("INSERT INTO meta (key, value) VALUES ('probe', 'written')").run();
    sandboxDb.close();
    const reader = openSqlite(file, { driver, readonly: true });
    t.after(() => reader.close());
    assert.deepEqual(reader.prepare("SELECT value FROM meta WHERE key = 'probe'").get(), {
      value: 'written',
    });
    assert.throws(() => reader.exec("DELETE FROM meta WHERE key = 'probe'"), /readonly/);
    assert.throws(() => reader.pragma('user_version = 99'), /readonly/);
    const missing = join(dir, `missing-${driver.replace(':', '-')}.db`);
    assert.throws(() => openSqlite(missing, { driver, readonly: true }));
    assert.equal(existsSync(missing), false, 'a read-only open never creates the file');
  });

  test(named('close() twice is harmless, and open says it is closed'), { skip }, () => {
    const db = openSqlite(':memory:', { driver });
    assert.equal(db.open, true);
    db.close();
    db.close();
    assert.equal(db.open, false);
    assert.equal(db.inTransaction, false);
  });

  test(named('named parameters: extra keys are ignored, a missing one throws, undefined binds NULL'), {
    skip,
  }, (t) => {
    const db = table(t);
    const insert = db.prepare<{ a: string | undefined; b: number | undefined }>(
      'INSERT INTO t (a, b) VALUES (@a, :b)',
    );
    insert.run({ a: 'x', b: 1, extra: 'ignored' } as { a: string; b: number });
    insert.run({ a: undefined, b: 2 });
    assert.throws(() => insert.run({ a: 'y' } as { a: string; b: number }), /Missing named parameter "b"/);
    assert.deepEqual(db.prepare('SELECT a, b FROM t ORDER BY id').all(), [
      { a: 'x', b: 1 },
      { a: null, b: 2 },
    ]);
  });

  test(named('positional parameters: undefined binds NULL, too few or too many throw'), { skip }, (t) => {
    const db = table(t);
    const insert = db.prepare<unknown[]>('INSERT INTO t (a, b) VALUES (?, ?)');
    insert.run(undefined, 3);
    assert.throws(() => insert.run('only one'), /Too few parameter values/);
    assert.throws(() => insert.run('a', 4, 'three'), /Too many parameter values/);
    assert.deepEqual(db.prepare<[number], unknown>('SELECT a, b FROM t WHERE b = ?').get(3), {
      a: null,
      b: 3,
    });
  });

  test(named('rows are plain objects: they compare equal to literals'), { skip }, (t) => {
    const db = table(t);
    db.prepare('INSERT INTO t (a, b) VALUES (?, ?)').run('row', 9);
    const row = db.prepare('SELECT a, b FROM t').get();
    assert.deepStrictEqual(row, { a: 'row', b: 9 });
    assert.equal(Object.getPrototypeOf(row), Object.prototype);
    assert.deepStrictEqual(db.prepare('SELECT a, b FROM t').all(), [{ a: 'row', b: 9 }]);
    assert.equal(db.prepare('SELECT a FROM t WHERE b = ?').get(404), undefined);
  });

  test(named('run reports changes and the last rowid as numbers'), { skip }, (t) => {
    const db = table(t);
    const result = db.prepare('INSERT INTO t (a) VALUES (?)').run('one');
    assert.equal(Number(result.changes), 1);
    assert.equal(Number(result.lastInsertRowid), 1);
  });

  test(named('a UNIQUE violation reads as SQLITE_CONSTRAINT_UNIQUE'), { skip }, (t) => {
    const db = table(t);
    const insert = db.prepare('INSERT INTO t (b) VALUES (?)');
    insert.run(1);
    assert.throws(
      () => insert.run(1),
      (error: unknown) => sqliteErrorCode(error) === 'SQLITE_CONSTRAINT_UNIQUE',
    );
  });

  test(named('a second sandbox database on a locked file fails with the clear message'), { skip }, () => {
    const file = join(dir, `locked-${driver.replace(':', '-')}.db`);
    const first = openDatabase(file, { driver });
    try {
      assert.throws(
        () => openDatabase(file, { driver }),
        /\[cashfree-sandbox\] the database .* is in use by another sandbox process/,
      );
    } finally {
      first.close();
    }
    // Once the first is closed the file opens again, with its schema.
    const reopened = openDatabase(file, { driver });
    assert.ok((reopened.pragma('user_version') as number) > 0);
    reopened.close();
  });
}

test('SQLite seam: a file written on one driver reads on the other', {
  skip: SQLITE_DRIVERS.map(sqliteDriverProblem).find(Boolean) ?? false,
}, () => {
  const file = join(dir, 'both.db');
  const written = openDatabase(file, { driver: 'better-sqlite3' });
  written.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('written_by', 'better-sqlite3');
  written.close();
  const read = openDatabase(file, { driver: 'node:sqlite' });
  try {
    assert.deepEqual(read.prepare("SELECT value FROM meta WHERE key = 'written_by'").get(), {
      value: 'better-sqlite3',
    });
  } finally {
    read.close();
  }
});

test('SQLite seam: the default driver is node:sqlite where the runtime has it, else better-sqlite3', () => {
  const expected = process.getBuiltinModule('node:sqlite') ? 'node:sqlite' : 'better-sqlite3';
  assert.equal(defaultSqliteDriver(), expected);
  if (sqliteDriverProblem(expected)) return;
  const db = openSqlite(':memory:');
  assert.equal(db.driver, expected);
  db.close();
});

test('SQLite seam: asking for node:sqlite on a Node without it names the Node that has it', {
  skip: sqliteDriverProblem('node:sqlite') ? false : 'this Node has node:sqlite',
}, () => {
  assert.throws(
    () => openSqlite(':memory:', { driver: 'node:sqlite' }),
    /node:sqlite is not in this Node .*Node 22\.13\+ has it/,
  );
});

test('SQLite seam: with neither driver, opening fails with one line naming the fix', () => {
  // A child process where node:sqlite is hidden and better-sqlite3 cannot be found, as on Node 20
  // after `npm install` left the optional peer out.
  const hide = join(dir, 'no-drivers.cjs');
  writeFileSync(
    hide,
    `const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'better-sqlite3') throw Object.assign(new Error("Cannot find module 'better-sqlite3'"), { code: 'MODULE_NOT_FOUND' });
  return resolve.call(this, request, ...rest);
};
const builtin = process.getBuiltinModule;
process.getBuiltinModule = (id) => (id === 'node:sqlite' ? undefined : builtin(id));
`,
  );
  const open = fileURLToPath(new URL('./open.ts', import.meta.url));
  const child = spawnSync(
    process.execPath,
    [
      '--require',
      hide,
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `import { openSqlite } from ${JSON.stringify(open)};
try { openSqlite(':memory:'); } catch (error) { console.log(error.message); }`,
    ],
    { encoding: 'utf8' },
  );
  assert.equal(
    child.stdout.trim(),
    `[cashfree-sandbox] no SQLite driver: this Node (${process.version}) has no node:sqlite (Node 22.13+ has it); run \`npm install better-sqlite3\``,
    child.stderr,
  );
});

test('SQLite seam: parameters are read from the SQL, not from string literals or comments', () => {
  assert.deepEqual(
    parameterShape(
      `SELECT '@not, :a ''param?''', "$col" -- ?, @comment
       /* :also @not ? */ FROM t WHERE a = @a AND b = :b AND c = $c AND d = @a AND e = ? AND f = ?`,
    ),
    { named: ['a', 'b', 'c'], positional: 2 },
  );
  assert.deepEqual(parameterShape('SELECT ?3, ?'), { named: [], positional: 4 });
  assert.deepEqual(parameterShape("SELECT json_extract(x, '$.a') FROM t"), { named: [], positional: 0 });
});

test('SQLite seam: node:sqlite gets only the names a statement uses, or the object itself when it ignores the rest', () => {
  const shape = parameterShape('INSERT INTO t (a, b) VALUES (@a, @b)');
  const row = { a: 1, b: 2, extra: 3 };
  // Before Node 22.15 node:sqlite throws on a key the statement does not name: the copy leaves it out.
  assert.deepEqual(bindArguments(shape, [row]), [{ a: 1, b: 2 }]);
  // Where the statement ignores unknown keys, a complete object is bound as it is, without a copy.
  const bound = bindArguments(shape, [row], true);
  assert.equal(bound[0], row);
  // An undefined value or a missing name still goes through the copy: NULL, or better-sqlite3's error.
  assert.deepEqual(bindArguments(shape, [{ a: undefined, b: 2 }], true), [{ a: null, b: 2 }]);
  assert.throws(() => bindArguments(shape, [{ a: 1 }], true), /Missing named parameter "b"/);
});

test('SQLite seam: a statement with only named parameters is numbered for node:sqlite, and its object bound by position', () => {
  const numbered = numberedForm("INSERT INTO t (a, b, c, note) VALUES (@a, :b, @a, '@not') -- @c");
  assert.deepEqual(numbered, {
    sql: "INSERT INTO t (a, b, c, note) VALUES (?1, ?2, ?1, '@not') -- @c",
    names: ['a', 'b'],
  });
  assert.equal(numberedForm('SELECT * FROM t WHERE a = @a AND b = ?'), undefined, 'mixed: left as it is');
  assert.equal(numberedForm('SELECT * FROM t WHERE a = ?'), undefined, 'positional only: left as it is');
  const shape = { named: ['a', 'b'], positional: 0 };
  assert.deepEqual(bindNamedByPosition(shape, [{ b: 2, a: 1, extra: 3 }]), [1, 2]);
  assert.deepEqual(bindNamedByPosition(shape, [{ a: undefined, b: 2 }]), [null, 2]);
  assert.throws(() => bindNamedByPosition(shape, [{ a: 1 }]), /Missing named parameter "b"/);
  assert.throws(() => bindNamedByPosition(shape, []), /Missing named parameter "a"/);
  assert.throws(() => bindNamedByPosition(shape, [1, 2]), /Too many parameter values/);
});

test('SQLite seam on node:sqlite as Node 22.13 has it (no isTransaction, no setAllowUnknownNamedParameters): nesting and binding hold', {
  skip: sqliteDriverProblem('node:sqlite') ?? false,
}, (t) => {
  const { DatabaseSync: Current } = process.getBuiltinModule('node:sqlite') as NodeSqliteModule;
  // Only the methods Node 22.13 has: the seam must count transactions and copy bound objects itself.
  class Older implements DatabaseSync {
    readonly #db: DatabaseSync;
    constructor(path: string) {
      this.#db = new Current(path);
    }
    exec(sql: string) {
      this.#db.exec(sql);
    }
    prepare(sql: string) {
      const statement = this.#db.prepare(sql);
      return {
        run: (...params: unknown[]) => statement.run(...params),
        get: (...params: unknown[]) => statement.get(...params),
        all: (...params: unknown[]) => statement.all(...params),
      };
    }
    close() {
      this.#db.close();
    }
  }
  const db = new NodeSqliteDb({ DatabaseSync: Older }, ':memory:');
  t.after(() => db.close());
  db.exec('CREATE TABLE t (a TEXT, b INTEGER)');
  const insert = db.prepare<{ a: string; b: number }>('INSERT INTO t (a, b) VALUES (@a, @b)');
  const inner = db.transaction((a: string) => {
    insert.run({ a, b: 1, extra: true } as { a: string; b: number });
    if (a === 'bad') throw new Error('inner fails');
  });
  db.transaction(() => {
    inner('good');
    assert.throws(() => inner('bad'), /inner fails/);
    assert.equal(db.inTransaction, true);
  })();
  assert.equal(db.inTransaction, false);
  assert.deepEqual(db.prepare('SELECT a, b FROM t').all(), [{ a: 'good', b: 1 }]);
});
