/** A driver that throws on chosen statements, for tests of transactions and retries. */
import type { SqlDriver, SqlExecutor } from './driver.ts';

/** The first `failures` statements matching `statement` throw. Plain data, so it can reach a store's thread. */
export interface InjectedFault {
  statement: RegExp;
  failures: number;
}

export function failingDriver(driver: SqlDriver, fault: InjectedFault): SqlDriver {
  let remaining = fault.failures;
  const check = (sql: string) => {
    if (fault.statement.test(sql) && remaining > 0) {
      remaining -= 1;
      throw new Error(`injected failure on ${fault.statement}`);
    }
  };
  const guard = (executor: SqlExecutor): SqlExecutor => ({
    all: async (sql, parameters) => {
      check(sql);
      return executor.all(sql, parameters);
    },
    run: async (sql, parameters) => {
      check(sql);
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
