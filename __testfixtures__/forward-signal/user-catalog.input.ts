import { BillingClient } from '@acme/billing';

const billing = new BillingClient();

export async function charge(amount: number, signal: AbortSignal) {
  return billing.charges.create({ amount });
}
