import { BillingClient } from '@acme/billing';
import { record } from '@acme/ledger';

const billing = new BillingClient();

// The billing entry says its typings take a null signal; the ledger entry does not.
export async function charge(amount: number, init?: RequestInit) {
  const receipt = await billing.charges.create({ amount }, { signal: init?.signal });
  await record(receipt, { signal: init?.signal ?? undefined });
  return receipt;
}
