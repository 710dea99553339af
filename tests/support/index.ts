// Test support for the API and database tests: `import { … } from '<relative>/tests/support/index.ts'`.
export * from './accounts.ts';
export * from './clock.ts';
export * from './config.ts';
export * from './context.ts';
export * from './database.ts';
export * from './factories.ts';
export * from './http.ts';
