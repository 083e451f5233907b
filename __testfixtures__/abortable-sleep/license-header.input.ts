/*
 * Copyright (c) Example Corp.
 * SPDX-License-Identifier: MIT
 */

export async function backoff(attempt: number, signal?: AbortSignal) {
  await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100));
}
