// SQLite through Prisma's better-sqlite3 adapter uses ONE connection. The adapter makes
// transactions wait for each other, but not plain queries: a query issued by another
// update while a transaction is open runs inside that transaction and vanishes with it if
// the transaction rolls back. This factory wraps the adapter so that a query waits until
// no transaction is open. (Inside a transaction, always use its `tx` client: the outer
// client would wait for the transaction that is waiting for it, until Prisma's timeout.)
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Factory = InstanceType<typeof PrismaBetterSQLite3>;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** A FIFO lock: `acquire` resolves with the function that releases it. */
class Lock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

function serialize(adapter: Adapter): Adapter {
  const lock = new Lock();
  const exclusive = async <T>(run: () => Promise<T>): Promise<T> => {
    const release = await lock.acquire();
    try {
      return await run();
    } finally {
      release();
    }
  };
  const wrapper: Partial<Adapter> = {
    queryRaw: (query) => exclusive(() => adapter.queryRaw(query)),
    executeRaw: (query) => exclusive(() => adapter.executeRaw(query)),
    executeScript: (script) => exclusive(() => adapter.executeScript(script)),
    async startTransaction(isolationLevel) {
      const release = await lock.acquire();
      let tx: Transaction;
      try {
        tx = await adapter.startTransaction(isolationLevel);
      } catch (error) {
        release();
        throw error;
      }
      const end = (finish: () => Promise<void>) => async () => {
        try {
          await finish();
        } finally {
          release();
        }
      };
      return Object.assign(Object.create(tx) as Transaction, {
        commit: end(() => tx.commit()),
        rollback: end(() => tx.rollback()),
      });
    },
  };
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property in wrapper) return wrapper[property as keyof Adapter];
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export function createSerializedSqliteAdapter(
  ...args: ConstructorParameters<typeof PrismaBetterSQLite3>
): Factory {
  const factory = new PrismaBetterSQLite3(...args);
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === "connect") return async () => serialize(await target.connect());
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
