/** A driver that throws on chosen statements, for tests of transactions and retries. */
import type { SqlDriver, SqlExecutor } from './driver.ts';

export function failingDriver(driver: SqlDriver, statement: RegExp, shouldFail: () => boolean): SqlDriver {
  const guard = (executor: SqlExecutor): SqlExecutor => ({
    all: async (sql, parameters) => {
      if (statement.test(sql) && shouldFail()) throw new Error(`injected failure on ${statement}`);
      return executor.all(sql, parameters);
    },
    run: async (sql, parameters) => {
      if (statement.test(sql) && shouldFail()) throw new Error(`injected failure on ${statement}`);
      return executor.run(sql, parameters);
    },
  });
  const outside = guard(driver);
  return {
    dialect: driver.dialect,
    all: outside.all,
    run: outside.run,
    transaction: (mode, work) => driver.transaction(mode, (executor) => work(guard(executor))),
    close: () => driver.close(),
  };
}
