/**
 * A CSV file of transfers, read into the items of a batch (`POST /transfers/batch`). Every bad row
 * is reported, by the line it starts on, with the field and the fix, so a file is corrected in one
 * go; the caller sends nothing while any problem remains. Parsing (quotes, embedded commas and
 * newlines, CRLF, a BOM) is csv-parse's; what a field must be is the SDK's checks.
 */

import { CREATE_BATCH_TRANSFER_CHECKS, isValidationError } from 'cashfree-kit';
import { type BatchTransferItem, validateCreateTransferRequest } from 'cashfree-kit/payouts';
import { CsvError, parse } from 'csv-parse/sync';
import { amountFlag, setField } from '../input/data.js';

/** One problem in the file: the line (1 = the header), the column or field, and the message with its fix. */
export interface CsvProblem {
  line: number;
  field: string;
  message: string;
}

/** The transfers read from a file, and what is wrong with it (nothing to send unless empty). */
export interface TransfersCsv {
  transfers: BatchTransferItem[];
  problems: CsvProblem[];
}

const INSTRUMENT = 'beneficiary_details.beneficiary_instrument_details';
const CONTACT = 'beneficiary_details.beneficiary_contact_details';

/** Header names (and their short forms) → the field of a transfer they fill. */
const COLUMNS: Readonly<Record<string, string>> = {
  transfer_id: 'transfer_id',
  amount: 'transfer_amount',
  transfer_amount: 'transfer_amount',
  currency: 'transfer_currency',
  transfer_currency: 'transfer_currency',
  mode: 'transfer_mode',
  transfer_mode: 'transfer_mode',
  remarks: 'transfer_remarks',
  transfer_remarks: 'transfer_remarks',
  fundsource_id: 'fundsource_id',
  beneficiary_id: 'beneficiary_details.beneficiary_id',
  name: 'beneficiary_details.beneficiary_name',
  beneficiary_name: 'beneficiary_details.beneficiary_name',
  account: `${INSTRUMENT}.bank_account_number`,
  bank_account_number: `${INSTRUMENT}.bank_account_number`,
  ifsc: `${INSTRUMENT}.bank_ifsc`,
  bank_ifsc: `${INSTRUMENT}.bank_ifsc`,
  vpa: `${INSTRUMENT}.vpa`,
  email: `${CONTACT}.beneficiary_email`,
  beneficiary_email: `${CONTACT}.beneficiary_email`,
  phone: `${CONTACT}.beneficiary_phone`,
  beneficiary_phone: `${CONTACT}.beneficiary_phone`,
};

const REQUIRED_FIELDS = ['transfer_id', 'transfer_amount'] as const;

/** The SDK's batch size limits (`transfers`: a list of min..max), read from the operation's checks. */
export function batchSizeLimits(): { min: number; max: number } {
  const rule = CREATE_BATCH_TRANSFER_CHECKS.find((r) => r.field === 'transfers');
  if (rule?.check.kind !== 'list') throw new Error("the SDK's batch checks have no list rule for transfers");
  return { min: rule.check.min, max: rule.check.max };
}

/** `Bank Account Number` → `bank_account_number`. */
function normalise(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Reads `text` (the file's contents); `where` names the file in messages. */
export function readTransfersCsv(text: string): TransfersCsv {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 1;
    return {
      transfers: [],
      problems: [
        {
          line,
          field: 'csv',
          message: `${error.message}. Put a value holding a comma, quote or line break in double quotes, and double a quote inside it ("").`,
        },
      ],
    };
  }
  // A record's info.lines is the line it ends on; one with line breaks inside quotes started earlier.
  const rows = records.map(({ record, info }) => ({
    cells: record,
    line: info.lines - record.reduce((breaks, cell) => breaks + (cell.match(/\n/g)?.length ?? 0), 0),
  }));
  const [header, ...data] = rows;
  if (header === undefined) {
    return {
      transfers: [],
      problems: [{ line: 1, field: 'csv', message: `The file is empty. ${headerHelp()}` }],
    };
  }
  const problems = checkHeader(header.cells, header.line);
  const { min, max } = batchSizeLimits();
  if (data.length < min) {
    problems.push({
      line: header.line + 1,
      field: 'transfers',
      message: 'The file has no transfers: add one row per transfer below the header.',
    });
  }
  if (data.length > max) {
    problems.push({
      line: data[max]?.line ?? header.line,
      field: 'transfers',
      message: `The file has ${data.length} transfers; a batch holds at most ${max}. Split it into files of at most ${max} rows.`,
    });
  }
  if (problems.length > 0) return { transfers: [], problems };

  const columns = header.cells.map((cell) => COLUMNS[normalise(cell)] as string);
  const columnOf = new Map(columns.map((field, i) => [field, header.cells[i]?.trim() ?? field]));
  const transfers: BatchTransferItem[] = [];
  const seen = new Map<string, number>();
  for (const row of data) {
    if (row.cells.length !== columns.length) {
      problems.push({
        line: row.line,
        field: 'csv',
        message: `line ${row.line} has ${row.cells.length} values, the header has ${columns.length}. Put a value holding a comma in double quotes, or add the missing values (empty is fine).`,
      });
      continue;
    }
    const body: Record<string, unknown> = {};
    columns.forEach((field, i) => {
      const value = row.cells[i]?.trim() ?? '';
      if (value === '') return;
      setField(body, field, field === 'transfer_amount' ? amountFlag(value) : value);
    });
    const problem = rowProblem(body, columnOf);
    if (problem) {
      problems.push({ line: row.line, ...problem });
      continue;
    }
    const id = String(body['transfer_id']);
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      problems.push({
        line: row.line,
        field: columnOf.get('transfer_id') ?? 'transfer_id',
        message: `transfer_id '${id}' is already on line ${earlier}; each transfer needs its own transfer_id (it is what stops a payout being made twice).`,
      });
      continue;
    }
    seen.set(id, row.line);
    transfers.push(body as unknown as BatchTransferItem);
  }
  return { transfers: problems.length > 0 ? [] : transfers, problems };
}

function headerHelp(): string {
  return (
    'The first line names the columns, e.g. transfer_id,amount,beneficiary_id,remarks ' +
    '(or bank_account_number,bank_ifsc,name instead of beneficiary_id; optional mode, vpa, email, phone).'
  );
}

function checkHeader(cells: readonly string[], line: number): CsvProblem[] {
  const problems: CsvProblem[] = [];
  const filled = new Map<string, string>();
  for (const cell of cells) {
    const field = COLUMNS[normalise(cell)];
    if (field === undefined) {
      problems.push({
        line,
        field: cell,
        message: `Unknown column '${cell}'. Use the transfer's fields: ${Object.keys(COLUMNS).join(', ')}.`,
      });
      continue;
    }
    const other = filled.get(field);
    if (other !== undefined) {
      problems.push({
        line,
        field: cell,
        message: `Columns '${other}' and '${cell}' both fill ${field}; keep one.`,
      });
    }
    filled.set(field, cell);
  }
  for (const field of REQUIRED_FIELDS) {
    if (!filled.has(field)) {
      problems.push({ line, field, message: `The header has no ${field} column. ${headerHelp()}` });
    }
  }
  return problems;
}

/** The first problem of one row: the SDK's checks, then who is paid. */
function rowProblem(
  body: Record<string, unknown>,
  columnOf: ReadonlyMap<string, string>,
): { field: string; message: string } | undefined {
  try {
    validateCreateTransferRequest(body);
  } catch (error) {
    if (!isValidationError(error)) throw error;
    const column = columnOf.get(error.field);
    // The SDK's message starts with the field, which the report already names.
    const prefix = `${error.field}: `;
    return {
      field: column && column !== error.field ? `${column} (${error.field})` : error.field,
      message: error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message,
    };
  }
  const details = (body['beneficiary_details'] ?? {}) as Record<string, unknown>;
  if (details['beneficiary_id'] !== undefined) return undefined;
  const instrument = (details['beneficiary_instrument_details'] ?? {}) as Record<string, unknown>;
  const upi = body['transfer_mode'] === 'upi';
  const paysTo = upi
    ? instrument['vpa'] !== undefined
    : instrument['bank_account_number'] !== undefined && instrument['bank_ifsc'] !== undefined;
  if (!paysTo || details['beneficiary_name'] === undefined) {
    return {
      field: 'beneficiary',
      message: upi
        ? 'Nobody to pay: fill beneficiary_id (a saved beneficiary), or vpa and name.'
        : 'Nobody to pay: fill beneficiary_id (a saved beneficiary), or bank_account_number, bank_ifsc and name.',
    };
  }
  return undefined;
}
