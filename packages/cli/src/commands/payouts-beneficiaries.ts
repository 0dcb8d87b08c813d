/** `cashfree payouts beneficiaries create|get|remove`. */

import { PAYOUT_OPERATIONS } from 'cashfree-kit';
import type { BeneficiaryLookup, CreateBeneficiaryRequest } from 'cashfree-kit/payouts';
import type { Command } from 'commander';
import { apiCommand } from '../api-command.js';
import type { CliContext } from '../context.js';
import { readJsonData, setField } from '../input/data.js';
import { CliError } from '../output/exit-codes.js';
import { createPayoutsClient } from '../payouts/client.js';
import { beneficiaryView } from '../payouts/views.js';

interface CreateFlags {
  beneficiaryId?: string;
  name?: string;
  account?: string;
  ifsc?: string;
  vpa?: string;
  email?: string;
  phone?: string;
  address?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  data?: string;
}

const INSTRUMENT = 'beneficiary_instrument_details';
const CONTACT = 'beneficiary_contact_details';

/** `<beneficiary_id>`, or `--account` with `--ifsc`: exactly one of the two lookups Cashfree offers. */
function beneficiaryLookup(
  id: string | undefined,
  flags: { account?: string; ifsc?: string },
): BeneficiaryLookup {
  const byAccount = flags.account !== undefined || flags.ifsc !== undefined;
  if (id !== undefined && byAccount) {
    throw new CliError('Give the beneficiary_id or --account with --ifsc, not both.');
  }
  if (id !== undefined) return { beneficiary_id: id };
  if (flags.account === undefined || flags.ifsc === undefined) {
    throw new CliError(
      'Say which beneficiary: its beneficiary_id (cashfree payouts beneficiaries get tea_estate_01), ' +
        'or --account with --ifsc (--account 026291800001191 --ifsc YESB0000262).',
    );
  }
  return { bank_account_number: flags.account, bank_ifsc: flags.ifsc };
}

export function registerPayoutsBeneficiariesCommands(payouts: Command, context: CliContext): void {
  const beneficiaries = payouts
    .command('beneficiaries')
    .description('save, fetch and remove the people and businesses you pay');
  const { output } = context;
  const operations = PAYOUT_OPERATIONS.beneficiaries;

  apiCommand(beneficiaries, 'create', operations.create)
    .option('--beneficiary-id <id>', 'beneficiary_id: up to 50 letters, digits, _ | . -')
    .option('--name <name>', 'beneficiary_name: letters and spaces, up to 100')
    .option(
      '--account <number>',
      'beneficiary_instrument_details.bank_account_number: 4-25 letters and digits',
    )
    .option('--ifsc <ifsc>', 'beneficiary_instrument_details.bank_ifsc, e.g. YESB0000262')
    .option('--vpa <vpa>', 'beneficiary_instrument_details.vpa, a UPI id such as success@upi')
    .option('--email <email>', 'beneficiary_contact_details.beneficiary_email')
    .option('--phone <digits>', 'beneficiary_contact_details.beneficiary_phone')
    .option('--address <text>', 'beneficiary_contact_details.beneficiary_address')
    .option('--city <text>', 'beneficiary_contact_details.beneficiary_city')
    .option('--state <text>', 'beneficiary_contact_details.beneficiary_state')
    .option('--postal-code <pin>', 'beneficiary_contact_details.beneficiary_postal_code, 6 digits')
    .option(
      '--data <file|->',
      'the JSON body (a file, - for stdin, or inline JSON); flags override its fields',
    )
    .action(async (flags: CreateFlags, command: Command) => {
      const body = await readJsonData(flags.data, context.runtime);
      setField(body, 'beneficiary_id', flags.beneficiaryId);
      setField(body, 'beneficiary_name', flags.name);
      setField(body, `${INSTRUMENT}.bank_account_number`, flags.account);
      setField(body, `${INSTRUMENT}.bank_ifsc`, flags.ifsc?.toUpperCase());
      setField(body, `${INSTRUMENT}.vpa`, flags.vpa);
      setField(body, `${CONTACT}.beneficiary_email`, flags.email);
      setField(body, `${CONTACT}.beneficiary_phone`, flags.phone);
      setField(body, `${CONTACT}.beneficiary_address`, flags.address);
      setField(body, `${CONTACT}.beneficiary_city`, flags.city);
      setField(body, `${CONTACT}.beneficiary_state`, flags.state);
      setField(body, `${CONTACT}.beneficiary_postal_code`, flags.postalCode);
      const client = createPayoutsClient(context.config(command), context.runtime.env);
      const beneficiary = await output.during('Saving beneficiary', () =>
        client.beneficiaries.create(body as unknown as CreateBeneficiaryRequest),
      );
      output.result(beneficiary, () => beneficiaryView(beneficiary));
    });

  apiCommand(beneficiaries, 'get', operations.get)
    .argument('[beneficiary_id]')
    .option('--account <number>', 'find it by bank_account_number instead (with --ifsc)')
    .option('--ifsc <ifsc>', 'the bank_ifsc that goes with --account')
    .action(async (id: string | undefined, flags: { account?: string; ifsc?: string }, command: Command) => {
      const lookup = beneficiaryLookup(id, flags);
      const client = createPayoutsClient(context.config(command), context.runtime.env);
      const beneficiary = await output.during('Fetching beneficiary', () => client.beneficiaries.get(lookup));
      output.result(beneficiary, () => beneficiaryView(beneficiary));
    });

  apiCommand(beneficiaries, 'remove', operations.remove)
    .argument('<beneficiary_id>')
    .action(async (id: string, _flags: unknown, command: Command) => {
      const client = createPayoutsClient(context.config(command), context.runtime.env);
      const beneficiary = await output.during('Removing beneficiary', () => client.beneficiaries.remove(id));
      output.result(beneficiary, () => beneficiaryView(beneficiary));
    });
}
