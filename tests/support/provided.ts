// Values the global setups hand to test files through vitest's provide/inject.
declare module 'vitest' {
  export interface ProvidedContext {
    /** api-pglite: a migrated PGlite data directory dump (uncompressed tar) every test database starts from. */
    pgliteTemplateFile?: string;
    /** api-postgres: superuser URL of the throwaway server's `postgres` database. */
    postgresAdminUrl?: string;
    /** api-postgres: the migrated database every test database is created from (CREATE DATABASE … TEMPLATE). */
    postgresTemplateDatabase?: string;
    /** api-postgres: server_version_num of the throwaway server (copies use STRATEGY FILE_COPY from 15 on). */
    postgresServerVersion?: number;
  }
}

export {};
