/**
 * A batch payout typed or uploaded as CSV, read into batch transfer items. One header line names
 * the columns; each row pays a saved beneficiary (`beneficiary_id,amount[,remarks]`) or one given
 * by its bank details (`name,bank_account_number,bank_ifsc,amount[,remarks]`). Amounts are rupees,
 * as typed on the page. Every problem is reported with its line number, and the batch is sent only
 * when there are none.
 */
import { rupeesToPaise } from 'cashfree-kit';
import type { BatchTransferItem } from 'cashfree-kit/payouts';

/** A problem with one line of the CSV (line 1 is the header). */
export interface CsvProblem {
  line: number;
  message: string;
}

/** One row to pay. */
export interface BatchRow {
  line: number;
  /** Who is paid: the beneficiary id, or the name given inline. */
  payee: string;
  amountPaise: number;
  item: Omit<BatchTransferItem, 'transfer_id'>;
}

const SAVED = ['beneficiary_id', 'amount'];
const INLINE = ['name', 'bank_account_number', 'bank_ifsc', 'amount'];
const OPTIONAL = ['remarks'];

/** The example batch the page starts with: two payments to the estate. */
export const EXAMPLE_CSV = `beneficiary_id,amount,remarks
kanchan_valley_tea_estate,2500,Second flush leaves
kanchan_valley_tea_estate,1200.50,Packing cartons`;

/** The fields of one CSV line: commas separate, double quotes may wrap a field (`""` is a quote). */
export function splitCsvLine(text: string): string[] | undefined {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === ',') {
      fields.push(field.trim());
      field = '';
    } else field += char;
  }
  if (quoted) return undefined;
  fields.push(field.trim());
  return fields;
}

/** Rupees as typed (`2500`, `1200.50`), as paise; `undefined` when it is not such an amount. */
function paise(text: string): number | undefined {
  return /^\d+(\.\d{1,2})?$/.test(text) ? rupeesToPaise(text) : undefined;
}

/** Reads the CSV; answers the rows, or every problem found, each with its line. */
export function readBatchCsv(csv: string): { rows: BatchRow[]; problems: CsvProblem[] } {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  if (headerIndex < 0) {
    return {
      rows: [],
      problems: [{ line: 1, message: `the CSV is empty: start with a header such as ${SAVED.join(',')}` }],
    };
  }
  const header = (splitCsvLine(lines[headerIndex] ?? '') ?? []).map((name) => name.toLowerCase());
  const headerLine = headerIndex + 1;
  const shape = [SAVED, INLINE].find((columns) => columns.every((c) => header.includes(c)));
  const unknown = header.filter((name) => ![...SAVED, ...INLINE, ...OPTIONAL].includes(name));
  if (!shape || unknown.length > 0) {
    const what =
      unknown.length > 0 ? `unknown column ${unknown.map((u) => `“${u}”`).join(', ')}` : 'missing columns';
    return {
      rows: [],
      problems: [
        {
          line: headerLine,
          message: `${what}: the header must be ${SAVED.join(',')}[,remarks] (a saved beneficiary) or ${INLINE.join(',')}[,remarks] (bank details)`,
        },
      ],
    };
  }
  const rows: BatchRow[] = [];
  const problems: CsvProblem[] = [];
  lines.forEach((text, index) => {
    const line = index + 1;
    if (index <= headerIndex || text.trim() === '') return;
    const fields = splitCsvLine(text);
    if (!fields) {
      problems.push({ line, message: 'a quoted field is not closed' });
      return;
    }
    if (fields.length !== header.length) {
      problems.push({
        line,
        message: `has ${fields.length} fields; the header has ${header.length} (${header.join(',')})`,
      });
      return;
    }
    const value = (name: string) => fields[header.indexOf(name)] ?? '';
    const missing = shape.filter((name) => value(name) === '');
    if (missing.length > 0) {
      problems.push({ line, message: `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} empty` });
      return;
    }
    const amountPaise = paise(value('amount'));
    if (amountPaise === undefined) {
      problems.push({
        line,
        message: `amount “${value('amount')}” is not an amount in rupees: write it like 2500 or 1200.50 (no ₹, no commas)`,
      });
      return;
    }
    const remarks = value('remarks');
    const saved = shape === SAVED;
    rows.push({
      line,
      payee: saved ? value('beneficiary_id') : value('name'),
      amountPaise,
      item: {
        transfer_amount: amountPaise / 100,
        transfer_currency: 'INR',
        transfer_mode: 'banktransfer',
        beneficiary_details: saved
          ? { beneficiary_id: value('beneficiary_id') }
          : {
              beneficiary_name: value('name'),
              beneficiary_instrument_details: {
                bank_account_number: value('bank_account_number'),
                bank_ifsc: value('bank_ifsc'),
              },
            },
        ...(remarks ? { transfer_remarks: remarks } : {}),
      },
    });
  });
  if (rows.length === 0 && problems.length === 0) {
    problems.push({ line: headerLine + 1, message: 'no rows to pay under the header' });
  }
  return { rows, problems };
}
