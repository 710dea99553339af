import { describe, expect, it } from 'vitest';
import {
  type CatalogProduct,
  type ImportedOrders,
  type OrderImportContext,
  OrderImportReader,
  ROW_INVALID,
  ROW_NEW,
  readOrdersCsv,
  repeatedIds,
} from './import.ts';

const members = new Map([
  ['M1', 0],
  ['M2', 1],
  ['BG-7', 2],
]);
const products = new Map<string, CatalogProduct>([
  ['SKU-1', { id: 'p1', name: 'Aloe Gel', points: 1250, currency: 'BGN' }],
]);
const context: OrderImportContext = { members, products, latestDay: '2026-03-16', defaultCurrency: 'EUR' };

/** The valid rows as plain objects. */
function rowsOf(rows: ImportedOrders) {
  return Array.from({ length: rows.count }, (_, i) => ({
    line: rows.line[i],
    externalId: rows.externalId[i],
    member: rows.member[i],
    day: rows.days[rows.day[i]!],
    points: rows.points[i],
    amount: rows.amount[i],
    currency: rows.currencies[rows.currency[i]!],
    product: rows.products[rows.product[i]!],
    catalogId: rows.catalog[i]! >= 0 ? rows.catalogIds[rows.catalog[i]!] : null,
    buyerName: rows.buyerName[i],
  }));
}

describe('reading an orders CSV', () => {
  it('reads an English file with every column', () => {
    const csv =
      'external_id,member_external_id,ordered_on,points,amount,currency,product,sku,buyer_name\n' +
      'O-1,M1,2026-03-02,12.5,25.00,EUR,Shampoo,,Eva Braun\n' +
      'O-2,M2,2026-03-03,-3,-6.5,bgn,,,\n';
    const read = readOrdersCsv(csv, context);
    expect(read.issues).toEqual([]);
    expect(read.rowCount).toBe(2);
    expect(rowsOf(read.rows)).toEqual([
      {
        line: 2,
        externalId: 'O-1',
        member: 0,
        day: '2026-03-02',
        points: 1250,
        amount: 2500,
        currency: 'EUR',
        product: 'Shampoo',
        catalogId: null,
        buyerName: 'Eva Braun',
      },
      {
        line: 3,
        externalId: 'O-2',
        member: 1,
        day: '2026-03-03',
        points: -300,
        amount: -650,
        currency: 'BGN',
        product: '',
        catalogId: null,
        buyerName: null,
      },
    ]);
  });

  it('reads German headers, semicolons, decimal commas and dotted dates (UTF-8 with BOM)', () => {
    const csv =
      '\ufeffBestellnummer;Mitgliedsnummer;Bestelldatum;Punkte;Betrag;Währung;Artikel;Kunde\r\n' +
      'B-100;M2;02.03.2026;1.234,50;99,90;EUR;Tee;Jörg Müller\r\n';
    const read = readOrdersCsv(csv, context);
    expect(read.issues).toEqual([]);
    expect(read.delimiter).toBe(';');
    expect(rowsOf(read.rows)[0]).toMatchObject({
      externalId: 'B-100',
      day: '2026-03-02',
      points: 123450,
      amount: 9990,
      product: 'Tee',
      buyerName: 'Jörg Müller',
    });
  });

  it('reads Bulgarian headers; a SKU from the catalog gives points, name and currency', () => {
    const csv = 'Номер на поръчка;Номер на член;Дата;Точки;Сума;Код\nП-1;BG-7;2026-03-01;;30;SKU-1\n';
    const read = readOrdersCsv(csv, context);
    expect(read.issues).toEqual([]);
    expect(rowsOf(read.rows)[0]).toMatchObject({
      member: 2,
      points: 1250,
      amount: 3000,
      currency: 'BGN',
      product: 'Aloe Gel',
      catalogId: 'p1',
    });
  });

  it('reports every bad row with its physical line, field and reason, and keeps only good rows', () => {
    const csv = [
      'external_id,member_external_id,ordered_on,points,amount,currency,product',
      'A1,M1,2026-03-01,1,1,EUR,ok', // 2
      'A2,NOPE,2026-03-01,1,1,EUR,x', // 3
      'A3,M1,2026-02-30,1,1,EUR,x', // 4
      'A4,M1,2026-03-20,1,1,EUR,x', // 5
      'A5,M1,2026-03-01,1.234,1,EUR,x', // 6
      'A6,M1,2026-03-01,1,1,EURO,x', // 7
      ',M1,2026-03-01,1,1,EUR,x', // 8
      'A8,M1,2026-03-01,,1,EUR,x', // 9
      'A9,M1,2026-03-01,1,1,EUR,"two', // 10
      'lines",extra', // 11
      'A1,M2,2026-03-01,2,2,EUR,again', // 12
      'A11,M1,2026-03-01,abc,1e3,EUR,x', // 13
      '', // 14: blank
      'A12,M1,2026-03-01,2000000000,1,EUR,x', // 15
    ].join('\n');
    const read = readOrdersCsv(csv, context);
    expect(read.issues.map((i) => [i.line, i.field ?? null, i.code])).toEqual([
      [3, 'member_external_id', 'unknown_member'],
      [4, 'ordered_on', 'invalid_date'],
      [5, 'ordered_on', 'future_date'],
      [6, 'points', 'too_precise'],
      [7, 'currency', 'invalid_currency'],
      [8, 'external_id', 'required'],
      [9, 'points', 'required'],
      [10, null, 'too_many_fields'],
      [12, 'external_id', 'duplicate_id'],
      [13, 'points', 'invalid_number'],
      [13, 'amount', 'invalid_number'],
      [15, 'points', 'too_large'],
    ]);
    expect(read.issues.find((i) => i.line === 12)).toMatchObject({
      externalId: 'A1',
      message: 'The external id A1 is already on line 2.',
    });
    expect(read.errorCount).toBe(12);
    expect(read.rowCount).toBe(12);
    // The later A1 stays in the columns, marked invalid.
    expect(rowsOf(read.rows).map((r) => r.externalId)).toEqual(['A1', 'A1']);
    expect([...read.rows.state.subarray(0, 2)]).toEqual([ROW_NEW, ROW_INVALID]);
  });

  it('names the missing columns and checks no row then', () => {
    const read = readOrdersCsv('id,date\n1,2026-03-01\n2,2026-03-02\n', context);
    expect(read.issues.map((i) => [i.line, i.field, i.code])).toEqual([
      [1, 'member_external_id', 'missing_column'],
      [1, 'points', 'missing_column'],
    ]);
    expect(read.rowCount).toBe(2);
    expect(read.rows.count).toBe(0);
  });

  it('an empty file is one problem', () => {
    expect(readOrdersCsv('\n\n', context).issues).toMatchObject([{ line: 1, code: 'empty_file' }]);
    expect(readOrdersCsv('', context).issues).toMatchObject([{ line: 1, code: 'empty_file' }]);
  });

  it('reads the same rows when the file comes in small pieces', () => {
    const lines = ['external_id;member_external_id;ordered_on;points;product'];
    for (let i = 0; i < 500; i++)
      lines.push(`X${i};M${(i % 2) + 1};2026-03-0${(i % 9) + 1};${i},5;"P ""${i % 7}"""`);
    const csv = `${lines.join('\r\n')}\r\n`;
    const whole = readOrdersCsv(csv, context);
    const reader = new OrderImportReader(context);
    for (let i = 0; i < csv.length; i += 97) reader.push(csv.slice(i, i + 97));
    reader.end();
    expect(reader.issues).toEqual([]);
    expect(rowsOf(reader.rows)).toEqual(rowsOf(whole.rows));
    expect(reader.rows.count).toBe(500);
    expect(rowsOf(reader.rows)[3]).toMatchObject({ line: 5, points: 350, product: 'P "3"' });
    expect(reader.rows.products).toHaveLength(7);
    expect(reader.rows.days).toHaveLength(9);
  });
});

describe('repeatedIds', () => {
  it('pairs every later repetition with the first occurrence', () => {
    expect(repeatedIds(['a', 'b', 'a', 'c', 'b', 'a'])).toEqual([
      [2, 0],
      [4, 1],
      [5, 0],
    ]);
    expect(repeatedIds(Array.from({ length: 10_000 }, (_, i) => `ORD-${i}`))).toEqual([]);
  });
});
