export function pair(request: Request, others: Request[]) {
  return [request, ...others];
}
