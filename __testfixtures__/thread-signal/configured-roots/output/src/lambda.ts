/** The shape of an AWS Lambda context (aws-lambda's Context). */
export interface LambdaContext {
  functionName: string;
  getRemainingTimeInMillis(): number;
}

async function loadOrder(id: string, signal?: AbortSignal) {
  const response = await fetch(`https://orders.example.com/${id}`, { signal });
  return response.json();
}

export async function orderHandler(event: { id: string }, context: LambdaContext) {
  return loadOrder(event.id, AbortSignal.timeout(context.getRemainingTimeInMillis() - 500));
}
