// SQLite through Prisma's better-sqlite3 adapter uses ONE connection. The adapter makes
// transactions wait for each other, but not plain queries: a query issued by another
// update while a transaction is open runs inside that transaction and vanishes with it if
// the transaction rolls back. This factory wraps the adapter so that a query waits until
// no transaction is open. (Inside a transaction, always use its `tx` client: the outer
// client would wait for the transaction that is waiting for it, until Prisma's timeout.)
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";

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

type Exclusive = <T>(run: () => Promise<T> | T) => Promise<T>;

function serialize(adapter: Adapter, onConnected: (exclusive: Exclusive) => void): Adapter {
  const lock = new Lock();
  const exclusive: Exclusive = async (run) => {
    const release = await lock.acquire();
    try {
      return await run();
    } finally {
      release();
    }
  };
  onConnected(exclusive);
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

/**
 * The connection itself, for the hot path's plain SQL (src/db/direct.ts): `run` gets the
 * better-sqlite3 handle while no query or transaction of Prisma's is open, and must do its
 * work synchronously (several statements in one `transaction()` are one step).
 */
export interface SqliteConnectionAccess {
  /** Undefined until Prisma has connected. */
  run?: <T>(work: (connection: BetterSqlite3.Database) => T | Promise<T>) => Promise<T>;
}

export function createSerializedSqliteAdapter(...args: ConstructorParameters<typeof PrismaBetterSQLite3>): {
  factory: Factory;
  access: SqliteConnectionAccess;
} {
  const factory = new PrismaBetterSQLite3(...args);
  const access: SqliteConnectionAccess = {};
  const proxy = new Proxy(factory, {
    get(target, property, receiver) {
      if (property === "connect")
        return async () => {
          const adapter = await target.connect();
          // The adapter keeps its better-sqlite3 handle in `client` (not part of its types).
          const connection = (adapter as unknown as { client: BetterSqlite3.Database }).client;
          return serialize(adapter, (exclusive) => {
            access.run = (work) => exclusive(() => work(connection));
          });
        };
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { factory: proxy, access };
}
