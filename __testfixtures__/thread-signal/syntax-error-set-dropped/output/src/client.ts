export async function getUser(id: string) {
  return fetch(`/users/${id}`);
}

// Does not parse: no file of getUser's change set is changed.
export const broken = ;
