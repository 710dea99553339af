export * from './auth.ts';
export * from './contacts.ts';
export * from './diary.ts';
export * from './enums.ts';
export * from './followup.ts';
export * from './kpis.ts';
export * from './organizations.ts';
export * from './structure.ts';
