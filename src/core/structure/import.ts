// Importing members from a company's back office: parse a CSV export, validate every row, and plan the
// changes against the members that already exist. Pure: no I/O — the server and the command line feed
// it text and the existing members, and apply the plan (server/imports/service.ts).
//
// Rules:
//   - a header row names the columns (English, German or Bulgarian names, any case); unknown columns are
//     ignored; external_id and name are required;
//   - UTF-8 with or without BOM; `,` or `;` (or tab) as delimiter, detected from the header; quoted fields
//     may hold delimiters, quotes ("") and line breaks;
//   - a row without a sponsor is placed directly under the organization's root member;
//   - an empty cell never clears a stored value (the back office often leaves fields out);
//   - every problem is reported with the physical line of the file it starts on (the header is line 1).
export * from './import/columns.ts';
export * from './import/parse.ts';
export * from './import/plan.ts';
export * from './import/values.ts';
