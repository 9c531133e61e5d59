/**
 * What the local cloud needs from the database engine (local-cloud/db): open a file, answer one
 * `database.*` action with the reply's `data`, count into the metrics, close. Kept as an interface so the
 * server can be started with another engine (tests).
 */
import type { CollectionSpec } from '../database/collections';
import type { DbMetrics } from './metrics';

export interface DatabaseEngine {
  handle(action: string, params: Record<string, unknown>, metrics?: DbMetrics): unknown;
  collectionNames(): string[];
  close(): void;
}

export interface OpenDatabaseOptions {
  /** A file path, or ':memory:'. */
  file: string;
  collections: CollectionSpec[];
  now: () => number;
}

export type OpenDatabase = (o: OpenDatabaseOptions) => DatabaseEngine;

/** The project's engine, loaded on first use. */
export const openProjectDatabase: OpenDatabase = (o) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const engine = require('./db') as { LocalDatabase: { open(o: OpenDatabaseOptions): DatabaseEngine } };
  return engine.LocalDatabase.open(o);
};
