import axios from 'axios';

export class ApiError extends Error {}

// The catch turns every failure into the code's own ApiError, or sorts errors by type: an abort
// would reach it as an AbortError it was never written for.
export async function getUser(id: string, signal: AbortSignal) {
  try {
    const response = await axios.get(`/users/${id}`);
    return response.data;
  } catch (error) {
    throw new ApiError(`cannot load user ${id}`, { cause: error });
  }
}

export async function getTeam(id: string, signal: AbortSignal) {
  try {
    return await fetch(`/teams/${id}`);
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}

// The same with .catch() on the call.
export function getOrg(id: string, signal: AbortSignal) {
  return fetch(`/orgs/${id}`).catch((error) => {
    throw new ApiError(`cannot load org ${id}`, { cause: error });
  });
}
