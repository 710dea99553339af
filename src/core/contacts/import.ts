// Contacts import and export without a database: read a member's CSV (our template, Google Contacts,
// Outlook in English or German) or vCard file into checked drafts, and write drafts back as CSV or vCard.
// The server stores the drafts; the web app shows the file's columns and lets the member fix the mapping.
//
// Rules:
//   - UTF-8 (with or without BOM), UTF-16 with BOM, or Excel's Windows-1251 / Windows-1252;
//   - vCard when the file starts with BEGIN:VCARD or is named .vcf / .vcard, else CSV with `,`, `;` or tab;
//   - every problem is reported with the physical line its row or card starts on (the header is line 1),
//     and a row with a problem lists them all and is not imported;
//   - an export read back gives the same drafts.
export { type DecodedText, decodeContactBytes, type TextEncodingName } from './import/decode.ts';
export { contactsToCsv, contactsToVcard, templateCsv } from './import/export.ts';
export {
  fieldOfHeader,
  sourceOfHeaders,
  suggestMapping,
  TEMPLATE_FIELDS,
  TEMPLATE_HEADERS,
  type TemplateField,
  type TemplateLocale,
} from './import/mapping.ts';
export { type OpenedContactFile, readContactFile } from './import/read.ts';
export * from './import/types.ts';
export { parseContactDate, parseRelationship, parseStage } from './import/values.ts';
