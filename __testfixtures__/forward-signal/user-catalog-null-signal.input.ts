import { BillingClient } from '@acme/billing';
import { record } from '@acme/ledger';

const billing = new BillingClient();

// The billing entry says its typings take a null signal; the ledger entry does not.
export async function charge(amount: number, init?: RequestInit) {
  const receipt = await billing.charges.create({ amount });
  await record(receipt);
  return receipt;
}
